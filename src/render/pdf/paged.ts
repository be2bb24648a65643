// The full print layout: Chromium prints the print document once Paged.js
// has laid it out into pages, whole, or part by part for a long dossier.
import type { Browser } from 'puppeteer';
import type { Dossier, Warning } from '../../model.js';
import { timer, type StepTimer } from '../../timing.js';
import { finishPdf, headingTexts } from './finish.js';
import { printTimeout } from './layout.js';
import { layOutInParts } from './paged-parts.js';
import { pagedTab } from './paged-tab.js';
import { HIDDEN_WORDS, repeatedPartsWarning, type HiddenWords } from './print-document.js';

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

/** Prints the print document once Paged.js has laid it out. */
export async function renderPagedPdf(printHtml: string, dossier: Dossier, browser: Browser, onStep?: StepTimer): Promise<{ pdf: Uint8Array; warnings: Warning[] }> {
  const step = timer(onStep ?? (() => {}));
  const timeout = printTimeout(dossier);
  const { page, repeated } = (await layOutInParts(printHtml, dossier, browser, step)) ?? (await step('layout', () => pagedTab(browser, printHtml, timeout)));
  try {
    const hidden = (await page.evaluate(HIDDEN_WORDS)) as HiddenWords[];
    await page.evaluate('dossierLinksToPages()');
    const pdf = await step('print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout }));
    return { pdf: await step('finish', () => finishPdf(pdf, dossier, { headings: headingTexts(printHtml) })), warnings: [...(repeated.length ? [repeatedPartsWarning(repeated)] : []), ...hidden.map(hiddenWarning)] };
  } finally {
    await page.close();
  }
}
