// Odd but valid input: long paragraphs and headlines, names in other
// scripts, combining accents, zero-width characters, emoji, file names with
// spaces and accents in nested folders. All of it must come out right.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runTool, tempDir } from '../helpers.js';

let out: string;
/** The same articles without the paragraph of 2,200 sentences, printed: see the test of that paragraph's PDF. */
let printed: string;
let json: { articles: { file: string; title: string; titleDerived: boolean; words: number }[]; people: { name: string }[]; warnings: unknown[] };

const NAMES = 'Binyamin Netanyahu (בנימין נתניהו), Mahmoud Abbas (محمود عباس) and Xi Jinping (习近平)';

beforeAll(async () => {
  const input = await tempDir();
  await mkdir(path.join(input, 'Été 2024', 'sous-dossier – deux'), { recursive: true });
  await writeFile(
    path.join(input, 'Été 2024', 'names and scripts.txt'),
    `Leaders meet in Geneva\n\n${NAMES} were joined by Zoe\u0308 Bronte\u0308, Ángela Núñez and Søren Kier\u200Bkegaard in a room with a view 🌍.\n\nThe meeting lasted two hours; the communiqué spoke of “progress” and “next steps”.\n`,
  );
  const sentence = 'The committee heard evidence from residents, engineers and council officers about the bridge. ';
  await writeFile(path.join(input, 'Été 2024', 'sous-dossier – deux', 'long paragraph.txt'), `A very long report\n\n${sentence.repeat(2200)}\n`);
  const headline = Array.from({ length: 500 }, (_, index) => `word${index}`).join(' ');
  await writeFile(path.join(input, 'headline of 500 words.txt'), `${headline}\n\nThe body of an article whose first line is far too long to be a headline.\n`);
  out = await tempDir();
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,md,json']);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
  const { rm } = await import('node:fs/promises');
  await rm(path.join(input, 'Été 2024', 'sous-dossier – deux'), { recursive: true });
  printed = await tempDir();
  const print = await runCli(['--input', input, '--out', printed, '--formats', 'pdf']);
  expect(print.code, print.stderr).toBe(0);
});

describe('a paragraph of 2,200 sentences in print', () => {
  // Known fault, not yet mended: Paged.js lays out about a sixth of such a paragraph and drops the rest.
  // The PDF used to be written without it and without a word; the build now says so and writes no PDF.
  it('fails the PDF naming the article, rather than print a sixth of it', async () => {
    const input = await tempDir();
    const sentence = 'The committee heard evidence from residents, engineers and council officers about the bridge. ';
    await writeFile(path.join(input, 'long paragraph.txt'), `A very long report\n\n${sentence.repeat(2200)}\n`);
    const result = await runCli(['--input', input, '--out', await tempDir(), '--formats', 'pdf']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/print layout left out part of "A very long report"/);
  });
});

describe('awkward but valid input', () => {
  it('reads every file, in nested folders with spaces, accents and dashes', () => {
    expect(json.articles.map((article) => article.file)).toEqual([
      'headline of 500 words.txt',
      'Été 2024/names and scripts.txt',
      'Été 2024/sous-dossier – deux/long paragraph.txt',
    ]);
    expect(json.warnings).toEqual([]);
    expect(json.articles[2]!.words).toBeGreaterThan(25_000);
  });

  it('does not take a 500-word first line for a headline', () => {
    const article = json.articles[0]!;
    expect(article.titleDerived).toBe(true);
    expect(article.title.split(/\s+/).length).toBeLessThanOrEqual(15);
  });

  it('keeps names in every script, with their accents, in the PDF text', async () => {
    const text = (await runTool('pdftotext', [path.join(printed, 'dossier.pdf'), '-'])).stdout;
    for (const name of ['Netanyahu', 'נתניהו', 'محمود', 'عباس', '习近平', 'Núñez', 'Søren']) expect(text, name).toContain(name);
    // Combining accents and zero-width characters do not break a name apart.
    expect(text.normalize('NFC').replace(/\s+/g, ' ')).toContain('Zoë Brontë');
    expect(text).toContain('Kierkegaard');
  });

  it('makes an EPUB that EPUBCheck passes', async () => {
    const report = path.join(out, 'epubcheck.json');
    await runTool('java', ['-jar', '/usr/share/java/epubcheck.jar', path.join(out, 'dossier.epub'), '--json', report]);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });
});
