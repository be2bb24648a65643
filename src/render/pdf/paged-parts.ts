// The full print layout of a long dossier, part by part: Paged.js lays out
// each part (print-parts.ts) in a tab of its own, two at a time on a machine
// with the cores for it, and the laid-out pages are then joined into runs
// that Chromium prints (print-runs.ts). Each part is as quick to lay out as a
// short dossier, so the layout costs the same per page at any length.
import os from 'node:os';
import type { Browser } from 'puppeteer';
import type { Dossier } from '../../model.js';
import { offlinePage } from '../browser.js';
import type { timer } from '../../timing.js';
import { printTimeout } from './layout.js';
import { pagedTab } from './paged-tab.js';
import { PAGE_STARTS, breaksDocument, partDocument, printParts, printUnits, type PrintDocumentUnits, type PrintPart } from './print-parts.js';

/** Letters of text in a part: a few dozen pages, where Paged.js is still quick. */
const PART_LETTERS = 60_000;

/** What a laid-out part gives the joined document. */
export interface LaidOutPart {
  /** Each page, as Paged.js left it. */
  pages: string[];
  /** The page (of this part, from 1) of each id in it. */
  ids: [string, number][];
  /** The style sheets in force in the part's tab, Paged.js's own among them: each one's text and the rules Paged.js added to it. */
  styles: { text: string; added: string[] }[];
  /** The start tags of `<html>`, `<body>` and Paged.js's pages element. */
  html: string;
  body: string;
  pagesElement: string;
  /** The parts whose lines the layout repeated. */
  repeated: string[];
}

const LAID_OUT_PART = `(function () {
  function startTag(element) { var html = element.cloneNode(false).outerHTML; return html.slice(0, html.lastIndexOf('</')); }
  var ids = Array.from(dossierOwnPages(0));
  // Each style element's own text (a rule's cssText loses shorthands that use var()), and the rules Paged.js added to it.
  var styles = Array.from(document.styleSheets).filter(function (sheet) { return !sheet.disabled; }).map(function (sheet) {
    var text = sheet.ownerNode ? sheet.ownerNode.textContent : '';
    var parsed = new CSSStyleSheet();
    try { parsed.replaceSync(text); } catch (error) {}
    var own = new Set(Array.from(parsed.cssRules).map(function (rule) { return rule.cssText; }));
    var added = Array.from(sheet.cssRules).map(function (rule) { return rule.cssText; }).filter(function (rule) { return !own.has(rule); });
    return { text: text, added: added };
  });
  var pagesElement = document.querySelector('.pagedjs_pages');
  // Paged.js sets each named string as an open CSS string ('"Briefing'): closed, so that read back from the style attribute it does not run into the next.
  Array.from(pagesElement.children).forEach(function (page) {
    Array.from(page.style).forEach(function (property) {
      var value = page.style.getPropertyValue(property).trim();
      if (property.indexOf('--pagedjs-string-') === 0 && !/^"(?:[^"\\\\]|\\\\.)*"$/.test(value)) page.style.setProperty(property, value + '"');
    });
  });
  return {
    pages: Array.from(pagesElement.children).map(function (page) { return page.outerHTML; }),
    ids: ids, styles: styles,
    html: startTag(document.documentElement), body: startTag(document.body), pagesElement: startTag(pagesElement),
  };
})()`;

/** Math.random's state for part `index`: far enough along one sequence that no two parts draw the same ids. */
function partSeed(index: number): number {
  const modulus = 2_147_483_647n;
  let power = 1n;
  let base = 16_807n;
  for (let exponent = BigInt(index) * 10_000_000n; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) power = (power * base) % modulus;
    base = (base * base) % modulus;
  }
  return Number((20_240_101n * power) % modulus);
}

/** The script a part's tab starts with: its random seed and, once known, the pages laid out before it. */
function partSettings(index: number, known?: { offset: number; pages: Map<string, number> }): string {
  const settings = [`window.dossierSeed = ${partSeed(index)};`];
  if (known) {
    settings.push(`window.dossierPageOffset = ${known.offset};`, `window.dossierKnownPages = ${JSON.stringify(Object.fromEntries(known.pages))};`);
  }
  return `<script>${settings.join('\n').replace(/</g, '\\u003c')}</script>`;
}

async function layOutPart(browser: Browser, html: string, timeout: number): Promise<LaidOutPart> {
  const { page, repeated } = await pagedTab(browser, html, timeout);
  try {
    return { ...((await page.evaluate(LAID_OUT_PART)) as LaidOutPart), repeated };
  } finally {
    await page.close();
  }
}

/** Where Chromium says pages start, from the stylesheets: read from an empty copy of the document's blocks. */
async function pageStarts(browser: Browser, html: string, timeout: number): Promise<boolean[] | null> {
  const page = await offlinePage(browser, { javaScript: true });
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    return (await page.evaluate(PAGE_STARTS)) as boolean[] | null;
  } finally {
    await page.close();
  }
}

/**
 * Lays out the print document part by part; or nothing when the dossier is
 * better laid out whole (it fits in one part, or its pages could not be cut
 * apart).
 */
export async function layOutInParts(
  printHtml: string,
  dossier: Dossier,
  browser: Browser,
  step: ReturnType<typeof timer>,
): Promise<{ parts: LaidOutPart[]; repeated: string[] } | undefined> {
  const document = printUnits(printHtml);
  if (!document || document.units.reduce((letters, unit) => letters + unit.letters, 0) < 2 * PART_LETTERS) return undefined;
  const timeout = printTimeout(dossier);
  const starts = await step('page starts', () => pageStarts(browser, breaksDocument(document), timeout));
  const parts = printParts(document, starts, PART_LETTERS);
  if (!parts) return undefined;
  const laidOut = await step('layout', () => layOutAll(browser, document, parts, timeout));
  return { parts: laidOut, repeated: laidOut.flatMap((part) => part.repeated) };
}

/**
 * Every part laid out: those before the first that lists pages (the people)
 * side by side, two at a time where two cores are free; from there on one
 * after the other, each told the pages of every part before it, as the
 * whole document's layout would have known them.
 */
async function layOutAll(browser: Browser, document: PrintDocumentUnits, parts: PrintPart[], timeout: number): Promise<LaidOutPart[]> {
  const laidOut: LaidOutPart[] = new Array(parts.length);
  const listing = parts.findIndex((part) => part.pageLists);
  const together = listing < 0 ? parts.length : listing;
  const tabs = Math.min(2, os.availableParallelism());
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(tabs, together) }, async () => {
      for (let index = next++; index < together; index = next++) {
        laidOut[index] = await layOutPart(browser, partDocument(document, parts[index]!, partSettings(index)), timeout);
      }
    }),
  );
  const known = new Map<string, number>();
  let offset = 0;
  const learn = (part: LaidOutPart) => {
    for (const [id, page] of part.ids) if (!known.has(id)) known.set(id, page + offset);
    offset += part.pages.length;
  };
  laidOut.slice(0, together).forEach(learn);
  for (let index = together; index < parts.length; index++) {
    laidOut[index] = await layOutPart(browser, partDocument(document, parts[index]!, partSettings(index, { offset, pages: known })), timeout);
    learn(laidOut[index]!);
  }
  return laidOut;
}
