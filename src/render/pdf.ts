// The print PDF: Chromium prints the print document (render/print.ts) once
// Paged.js has laid it out into pages, with bookmarks from the headings
// (`outline`) and a tagged structure. The only scripts in the page are
// Paged.js and its settings, and nothing is fetched: whatever an article
// names (an image, a stylesheet) stays where it is.
import type { Browser } from 'puppeteer';
import type { Dossier } from '../model.js';
import { DEFAULT_TIMEOUT_MS } from './browser.js';
import { finishPdf } from './pdf-finish.js';
import { LAID_OUT } from './print.js';

export type Paper = 'a4' | 'letter';

/**
 * How long laying out and printing may take, sized to the dossier: a hung or
 * crashed browser ends the build with an error, a long dossier still gets
 * printed (400 articles take about a minute and a half on two cores).
 */
export function printTimeout(dossier: Dossier): number {
  return Math.max(DEFAULT_TIMEOUT_MS, dossier.articles.length * 500);
}

export async function renderPdf(printHtml: string, dossier: Dossier, browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error).split('\n')[0]!));
    const timeout = printTimeout(dossier);
    await page.setContent(printHtml, { waitUntil: 'load', timeout });
    await page.waitForFunction(`window.${LAID_OUT} === true`, { timeout, polling: 250 }).catch((error: unknown) => {
      throw new Error(`the print layout did not finish${failures.length ? ` (${failures[0]})` : ''}: ${String(error).split('\n')[0]}`);
    });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
    return await finishPdf(pdf, printHtml, dossier);
  } finally {
    await page.close();
  }
}
