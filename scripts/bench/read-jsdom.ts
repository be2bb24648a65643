// The saved-page reader as it was before linkedom, in a process of its own:
// each page prepared as the reader prepares it (preparePage), parsed by
// jsdom and given to Readability, one after another on one thread. The
// reader spent almost all its time there; compare.ts times our read stage
// against it on the same pages, in the same run.
//   node node_modules/.cache/dossier-bench/read-jsdom.js '{"input":…}'
// Prints one JSON line (a JsdomReadFigures) to stdout.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { preparePage } from '../../src/read/html-depth.js';
import type { JsdomReadFigures } from './figures.js';

const { input } = JSON.parse(process.argv[2] ?? '{}') as { input: string };
const files = (await readdir(input, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
const pages = await Promise.all(files.map((file) => readFile(path.join(input, file), 'utf8')));

const started = performance.now();
let articles = 0;
for (const page of pages) {
  const dom = new JSDOM(preparePage(page).html, { url: 'https://dossier.invalid/', virtualConsole: new VirtualConsole() });
  if (new Readability(dom.window.document, { keepClasses: false }).parse()?.content) articles++;
  dom.window.close();
}
const figures: JsdomReadFigures = {
  pages: pages.length,
  articles,
  readMs: performance.now() - started,
  // maxRSS is in kilobytes.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
