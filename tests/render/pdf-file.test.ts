// The PDF reader and rewriter on its own: a small file laid out the way
// Chromium writes them (classic xref table, named destinations in /Dests),
// checked afterwards by qpdf and poppler, the real tools.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfFile, PdfName, PdfRef, PdfString, serialise, type PdfValue } from '../../src/render/pdf/pdf-file.js';
import { runTool, tempDir } from '../helpers.js';

/** A two-page PDF with an outline item, a named destination per page and an Info dictionary. */
function samplePdf(title = 'Chromium title'): Buffer {
  const content = 'BT /F1 24 Tf 72 700 Td (Page) Tj ET';
  const objects = [
    `<</Title (${title})\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261201172314+00'00')>>`,
    '<</Type /Catalog\n/Pages 3 0 R\n/Dests 8 0 R\n/Outlines 9 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Kids [4 0 R 5 0 R]\n/Count 2>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.91998 842.88]\n/Resources <</Font <</F1 7 0 R>>>>\n/Contents 6 0 R>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.91998 842.88]\n/Resources <</Font <</F1 7 0 R>>>>\n/Contents 6 0 R>>',
    `<</Length ${content.length}>> stream\n${content}\nendstream`,
    '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>',
    '<</article-01-first [4 0 R /XYZ 0 842 0]\n/article-02-caf#C3#A9 [5 0 R /XYZ 0 842 0]>>',
    '<</Type /Outlines\n/First 10 0 R\n/Last 10 0 R\n/Count 1>>',
    '<</Title (vote forLabour \\(again\\))\n/Parent 9 0 R\n/Dest /article-02-caf#C3#A9>>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, 'latin1');
}

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
