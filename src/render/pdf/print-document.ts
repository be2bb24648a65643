// The print document: the dossier laid out for paper by Paged.js inside the
// page Chromium prints. Page numbers in the contents and the index, running
// heads with the article's headline, the protective marking on every page,
// notes at the foot of the page: what a browser's own printing cannot do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dossier, Warning } from '../../model.js';
import type { Paper } from '../writer.js';
import type { Templates } from '../view/templates.js';
import { dossierView } from '../view/dossier-view.js';
import { LAYOUT_FIXES, LONG_TEXT } from './pagedjs-fixes.js';

const require = createRequire(import.meta.url);
let pagedjs: string | undefined;

/**
 * Paged.js names its notes and fragments with ids made from the clock and
 * Math.random, and they end up in the PDF. In the print page, the clock
 * stands still and the random numbers are always the same ones, so the same
 * dossier prints to the same bytes. A part of a long dossier laid out on its
 * own (paged-parts.ts) starts further along the same sequence.
 */
const STEADY_CLOCK = `(function () {
  var seed = window.dossierSeed || 20240101;
  Math.random = function () { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
  var RealDate = Date;
  function SteadyDate() { return arguments.length ? new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))() : new RealDate(0); }
  SteadyDate.prototype = RealDate.prototype;
  SteadyDate.now = function () { return 0; };
  SteadyDate.UTC = RealDate.UTC;
  SteadyDate.parse = RealDate.parse;
  window.Date = SteadyDate;
  performance.now = function () { return 0; };
})();`;

/** Set by the page once Paged.js has laid it out. */
export const LAID_OUT = '__dossierLaidOut';

/**
 * Page numbers for links inside the dossier, as a `data-target-page` attribute
 * the stylesheet shows with `attr(data-target-page)`. Not `data-page`:
 * Paged.js takes that for a named page and breaks the page before and after
 * every such link in a paragraph split across pages. Paged.js's own `target-counter`
 * restyles every page for every link, which takes hours on a dossier of a
 * thousand articles; this looks each target up once, after the layout.
 * Before the layout, every link holds a placeholder as wide as the longest
 * page number it can get (digits are tabular), so filling in the real number
 * never makes a line longer than the one Paged.js laid out.
 */
export const PAGE_NUMBERS = `function dossierPlaceholders(digits) {
  var placeholder = new Array(digits + 1).join('0');
  document.querySelectorAll('a[href^="#"]').forEach(function (link) { link.setAttribute('data-target-page', placeholder); });
}
/* The page an element starts on, given the page its id is on: the next one where Paged.js left only its empty start (its header kept with its text on the next page). */
function dossierStartPage(element, number) {
  return element.hasAttribute('data-split-to') && element.textContent.trim() === '' ? Number(number) + 1 : Number(number);
}
/* Each id's page in this document's pages, numbered from offset + 1. */
function dossierOwnPages(offset) {
  var pageOf = new Map();
  // Pages laid out earlier may be out of the document for now (pagedjs-fixes.ts, DETACHED_PAGES).
  (window.dossierDetachedPages || []).concat(Array.from(document.querySelectorAll('.pagedjs_page'))).forEach(function (page) {
    var number = Number(page.getAttribute('data-page-number')) + offset;
    page.querySelectorAll('[id]').forEach(function (element) { if (!pageOf.has(element.id)) pageOf.set(element.id, dossierStartPage(element, number)); });
  });
  return pageOf;
}
/* Each id's page, from the pages laid out so far (and, in a part of a long dossier, those of the parts before it). */
function dossierPagesOfIds() {
  var pageOf = new Map(window.dossierKnownPages ? Object.entries(window.dossierKnownPages) : []);
  dossierOwnPages(window.dossierPageOffset || 0).forEach(function (page, id) { if (!pageOf.has(id)) pageOf.set(id, page); });
  return pageOf;
}
/*
 * Every link inside the dossier made to go to the top of its page. Chromium
 * checks each page it prints against every place a link goes to, so twenty
 * thousand mentions, notes and page lists pointing at as many spans made the
 * printing of a long dossier four times slower; the pages are far fewer.
 */
/* A page in another run of pages (print-runs.ts) is linked to as elsewhere + its number, made a link to it when the runs are joined. */
function dossierLinksToPages(elsewhere) {
  var pageIds = new Map();
  document.querySelectorAll('.pagedjs_page').forEach(function (page) { pageIds.set(page.getAttribute('data-page-number'), page.id); });
  document.querySelectorAll('.pagedjs_pages a[href^="#"][data-target-page]').forEach(function (link) {
    var target = link.getAttribute('data-target-page');
    var id = pageIds.get(target);
    if (id) link.setAttribute('href', '#' + id);
    else if (elsewhere) link.setAttribute('href', elsewhere + target);
  });
}
function dossierPageNumbers() {
  var pageOf = dossierPagesOfIds();
  document.querySelectorAll('.pagedjs_pages a[href^="#"]').forEach(function (link) {
    var number = pageOf.get(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (number) link.setAttribute('data-target-page', number); else link.removeAttribute('data-target-page');
  });
}`;

/**
 * The pages of a list of links, as "Pages 4–5, 9" (the words from its
 * data-one and data-many attributes): every page a person is
 * mentioned on. The people pages come after every article, so when Paged.js
 * reaches a list, the pages its links go to are laid out: the list is
 * filled in just before it is laid out itself, at its real length, where a
 * placeholder per link would leave gaps.
 */
const PAGE_LISTS = `function dossierPageLists() {
  // Looked up once, when the first list is filled: every article's pages are laid out by then.
  var pageOf;
  function fill(list) {
    pageOf = pageOf || dossierPagesOfIds();
    var firstLink = new Map();
    list.querySelectorAll('a[href^="#"]').forEach(function (link) {
      var href = link.getAttribute('href');
      var page = pageOf.get(decodeURIComponent(href.slice(1)));
      if (page && !firstLink.has(page)) firstLink.set(page, href);
    });
    var pages = Array.from(firstLink.keys()).sort(function (a, b) { return a - b; });
    list.textContent = list.getAttribute(pages.length === 1 ? 'data-one' : 'data-many') || '';
    for (var index = 0; index < pages.length; index++) {
      var from = pages[index];
      while (index + 1 < pages.length && pages[index + 1] === pages[index] + 1) index++;
      if (list.querySelector('a')) list.appendChild(document.createTextNode(', '));
      var link = document.createElement('a');
      link.setAttribute('href', firstLink.get(from));
      link.textContent = from === pages[index] ? String(from) : from + '\u2013' + pages[index];
      list.appendChild(link);
    }
    list.setAttribute('data-filled', '');
  }
  class PageLists extends window.Paged.Handler {
    layoutNode(node) {
      if (node.nodeType !== 1) return;
      if (node.classList.contains('page-list') && !node.hasAttribute('data-filled')) fill(node);
      // An element Paged.js lays out whole is not walked into: fill the lists inside it first.
      Array.from(node.getElementsByClassName('page-list')).forEach(function (list) { if (!list.hasAttribute('data-filled')) fill(list); });
    }
  }
  window.Paged.registerHandlers(PageLists);
}`;


/** Set by the page after the layout: the parts (their `data-section` names) that lost text in it, and those that only repeat some. */
export const LOST_PARTS_KEY = '__dossierLostParts';

/**
 * Paged.js gives up on an element it cannot fit on a page with a message on
 * its console: it skips the element, or stops and never lays out the rest,
 * or lays one page out twice and loses what should have followed. Either way
 * the PDF would print without a word. Each part of the dossier (an article,
 * a section) has its text read before the layout and from its pages after
 * it, in order (Paged.js marks every piece of a split element with the same
 * data-ref): a part that lost any of its text fails the build; one that
 * only repeats some (Paged.js lays a stretch of a long list out twice) is
 * printed with a warning. Left out on
 * both sides: notes (Paged.js moves them to the page's foot), table heads
 * (repeated on each page a table spans) and page lists (filled in during
 * the layout).
 */
const LOST_PARTS = `function dossierText(element) {
  var text = [];
  var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest('.footnote, thead, .page-list')) continue;
    text.push(node.data.replace(/\\s+/g, ''));
  }
  return text.join('');
}
function dossierParts() {
  return Array.from(document.querySelectorAll('[data-section][id]')).map(function (part) {
    return { id: part.id, name: part.getAttribute('data-section'), text: dossierText(part) };
  });
}
/* Whether every character of the part's text is in what was laid out, in order: only repeated, nothing lost. */
function dossierAllThere(source, laidOut) {
  var at = 0;
  for (var index = 0; index < laidOut.length && at < source.length; index++) if (laidOut[index] === source[at]) at++;
  return at === source.length;
}
function dossierLostParts(parts) {
  var pages = document.querySelector('.pagedjs_pages');
  var lost = [], repeated = [];
  parts.forEach(function (part) {
    var first = pages && pages.querySelector('[id="' + CSS.escape(part.id) + '"]');
    var text = '';
    if (first) pages.querySelectorAll('[data-ref="' + first.getAttribute('data-ref') + '"]').forEach(function (piece) { text += dossierText(piece); });
    if (text === part.text) return;
    if (first && text.length > part.text.length && dossierAllThere(part.text, text)) repeated.push(part.name);
    else lost.push(part.name);
  });
  return { lost: lost, repeated: repeated };
}`;

/** Words the layout left past a page's foot, where they do not print. */
export interface HiddenWords {
  page: number;
  /** The part they belong to (its `data-section`). */
  part: string;
  /** The first of them. */
  words: string;
}

/**
 * Read in the tab about to print: the words past each page's foot. Paged.js
 * lays a page's content in columns, so what did not fit sits in a second
 * column, right of the page, and would not print. Paged.js leaves text there
 * when a note it adds to the page's foot after the page is laid out takes the
 * room of the page's last lines (and for type too large for a page).
 */
export const HIDDEN_WORDS = `(function () {
  function dossierHiddenWords(page) {
    var content = page.querySelector('.pagedjs_page_content');
    var area = page.querySelector('.pagedjs_area');
    if (!content || !area || content.scrollWidth <= area.clientWidth + 1) return null;
    var bounds = area.getBoundingClientRect();
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    // Word by word: a space at a line's end may sit past it with nothing hidden.
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var words = /\\S+/g;
      for (var word = words.exec(node.data); word; word = words.exec(node.data)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        var rects = range.getClientRects();
        for (var index = 0; index < rects.length; index++) {
          if (rects[index].width > 0 && rects[index].left >= bounds.right - 1) {
            range.setEnd(node, node.data.length);
            return { element: node.parentElement, words: range.toString().trim().split(/\\s+/).slice(0, 8).join(' ') };
          }
        }
      }
    }
    return null;
  }
  var hidden = [];
  document.querySelectorAll('.pagedjs_page').forEach(function (page) {
    var found = dossierHiddenWords(page);
    var part = found && found.element.closest('[data-section]');
    if (found) hidden.push({ page: Number(page.getAttribute('data-page-number')), part: part ? part.getAttribute('data-section') : '', words: found.words });
  });
  return hidden;
})()`;

/** Digits to hold room for: up to five pages an article, never fewer than three digits. */
function pageDigits(dossier: Dossier): number {
  return Math.max(3, String(dossier.articles.length * 5 + 50).length);
}

/** What the page says of the parts whose text the layout changed. */
export interface ChangedParts {
  lost: string[];
  repeated: string[];
}

/** The warning for parts the layout printed whole but with lines repeated. */
export function repeatedPartsWarning(repeated: string[]): Warning {
  return {
    file: 'dossier.pdf',
    message:
      `the print layout repeats some lines of ${repeated.map((name) => `“${name}”`).join(', ')} (a fault of Paged.js with long lists split over pages): nothing is missing, ` +
      'but a reader will find a stretch twice. The HTML page and the EPUB have it once.',
  };
}

/** The error for parts of the dossier the layout left out. */
export function lostPartsError(lost: string[]): Error {
  return new Error(
    `the print layout left out part of ${lost.map((name) => `"${name}"`).join(', ')}: something in it (a table row, a picture, a box kept on one page, type too large for the page) is taller than a page, or splits in a way Paged.js cannot lay out. ` +
      'Shorten it, or use --print-layout browser for this dossier.',
  );
}

export async function renderPrintHtml(dossier: Dossier, templates: Templates, paper: Paper): Promise<string> {
  // The package exports no path to its browser build; it sits beside the entry point.
  pagedjs ??= readFileSync(path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js'), 'utf8');
  const [css, printCss] = await Promise.all([templates.file('dossier.css'), templates.file('print.css')]);
  return templates.render('print.njk', {
    ...dossierView(dossier, { headlineLevel: 2, format: 'print', paper }),
    css,
    printCss,
    pagedConfig:
      `${STEADY_CLOCK}\n${LONG_TEXT}\n${PAGE_NUMBERS}\n${PAGE_LISTS}\n${LAYOUT_FIXES}\n${LOST_PARTS}\nvar dossierPartsBefore;\n` +
      `window.PagedConfig = { auto: true, before: function () { dossierCutLongText(); dossierPartsBefore = dossierParts(); dossierPlaceholders(${pageDigits(dossier)}); dossierPageLists(); dossierLayoutFixes(); }, ` +
      `after: function () { dossierAttachPages(); dossierPageNumbers(); window.${LOST_PARTS_KEY} = dossierLostParts(dossierPartsBefore); window.${LAID_OUT} = true; } };`,
    // Inside a <script>, "</script" would end it early.
    pagedjs: pagedjs.replace(/<\/script/gi, '<\\/script'),
  });
}
