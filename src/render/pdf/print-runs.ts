// The laid-out parts of a long dossier joined into runs of pages, each run in
// a tab of its own, ready to print. Chromium's printing costs more per page
// the longer the document it prints (each page walks the whole of it: 1,000
// plain pages print in 7 s, 2,000 in 28 s), so a dossier of thousands of
// pages is printed a few hundred pages at a time and the files are joined
// (pdf-merge.ts). Pages are numbered through the runs, running heads carry
// over from one run to the next, and every page reference is the page's
// number in the whole dossier.
import os from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { offlinePage } from '../browser.js';
import type { LaidOutPart } from './paged-parts.js';
import { PAGE_NUMBERS } from './print-document.js';

/** Pages printed in one go: past a few hundred, Chromium takes longer per page. */
export const RUN_PAGES = 400;
/** Fewer pages than this are printed in one run: a second tab would cost more than it saves. */
const MIN_SPLIT_PAGES = 120;

/** Runs printed at once: Chromium prints each tab on a core of its own. */
export const PRINTS_AT_ONCE = Math.min(2, os.availableParallelism());

/**
 * Pages a run may hold: at most RUN_PAGES, and few enough that every tab
 * printing at once has a run to print, so the cores that laid out the parts
 * side by side also print them side by side.
 */
export function runSize(pages: number, tabs = PRINTS_AT_ONCE): number {
  if (pages < MIN_SPLIT_PAGES) return RUN_PAGES;
  return Math.min(RUN_PAGES, Math.ceil(pages / Math.max(1, tabs)));
}

/** Pages of one run: of which parts, from which page of the dossier. */
export interface PageRun {
  /** The dossier's page number (from 1) of the run's first page. */
  first: number;
  pages: { html: string; part: number }[];
}

/** Running heads at the end of a run, for the next one to start from. */
interface Carried {
  strings: Record<string, string>;
  setInPart: Record<string, boolean>;
  part: string | null;
}

/**
 * In a joined run: pages numbered through the dossier, only the first a
 * first page, right and left by their number. A part's named strings (the
 * running heads) start empty until the part sets them, where the whole
 * document would have carried them over from the page before: they are
 * carried, across parts and across runs.
 */
const JOIN_PAGES = `(function (total, first, carried) {
  var pages = Array.from(document.querySelectorAll('.pagedjs_pages > .pagedjs_page'));
  var strings = carried.strings, setInPart = carried.setInPart, part = carried.part;
  pages.forEach(function (page, index) {
    var number = first + index;
    page.id = 'page-' + number;
    page.setAttribute('data-page-number', String(number));
    if (number > 1) page.classList.remove('pagedjs_first_page');
    page.classList.toggle('pagedjs_right_page', number % 2 === 1);
    page.classList.toggle('pagedjs_left_page', number % 2 === 0);
    if (page.getAttribute('data-part') !== part) { part = page.getAttribute('data-part'); setInPart = {}; }
    var names = Array.from(page.style).filter(function (property) { return property.indexOf('--pagedjs-string-') === 0; });
    names.forEach(function (property) {
      var name = property.replace(/^--pagedjs-string-(first-except|first|last|start)-/, '');
      var value = page.style.getPropertyValue(property);
      if (value.trim() !== '""') setInPart[name] = true;
      else if (!setInPart[name] && strings[name] !== undefined) page.style.setProperty(property, strings[name]);
    });
    names.forEach(function (property) {
      if (property.indexOf('--pagedjs-string-last-') === 0) strings[property.slice('--pagedjs-string-last-'.length)] = page.style.getPropertyValue(property);
    });
  });
  // counter(page) counts the pages of this document: a later run's first page counts as all the pages up to it.
  if (first > 1 && pages.length) pages[0].style.setProperty('--pagedjs-page-counter-increment', String(first));
  document.querySelector('.pagedjs_pages').style.setProperty('--pagedjs-page-count', String(total));
  dossierPageNumbers();
  return { strings: strings, setInPart: setInPart, part: part };
})`;

/**
 * The dossier's pages in runs of at most `size` (by default, runSize of its
 * pages): whole parts where they fit (a run then starts where an article
 * does, and its bookmarks nest as in the whole), a part longer than a run cut
 * into runs of its own.
 */
export function pageRuns(parts: LaidOutPart[], size = runSize(parts.reduce((pages, part) => pages + part.pages.length, 0))): PageRun[] {
  const runs: PageRun[] = [];
  let current: PageRun | undefined;
  let next = 1;
  parts.forEach((part, index) => {
    const pages = part.pages.map((html) => ({ html, part: index }));
    if (current && current.pages.length + pages.length > size) current = undefined;
    for (let from = 0; from < pages.length; ) {
      if (!current || current.pages.length >= size) {
        current = { first: next, pages: [] };
        runs.push(current);
      }
      const taken = pages.slice(from, from + size - current.pages.length);
      current.pages.push(...taken);
      from += taken.length;
      next += taken.length;
    }
  });
  return runs;
}

/** A run's document (`partFirst`: the pages before each part): the style sheets of the parts its pages come from, and its pages marked with their part. */
function runDocument(parts: LaidOutPart[], partFirst: number[], run: PageRun): string {
  const sheets = new Map<string, Set<string>>();
  for (const index of new Set(run.pages.map((page) => page.part))) {
    for (const sheet of parts[index]!.styles) {
      const added = sheets.get(sheet.text) ?? new Set<string>();
      sheets.set(sheet.text, added);
      // Paged.js keys some rules (counters reset on a page) to a page's number: numbered through the dossier.
      for (const rule of sheet.added) added.add(rule.replace(/\[data-page-number="(\d+)"\]/g, (_, number: string) => `[data-page-number="${Number(number) + partFirst[index]!}"]`));
    }
  }
  const styles = [...sheets].map(([text, added]) => `<style>${[text, ...added].join('\n').replace(/<\/style/gi, '<\\/style')}</style>`);
  const pages = run.pages.map((page) => page.html.replace(/^<div\b/, `<div data-part="${page.part}"`));
  const [first] = parts;
  return `<!DOCTYPE html>${first!.html}<head><meta charset="utf-8">${styles.join('')}</head>${first!.body}${first!.pagesElement}${pages.join('')}</div></body></html>`;
}

/** Each id's page in the whole dossier, for links from one run to another. */
function pagesOfIds(parts: LaidOutPart[]): Record<string, number> {
  const pages: Record<string, number> = {};
  let offset = 0;
  for (const part of parts) {
    for (const [id, page] of part.ids) if (!(id in pages)) pages[id] = page + offset;
    offset += part.pages.length;
  }
  return pages;
}

/**
 * Joins each run in a tab of its own, one after another (each needs the
 * running heads the one before ends with), and hands it to `use`, which
 * prints it; the tab is closed after. Up to PRINTS_AT_ONCE runs print at
 * the same time, while the next is joined.
 */
export async function eachRun<T>(browser: Browser, parts: LaidOutPart[], runs: PageRun[], timeout: number, use: (page: Page, run: PageRun) => Promise<T>): Promise<T[]> {
  const total = runs.reduce((pages, run) => pages + run.pages.length, 0);
  const known = runs.length > 1 ? pagesOfIds(parts) : undefined;
  const partFirst: number[] = [];
  parts.reduce((before, part, index) => {
    partFirst[index] = before;
    return before + part.pages.length;
  }, 0);
  let carried: Carried = { strings: {}, setInPart: {}, part: null };
  const results: Promise<T>[] = [];
  const printing: Promise<unknown>[] = [];
  for (const run of runs) {
    if (printing.length >= PRINTS_AT_ONCE) await printing.shift();
    const page = await offlinePage(browser, { javaScript: true });
    try {
      await page.setContent(runDocument(parts, partFirst, run), { waitUntil: 'load', timeout });
      if (known) await page.evaluate((pages) => Object.assign(window, { dossierKnownPages: pages }), known);
      carried = (await page.evaluate(`${PAGE_NUMBERS}\n${JOIN_PAGES}(${total}, ${run.first}, ${JSON.stringify(carried)})`)) as Carried;
    } catch (error) {
      await page.close();
      await Promise.allSettled(results);
      throw error;
    }
    const result = use(page, run).finally(() => page.close());
    results.push(result);
    // Its failure is the caller's, through Promise.all below; the wait for a free tab only needs it settled.
    printing.push(result.catch(() => {}));
  }
  return Promise.all(results);
}
