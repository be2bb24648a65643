// `npm run fetch` against a server the test starts on 127.0.0.1: pages with
// site furniture, a redirect, a redirect loop, a 404, a slow page, a huge
// page and a picture. Saved pages build into a dossier with their address
// and their own date; every failure is a warning naming its address.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runTool, tempDir } from '../helpers.js';
import { CUTTINGS, cuttingWords, webPage } from '../input-files.js';

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const html = (body: string) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    switch (request.url) {
      case '/news/library-sundays':
        return html(webPage(CUTTINGS.library));
      case '/news/ferry-timetable':
        return html(webPage(CUTTINGS.ferry));
      case '/old-ferry-link':
        response.writeHead(301, { location: '/news/ferry-timetable' });
        return response.end();
      case '/loop':
        response.writeHead(302, { location: '/loop' });
        return response.end();
      case '/slow': {
        const timer = setTimeout(() => html(webPage(CUTTINGS.market)), 10_000);
        response.on('close', () => clearTimeout(timer));
        return undefined;
      }
      case '/huge': {
        // Past the 1 MB limit and never finished: only a reader that counts
        // the bytes as they come refuses it, rather than waiting it out.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write(`<html><body>${'<p>Padding text that goes on and on.</p>'.repeat(40_000)}`);
        return undefined;
      }
      case '/scripted':
        // The article's text is only there once the page's script has run.
        return html(
          `<!doctype html><html><head><title>${CUTTINGS.orchard.headline}</title></head><body><article id="story"></article><script>document.getElementById('story').innerHTML = ${JSON.stringify(webPage(CUTTINGS.orchard).replace(/^[\s\S]*<article>|<\/article>[\s\S]*$/g, ''))};</script></body></html>`,
        );
      case '/picture.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetchCommand = (args: string[]) => runTool(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'fetch.ts'), ...args], {}, 60_000);

describe('npm run fetch', () => {
  let into: string;
  let result: Awaited<ReturnType<typeof fetchCommand>>;

  beforeAll(async () => {
    into = await tempDir('dossier-fetch-');
    const list = path.join(into, '..', `${path.basename(into)}-list.txt`);
    await writeFile(list, `# pages for the test\n${base}/news/library-sundays\n${base}/old-ferry-link   # moved\n`);
    result = await fetchCommand([
      '--into', into, '--timeout', '1', '--max-size', '1',
      '--list', list,
      `${base}/missing`, `${base}/slow`, `${base}/huge`, `${base}/loop`, `${base}/picture.png`, 'file:///etc/passwd',
    ]);
  }, 60_000);

  it('saves each page that could be fetched as NNN-slug.html, with its address and the time fetched', async () => {
    const files = (await readdir(into)).sort();
    expect(files).toEqual(['001-town-library-to-open-on-sundays.html', '002-island-ferry-timetable-cut-as-crews.html']);
    const ferry = await readFile(path.join(into, files[1]!), 'utf8');
    // The address after the redirect: where the page is.
    expect(ferry).toContain(`<meta name="dossier-fetched-from" content="${base}/news/ferry-timetable">`);
    expect(ferry).toMatch(/<meta name="dossier-fetched-at" content="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
  });

  it('warns about every page that failed, naming its address and why, and exits with 1', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${base}/missing: not saved: the server answered 404`);
    expect(result.stderr).toContain(`${base}/slow: not saved: it did not arrive within 1 s`);
    expect(result.stderr).toContain(`${base}/huge: not saved: it is larger than 1 MB`);
    expect(result.stderr).toContain(`${base}/loop: not saved: it redirects more than 5 times`);
    expect(result.stderr).toContain(`${base}/picture.png: not saved: it is image/png, not an HTML page`);
    expect(result.stderr).toContain('file:///etc/passwd: not saved: only http and https pages are fetched');
    expect(result.stderr).toMatch(/\[8\/8\]/);
    expect(result.stderr).toContain('2 of 8 pages saved');
  });

  it('reaches only the server it was given', () => {
    expect(requested.every((url) => url.startsWith('/'))).toBe(true);
  });

  it('builds the saved pages into a dossier with their headline, address, own date, source and full text', async () => {
    const out = await tempDir('dossier-fetch-out-');
    const built = await runCli(['--input', into, '--out', out, '--formats', 'json']);
    expect(built.code, built.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    const byTitle = Object.fromEntries(json.articles.map((article: { title: string }) => [article.title, article]));
    for (const [cutting, address] of [
      [CUTTINGS.library, `${base}/news/library-sundays`],
      [CUTTINGS.ferry, `${base}/news/ferry-timetable`],
    ] as const) {
      const article = byTitle[cutting.headline];
      expect(article, JSON.stringify(json.articles.map((a: { title: string }) => a.title))).toBeDefined();
      expect(article.url).toBe(address);
      expect(article.source).toBe(cutting.source);
      expect(article.date).toBe(new Date(`${cutting.date} 12:00 UTC`).toISOString().slice(0, 10));
      expect(article.format).toBe('html');
      expect(Math.abs(article.words - cuttingWords(cutting)) / cuttingWords(cutting)).toBeLessThan(0.05);
    }
  }, 60_000);

  it('exits with 2 and the usage when no folder is given', async () => {
    const wrong = await fetchCommand([`${base}/news/library-sundays`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--into DIR');
  });

  it('with --browser, saves a page whose text a script writes, under the same limits', async () => {
    const browserInto = await tempDir('dossier-fetch-browser-');
    const fetched = await fetchCommand([
      '--into', browserInto, '--browser', '--timeout', '4', '--max-size', '1',
      `${base}/scripted`, `${base}/missing`, `${base}/slow`, `${base}/huge`, `${base}/loop`, `${base}/picture.png`, 'file:///etc/passwd',
    ]);
    expect(fetched.code, fetched.stderr).toBe(1);
    expect(fetched.stderr).toContain(`${base}/missing: not saved: the server answered 404`);
    expect(fetched.stderr).toContain(`${base}/slow: not saved: it did not load within 4 s`);
    expect(fetched.stderr).toContain(`${base}/huge: not saved: it is larger than 1 MB`);
    expect(fetched.stderr).toContain(`${base}/loop: not saved: it redirects more than 5 times`);
    expect(fetched.stderr).toContain(`${base}/picture.png: not saved: it is image/png, not an HTML page`);
    expect(fetched.stderr).toContain('file:///etc/passwd: not saved: only http and https pages are fetched');
    const [file, ...others] = await readdir(browserInto);
    expect(others).toEqual([]);
    const saved = await readFile(path.join(browserInto, file!), 'utf8');
    expect(saved).toContain(`<meta name="dossier-fetched-from" content="${base}/scripted">`);
    expect(saved).toContain(CUTTINGS.orchard.paragraphs[3]!);
  }, 60_000);
});
