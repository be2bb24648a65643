// Joining PDFs that Chromium printed from consecutive runs of pages: two
// real files from the real Chromium, one with a link to a page of the other,
// joined and checked by qpdf and poppler.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, offlinePage } from '../../src/render/browser.js';
import { PdfFile, PdfRef } from '../../src/render/pdf/pdf-file.js';
import { LINK_PREFIX, mergePdfs } from '../../src/render/pdf/pdf-merge.js';
import { pdfLinks as links, pdfPages } from '../pdf.js';
import { runTool, tempDir } from '../helpers.js';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>@page { size: A4; margin: 20mm } .next { break-before: page }</style></head><body>${body}</body></html>`;

describe('mergePdfs', () => {
  let browser: Browser;
  let joined: Buffer;
  let file: string;
  const print = async (html: string) => {
    const tab = await offlinePage(browser, { javaScript: false });
    await tab.setContent(html, { waitUntil: 'load' });
    const pdf = await tab.pdf({ preferCSSPageSize: true, outline: true, tagged: true });
    await tab.close();
    return new PdfFile(Buffer.from(pdf));
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    const first = await print(
      page('First', `<h1>First run</h1><p>See <a href="${LINK_PREFIX}3">the second run</a>.</p><h2 class="next" id="later">Later in the first</h2><p>More of the first run.</p>`),
    );
    const second = await print(
      page('Second', `<h1>Second run</h1><p>Back to <a href="${LINK_PREFIX}1">the start</a>, or on to <a href="#own">its own end</a>.</p><h2 class="next" id="own">End of the second</h2><p>Last words.</p>`),
    );
    joined = mergePdfs([first, second]);
    file = path.join(await tempDir(), 'joined.pdf');
    await writeFile(file, joined);
  }, 60_000);
  afterAll(() => browser?.close());

  it('makes one file that qpdf finds sound, tagged, with every page in order', async () => {
    const check = await runTool('qpdf', ['--check', file]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const info = (await runTool('pdfinfo', [file])).stdout;
    expect(info).toMatch(/^Pages:\s+4$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const pages = await pdfPages(file);
    expect(pages.map((text) => text.trim().split('\n')[0])).toEqual(['First run', 'Later in the first', 'Second run', 'End of the second']);
  });

  it('keeps every object of runs of different lengths, whatever numbers the others leave out', async () => {
    // A long run and a short one: the objects the join leaves out of the short one (its catalog, its outline's and
    // its structure's roots) have numbers that, in the long one, are its pages and its page tree.
    const long = await print(page('Long', Array.from({ length: 12 }, (_, index) => `<h1 class="next">Page ${index + 1} of the long run</h1><p>Words of page ${index + 1}.</p>`).join('')));
    const short = await print(page('Short', '<h1>The short run</h1><p>Its only page.</p>'));
    for (const order of [[long, short], [short, long]]) {
      const joinedFile = path.join(await tempDir(), 'joined.pdf');
      await writeFile(joinedFile, mergePdfs(order));
      const check = await runTool('qpdf', ['--check', joinedFile]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stdout + check.stderr).not.toMatch(/WARNING/);
      const texts = (await pdfPages(joinedFile)).map((text) => text.trim().split('\n')[0]);
      const longTexts = Array.from({ length: 12 }, (_, index) => `Page ${index + 1} of the long run`);
      expect(texts).toEqual(order[0] === long ? [...longTexts, 'The short run'] : ['The short run', ...longTexts]);
    }
  });

  it('turns a link to another run’s page into a link to that page, and keeps each run’s own links', () => {
    const found = links(new PdfFile(joined));
    expect(found.filter((link) => link.uri !== undefined)).toEqual([]);
    expect(found).toEqual(expect.arrayContaining([{ from: 0, to: 2 }, { from: 2, to: 0 }, { from: 2, to: 3 }]));
  });

  it('keeps one outline with both runs’ bookmarks, and one structure with a key of its own for each page', async () => {
    const outline = JSON.parse((await runTool('qpdf', ['--json', '--json-key=outlines', file])).stdout).outlines as { title: string; kids: { title: string }[] }[];
    const titles = (items: { title: string; kids: { title: string }[] }[]): string[] => items.flatMap((item) => [item.title, ...titles(item.kids as never)]);
    expect(titles(outline)).toEqual(['First run', 'Later in the first', 'Second run', 'End of the second']);
    const merged = new PdfFile(joined);
    const keys = merged.pages().map((num) => merged.dict(new PdfRef(num))!.get('StructParents'));
    expect(new Set(keys).size).toBe(4);
    const root = merged.dict(merged.catalog.get('StructTreeRoot'))!;
    const tree = merged.dict(root.get('ParentTree'))!;
    const nums = merged.resolve(tree.get('Nums')!) as number[];
    const treeKeys = nums.filter((_, index) => index % 2 === 0);
    for (const key of keys) expect(treeKeys).toContain(key);
    expect(new Set(treeKeys).size).toBe(treeKeys.length);
  });
});
