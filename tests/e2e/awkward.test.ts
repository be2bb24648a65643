// Odd but valid input: long paragraphs and headlines, names in other
// scripts, combining accents, zero-width characters, emoji, file names with
// spaces and accents in nested folders. All of it must come out right.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LONG_PARAGRAPH_LIMIT } from '../../src/render/pdf/pagedjs-fixes.js';
import { epubCheck, runCli, runTool, tempDir } from '../helpers.js';

let out: string;
let json: { articles: { file: string; title: string; titleDerived: boolean; words: number }[]; people: { name: string }[]; warnings: unknown[] };

const NAMES = 'Binyamin Netanyahu (בנימין נתניהו), Mahmoud Abbas (محمود عباس) and Xi Jinping (习近平)';
const SENTENCE = 'The committee heard evidence from residents, engineers and council officers about the bridge. ';
/** Unspaced text: a run with no space to cut at. */
const UNSPACED = '委員会は橋について住民と技術者から意見を聞いた。';

beforeAll(async () => {
  const input = await tempDir();
  await mkdir(path.join(input, 'Été 2024', 'sous-dossier – deux'), { recursive: true });
  await writeFile(
    path.join(input, 'Été 2024', 'names and scripts.txt'),
    `Leaders meet in Geneva\n\n${NAMES} were joined by Zoe\u0308 Bronte\u0308, Ángela Núñez and Søren Kier\u200Bkegaard in a room with a view 🌍.\n\nThe meeting lasted two hours; the communiqué spoke of “progress” and “next steps”.\n`,
  );
  await writeFile(path.join(input, 'Été 2024', 'sous-dossier – deux', 'long paragraph.txt'), `A very long report\n\n${SENTENCE.repeat(2200)}\n`);
  await writeFile(path.join(input, 'unspaced paragraph.txt'), `長い報告\n\n${UNSPACED.repeat(600)}\n`);
  const headline = Array.from({ length: 500 }, (_, index) => `word${index}`).join(' ');
  await writeFile(path.join(input, 'headline of 500 words.txt'), `${headline}\n\nThe body of an article whose first line is far too long to be a headline.\n`);
  out = await tempDir();
  const result = await runCli(['--input', input, '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
});

describe('paragraphs many pages long in print', () => {
  // Paged.js used to stop after a text node's second page: the PDF held a sixth of the paragraph, and nothing after it.
  it('prints every sentence of each, and what comes after them', async () => {
    const text = (await runTool('pdftotext', [path.join(out, 'dossier.pdf'), '-'])).stdout;
    expect(text.split('about the bridge.').length - 1).toBe(2200);
    // Only the paragraph's own characters, so that a page's foot and head between two halves of a sentence do not count.
    const unspaced = [...text.replaceAll('長い報告', '')].filter((character) => UNSPACED.includes(character)).join('');
    expect(unspaced).toBe(UNSPACED.repeat(600));
    expect(text).toContain('About this dossier');
  });
});

describe('awkward but valid input', () => {
  it('reads every file, in nested folders with spaces, accents and dashes', () => {
    expect(json.articles.map((article) => article.file)).toEqual([
      'headline of 500 words.txt',
      'unspaced paragraph.txt',
      'Été 2024/names and scripts.txt',
      'Été 2024/sous-dossier – deux/long paragraph.txt',
    ]);
    expect(json.warnings).toEqual([]);
    expect(json.articles[3]!.words).toBeGreaterThan(25_000);
  });

  it('does not take a 500-word first line for a headline', () => {
    const article = json.articles[0]!;
    expect(article.titleDerived).toBe(true);
    expect(article.title.split(/\s+/).length).toBeLessThanOrEqual(15);
  });

  it('keeps names in every script, with their accents, in the PDF text', async () => {
    const text = (await runTool('pdftotext', [path.join(out, 'dossier.pdf'), '-'])).stdout;
    for (const name of ['Netanyahu', 'נתניהו', 'محمود', 'عباس', '习近平', 'Núñez', 'Søren']) expect(text, name).toContain(name);
    // Combining accents and zero-width characters do not break a name apart.
    expect(text.normalize('NFC').replace(/\s+/g, ' ')).toContain('Zoë Brontë');
    expect(text).toContain('Kierkegaard');
  });

  it('makes an EPUB that EPUBCheck passes', async () => {
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });
});

describe('a paragraph longer than the print layout sets whole', () => {
  // Paged.js walks a split block from its start for every page: a paragraph of a few hundred pages never finished.
  it('is printed in pieces, every sentence of it and what follows, with a warning naming the file', async () => {
    const folder = await tempDir();
    const sentences = Math.ceil(LONG_PARAGRAPH_LIMIT / SENTENCE.length) + 100;
    await writeFile(path.join(folder, 'report.txt'), `A report of one paragraph\n\n${SENTENCE.repeat(sentences).trim()}\n\nThe end of the report.\n`);
    const output = await tempDir();
    const result = await runCli(['--input', folder, '--out', output, '--formats', 'pdf,json']);
    expect(result.code, result.stderr).toBe(0);
    const text = (await runTool('pdftotext', [path.join(output, 'dossier.pdf'), '-'])).stdout;
    expect(text.split('about the bridge.').length - 1).toBe(sentences);
    expect(text).toContain('The end of the report.');
    const built = JSON.parse(await readFile(path.join(output, 'dossier.json'), 'utf8')) as { warnings: { file: string; message: string }[] };
    expect(built.warnings).toEqual([{ file: 'report.txt', message: expect.stringMatching(/^a paragraph of over 300,000 characters is printed in pieces of about a page/) }]);
  });
});
