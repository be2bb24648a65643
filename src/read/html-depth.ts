// The page as the DOM (page-document.ts) and Readability are given it
// (preparePage): parsed by parse5 as a browser parses it, without what no
// reader of it uses, and with its nesting capped. The cap first, since it
// is why this pass exists: how deeply a web page's elements nest is bounded
// before the DOM and Readability see it. parse5 alone builds a tree of 10,000 nested <div>s in milliseconds,
// but jsdom, which read pages before linkedom, walked every new node's ancestors as it inserted it (quadratic, and
// it overflowed the stack past a few thousand levels) and Readability scores
// each node against its ancestors: 5 KB of nesting took Readability 20 s.
// Real pages nest a few dozen levels; below MAX_DOM_DEPTH, elements are
// unwrapped and their text kept in the element at that depth.
import { parse, serialize, type DefaultTreeAdapterTypes as P5 } from 'parse5';

/** Deep enough for any real page's layout wrappers; the mdast cap (depth.ts) bounds what is left. */
export const MAX_DOM_DEPTH = 60;

/** Elements that run inside a line: unwrapping them needs no space to keep words apart. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'del', 'ins', 'strike', 'tt', 'big', 'nobr', 'label']);

/** Leaves kept as they are: pictures and line breaks. */
const KEPT_LEAVES = new Set(['img', 'br']);

/** Content that is not text to read. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'meta', 'link']);

/** The page, or when it nests deeper than `max`, the page flattened below that depth and serialised again. */
export function capHtmlDepth(html: string, max = MAX_DOM_DEPTH): { html: string; capped: boolean } {
  // The DOM parses without scripting; so must we, or <noscript> would differ.
  const document = parse(html, { scriptingEnabled: false });
  const capped = capDepth(document, max);
  return capped ? { html: serialize(document), capped } : { html, capped };
}

/**
 * The page as the DOM and Readability are given it: depth capped, and without
 * what Readability throws away before it reads (scripts other than JSON-LD
 * metadata, styles) or never reads (templates, inline SVG, comments). A saved
 * page is mostly those: jsdom built a CSS object model for every style sheet
 * and Readability removed each script node by node. Always serialised
 * again, so the DOM's own parser (htmlparser2, which does not mend markup
 * as browsers do) reads only markup that parse5 has made well-formed.
 */
export function preparePage(html: string, max = MAX_DOM_DEPTH): { html: string; capped: boolean } {
  const document = parse(html, { scriptingEnabled: false });
  prune(document);
  const capped = capDepth(document, max);
  return { html: serialize(document), capped };
}

/** Elements whose content no reader of the article uses. */
const INERT = new Set(['style', 'template', 'svg']);

function prune(root: P5.ParentNode): void {
  const stack: P5.ParentNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kept = node.childNodes.filter(
      (child) => !(child.nodeName === '#comment' || INERT.has(child.nodeName) || (child.nodeName === 'script' && !isJsonLd(child as P5.Element))),
    );
    if (kept.length !== node.childNodes.length) node.childNodes = kept;
    for (const child of kept) if ('childNodes' in child) stack.push(child);
  }
}

/** Page metadata (datePublished, author) that page-dates.ts and Readability read. */
function isJsonLd(script: P5.Element): boolean {
  return script.attrs.some((attr) => attr.name === 'type' && attr.value.trim().toLowerCase() === 'application/ld+json');
}

function capDepth(document: P5.Document, max: number): boolean {
  let capped = false;
  const stack: [P5.ParentNode, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth >= max) {
      capped = flatten(node) || capped;
      continue;
    }
    for (const child of node.childNodes) if ('childNodes' in child) stack.push([child, depth + 1]);
  }
  return capped;
}

/** Replaces the element's descendants with their text, pictures and line breaks, in order. */
function flatten(node: P5.ParentNode): boolean {
  const kept: P5.ChildNode[] = [];
  let removed = false;
  const space = (): P5.TextNode => ({ nodeName: '#text', value: ' ', parentNode: node });
  // A string marks where an unwrapped block ended, so its text is kept apart from the next.
  const pending: (P5.ChildNode | ' ')[] = [...node.childNodes].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (child === ' ') kept.push(space());
    else if (child.nodeName === '#text') kept.push(child);
    else if (!('childNodes' in child)) continue; // comments and doctypes
    else if (child.childNodes.length === 0 && KEPT_LEAVES.has(child.nodeName)) kept.push(child);
    else {
      removed = true;
      if (DROPPED.has(child.nodeName)) continue;
      const block = !INLINE.has(child.nodeName);
      if (block) {
        kept.push(space());
        pending.push(' ');
      }
      for (let i = child.childNodes.length - 1; i >= 0; i--) pending.push(child.childNodes[i]!);
    }
  }
  for (const child of kept) child.parentNode = node;
  node.childNodes = kept;
  return removed;
}
