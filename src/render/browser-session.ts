// The one Chromium a build, a watch session or the bench shares: started on
// first use (or early, by `start`, to boot while Node does other work),
// started again after a failed start, closed once.
import type { Browser } from 'puppeteer';

export interface BrowserSession {
  /** The browser, launching it if it is not running yet. */
  get(): Promise<Browser>;
  /** Starts it now without waiting: it boots in its own process meanwhile. */
  start(): void;
  close(): Promise<void>;
}

export function browserSession(): BrowserSession {
  let browser: Promise<Browser> | undefined;
  const get = () =>
    (browser ??= import('./browser.js')
      .then(({ launchBrowser }) => launchBrowser())
      .catch((error: unknown) => {
        // The next call tries again: Chromium may be installed by then.
        browser = undefined;
        throw error;
      }));
  return {
    get,
    start: () => void get().catch(() => undefined),
    async close() {
      const running = await browser?.catch(() => undefined);
      browser = undefined;
      await running?.close();
    },
  };
}
