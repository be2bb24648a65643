// The PDF reader and rewriter on its own: a small file laid out the way
// Chromium writes them (classic xref table, named destinations in /Dests),
// checked afterwards by qpdf and poppler, the real tools.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfFile, PdfName, PdfRef, PdfString, serialise, type PdfValue } from '../../src/render/pdf/pdf-file.js';
import { runTool, tempDir } from '../helpers.js';
import { samplePdf } from './pdf-sample.js';

describe('PdfFile', () => {
  it('reads the pages, the named destinations and literal strings with escapes', () => {
    const file = new PdfFile(samplePdf());
    expect(file.pages()).toEqual([4, 5]);
    expect(Object.fromEntries(file.destinationPages())).toEqual({ 'article-01-first': 0, 'article-02-café': 1 });
    const item = file.dict(new PdfRef(10))!;
    expect((item.get('Title') as PdfString).text()).toBe('vote forLabour (again)');
    expect(file.object(6).stream?.toString('latin1')).toBe('BT /F1 24 Tf 72 700 Td (Page) Tj ET');
  });

  it('writes text strings as UTF-16 and reads them back', () => {
    const value = PdfString.fromText('Jérusalem — ירושלים');
    expect(serialise(value)).toMatch(/^<FEFF/);
    expect(value.text()).toBe('Jérusalem — ירושלים');
    expect(serialise(new Map<string, PdfValue>([['Type', new PdfName('Page')], ['Count', 2], ['Box', [0, 1.5, 595.91998]]]))).toBe('<</Type /Page\n/Count 2\n/Box [0 1.5 595.91998]>>');
  });

  it('rewrites changed and added objects into a file qpdf finds sound', async () => {
    const file = new PdfFile(samplePdf());
    const info = new Map(file.dict(new PdfRef(1)));
    info.set('Title', PdfString.fromText('Dossier: café talks'));
    const page = new Map(file.dict(new PdfRef(5)));
    page.set('Contents', new PdfRef(11));
    const content = Buffer.from('BT /F1 24 Tf 72 700 Td (Second page) Tj ET', 'latin1');
    const rewritten = file.rewrite(
      new Map([
        [1, { value: info }],
        [5, { value: page }],
        [11, { value: new Map([['Length', content.length]]), stream: content }],
      ]),
    );
    const dir = await tempDir('dossier-pdf-file-');
    const out = path.join(dir, 'out.pdf');
    await writeFile(out, rewritten);
    const check = await runTool('qpdf', ['--check', out]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors/);
    expect((await runTool('pdfinfo', [out])).stdout).toMatch(/Title:\s+Dossier: café talks/);
    const text = (await runTool('pdftotext', [out, '-'])).stdout;
    expect(text).toMatch(/Page\s*\f\s*Second page/);
    // Read back: the new object is where the new xref table says.
    const again = new PdfFile(rewritten);
    expect(again.object(11).stream?.toString('latin1')).toContain('Second page');
    expect(again.size).toBe(12);
  });

  it('refuses a file it cannot read, with the reason', () => {
    expect(() => new PdfFile(Buffer.from('not a pdf'))).toThrow(/startxref/);
  });
});
