// One headless Chromium per build. Puppeteer finds it through
// `.puppeteerrc.cjs` (a system Chromium, or its own download), and
// PUPPETEER_EXECUTABLE_PATH wins over both.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer';

const HOW_TO_GET_ONE =
  'install Chromium (Debian/Ubuntu: `apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary';

/** The least time loading, laying out or printing may take, however short the dossier. */
export const DEFAULT_TIMEOUT_MS = 3 * 60 * 1000;

/**
 * How long one command to Chromium may take. Chromium starts before the
 * build knows how long the dossier is, so this is generous: loading, laying
 * out and printing each have a timeout of their own, sized to the dossier.
 */
const PROTOCOL_TIMEOUT_MS = 60 * 60 * 1000;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = puppeteer.executablePath();
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(`no Chromium browser found${executablePath ? ` at ${executablePath}` : ''}: ${HOW_TO_GET_ONE}.`);
  }
  const args = [
    // Chromium refuses to start its sandbox as root; elsewhere the sandbox stays on.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--font-render-hinting=none',
  ];
  try {
    // On Ctrl-C the build removes its half-written files first (output.ts); Chromium is stopped as Node exits.
    const browser = await puppeteer.launch({
      headless: true,
      args,
      executablePath,
      protocolTimeout: PROTOCOL_TIMEOUT_MS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // A tab opened now, while the build is busy elsewhere, is ready when the first printing needs it.
    const spare = blockingTab(browser);
    spare.catch(() => undefined);
    spareTabs.set(browser, spare);
    return browser;
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    throw new Error(`Chromium at ${executablePath} would not start (${reason}): ${HOW_TO_GET_ONE}.`);
  }
}

const spareTabs = new WeakMap<Browser, Promise<Page>>();

/**
 * A page that fetches nothing: whatever an article names (an image, a
 * stylesheet) stays where it is, and only what is embedded (data: URLs)
 * loads. Scripts run only where the layout needs them.
 */
export async function offlinePage(browser: Browser, options: { javaScript: boolean }): Promise<Page> {
  const spare = spareTabs.get(browser);
  spareTabs.delete(browser);
  const page = (await spare?.catch(() => undefined)) ?? (await blockingTab(browser));
  // The spare tab runs scripts, as Paged.js needs: the most common first printing.
  if (!options.javaScript) await page.setJavaScriptEnabled(false);
  return page;
}

/** A new tab whose requests for anything but data: URLs are refused. */
async function blockingTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
  return page;
}
