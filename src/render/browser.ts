// One headless Chromium per build, started by dossier itself (chromium-process.ts)
// so that it dies with the build and says why when it will not start, then
// driven by Puppeteer over its DevTools address.
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../processes.js';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { chosenChromium } from './chromium-path.js';
import { ChromiumStartError, startChromium, type ChromiumProcess } from './chromium-process.js';

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

/** How long Chromium may take to print its DevTools address (Puppeteer's own default). */
const START_TIMEOUT_MS = 30 * 1000;

/**
 * A build contacts no host. Chromium's background services (sign-in's
 * ListAccounts, the component updater, network time) look up Google's hosts
 * despite --disable-background-networking, and some cannot be switched off,
 * so no name resolves and anything else goes to a proxy that does not exist.
 * Puppeteer's connection comes in to Chromium's DevTools server and is not affected.
 */
export const OFFLINE_FLAGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=127.0.0.1:9',
  // Not even loopback is fetched directly.
  '--proxy-bypass-list=<-loopback>',
  // The sources themselves, where a flag stops them.
  '--disable-component-update',
  '--disable-domain-reliability',
  '--no-pings',
  '--disable-features=NetworkTimeServiceQuerying,OptimizationGuideModelDownloading,AutofillServerCommunication',
];

export interface LaunchOptions {
  /** The Chromium to start, instead of the one chosen as chromium-path.ts says. */
  executablePath?: string;
  startTimeoutMs?: number;
  /** false: start Chromium directly, as where util-linux's setpriv is missing (macOS). */
  setpriv?: false;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const chosen = options.executablePath ? { path: options.executablePath, source: 'the caller' } : chosenChromium();
  const executablePath = chosen.path;
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(`no Chromium browser found${executablePath ? ` at ${executablePath}` : ''}: ${HOW_TO_GET_ONE}.`);
  }
  removeStaleProfiles();
  // A profile of its own, removed when Chromium stops; its name marks the build's Chromium processes.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
  const args = puppeteer.defaultArgs({
    headless: true,
    userDataDir: profile,
    args: [
      // Chromium refuses to start its sandbox as root; elsewhere the sandbox stays on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--font-render-hinting=none',
      ...OFFLINE_FLAGS,
      '--remote-debugging-port=0',
    ],
  });
  let chromium: ChromiumProcess | undefined;
  try {
    chromium = await startChromium(executablePath, args, {
      profile,
      timeoutMs: options.startTimeoutMs ?? START_TIMEOUT_MS,
      ...(options.setpriv === false ? { setpriv: false } : {}),
    });
    const browser = await puppeteer.connect({ browserWSEndpoint: chromium.endpoint, protocolTimeout: PROTOCOL_TIMEOUT_MS });
    // Closing the browser, or Chromium crashing, ends every Chromium process and removes the profile.
    browser.once('disconnected', chromium.stopSoon);
    // A tab opened now, while the build is busy elsewhere, is ready when the first printing needs it.
    const spare = blockingTab(browser);
    spare.catch(() => undefined);
    spareTabs.set(browser, spare);
    return browser;
  } catch (error) {
    chromium?.stop();
    throw new Error(wouldNotStart(executablePath, chosen.source, error, chromium));
  }
}

/**
 * The profiles of builds that were killed (SIGKILL leaves no time to clean
 * up): one whose Chromium is no longer running, by the process its lock
 * names, or with no lock an hour after it was made. A running build's
 * profile is left alone.
 */
function removeStaleProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir()).filter((name) => name.startsWith('dossier-chromium-'));
  } catch {
    return;
  }
  for (const name of names) {
    const profile = path.join(os.tmpdir(), name);
    try {
      // Chromium's lock is a link to "host-pid".
      const owner = Number(/-(\d+)$/.exec(readlinkSync(path.join(profile, 'SingletonLock')))?.[1]);
      if (owner && isRunning(owner)) continue;
    } catch {
      const made = statSync(profile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (Date.now() - made < 60 * 60 * 1000) continue;
    }
    rmSync(profile, { recursive: true, force: true });
  }
}

/** What happened, what Chromium printed and how it ended, and what to do. */
function wouldNotStart(executablePath: string, source: string, error: unknown, chromium: ChromiumProcess | undefined): string {
  const reason =
    error instanceof ChromiumStartError
      ? error.reason
      : `it printed the DevTools address ${chromium?.endpoint ?? ''} but Puppeteer could not connect to it (${describe(error)}); it ${chromium?.ended() ?? 'was still running, and was stopped'}`;
  const printed = error instanceof ChromiumStartError ? error.printed : (chromium?.output() ?? []);
  const output = printed.length ? `; it printed:\n${printed.map((line) => `    ${line}`).join('\n')}\n` : '; it printed nothing; ';
  return (
    `Chromium at ${executablePath} (from ${source}) would not start: ${reason}${output}` +
    `check that it is Chrome or Chromium and runs (\`${executablePath} --headless --version\`); otherwise ${HOW_TO_GET_ONE}.`
  );
}

/** The text of an error, whatever was thrown: the WebSocket's error is an event, not an Error. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  if (typeof error === 'object' && error !== null) {
    const { message, error: inner } = error as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message) return message;
    if (inner !== undefined) return describe(inner);
    return JSON.stringify(error);
  }
  return String(error);
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

/**
 * A new tab whose requests for anything but data: URLs are refused. Each in
 * a window of its own: Chromium slows a tab hidden behind another in its
 * window, and parts of a long dossier are laid out in tabs side by side.
 */
async function blockingTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ type: 'window' });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
  return page;
}
