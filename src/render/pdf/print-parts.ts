// The print document cut into parts that Paged.js lays out one by one, each
// in a document of its own. Paged.js gets slower with every page it has laid
// out (each overflow check restyles the whole book), so one long book costs
// far more than the same pages laid out a few dozen at a time. A cut is made
// only where the whole document starts a new page anyway (before an article
// that breaks the page, after the cover), so every part breaks into the same
// pages alone as it would in the whole.
import { parseHTML } from 'linkedom';

/** An element of the body that holds units, as its start and end tags. */
export interface PrintWrapper {
  start: string;
  end: string;
}

/** One block of the body: a section, or an article inside its `<main>`. */
export interface PrintUnit {
  html: string;
  /** The element it sits in, other than the body (the articles' `<main>`): one object for all its units. */
  wrapper?: PrintWrapper;
  /** It is the first in its wrapper. */
  first: boolean;
  /** Its element with nothing in it, to ask Chromium where the pages break. */
  empty: string;
  /** Its letters, to size the parts. */
  letters: number;
  /** It holds a list of every page something is on (the people): laid out once the pages it lists are known. */
  pageLists: boolean;
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

/** The blocks of the print document, or nothing when it is not laid out as the templates lay it out (one body, a head). */
export function printUnits(html: string): PrintDocumentUnits | undefined {
  const end = headEnd(html);
  if (end < 0) return undefined;
  const head = html.slice(0, end);
  const rest = html.slice(end);
  const bodyStart = /^\s*(<body\b[^>]*>)/i.exec(rest)?.[1];
  if (!bodyStart) return undefined;
  const { document } = parseHTML(`<!DOCTYPE html><html>${rest}`);
  const units: PrintUnit[] = [];
  const unit = (element: Element, wrapper?: PrintWrapper, first = true): PrintUnit => ({
    html: element.outerHTML,
    empty: (element.cloneNode(false) as Element).outerHTML,
    wrapper,
    first,
    letters: (element.textContent ?? '').replace(/\s+/g, '').length,
    pageLists: element.classList.contains('page-list') || element.getElementsByClassName('page-list').length > 0,
  });
  for (const child of Array.from(document.body.children)) {
    const parts = Array.from(child.children);
    if (parts.some((part) => part.hasAttribute('data-section'))) {
      const wrapper = { start: startTag(child), end: `</${child.localName}>` };
      parts.forEach((part, index) => units.push(unit(part, wrapper, index === 0)));
    } else {
      units.push(unit(child));
    }
  }
  return { head, bodyStart, units };
}

/** The units' HTML, each run of units of one wrapper inside it. A wrapper's id stays with its first unit: a later part holds only the rest of it. */
function inWrappers(units: PrintUnit[], html: (unit: PrintUnit, index: number) => string): string {
  let body = '';
  let open: PrintWrapper | undefined;
  units.forEach((unit, index) => {
    if (open && unit.wrapper !== open) body += open.end;
    if (unit.wrapper && unit.wrapper !== open) body += unit.first ? unit.wrapper.start : unit.wrapper.start.replace(/\sid="[^"]*"/, '');
    open = unit.wrapper;
    body += html(unit, index);
  });
  if (open) body += open.end;
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
  if (style.some(function (s) { return sided.test(s.breakBefore) || sided.test(s.breakAfter); })) return null;
  return units.map(function (unit, index) {
    if (index === 0) return true;
    var previous = units[index - 1];
    if (breaks(style[index].breakBefore) || breaks(style[index - 1].breakAfter)) return true;
    // A unit first in its wrapper starts the wrapper: the wrapper's own break, and the one before it.
    if (unit.parentElement !== previous.parentElement) {
      var wrapper = unit.parentElement !== document.body ? unit.parentElement : previous.parentElement;
      var wrapperStyle = getComputedStyle(wrapper);
      return unit.parentElement !== document.body ? breaks(wrapperStyle.breakBefore) : breaks(wrapperStyle.breakAfter);
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
    if (!current || (pageStarts[index] && size >= letters)) {
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
