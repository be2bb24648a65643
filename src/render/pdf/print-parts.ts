// The print document cut into parts that Paged.js lays out one by one, each
// in a document of its own. Paged.js gets slower with every page it has laid
// out (each overflow check restyles the whole book), so one long book costs
// far more than the same pages laid out a few dozen at a time. A cut is made
// only where the whole document starts a new page anyway (before an article
// that breaks the page, after the cover), so every part breaks into the same
// pages alone as it would in the whole; and, in an article too long for one
// part (a cutting of thousands of pages), before a heading of its own, which
// then starts a page, so that its pages too are laid out side by side.
import { parseHTML } from 'linkedom';

/** An element of the body that holds units, as its start and end tags. */
export interface PrintWrapper {
  start: string;
  end: string;
}

/** One block of the body: a section, an article inside its `<main>`, or a block of a long article. */
export interface PrintUnit {
  html: string;
  /** The elements it sits in, outermost first, other than the body (the articles' `<main>`): one object for all the units of each. */
  wrappers: PrintWrapper[];
  /** For each of its wrappers, whether it is the first unit in it. */
  firsts: boolean[];
  /** Its element with nothing in it, to ask Chromium where the pages break. */
  empty: string;
  /** Its letters, to size the parts. */
  letters: number;
  /** It holds a list of every page something is on (the people): laid out once the pages it lists are known. */
  pageLists: boolean;
  /** A heading of a long article: a part may start here, though the whole document would not start a page. */
  cut: boolean;
}

export interface PrintDocumentUnits {
  /** The document up to the start of `<body>`, scripts included. */
  head: string;
  /** The `<body …>` start tag. */
  bodyStart: string;
  units: PrintUnit[];
}

/** Where the head of the print document ends: at its `</head>`, not at one inside a script or a style. */
function headEnd(html: string): number {
  const pattern = /<(script|style)\b[^>]*>|<\/head>/gi;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    if (!match[1]) return match.index + match[0].length;
    const close = html.toLowerCase().indexOf(`</${match[1].toLowerCase()}`, pattern.lastIndex);
    if (close < 0) return -1;
    pattern.lastIndex = close;
  }
  return -1;
}

function startTag(element: Element): string {
  const html = (element.cloneNode(false) as Element).outerHTML;
  return html.slice(0, html.length - `</${element.localName}>`.length);
}

/**
 * The blocks of the print document, or nothing when it is not laid out as
 * the templates lay it out (one body, a head). An article of over twice
 * `partLetters` letters is blocks of its own, to be cut before its headings.
 */
export function printUnits(html: string, partLetters = Number.POSITIVE_INFINITY): PrintDocumentUnits | undefined {
  const end = headEnd(html);
  if (end < 0) return undefined;
  const head = html.slice(0, end);
  const rest = html.slice(end);
  const bodyStart = /^\s*(<body\b[^>]*>)/i.exec(rest)?.[1];
  if (!bodyStart) return undefined;
  const { document } = parseHTML(`<!DOCTYPE html><html>${rest}`);
  const units: PrintUnit[] = [];
  const unit = (element: Element, wrappers: PrintWrapper[]): PrintUnit => ({
    html: element.outerHTML,
    empty: (element.cloneNode(false) as Element).outerHTML,
    wrappers,
    firsts: [],
    letters: letters(element),
    pageLists: element.classList.contains('page-list') || element.getElementsByClassName('page-list').length > 0,
    cut: false,
  });
  /** An article too long for a part is units of its own: what stands before its body, each block of the body, what follows it. */
  const add = (element: Element, wrappers: PrintWrapper[]) => {
    const body = element.localName === 'article' && letters(element) > 2 * partLetters ? flowOf(element) : undefined;
    if (!body) {
      units.push(unit(element, wrappers));
      return;
    }
    const inArticle = [...wrappers, wrapperOf(element)];
    for (const child of Array.from(element.children)) {
      if (child !== body) units.push(unit(child, inArticle));
      else {
        const inBody = [...inArticle, wrapperOf(body)];
        // Cut before its top headings only: a section of the article starts a page, never a subsection.
        const top = Array.from(body.children).reduce((least, block) => Math.min(least, headingLevel(block)), Number.POSITIVE_INFINITY);
        for (const block of Array.from(body.children)) units.push({ ...unit(block, inBody), cut: headingLevel(block) === top });
      }
    }
  };
  for (const child of Array.from(document.body.children)) {
    const parts = Array.from(child.children);
    if (parts.some((part) => part.hasAttribute('data-section'))) {
      const wrapper = wrapperOf(child);
      for (const part of parts) add(part, [wrapper]);
    } else {
      add(child, []);
    }
  }
  units.forEach((current, index) => {
    const before = units[index - 1];
    current.firsts = current.wrappers.map((wrapper, depth) => before?.wrappers[depth] !== wrapper);
  });
  return { head, bodyStart, units };
}


/** A heading's level (h2 to h6), or Infinity for any other block. */
function headingLevel(element: Element): number {
  const level = /^h([2-6])$/.exec(element.localName)?.[1];
  return level ? Number(level) : Number.POSITIVE_INFINITY;
}

function letters(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}

function wrapperOf(element: Element): PrintWrapper {
  return { start: startTag(element), end: `</${element.localName}>` };
}

/** Whether an element holds nothing but elements (and space): it can then be cut between its children without losing a word. */
function onlyElements(element: Element): boolean {
  return Array.from(element.childNodes).every((node) => node.nodeType === 1 || (node.nodeType === 3 && !(node.textContent ?? '').trim()) || node.nodeType === 8);
}

/** The element of an article that holds its body's blocks (the child with most of its letters), when the article and it can be cut between children. */
function flowOf(article: Element): Element | undefined {
  if (!onlyElements(article)) return undefined;
  const total = letters(article);
  const body = Array.from(article.children).find((child) => letters(child) > total / 2);
  return body && body.children.length > 1 && onlyElements(body) ? body : undefined;
}

/**
 * The units' HTML, each inside its wrappers. A wrapper opened again in a
 * later part (the rest of `<main>`, of a long article) keeps its id only in
 * the part that opens it first: the later one says whose rest it is.
 */
function inWrappers(units: PrintUnit[], html: (unit: PrintUnit, index: number) => string): string {
  let body = '';
  let open: PrintWrapper[] = [];
  units.forEach((unit, index) => {
    let same = 0;
    while (same < open.length && open[same] === unit.wrappers[same]) same++;
    for (let depth = open.length - 1; depth >= same; depth--) body += open[depth]!.end;
    for (let depth = same; depth < unit.wrappers.length; depth++) {
      const { start } = unit.wrappers[depth]!;
      body += unit.firsts[depth] ? start : start.replace(/\sid="([^"]*)"/, ' data-continues="$1"');
    }
    open = unit.wrappers;
    body += html(unit, index);
  });
  for (let depth = open.length - 1; depth >= 0; depth--) body += open[depth]!.end;
  return body;
}

/** The head without its scripts: the styles alone, to ask Chromium where the pages break. */
function stylesOnly(head: string): string {
  return head.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/**
 * A document holding each unit's element, empty, inside its wrapper: enough
 * for Chromium to say, from the stylesheets a user may have changed, which
 * units start a page (`break-before`, or the unit before ends one).
 */
export function breaksDocument(document: PrintDocumentUnits): string {
  const body = inWrappers(document.units, (unit, index) => unit.empty.replace(/^<([a-z0-9-]+)/i, `<$1 data-unit="${index}"`));
  return `${stylesOnly(document.head)}${document.bodyStart}${body}</body></html>`;
}

/** Read in the breaks document: for each unit, whether a page starts at it; null if pages must fall left or right (a part could not know). */
export const PAGE_STARTS = `(function () {
  var units = Array.from(document.querySelectorAll('[data-unit]'));
  var sided = /^(left|right|recto|verso)$/;
  var breaks = function (value) { return value === 'page' || value === 'always' || sided.test(value); };
  var style = units.map(function (unit) { return getComputedStyle(unit); });
  var wrappers = new Set();
  units.forEach(function (unit) { for (var up = unit.parentElement; up && up !== document.body; up = up.parentElement) wrappers.add(up); });
  var all = style.concat(Array.from(wrappers).map(function (wrapper) { return getComputedStyle(wrapper); }));
  if (all.some(function (s) { return sided.test(s.breakBefore) || sided.test(s.breakAfter); })) return null;
  return units.map(function (unit, index) {
    if (index === 0) return true;
    var previous = units[index - 1];
    if (breaks(style[index].breakBefore) || breaks(style[index - 1].breakAfter)) return true;
    // A unit first in its wrappers starts them: their own breaks, and those of the wrappers the unit before ends.
    for (var opened = unit.parentElement; opened && opened !== document.body && !opened.contains(previous); opened = opened.parentElement) {
      if (breaks(getComputedStyle(opened).breakBefore)) return true;
    }
    for (var closed = previous.parentElement; closed && closed !== document.body && !closed.contains(unit); closed = closed.parentElement) {
      if (breaks(getComputedStyle(closed).breakAfter)) return true;
    }
    return false;
  });
})()`;

/** A part of the dossier laid out in a document of its own. */
export interface PrintPart {
  units: PrintUnit[];
  pageLists: boolean;
}

/**
 * The units grouped into parts of about `letters` letters, cut only where a
 * page starts. A dossier that fits in one part, or whose pages fall left and
 * right, or whose stylesheet styles first, left or right pages differently,
 * stays whole: a part's first page would be laid out as a first page.
 */
export function printParts(document: PrintDocumentUnits, pageStarts: boolean[] | null, letters: number): PrintPart[] | undefined {
  if (!pageStarts || pageStarts.length !== document.units.length) return undefined;
  if (/@page\b[^{]*:(first|left|right|recto|verso|blank|nth)/i.test(stylesOnly(document.head))) return undefined;
  const parts: PrintPart[] = [];
  let current: PrintPart | undefined;
  let size = 0;
  document.units.forEach((unit, index) => {
    if (!current || ((pageStarts[index] || unit.cut) && size >= letters)) {
      current = { units: [], pageLists: false };
      parts.push(current);
      size = 0;
    }
    current.units.push(unit);
    current.pageLists ||= unit.pageLists;
    size += unit.letters;
  });
  return parts.length > 1 ? parts : undefined;
}

/** A part's document: the print document's head (and `extraHead`), its body holding the part's units in their wrappers. */
export function partDocument(document: PrintDocumentUnits, part: PrintPart, extraHead: string): string {
  const body = inWrappers(part.units, (unit) => unit.html);
  const head = document.head.replace(/<head>/i, (tag) => `${tag}${extraHead}`);
  return `${head}${document.bodyStart}${body}</body></html>`;
}
