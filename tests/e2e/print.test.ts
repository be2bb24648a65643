// The printed pack: page numbers in the contents that are right, the
// protective marking on every page, US Letter paper, and Chromium's own
// layout for dossiers too long for Paged.js.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES, runCli, runTool, tempDir } from '../helpers.js';
import { PdfFile } from '../../src/render/pdf/pdf-file.js';
import { contentsEntries, pdfLinks, pdfPages } from '../pdf.js';

describe.skipIf(!existsSync(path.join(CORPUS, 'story')))('a larger dossier: the BBC story cluster', () => {
  it('gives every article the page it starts on, in the contents and the bookmarks', async () => {
    const out = await tempDir();
    const result = await runCli(['--input', path.join(CORPUS, 'story'), '--out', out, '--formats', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    const articles = contentsEntries(pages).filter((entry) => entry.number !== undefined);
    expect(articles).toHaveLength(17);
    for (const entry of articles) {
      expect(pages[entry.page - 1], `${entry.number}. ${entry.title}`).toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
      expect(pages[entry.page - 2], `${entry.number}. ${entry.title}`).not.toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
    }
    pages.slice(1).forEach((page, index) => expect(page).toMatch(new RegExp(`Page ${index + 2} of ${pages.length}`)));
    const outline = JSON.parse((await runTool('qpdf', ['--json', '--json-key=outlines', path.join(out, 'dossier.pdf')])).stdout).outlines;
    const bookmarks: { title: string; destpageposfrom1: number }[] = [];
    const walk = (items: { title: string; destpageposfrom1: number; kids: unknown[] }[]) =>
      items.forEach((item) => {
        bookmarks.push(item);
        walk(item.kids as never);
      });
    walk(outline);
    for (const entry of articles) {
      const bookmark = bookmarks.find((candidate) => candidate.title.replace(/[‘’]/g, "'").startsWith(entry.title.replace(/[‘’]/g, "'").slice(0, 25)));
      expect(bookmark?.destpageposfrom1, entry.title).toBe(entry.page);
    }
  });
});

describe('a marked pack on US Letter paper', () => {
  it('carries the marking on every page, the cover included', async () => {
    const input = await tempDir();
    for (const name of ['byline', 'standfirst']) {
      const { readFile } = await import('node:fs/promises');
      await writeFile(path.join(input, `${name}.txt`), await readFile(path.join(FIXTURES, 'normalise', name, 'input.txt')));
    }
    await writeFile(path.join(input, 'dossier.yaml'), 'title: Marked pack\nmarking: OFFICIAL-SENSITIVE\n');
    const out = await tempDir();
    const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf', '--paper', 'letter']);
    expect(result.code, result.stderr).toBe(0);
    const info = (await runTool('pdfinfo', [path.join(out, 'dossier.pdf')])).stdout;
    expect(info).toMatch(/^Page size:\s+61[12](?:\.\d+)? x 792(?:\.\d+)? pts \(letter\)$/m);
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => expect(page, `page ${index + 1}`).toContain('OFFICIAL-SENSITIVE'));
  });
});

/**
 * A folder of `count` invented council meetings, article N with `paragraphs(N)` paragraphs
 * and, where `last(N)` gives one, a last paragraph of its own.
 */
async function councilMeetings(count: number, paragraphs: (index: number) => number, last: (index: number) => string | undefined = () => undefined): Promise<string> {
  const input = await tempDir();
  const towns = ['Arden', 'Belmont', 'Carrow', 'Dunmore', 'Elmstead', 'Fenwick', 'Garston', 'Holbeck'];
  for (let index = 1; index <= count; index++) {
    const town = towns[index % towns.length]!;
    const body = Array.from({ length: paragraphs(index) }, (_, paragraph) => `Councillors in ${town} met for the ${paragraph + 1}th time this year to discuss item ${index}, the bypass, the library and the bus station, and agreed to meet again.`);
    const extra = last(index);
    if (extra) body.push(extra);
    await writeFile(path.join(input, `${String(index).padStart(String(count).length, '0')}.txt`), `${town} council meeting ${index}\n\n${body.join('\n\n')}\n`);
  }
  return input;
}

describe('a long dossier: 700 articles, more than the old limit of the full layout', () => {
  // Up to 600 articles got the full layout; past that, Chromium's own, with no page-foot notes and no page numbers
  // for people, chosen without being asked. Now every length gets the full layout, laid out in parts.
  it('gives each article its page in the contents and each person every page they are on', async () => {
    // One person in every 50th article, late in it, so that their pages are spread through the book.
    const input = await councilMeetings(700, (index) => 1 + (index % 4) * 3, (index) => (index % 50 === 0 ? `The inspector, Marjorie Quentall, said the work on item ${index} was late.` : undefined));
    const out = await tempDir();
    const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf,json']);
    expect(result.code, result.stderr).toBe(0);
    const { readFile } = await import('node:fs/promises');
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    expect(json.warnings).toEqual([]);
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    const articles = contentsEntries(pages).filter((entry) => entry.number !== undefined);
    expect(articles.map((entry) => entry.number)).toEqual(Array.from({ length: 700 }, (_, index) => index + 1));
    for (const entry of articles) {
      expect(pages[entry.page - 1], `${entry.number}. ${entry.title}`).toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
      expect(pages[entry.page - 2], `${entry.number}. ${entry.title}`).not.toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
      // The running head names the article in force at the top of its first page.
      expect(pages[entry.page - 1]!.split('\n')[0], `${entry.number}. ${entry.title}`).toContain(`council meeting ${entry.number}`);
    }
    pages.slice(1).forEach((page, index) => expect(page).toMatch(new RegExp(`Page ${index + 2} of ${pages.length}`)));
    // The people page lists the pages she is on, and each is one of hers.
    const people = pages.join('\n').match(/Marjorie Quentall[\s\S]{0,200}?Pages ([\d–, \n]+)/);
    expect(people, 'her entry and its pages').toBeTruthy();
    const listed = people![1]!.replace(/\s+/g, ' ').split(',').flatMap((range) => {
      const [from, to] = range.trim().split('–').map(Number);
      return Array.from({ length: (to ?? from!) - from! + 1 }, (_, offset) => from! + offset);
    });
    expect(listed).toHaveLength(14);
    for (const page of listed) expect(pages[page - 1], `page ${page}`).toMatch(/Quentall/);
    // Printed in runs of pages and joined: one sound file, and every link still goes to a page of it, none out of it.
    const check = await runTool('qpdf', ['--check', path.join(out, 'dossier.pdf')]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).not.toMatch(/WARNING/);
    const links = pdfLinks(new PdfFile(await readFile(path.join(out, 'dossier.pdf'))));
    expect(links.length).toBeGreaterThan(700);
    expect(links.filter((link) => link.to === undefined || link.to >= pages.length)).toEqual([]);
    // Each contents line goes to its article's first page.
    const contentsLinks = links.filter((link) => link.from < articles[0]!.page - 1 && link.to! >= articles[0]!.page - 1);
    expect(contentsLinks.map((link) => link.to! + 1)).toEqual(expect.arrayContaining(articles.map((entry) => entry.page)));
  });
});

describe("Chromium's own layout, when asked for (--print-layout browser)", () => {
  it('still numbers every page, carries the marking and has a bookmark per article', async () => {
    const input = await tempDir();
    const { readFile } = await import('node:fs/promises');
    for (const name of ['byline', 'standfirst']) {
      await writeFile(path.join(input, `${name}.txt`), await readFile(path.join(FIXTURES, 'normalise', name, 'input.txt')));
    }
    await writeFile(path.join(input, 'dossier.yaml'), 'title: Long pack\nmarking: OFFICIAL-SENSITIVE\n');
    const out = await tempDir();
    const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf,json', '--print-layout', 'browser']);
    expect(result.code, result.stderr).toBe(0);
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toMatch(new RegExp(`Page ${index + 1} of ${pages.length}`));
      expect(page, `page ${index + 1}`).toContain('OFFICIAL-SENSITIVE');
    });
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    // Asked for by name, so no warning about the layout.
    expect(json.warnings.filter((warning: { file: string }) => warning.file === 'dossier.pdf')).toEqual([]);
    const outline = JSON.parse((await runTool('qpdf', ['--json', '--json-key=outlines', path.join(out, 'dossier.pdf')])).stdout).outlines;
    const titles = JSON.stringify(outline);
    for (const article of json.articles) expect(titles).toContain(article.title.replace(/'/g, '’').slice(0, 20));
    const info = (await runTool('pdfinfo', [path.join(out, 'dossier.pdf')])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('gives each article its page in the contents, over several contents pages', async () => {
    // Articles of different lengths, so that they start on pages that do not follow a pattern.
    const input = await councilMeetings(64, (index) => 2 + (index % 5) * 8);
    const out = await tempDir();
    const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf', '--print-layout', 'browser']);
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(out, 'dossier.pdf');
    const check = await runTool('qpdf', ['--check', file]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const pages = await pdfPages(file);
    const entries = pages
      .flatMap((page) => [...page.matchAll(/^\s*\d+\.\s+(\S.*?council meeting (\d+))\s{2,}(\d+)\s*$/gm)])
      .map((match) => ({ title: match[1]!, number: Number(match[2]), page: Number(match[3]) }));
    expect(entries.map((entry) => entry.number)).toEqual(Array.from({ length: 64 }, (_, index) => index + 1));
    const contentsPages = pages.filter((page) => /council meeting \d+\s{2,}\d+\s*$/m.test(page)).length;
    expect(contentsPages, 'the contents take more than one page').toBeGreaterThan(1);
    for (const entry of entries) {
      const page = pages[entry.page - 1]!;
      expect(page, `${entry.title} on page ${entry.page}`).toMatch(new RegExp(`^\\s*${entry.title}\\s*$`, 'm'));
      expect(pages[entry.page - 2]!, `${entry.title} does not start a page earlier`).not.toMatch(new RegExp(`^\\s*${entry.title}\\s*$`, 'm'));
    }
    // The contents pages still count the whole document in their foot.
    expect(pages[1]).toMatch(new RegExp(`Page 2 of ${pages.length}`));
  });
});

describe('a part of the pack Paged.js cannot lay out', () => {
  it('fails the PDF with a message naming the part, and the other formats are written', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, '01.md'), '# Harbour fees rise\n\nThe harbour board raised its fees on 4 March 2025, the second rise this year.\n');
    // Type so large that a few lines fill a page: Paged.js lays one page out twice and hides the rest past the page's
    // foot (a box taller than a page, or a long briefing row, used to do the same), and the PDF used to print without
    // it and without a word.
    const templates = await tempDir();
    const text = 'The harbour board said the new quay had cost far more than it had told the council. '.repeat(11).slice(0, 950);
    await writeFile(
      path.join(templates, 'chronology.njk'),
      `<section class="reference chronology" id="chronology" data-section="Chronology"><h2>Chronology</h2><p style="font-size: 90pt; line-height: 1">${text}</p></section>\n`,
    );
    const out = await tempDir();
    const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf,html', '--templates', templates]);
    expect(result.code).not.toBe(0);
    // The large type loses the rest of its own part, or of the part after it, whose pages it took.
    expect(result.stderr).toMatch(/print layout left out part of "(?:Chronology|About this dossier)"(?:, "About this dossier")?: .*taller than a page/);
    expect(existsSync(path.join(out, 'dossier.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'dossier.html'))).toBe(true);
  });
});
