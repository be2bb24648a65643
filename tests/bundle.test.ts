// `npm run build` runs the command bundled by esbuild, not the TypeScript the
// other tests run through tsx: this builds the seeds with the bundle, in all
// five formats, as a user's first build does.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTool, tempDir } from './helpers.js';

const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'dossier', 'cli.js');

describe('the bundled command', () => {
  let out: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    const bundled = await runTool('bash', [path.join(ROOT, 'scripts', 'bundle.sh')]);
    expect(bundled.code, bundled.stderr).toBe(0);
    out = await tempDir();
    result = await runTool(process.execPath, [BUNDLE, '--input', path.join(ROOT, 'seeds'), '--out', out]);
  }, 120_000);

  it('builds the seeds in every format', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/wrote 7 files/);
    expect((await readdir(out)).sort()).toEqual(['dossier.epub', 'dossier.html', 'dossier.json', 'dossier.pdf', 'markdown']);
  });

  it('finds its templates, Paged.js and the cover fonts from where it is bundled', async () => {
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toMatch(/<nav class="contents"/);
    const pdf = await runTool('pdfinfo', [path.join(out, 'dossier.pdf')]);
    expect(pdf.stdout).toMatch(/^Pages:\s+11$/m);
    // A cover picture in the book means no warning about it.
    expect(JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')).warnings).toEqual([]);
    const book = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const opf = await book.file(/content\.opf$/)[0]!.async('string');
    expect(opf).toMatch(/properties="cover-image"/);
  });
});
