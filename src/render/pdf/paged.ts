// The full print layout: Chromium prints the print document once Paged.js
// has laid it out into pages, whole, or part by part for a long dossier and
// then in runs of a few hundred pages, joined into one file.
import type { Browser, Page } from 'puppeteer';
import type { Dossier, Warning } from '../../model.js';
import { timer, type StepTimer } from '../../timing.js';
import { finishPdf, headingTexts } from './finish.js';
import { printTimeout } from './layout.js';
import { layOutInParts } from './paged-parts.js';
import { pagedTab } from './paged-tab.js';
import { PdfFile, PdfLayoutError } from './pdf-file.js';
import { LINK_PREFIX, mergePdfs } from './pdf-merge.js';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LONG_PARAGRAPH_LIMIT } from './pagedjs-fixes.js';
import { HIDDEN_WORDS, repeatedPartsWarning, type HiddenWords } from './print-document.js';
import { eachRun, pageRuns, type PageRun } from './print-runs.js';

/**
 * Words the layout hid are printed nowhere: the PDF is still written, since
 * the rest of it is right, and the warning says where to look.
 */
function hiddenWarning(hidden: HiddenWords): Warning {
  return {
    file: 'dossier.pdf',
    message:
      `page ${hidden.page}${hidden.part ? ` (“${hidden.part}”)` : ''}: the print layout hid the last lines of the page from “${hidden.words}” on: ` +
      'Paged.js put more on the page than it holds (type too large for the page, or a note at its foot that took their room). The HTML page and the EPUB have them; ' +
      '--print-layout browser prints them, with notes after each article.',
  };
}

/** Paragraphs in `node` longer than the print layout sets whole. */
function longParagraphs(node: Nodes): number {
  if (node.type === 'paragraph') return toString(node).length > LONG_PARAGRAPH_LIMIT ? 1 : 0;
  return 'children' in node ? node.children.reduce((count: number, child: Nodes) => count + longParagraphs(child), 0) : 0;
}

/** Articles whose paragraphs of many pages are printed in pieces (print-document.ts). */
function longParagraphWarnings(dossier: Dossier): Warning[] {
  return dossier.articles.flatMap((article) => {
    const count = longParagraphs(article.body);
    if (!count) return [];
    return [
      {
        file: article.file,
        message:
          `${count === 1 ? 'a paragraph' : `${count} paragraphs`} of over ${LONG_PARAGRAPH_LIMIT.toLocaleString('en-GB')} characters ${count === 1 ? 'is' : 'are'} printed in pieces of about a page, ` +
          'each starting a new line, so that the print layout takes time in proportion to the length (the HTML page and the EPUB set it whole). Break it into paragraphs to print it as one would read it.',
      },
    ];
  });
}

/** A laid-out tab printed: the words it hides, and its PDF. Links to pages of other runs go to LINK_PREFIX when `runs` > 1. */
async function printTab(page: Page, runs: number, timeout: number): Promise<{ hidden: HiddenWords[]; pdf: Uint8Array }> {
  const hidden = (await page.evaluate(HIDDEN_WORDS)) as HiddenWords[];
  await page.evaluate(`dossierLinksToPages(${runs > 1 ? JSON.stringify(LINK_PREFIX) : ''})`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
  return { hidden, pdf };
}

/** The runs' PDFs joined; nothing when one is laid out otherwise than pdf-file.ts reads (cross-reference streams). */
function joinedRuns(printed: { pdf: Uint8Array }[]): Uint8Array | undefined {
  try {
    return mergePdfs(printed.map((run) => new PdfFile(Buffer.from(run.pdf.buffer, run.pdf.byteOffset, run.pdf.byteLength))));
  } catch (error) {
    if (error instanceof PdfLayoutError) return undefined;
    throw error;
  }
}

/** Prints the print document once Paged.js has laid it out. */
export async function renderPagedPdf(printHtml: string, dossier: Dossier, browser: Browser, onStep?: StepTimer): Promise<{ pdf: Uint8Array; warnings: Warning[] }> {
  const step = timer(onStep ?? (() => {}));
  const timeout = printTimeout(dossier);
  const inParts = await layOutInParts(printHtml, dossier, browser, step);
  let printed: { hidden: HiddenWords[]; pdf: Uint8Array }[];
  let repeated: string[];
  let pdf: Uint8Array;
  if (inParts) {
    repeated = inParts.repeated;
    const printRuns = (runs: PageRun[]) => step('print', () => eachRun(browser, inParts.parts, runs, timeout, (page) => printTab(page, runs.length, timeout)));
    printed = await printRuns(pageRuns(inParts.parts));
    const joined = printed.length > 1 ? await step('join runs', async () => joinedRuns(printed)) : printed[0]!.pdf;
    if (joined) pdf = joined;
    else {
      // Runs this reader cannot join: printed again in one.
      printed = await printRuns(pageRuns(inParts.parts, Number.POSITIVE_INFINITY));
      pdf = printed[0]!.pdf;
    }
  } else {
    const tab = await step('layout', () => pagedTab(browser, printHtml, timeout));
    repeated = tab.repeated;
    try {
      printed = [await step('print', () => printTab(tab.page, 1, timeout))];
      pdf = printed[0]!.pdf;
    } finally {
      await tab.page.close();
    }
  }
  const warnings = [
    ...longParagraphWarnings(dossier),
    ...(repeated.length ? [repeatedPartsWarning(repeated)] : []),
    ...printed.flatMap((run) => run.hidden.map(hiddenWarning)),
  ];
  return { pdf: await step('finish', () => finishPdf(pdf, dossier, { headings: headingTexts(printHtml) })), warnings };
}
