// Finishing the PDF Chromium printed: metadata and bookmark titles, also for
// a PDF with cross-reference streams, which pdf-file.ts does not read and
// pdf-lib finishes instead. Checked by qpdf and poppler, the real tools.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/render/pdf/finish.js';
import { PdfFile } from '../../src/render/pdf/pdf-file.js';
import { memoryDossier, runTool, tempDir } from '../helpers.js';
import { samplePdf } from './pdf-sample.js';

const dossier = memoryDossier({ title: 'Port strike: Jérusalem — ירושלים', compiledBy: 'Research desk', language: 'en-GB' });
const headings = ['First', 'vote for Labour (again)'];

async function checked(pdf: Uint8Array): Promise<{ info: string; outline: string }> {
  const dir = await tempDir();
  const file = path.join(dir, 'finished.pdf');
  await writeFile(file, pdf);
  const check = await runTool('qpdf', ['--check', file]);
  expect(check.code, check.stdout + check.stderr).toBe(0);
  const info = await runTool('pdfinfo', ['-enc', 'UTF-8', file]);
  const json = await runTool('qpdf', ['--json', '--json-key=outlines', file]);
  return { info: info.stdout, outline: json.stdout };
}

describe('finishPdf', () => {
  it('sets the metadata and the bookmark titles of a PDF with a classic xref table', async () => {
    const { info, outline } = await checked(await finishPdf(samplePdf(), dossier, { headings }));
    expect(info).toMatch(/Title:\s+Port strike: Jérusalem — ירושלים/);
    expect(info).toMatch(/Author:\s+Research desk/);
    expect(outline).toContain('vote for Labour (again)');
  });

  it('falls back to pdf-lib for a PDF with cross-reference streams, with the same result', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'in.pdf'), samplePdf());
    // qpdf rewrites the file with object and cross-reference streams, as some PDF writers do.
    const converted = await runTool('qpdf', ['--object-streams=generate', path.join(dir, 'in.pdf'), path.join(dir, 'streams.pdf')]);
    expect(converted.code, converted.stderr).toBe(0);
    const streams = await readFile(path.join(dir, 'streams.pdf'));
    expect(() => new PdfFile(streams)).toThrow(/no classic xref table/);
    const { info, outline } = await checked(await finishPdf(streams, dossier, { headings }));
    expect(info).toMatch(/Title:\s+Port strike: Jérusalem — ירושלים/);
    expect(info).toMatch(/Author:\s+Research desk/);
    expect(info).toMatch(/Producer:\s+dossier with Chromium/);
    expect(outline).toContain('vote for Labour (again)');
  });
});
