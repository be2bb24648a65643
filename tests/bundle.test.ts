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

  it('reads Word, PDF, e-mail and feeds from where it is bundled (pdf.js loads its worker at run time)', async () => {
    const { CUTTINGS, docx, email, rss, typesetPdf } = await import('./input-files.js');
    const { writeFile } = await import('node:fs/promises');
    const input = await tempDir('dossier-bundle-inputs-');
    const inputsOut = await tempDir('dossier-bundle-inputs-out-');
    await writeFile(path.join(input, 'ferry.docx'), await docx(CUTTINGS.ferry));
    await writeFile(path.join(input, 'library.pdf'), await typesetPdf(CUTTINGS.library, { columns: 1, runningHead: 'Northfield Gazette' }));
    await writeFile(path.join(input, 'market.eml'), email(CUTTINGS.market, { date: 'Thu, 21 Mar 2024 08:15:00 +0000', from: 'Alerts <alerts@eastgate.example>' }));
    await writeFile(path.join(input, 'valley.rss'), rss('Valley Weekly', [{ cutting: CUTTINGS.orchard, url: 'https://valley.example/orchard', pubDate: 'Tue, 09 Apr 2024 08:00:00 +0100' }]));
    const built = await runTool(process.execPath, [BUNDLE, '--input', input, '--out', inputsOut, '--formats', 'json']);
    expect(built.code, built.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(inputsOut, 'dossier.json'), 'utf8'));
    expect(json.warnings).toEqual([]);
    expect(json.articles.map((article: { format: string }) => article.format).sort()).toEqual(['docx', 'email', 'feed', 'pdf']);
  }, 60_000);
});
