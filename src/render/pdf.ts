// The print PDF: Chromium prints the dossier page. Its print stylesheet
// starts each article on a new page; Chromium adds page numbers in the
// footer, bookmarks from the headings (`outline`) and a tagged structure.
import type { Browser } from 'puppeteer';
import type { Dossier } from '../model.js';
import { DEFAULT_TIMEOUT_MS } from './browser.js';
import { finishPdf } from './pdf-finish.js';
import type { Templates } from './templates.js';
import { typeset } from './typography.js';

export type Paper = 'a4' | 'letter';

/**
 * How long printing may take, sized to the dossier: a hung or crashed
 * browser ends the build with an error, a long dossier still gets printed
 * (2,000 articles take about four minutes on two cores).
 */
export function printTimeout(dossier: Dossier): number {
  return Math.max(DEFAULT_TIMEOUT_MS, dossier.articles.length * 500);
}

export async function renderPdf(
  html: string,
  dossier: Dossier,
  browser: Browser,
  options: { paper: Paper; templates: Templates },
): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // The page needs no script, so none runs, and nothing is fetched: whatever
    // an article names (an image, a stylesheet) stays where it is.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    const timeout = printTimeout(dossier);
    await page.setContent(html, { waitUntil: 'load', timeout });
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      margin: { top: '20mm', bottom: '22mm', left: '18mm', right: '18mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: options.templates.render('pdf-footer.njk', { title: typeset(dossier.title) }),
      outline: true,
      tagged: true,
      timeout,
    });
    return await finishPdf(pdf, html, dossier);
  } finally {
    await page.close();
  }
}
