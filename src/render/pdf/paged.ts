// The full print layout: Chromium prints the print document once Paged.js
// has laid it out into pages.
import type { Browser } from 'puppeteer';
import type { Dossier } from '../../model.js';
import { offlinePage } from '../browser.js';
import { timer, type StepTimer } from '../../timing.js';
import { finishPdf, headingTexts } from './finish.js';
import { printTimeout } from './layout.js';
import { LAID_OUT, LOST_PARTS_KEY } from './print-document.js';

/** Prints the print document once Paged.js has laid it out. */
export async function renderPagedPdf(printHtml: string, dossier: Dossier, browser: Browser, onStep?: StepTimer): Promise<Uint8Array> {
  const step = timer(onStep ?? (() => {}));
  const page = await step('page', () => offlinePage(browser, { javaScript: true }));
  try {
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error).split('\n')[0]!));
    const timeout = printTimeout(dossier);
    await step('load', () => page.setContent(printHtml, { waitUntil: 'load', timeout }));
    await step('layout', () => page.waitForFunction(`window.${LAID_OUT} === true`, { timeout, polling: 50 })).catch((error: unknown) => {
      throw new Error(`the print layout did not finish${failures.length ? ` (${failures[0]})` : ''}: ${String(error).split('\n')[0]}`);
    });
    const lost = (await page.evaluate(`window.${LOST_PARTS_KEY}`)) as string[];
    if (lost.length) {
      throw new Error(
        `the print layout left out part of ${lost.map((name) => `"${name}"`).join(', ')}: something in it (a table row, a picture, a box kept on one page) is taller than a page, or splits in a way Paged.js cannot lay out. ` +
          'Shorten it, or use --print-layout browser for this dossier.',
      );
    }
    const pdf = await step('print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout }));
    return await step('finish', () => finishPdf(pdf, dossier, { headings: headingTexts(printHtml) }));
  } finally {
    await page.close();
  }
}
