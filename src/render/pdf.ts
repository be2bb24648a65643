// The print PDF. Normally Chromium prints the print document (render/print.ts)
// once Paged.js has laid it out into pages. Paged.js slows down as the
// dossier grows (400 articles take under a minute, 2,000 over twenty), so a
// very long dossier is printed by Chromium's own layout instead: the HTML
// page's print stylesheet, with page numbers in Chromium's footer. Both
// have bookmarks from the headings (`outline`) and a tagged structure.
import type { Browser } from 'puppeteer';
import type { Dossier } from '../model.js';
import { DEFAULT_TIMEOUT_MS, offlinePage } from './browser.js';
import { finishPdf } from './pdf-finish.js';
import { LAID_OUT } from './print.js';
import type { Templates } from './templates.js';
import { typeset } from './typography.js';

export type Paper = 'a4' | 'letter';

/** `paged`: Paged.js; `browser`: Chromium's own layout; `auto`: Paged.js up to PAGED_LAYOUT_LIMIT articles. */
export type PrintLayout = 'auto' | 'paged' | 'browser';

/** Beyond this many articles, Paged.js would take several minutes. */
export const PAGED_LAYOUT_LIMIT = 600;

export function choosePrintLayout(dossier: Dossier, layout: PrintLayout = 'auto'): 'paged' | 'browser' {
  if (layout !== 'auto') return layout;
  return dossier.articles.length > PAGED_LAYOUT_LIMIT ? 'browser' : 'paged';
}

/**
 * How long laying out and printing may take, sized to the dossier: a hung or
 * crashed browser ends the build with an error, a long dossier still gets
 * printed (600 articles take about two minutes on two cores).
 */
export function printTimeout(dossier: Dossier): number {
  return Math.max(DEFAULT_TIMEOUT_MS, dossier.articles.length * 500);
}

/** Prints the print document once Paged.js has laid it out. */
export async function renderPagedPdf(printHtml: string, dossier: Dossier, browser: Browser): Promise<Uint8Array> {
  const page = await offlinePage(browser, { javaScript: true });
  try {
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

/** Prints the HTML page with its print stylesheet; the running head and foot come from templates. */
export async function renderBrowserPdf(
  html: string,
  dossier: Dossier,
  browser: Browser,
  options: { paper: Paper; templates: Templates },
): Promise<Uint8Array> {
  const page = await offlinePage(browser, { javaScript: false });
  try {
    const timeout = printTimeout(dossier);
    await page.setContent(html, { waitUntil: 'load', timeout });
    const context = { title: typeset(dossier.title), marking: dossier.marking };
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.templates.render('print-browser-header.njk', context),
      footerTemplate: options.templates.render('print-browser-footer.njk', context),
      outline: true,
      tagged: true,
      timeout,
    });
    return await finishPdf(pdf, html, dossier);
  } finally {
    await page.close();
  }
}
