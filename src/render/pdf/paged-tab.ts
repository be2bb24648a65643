// A tab of the build's Chromium holding a document that Paged.js has laid
// out: the whole print document, or one part of a long dossier.
import type { Browser, Page } from 'puppeteer';
import { offlinePage } from '../browser.js';
import { LAID_OUT, LOST_PARTS_KEY, lostPartsError, type ChangedParts } from './print-document.js';

/** Loads `html`, waits for Paged.js to finish and fails if it left any part of the dossier out; says which parts it repeated lines of. */
export async function pagedTab(browser: Browser, html: string, timeout: number): Promise<{ page: Page; repeated: string[] }> {
  const page = await offlinePage(browser, { javaScript: true });
  try {
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(String(error).split('\n')[0]!));
    await page.setContent(html, { waitUntil: 'load', timeout });
    await page.waitForFunction(`window.${LAID_OUT} === true`, { timeout, polling: 50 }).catch((error: unknown) => {
      throw new Error(`the print layout did not finish${failures.length ? ` (${failures[0]})` : ''}: ${String(error).split('\n')[0]}`);
    });
    const changed = (await page.evaluate(`window.${LOST_PARTS_KEY}`)) as ChangedParts;
    if (changed.lost.length) throw lostPartsError(changed.lost);
    return { page, repeated: changed.repeated };
  } catch (error) {
    await page.close();
    throw error;
  }
}
