// The side-by-side comparisons: each of our builds measured against a tool
// doing the plainest version of the same job, in the same run.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pandocMarkdown, plainHtml, type CorpusArticle } from './corpus.js';
import type { BuildRun } from './figures.js';
import { forgetKeptCovers, ROOT, runJsdomRead } from './measure.js';
import { formatMs } from './report.js';
import { writeSavedPages } from './saved-pages.js';
import { attempt, build, freshDir, log } from './session.js';
import { stageTimes } from './stages.js';
import { chromiumPrint, pandoc } from './tools.js';

/** Short runs are noisy: the best of this many counts. */
export const SHORT_RUN_REPEATS = 3;
const ALL_FORMATS = ['html', 'pdf', 'epub', 'md', 'json'];

/** The articles of one size, copied into a folder of their own. */
export interface InputSet {
  size: number;
  dir: string;
  articles: CorpusArticle[];
}

export interface SeedsComparison {
  ours: BuildRun[];
  best?: BuildRun;
  chromiumOneLineMs: number[];
  chromiumBestMs?: number;
  ratio?: number;
}

/** (4) The seeds in all five formats against Chromium starting and printing one line; interleaved, best of three each. */
export async function compareSeeds(chromium: string | undefined, work: string): Promise<SeedsComparison> {
  const page = path.join(work, 'one-line.html');
  await writeFile(page, '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>One line</title></head><body><p>One line.</p></body></html>\n');
  const ours: BuildRun[] = [];
  const chromiumOneLineMs: number[] = [];
  for (let round = 1; round <= SHORT_RUN_REPEATS; round++) {
    const run = await build(`seeds (${round} of ${SHORT_RUN_REPEATS})`, { input: path.join(ROOT, 'seeds'), out: path.join(work, 'out-seeds'), formats: ALL_FORMATS });
    if (run) ours.push(run);
    if (chromium) {
      const printed = await attempt('Chromium one-line print', () => chromiumPrint(chromium, page, path.join(work, 'one-line.pdf')));
      if (printed) chromiumOneLineMs.push(printed.ms);
    }
  }
  const best = ours.length ? ours.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)) : undefined;
  const chromiumBestMs = chromiumOneLineMs.length ? Math.min(...chromiumOneLineMs) : undefined;
  return {
    ours,
    ...(best ? { best } : {}),
    chromiumOneLineMs,
    ...(chromiumBestMs !== undefined ? { chromiumBestMs } : {}),
    ...(best && chromiumBestMs ? { ratio: best.wallMs / chromiumBestMs } : {}),
  };
}

export interface ColdEpubComparison {
  /** The seeds to EPUB alone, no cover picture kept from an earlier build. */
  epub: BuildRun[];
  /** The seeds to markdown and JSON, then the EPUB's cover drawn after the build in the same process: nothing overlaps the cover. */
  reference: BuildRun[];
  bestEpubMs?: number;
  bestReferenceMs?: number;
  /** The cover alone, in the reference's best run. */
  coverMs?: number;
  ratio?: number;
}

/**
 * (5) A cold EPUB build of the seeds against the same build without the book
 * (md,json) followed by drawing the cover, which is what the EPUB adds that
 * takes long: the cover's thread, satori, fonts, layout, painting. At or
 * under 1, the book and its cover cost no more than the cover drawn alone;
 * the cover is hidden behind reading and enrichment. Interleaved, best of
 * three each, every one cold.
 */
export async function compareColdEpub(work: string): Promise<ColdEpubComparison> {
  const seeds = path.join(ROOT, 'seeds');
  const epub: BuildRun[] = [];
  const reference: BuildRun[] = [];
  for (let round = 1; round <= SHORT_RUN_REPEATS; round++) {
    const of = `(${round} of ${SHORT_RUN_REPEATS})`;
    await forgetKeptCovers();
    const book = await build(`seeds, cold epub ${of}`, { input: seeds, out: await freshDir(path.join(work, 'out-cold-epub')), formats: ['epub'] });
    if (book) epub.push(book);
    await forgetKeptCovers();
    const without = await build(`seeds, md,json then the cover ${of}`, { input: seeds, out: await freshDir(path.join(work, 'out-cold-epub-reference')), formats: ['md', 'json'], coverAfter: true });
    if (without) reference.push(without);
  }
  await forgetKeptCovers();
  const bestOf = (runs: BuildRun[]) => (runs.length ? runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)) : undefined);
  const bestEpub = bestOf(epub);
  const bestReference = bestOf(reference);
  return {
    epub,
    reference,
    ...(bestEpub ? { bestEpubMs: bestEpub.wallMs } : {}),
    ...(bestReference ? { bestReferenceMs: bestReference.wallMs, ...(bestReference.coverMs !== undefined ? { coverMs: bestReference.coverMs } : {}) } : {}),
    ...(bestEpub && bestReference ? { ratio: bestEpub.wallMs / bestReference.wallMs } : {}),
  };
}

export interface PandocComparison {
  size: number;
  htmlMs: number;
  epubMs: number;
  totalMs: number;
  /** pandoc's HTML page, printed as the PDF floor. */
  html: string;
}

/** (2) pandoc on the same articles: a standalone HTML page with contents, and an EPUB 3 (pandoc's default EPUB). */
export async function comparePandoc(set: InputSet, work: string): Promise<PandocComparison> {
  const markdown = path.join(work, `pandoc-${set.size}.md`);
  await writeFile(markdown, pandocMarkdown(set.articles));
  log(`${set.size}: pandoc to HTML and to EPUB…`);
  const html = path.join(work, `pandoc-${set.size}.html`);
  const htmlRun = await pandoc(markdown, html, ['-s']);
  const epubRun = await pandoc(markdown, path.join(work, `pandoc-${set.size}.epub`), []);
  log(`${set.size}: pandoc took ${formatMs(htmlRun.ms)} for HTML, ${formatMs(epubRun.ms)} for EPUB`);
  return { size: set.size, htmlMs: htmlRun.ms, epubMs: epubRun.ms, totalMs: htmlRun.ms + epubRun.ms, html };
}

export interface PdfComparison {
  size: number;
  ours?: BuildRun;
  /** What Chromium printed as the floor. */
  floor: string;
  chromiumPrintMs?: number;
  ratio?: number;
}

/** (3) Our PDF against Chromium printing pandoc's HTML of the same articles (no page-numbered contents, no footnotes). */
export async function comparePdf(set: InputSet, chromium: string | undefined, pandocPage: PandocComparison | undefined, hasPandoc: boolean, work: string): Promise<PdfComparison> {
  const label = `${set.size} pdf`;
  const ours = await build(label, { input: set.dir, out: await freshDir(path.join(work, `out-${set.size}-pdf`)), formats: ['pdf'] });
  const floor = hasPandoc ? "pandoc's HTML" : 'a plain HTML page';
  const chromiumPrintMs = chromium
    ? await attempt('Chromium print', async () => {
        const html = pandocPage?.size === set.size ? pandocPage.html : await floorPage(set, hasPandoc, work);
        log(`${label}: Chromium printing ${floor}…`);
        const printed = await chromiumPrint(chromium, html, path.join(work, `floor-${set.size}.pdf`));
        log(`${label}: Chromium took ${formatMs(printed.ms)}`);
        return printed.ms;
      })
    : undefined;
  return {
    size: set.size,
    ...(ours ? { ours } : {}),
    floor,
    ...(chromiumPrintMs !== undefined ? { chromiumPrintMs } : {}),
    ...(ours && chromiumPrintMs ? { ratio: ours.wallMs / chromiumPrintMs } : {}),
  };
}

/** The HTML Chromium prints as the PDF floor: pandoc's page of the same articles, or a plain one without pandoc. */
async function floorPage(set: InputSet, hasPandoc: boolean, work: string): Promise<string> {
  const markdown = path.join(work, `pandoc-${set.size}.md`);
  const html = path.join(work, `floor-${set.size}.html`);
  if (hasPandoc) {
    await writeFile(markdown, pandocMarkdown(set.articles));
    await pandoc(markdown, html, ['-s']);
  } else {
    await writeFile(html, plainHtml(set.articles));
  }
  return html;
}

export interface SavedPagesComparison {
  pages: number;
  /** Best of the runs: the read stage in ms, and the build's peak RSS (threads included). */
  oneThread?: { readMs: number; peakRssBytes: number };
  threads?: { readMs: number; peakRssBytes: number };
  /** One thread's read time over the threads' read time: how many times faster the threads read. */
  speedUp?: number;
  /** Best of the runs: jsdom and Readability alone on the same pages, the reader's engine before linkedom (read-jsdom.ts). */
  jsdom?: { readMs: number; peakRssBytes: number };
  /** Our read stage on one thread over jsdom's: under 0.5, ours reads more than twice as fast. */
  ratioToJsdom?: number;
}

/**
 * Generated saved pages (saved-pages.ts), read by the build on the main
 * thread alone (DOSSIER_READ_THREADS=0) and in reading threads, and by jsdom
 * and Readability alone, as the reader read them before linkedom: taking
 * turns in the same run so all three see the same machine.
 */
export async function compareSavedPages(work: string, pages: number): Promise<SavedPagesComparison> {
  const input = path.join(work, 'saved-pages');
  await rm(input, { recursive: true, force: true });
  await writeSavedPages(input, pages);
  type Reading = { readMs: number; peakRssBytes: number };
  const best = (runs: Reading[]) =>
    runs.length === 0 ? undefined : { readMs: Math.min(...runs.map((run) => run.readMs)), peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)) };
  const reading = (run: BuildRun | undefined) => (run ? [{ readMs: readMs(run), peakRssBytes: run.peakRssBytes }] : []);
  const one: Reading[] = [];
  const threaded: Reading[] = [];
  const jsdomRuns: Reading[] = [];
  for (let round = 1; round <= SHORT_RUN_REPEATS; round++) {
    const of = `(${round} of ${SHORT_RUN_REPEATS})`;
    one.push(...reading(await build(`saved pages, one thread ${of}`, { input, out: path.join(work, 'out-saved-pages'), formats: ['json'], readThreads: 0 })));
    // As many threads as the memory budget allows (html-threads.ts), whatever else keeps the cores busy now.
    threaded.push(...reading(await build(`saved pages, reading threads ${of}`, { input, out: path.join(work, 'out-saved-pages'), formats: ['json'], readThreads: 2 })));
    log(`saved pages, jsdom and Readability ${of}…`);
    const jsdom = await attempt(`saved pages, jsdom ${of}`, () => runJsdomRead(input));
    if (jsdom) {
      log(`saved pages, jsdom and Readability ${of}: ${jsdom.pages} pages in ${formatMs(jsdom.readMs)}`);
      jsdomRuns.push(jsdom);
    }
  }
  const oneThread = best(one);
  const threads = best(threaded);
  const jsdom = best(jsdomRuns);
  return {
    pages,
    ...(oneThread ? { oneThread } : {}),
    ...(threads ? { threads } : {}),
    ...(oneThread && threads ? { speedUp: oneThread.readMs / threads.readMs } : {}),
    ...(jsdom ? { jsdom } : {}),
    ...(oneThread && jsdom ? { ratioToJsdom: oneThread.readMs / jsdom.readMs } : {}),
  };
}

function readMs(run: BuildRun): number {
  return stageTimes(run).find((stage) => stage.name === 'read')?.ms ?? run.wallMs;
}
