// Scripts the print page runs around Paged.js where, left alone, it loses
// text or slows down with the length of the dossier: long runs of text cut
// into pieces it can split, lines hidden by a growing note area found again,
// finished pages taken out of the document while the rest is laid out, two
// of its per-page look-ups answered from an index, no frame awaited between
// pages, and a page checked for overflow a few times, not after every element.

/** Characters of text a span of print may hold, and the length it is cut to: far less than a page (about 4,400 on A4). */
const LONG_TEXT_LIMIT = 1000;
const LONG_TEXT_PIECE = 800;
/** A paragraph longer than this many characters (some seventy pages of A4, where Paged.js is still quick enough) is set in pieces of about this many (a page). */
export const LONG_PARAGRAPH_LIMIT = 300_000;
const LONG_PARAGRAPH_PIECE = 4000;

/**
 * Paged.js splits a text node across two pages, but goes wrong on the third:
 * it measures the next break from the wrong place, repeats a page and stops
 * ("Layout repeated"), so a paragraph longer than two pages lost the rest
 * of itself and of the dossier. Each long run of text is cut, at spaces, into
 * spans shorter than any page holds; the words and the lines are the same.
 */
export const LONG_TEXT = `function dossierCutLongText() {
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var long = [];
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.length > ${LONG_TEXT_LIMIT} && !node.parentElement.closest('script, style')) long.push(node);
  }
  long.forEach(function (node) {
    var text = node.data;
    var pieces = document.createDocumentFragment();
    while (text.length) {
      var cut = text.length > ${LONG_TEXT_LIMIT} ? text.lastIndexOf(' ', ${LONG_TEXT_PIECE}) + 1 : text.length;
      // Unspaced text (Chinese, Japanese) is cut between characters, never inside one.
      if (cut < ${LONG_TEXT_PIECE / 4}) for (cut = ${LONG_TEXT_PIECE}; cut > 1 && /[\\p{M}\\u200d\\udc00-\\udfff]/u.test(text[cut]); cut--);
      var piece = document.createElement('span');
      piece.textContent = text.slice(0, cut);
      pieces.appendChild(piece);
      text = text.slice(cut);
    }
    node.parentNode.replaceChild(pieces, node);
  });
  dossierCutLongParagraphs();
}
/*
 * Paged.js walks a block it splits from the block's start for every page it
 * fills, so one paragraph of hundreds of pages took time in the square of its
 * length (a 5 MB paragraph never finished). A paragraph of more than about seventy
 * pages is set as several, of about a page each, between its own pieces:
 * no space between them and no indent, each starting a new line.
 */
function dossierCutLongParagraphs() {
  document.querySelectorAll('p').forEach(function (paragraph) {
    if (paragraph.textContent.length <= ${LONG_PARAGRAPH_LIMIT} || paragraph.closest('script, style')) return;
    var pieces = [], piece = null, letters = 0;
    Array.from(paragraph.childNodes).forEach(function (child) {
      if (!piece || letters >= ${LONG_PARAGRAPH_PIECE}) {
        piece = paragraph.cloneNode(false);
        if (pieces.length) { piece.removeAttribute('id'); piece.classList.add('print-continued'); }
        pieces.push(piece);
        letters = 0;
      }
      piece.appendChild(child);
      letters += child.textContent.length;
    });
    pieces.slice(0, -1).forEach(function (piece) { piece.classList.add('print-continues'); });
    paragraph.replaceWith.apply(paragraph, pieces);
  });
}`;


/**
 * Paged.js moves a note to the page's foot after it has chosen where the
 * page breaks, and when the note area grows then (a long note split over
 * pages), it takes the room of the page's last lines, which end up hidden
 * past the page's foot and printed nowhere. Once a page is finished, its
 * break is looked for again in the room that is left, and the next page
 * starts from there.
 */
const HIDDEN_LINES = `function dossierHiddenLines() {
  class HiddenLines extends window.Paged.Handler {
    afterPageLayout(pageElement, page, breakToken, chunker) {
      if (!breakToken || !breakToken.node || !page.layoutMethod || !page.area || !page.wrapper) return;
      var token = page.layoutMethod.findBreakToken(page.wrapper, chunker.source, page.area.getBoundingClientRect(), page.startToken);
      if (token && token.node && !token.equals(breakToken)) {
        breakToken.node = token.node;
        breakToken.offset = token.offset;
      }
    }
  }
  window.Paged.registerHandlers(HiddenLines);
}`;

/**
 * Paged.js lays out each page in a task queued for the next animation frame,
 * so between two pages Chromium restyled, laid out and painted the document
 * and then waited for the frame: a third of the layout's time. Pages are
 * queued as microtasks instead. Paged.js measures what it has laid out by
 * asking for sizes, which Chromium works out on the spot, so every page
 * breaks where it did; nothing is painted until the layout is done.
 */
const QUICK_TICKS = `function dossierQuickTicks() {
  window.PagedPolyfill.chunker.q.tick = function (next) { queueMicrotask(next); };
}`;

/**
 * Paged.js checks whether a page is full every so many letters laid out, a
 * number it takes once, from the first page it lays out, which is often the
 * cover with some 150 letters; past that many, until the page overflows, it
 * checks after every element it adds, and each check lays the page out
 * again: 74 checks a page of a long paragraph cut into spans, where three or
 * four would do. The number is taken again for every page, from Paged.js's
 * own average of the letters on the last few pages.
 */
const CHECK_EVERY = `function dossierCheckEvery() {
  class CheckEvery extends window.Paged.Handler {
    beforePageLayout(page, contents, breakToken, chunker) {
      delete chunker.settings.maxChars;
    }
  }
  window.Paged.registerHandlers(CheckEvery);
}`;

/** Pages kept in the document behind the one being laid out: Paged.js looks back at the page before at most. */
const PAGES_KEPT = 3;

/**
 * Paged.js checks each page for overflow by asking Chromium for the page's
 * size, and Chromium restyles and measures the whole document for it: the
 * more pages laid out, the slower each new one, so a long article (one part
 * that cannot be cut) took time growing with the square of its length. Each
 * finished page is taken out of the document a few pages later, and all are
 * put back, in order, once the layout is done: every page then costs the same.
 */
const DETACHED_PAGES = `function dossierDetachPages() {
  var detached = window.dossierDetachedPages = [];
  class DetachedPages extends window.Paged.Handler {
    afterPageLayout(pageElement, page, breakToken, chunker) {
      var old = chunker.pages[chunker.pages.length - 1 - ${PAGES_KEPT}];
      if (old && old.element && old.element.parentNode) {
        detached.push(old.element);
        old.element.parentNode.removeChild(old.element);
      }
    }
  }
  window.Paged.registerHandlers(DetachedPages);
  window.dossierAttachPages = function () {
    var pages = document.querySelector('.pagedjs_pages');
    var fragment = document.createDocumentFragment();
    detached.forEach(function (element) { fragment.appendChild(element); });
    if (pages) pages.insertBefore(fragment, pages.firstChild);
    detached = window.dossierDetachedPages = [];
  };
}`;

/**
 * Two look-ups Paged.js makes for every page take time in proportion to the
 * article, so a long one cost the square of its length: a page's break token
 * is compared with the earlier ones by its node's place among its siblings,
 * counted from the first (thousands, in an article's body), and a laid-out
 * element is found again in the source by a query of the whole source. Both
 * are answered from an index instead, made once: the source does not change
 * while it is laid out.
 */
const QUICK_LOOKUPS = `function dossierQuickLookups() {
  var places = new WeakMap();
  function placeAmongSiblings(node) {
    var parent = node.parentElement;
    var known = places.get(parent);
    if (!known || known.count !== parent.childNodes.length) {
      known = { count: parent.childNodes.length, of: new Map() };
      parent.childNodes.forEach(function (child, index) { known.of.set(child, index); });
      places.set(parent, known);
    }
    var place = known.of.get(node);
    return place === undefined ? -1 : place;
  }
  function quickerToJSON(hash) {
    if (!this.node) return {};
    var node;
    if (this.node.nodeType === 1 && this.node.dataset.ref) node = this.node.dataset.ref;
    else if (hash) node = this.node.parentElement.dataset.ref;
    return JSON.stringify({ node: node, index: this.node.parentElement ? placeAmongSiblings(this.node) : 0, offset: this.offset });
  }
  class QuickLookups extends window.Paged.Handler {
    beforePageLayout(page, content, breakToken) {
      if (content && !content.indexOfRefs) {
        var refs = {};
        content.querySelectorAll('[data-ref]').forEach(function (element) { refs[element.getAttribute('data-ref')] = element; });
        content.indexOfRefs = refs;
      }
      if (breakToken) {
        var prototype = Object.getPrototypeOf(breakToken);
        if (prototype.toJSON !== quickerToJSON) prototype.toJSON = quickerToJSON;
      }
    }
  }
  window.Paged.registerHandlers(QuickLookups);
}`;

/**
 * Every page is the size of the paper and nothing on it reaches past its
 * edges, so each is contained: Chromium then lays out and paints a page on
 * its own, not as a place in one document thousands of pages tall. Printing
 * 400 pages took an eighth less. Not style containment: counters run on
 * from page to page.
 */
const CONTAINED_PAGES = `function dossierContainPages() {
  var style = document.createElement('style');
  style.textContent = '.pagedjs_page { contain: size layout paint; }';
  document.head.appendChild(style);
}`;

/** The handlers above, registered in this order by `dossierLayoutFixes()` before Paged.js lays out the first page. */
export const LAYOUT_FIXES = `${HIDDEN_LINES}
${DETACHED_PAGES}
${QUICK_LOOKUPS}
${QUICK_TICKS}
${CHECK_EVERY}
${CONTAINED_PAGES}
function dossierLayoutFixes() {
  dossierContainPages();
  dossierHiddenLines();
  dossierDetachPages();
  dossierQuickLookups();
  dossierQuickTicks();
  dossierCheckEvery();
}`;
