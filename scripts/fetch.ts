// Saves web pages into a folder for a later build:
//
//   npm run fetch -- --into DIR URL…
//   npm run fetch -- --into DIR --list FILE     (one address a line; # starts a comment)
//
// Each page becomes DIR/NNN-slug.html with the address it came from and the
// time it was fetched in <meta> tags the HTML reader honours, so the build
// knows the article's url; its date comes from the page's own metadata. The
// build itself never fetches anything: this is a command of its own.
//
// Options: --browser (load each page in Chromium, for pages that need
// scripts), --timeout SECONDS (each page; default 20), --max-size MB
// (default 10), --redirects N (default 5). A few pages are fetched at a
// time; every page that fails is reported with its address and the rest go
// on. Exit 0 when every page was saved, 1 when any failed, 2 for a wrong argument.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../src/slug.js';

const CONCURRENCY = 4;

interface Options {
  into: string;
  urls: string[];
  browser: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** A page that could not be saved; the message says why. */
class FetchError extends Error {}

/** The command's own mistakes: the usage is printed and the exit code is 2. */
class UsageError extends Error {}

const USAGE = 'usage: npm run fetch -- --into DIR [--browser] [--timeout SECONDS] [--max-size MB] [--redirects N] (URL… | --list FILE)';

async function parseArguments(argv: string[]): Promise<Options> {
  const options: Options = { into: '', urls: [], browser: false, timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
  const number = (flag: string, value: string | undefined) => {
    const parsed = Number(value);
    if (!value || !Number.isFinite(parsed) || parsed < 0) throw new UsageError(`${flag} needs a number, not ${value ?? 'nothing'}`);
    return parsed;
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--into') options.into = value();
    else if (argument === '--list') {
      const file = value();
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`the list ${file} could not be read (${error.code ?? error.message})`);
      });
      options.urls.push(...text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean));
    } else if (argument === '--browser') options.browser = true;
    else if (argument === '--timeout') options.timeoutMs = number(argument, value()) * 1000;
    else if (argument === '--max-size') options.maxBytes = number(argument, value()) * 1024 * 1024;
    else if (argument === '--redirects') options.maxRedirects = number(argument, value());
    else if (argument.startsWith('--')) throw new UsageError(`unknown option ${argument}`);
    else options.urls.push(argument);
  }
  if (!options.into) throw new UsageError('say where to save the pages with --into DIR');
  if (options.urls.length === 0) throw new UsageError('give the addresses to fetch, or --list FILE');
  return options;
}

/** The address checked: http or https only (no file:, data:, ftp:). */
function webAddress(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('it is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https pages are fetched, not ${url.protocol}`);
  return url;
}

/** The page's HTML and the address it was finally found at, following redirects up to the limit. */
async function fetchPage(address: string, options: Options): Promise<{ html: string; url: string }> {
  let url = webAddress(address);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (redirects >= options.maxRedirects) throw new FetchError(`it redirects more than ${options.maxRedirects} times`);
        url = webAddress(new URL(response.headers.get('location')!, url).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(`the server answered ${response.status} ${response.statusText}`.trim());
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
        await response.body?.cancel();
        throw new FetchError(`it is ${type.split(';')[0] || 'of no stated type'}, not an HTML page`);
      }
      const bytes = await boundedBody(response, options.maxBytes);
      return { html: decodeHtml(bytes, type), url: url.href };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if ((error as Error).name === 'TimeoutError' || signal.aborted) throw new FetchError(`it did not arrive within ${options.timeoutMs / 1000} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError(`it could not be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
}

/** The body, refused as soon as it passes the size limit (a stated length past it is refused before reading). */
async function boundedBody(response: Response, maxBytes: number): Promise<Buffer> {
  const limit = sizeLimit(maxBytes);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchError(limit);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The page's text in the character set its header or its <meta charset> names; UTF-8 otherwise. */
function decodeHtml(bytes: Buffer, type: string): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const charset = /charset=["']?([\w.-]+)/i.exec(type)?.[1] ?? /<meta[^>]+charset=["']?([\w.-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const sizeLimit = (maxBytes: number) => `it is larger than ${maxBytes / 1024 / 1024} MB (--max-size)`;

/**
 * Stops the page's loading as soon as its own document passes the size limit
 * (a stated length past it, or the bytes as they arrive), so a huge page is
 * refused for its size in the time its first megabytes take, not left to
 * load until the time limit.
 */
async function refuseLargeDocument(page: import('puppeteer').Page, maxBytes: number): Promise<{ passed: boolean }> {
  const state = { passed: false };
  const session = await page.createCDPSession();
  const { frameTree } = await session.send('Page.getFrameTree');
  await session.send('Network.enable');
  let documentRequest: string | undefined;
  let received = 0;
  const stop = () => {
    if (state.passed) return;
    state.passed = true;
    session.send('Page.stopLoading').catch(() => undefined);
  };
  session.on('Network.requestWillBeSent', (event) => {
    if (event.type === 'Document' && event.frameId === frameTree.frame.id && event.requestId === event.loaderId) {
      documentRequest = event.requestId;
      received = 0;
    }
  });
  session.on('Network.responseReceived', (event) => {
    if (event.requestId !== documentRequest) return;
    const length = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    if (Number(length ?? 0) > maxBytes) stop();
  });
  session.on('Network.dataReceived', (event) => {
    if (event.requestId !== documentRequest) return;
    received += event.dataLength;
    if (received > maxBytes) stop();
  });
  return state;
}

/** Loads the page in Chromium, for pages whose text only scripts put there; the same limits apply. */
async function browserPage(address: string, options: Options, browser: import('puppeteer').Browser): Promise<{ html: string; url: string }> {
  webAddress(address);
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const protocol = new URL(request.url()).protocol;
      if (protocol === 'http:' || protocol === 'https:' || protocol === 'data:') request.continue();
      else request.abort();
    });
    const tooLarge = await refuseLargeDocument(page, options.maxBytes);
    const response = await page.goto(address, { timeout: options.timeoutMs, waitUntil: 'networkidle2' }).catch((error: Error) => {
      if (tooLarge.passed) throw new FetchError(sizeLimit(options.maxBytes));
      if (error.name === 'TimeoutError') throw new FetchError(`it did not load within ${options.timeoutMs / 1000} s`);
      // Chromium follows redirects up to its own limit (20) and then gives up: more than ours, whatever that is.
      if (/ERR_TOO_MANY_REDIRECTS/.test(error.message)) throw new FetchError(`it redirects more than ${options.maxRedirects} times`);
      throw new FetchError(`it could not be loaded (${error.message.split('\n')[0]})`);
    });
    if (tooLarge.passed) throw new FetchError(sizeLimit(options.maxBytes));
    if (!response) throw new FetchError('it could not be loaded');
    if (response.request().redirectChain().length > options.maxRedirects) throw new FetchError(`it redirects more than ${options.maxRedirects} times`);
    if (!response.ok()) throw new FetchError(`the server answered ${response.status()} ${response.statusText()}`.trim());
    const type = response.headers()['content-type'] ?? '';
    if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) throw new FetchError(`it is ${type.split(';')[0] || 'of no stated type'}, not an HTML page`);
    const html = await page.content();
    if (Buffer.byteLength(html) > options.maxBytes) throw new FetchError(sizeLimit(options.maxBytes));
    return { html, url: webAddress(page.url()).href };
  } finally {
    await page.close().catch(() => undefined);
  }
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page with where it came from and when, in the <meta> tags the HTML reader reads. */
export function withProvenance(html: string, url: string, fetched: Date): string {
  const tags = `<meta name="dossier-fetched-from" content="${escapeAttribute(url)}"><meta name="dossier-fetched-at" content="${fetched.toISOString()}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  return tags + html;
}

/** `NNN-slug.html`: the page's place in the list and its title's words (else its address's). */
function fileName(index: number, count: number, html: string, url: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? new URL(url).hostname;
  const slug = slugify(title || last.replace(/\.\w+$/, '')) || 'page';
  return `${String(index + 1).padStart(Math.max(3, String(count).length), '0')}-${slug}.html`;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = await parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`fetch: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  await mkdir(options.into, { recursive: true });
  const browser = options.browser ? await startBrowser() : undefined;
  let next = 0;
  let done = 0;
  const failed: string[] = [];
  const worker = async () => {
    while (next < options.urls.length) {
      const index = next++;
      const address = options.urls[index]!;
      try {
        const page = browser ? await browserPage(address, options, browser) : await fetchPage(address, options);
        const name = fileName(index, options.urls.length, page.html, page.url);
        await writeFile(path.join(options.into, name), withProvenance(page.html, page.url, new Date()));
        process.stderr.write(`[${++done}/${options.urls.length}] ${address} → ${path.join(options.into, name)}\n`);
      } catch (error) {
        if (!(error instanceof FetchError)) throw error;
        failed.push(address);
        process.stderr.write(`[${++done}/${options.urls.length}] warning: ${address}: not saved: ${error.message}.\n`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, options.urls.length) }, worker));
  } finally {
    await browser?.close();
  }
  const saved = options.urls.length - failed.length;
  process.stderr.write(`${saved} of ${options.urls.length} pages saved in ${options.into}${failed.length ? `; ${failed.length} failed` : ''}. Build them with: npm run build -- --input ${options.into}\n`);
  return failed.length > 0 ? 1 : 0;
}

async function startBrowser(): Promise<import('puppeteer').Browser> {
  const [{ default: puppeteer }, { chosenChromium }] = await Promise.all([import('puppeteer'), import('../src/render/chromium-path.js')]);
  const executablePath = chosenChromium().path;
  if (!executablePath) throw new Error('--browser needs Chromium, and none was found: run bash scripts/setup.sh build');
  return puppeteer.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`fetch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(70);
    },
  );
}
