// The command as users meet it: arguments, exit codes, messages, and what
// is left on disk when something goes wrong.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, tempDir } from './helpers.js';

const SEEDS = path.join(ROOT, 'seeds');

describe('arguments', () => {
  it('rejects an unknown format with exit code 2 and the list of formats', async () => {
    const result = await runCli(['--formats', 'html,docx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--formats: unknown format "docx"; choose from html, pdf, epub, md, json/);
    expect(result.stderr).toMatch(/Usage:/);
  });

  it('rejects an unknown option', async () => {
    const result = await runCli(['--colour', 'red']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/colour/);
  });

  it('rejects an input folder that does not exist', async () => {
    const result = await runCli(['--input', '/no/such/folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--input: \/no\/such\/folder does not exist/);
  });

  it('rejects a print layout it does not know', async () => {
    const result = await runCli(['--print-layout', 'fast']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--print-layout: "fast" is not a layout; use auto, paged or browser/);
  });

  it('rejects a reading order it does not know', async () => {
    const result = await runCli(['--order', 'newest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--order: "newest" is not an order; use file, date, source/);
  });

  it('rejects a paper size it does not know', async () => {
    const result = await runCli(['--paper', 'a5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--paper: "a5" is not a paper size; use a4 or letter/);
  });

  it('prints its usage for --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--templates DIR/);
  });
});

describe('inputs that cannot make a dossier', () => {
  it('fails with exit code 1 when the folder holds no article files', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, 'notes.odt'), 'not an article');
    const result = await runCli(['--input', input, '--out', await tempDir(), '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no article files \(\.txt .*\) in /);
  });

  it('names every file it could not read when none could', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, 'empty.txt'), '');
    await writeFile(path.join(input, 'blank.txt'), '  \n\t\n');
    await writeFile(path.join(input, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const out = await tempDir();
    await writeFile(path.join(out, 'dossier.json'), '{"previous": true}\n');
    const result = await runCli(['--input', input, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: skipped: the file is empty/);
    expect(result.stderr).toMatch(/blank\.txt: skipped: it holds only whitespace/);
    expect(result.stderr).toMatch(/picture\.txt: skipped: it is a binary file/);
    // The good dossier from before is still there.
    expect(await readFile(path.join(out, 'dossier.json'), 'utf8')).toBe('{"previous": true}\n');
  });

  it('reports a broken dossier.yaml with its line and builds nothing', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, 'a.txt'), 'Headline\n\nBody text of the article.\n');
    await writeFile(path.join(input, 'dossier.yaml'), 'title: Fine\nsubtitle: [unclosed\n');
    const result = await runCli(['--input', input, '--out', await tempDir(), '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dossier\.yaml:\d+: not valid YAML/);
  });
});

describe('a folder with good and bad files', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    const input = await tempDir();
    await mkdir(path.join(input, 'sub', 'deeper'), { recursive: true });
    await mkdir(path.join(input, '.hidden'));
    await writeFile(path.join(input, 'b.txt'), 'Second headline\n\nThe second article has a body of its own.\n');
    await writeFile(path.join(input, 'sub', 'deeper', 'a.md'), '# First headline\n\nThe first article, in markdown.\n');
    await writeFile(path.join(input, 'sub', 'copy.txt'), 'Second headline\n\nThe second article has a body of its own.\n');
    await writeFile(path.join(input, 'empty.txt'), '');
    await writeFile(path.join(input, 'report.odt'), 'PK');
    await writeFile(path.join(input, '.hidden', 'x.txt'), 'Hidden\n\nNever read.\n');
    out = await tempDir();
    result = await runCli(['--input', input, '--out', out, '--formats', 'json,md', '--title', 'Mixed bag']);
  });

  it('builds the good ones, exit code 0', async () => {
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    expect(json.title).toBe('Mixed bag');
    expect(json.articles.map((article: { file: string }) => article.file)).toEqual(['b.txt', 'sub/deeper/a.md']);
    expect(json.articles.map((article: { id: string }) => article.id)).toEqual(['article-01-second-headline', 'article-02-first-headline']);
  });

  it('warns about each skipped file, naming it and the reason', async () => {
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    const messages = json.warnings.map((warning: { file: string; message: string }) => `${warning.file}: ${warning.message}`);
    expect(messages).toEqual([
      'report.odt: skipped: not an article format dossier reads (.txt .text .md .markdown .html .htm .docx .pdf .eml .rss .atom .xml).',
      'empty.txt: skipped: the file is empty.',
      'sub/copy.txt: skipped: an exact duplicate of b.txt.',
    ]);
    for (const message of messages) expect(result.stderr).toContain(`warning: ${message}`);
  });

  it('writes only the formats asked for', async () => {
    expect((await readdir(out)).sort()).toEqual(['dossier.json', 'markdown']);
    expect((await readdir(path.join(out, 'markdown'))).sort()).toEqual(['01-second-headline.md', '02-first-headline.md']);
  });
});

describe('when one format fails', () => {
  it('writes the others, keeps the old file and exits 1', async () => {
    const templates = await tempDir();
    await writeFile(path.join(templates, 'dossier.njk'), '{% if %}broken');
    const out = await tempDir();
    await writeFile(path.join(out, 'dossier.html'), '<p>previous good build</p>');
    const result = await runCli(['--out', out, '--formats', 'html,json', '--templates', templates]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: html: template dossier\.njk: .*Check the template/);
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toBe('<p>previous good build</p>');
    expect(JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')).articles).toHaveLength(3);
    expect((await readdir(out)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('says in one line how to get a browser when there is none', async () => {
    const out = await tempDir();
    const result = await runCli(['--input', SEEDS, '--out', out, '--formats', 'pdf,json'], {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium',
    });
    expect(result.code).toBe(1);
    const line = result.stderr.split('\n').find((text) => text.includes('error: pdf:'));
    expect(line).toMatch(/no Chromium browser found at \/nonexistent\/chromium: install Chromium .*apt-get install chromium.* or set PUPPETEER_EXECUTABLE_PATH/);
    expect((await readdir(out)).sort()).toEqual(['dossier.json']);
  });
});

describe('templates', () => {
  it('uses a copied and edited template in place of the default', async () => {
    const templates = await tempDir();
    const original = await readFile(path.join(ROOT, 'templates', 'article.njk'), 'utf8');
    await writeFile(path.join(templates, 'article.njk'), original.replace('>Article {{ article.number }}', '>Cutting {{ article.number }}'));
    await writeFile(path.join(templates, 'dossier.css'), 'body { color: rebeccapurple; }');
    const out = await tempDir();
    const result = await runCli(['--input', path.join(FIXTURES, 'normalise', 'byline'), '--out', out, '--formats', 'html', '--templates', templates]);
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    expect(html).toContain('Cutting 1');
    expect(html).toContain('rebeccapurple');
    // Templates not copied still come from the defaults.
    expect(html).toContain('About this dossier');
  });
});

describe('the out folder', () => {
  it('must be a folder', async () => {
    const file = path.join(await tempDir(), 'not-a-folder');
    await writeFile(file, 'x');
    const result = await runCli(['--out', file, '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out: .* is a file, not a folder/);
  });
});
