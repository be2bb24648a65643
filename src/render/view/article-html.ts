// One article body, mdast → hast → HTML: the single path every visual format
// (HTML page, PDF, EPUB) takes. Sanitising here means no input can become
// active content in any of them.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { ListItem, Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Handlers, State } from 'mdast-util-to-hast';
import remarkRehype, { defaultHandlers } from 'remark-rehype';
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { PersonMark } from '../../enrich/people/link-mentions.js';
import type { PictureData } from '../../read/pictures.js';
import { typesetTree } from './typography.js';

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Our own anchors are trusted; the default prefixing would break links to them.
  clobber: [],
  clobberPrefix: '',
  protocols: { href: ['http', 'https', 'mailto'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'className'],
    // The default allows only the footnote class on links; ours mark mentions too.
    a: [...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), 'className', ['role', 'doc-noteref'], ['epub:type', 'noteref']],
    img: ['src', 'alt', 'title'],
  },
};

/**
 * Pictures from the input folder, embedded after sanitising: a data: URL in
 * the HTML page (and so the PDF), a file: URL the EPUB writer packs into the
 * book. Any other picture address was already left out by the reader.
 */
function rehypeEmbedPictures(options: { pictures: Map<string, PictureData>; format: 'html' | 'epub' | 'print' }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img') return undefined;
      const picture = options.pictures.get(String(node.properties.src ?? ''));
      if (!picture) {
        if (parent && index !== undefined) parent.children.splice(index, 1);
        return index;
      }
      const src = embeddedSource(picture, options.format);
      if (src) {
        node.properties.src = src;
        return undefined;
      }
      // The file was a picture when it was read but is gone or changed since: its description stands in.
      const alt = String(node.properties.alt ?? '').trim();
      if (parent && index !== undefined) parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: `[Picture: ${alt}]` }] : []));
      return index;
    });
  };
}

/** The address a picture is embedded by, or undefined when its file can no longer be read as a picture. */
function embeddedSource(picture: PictureData, format: 'html' | 'epub' | 'print'): string | undefined {
  try {
    // Checked again here: only a regular file is read, so a file swapped for a FIFO cannot hang the build.
    if (!statSync(picture.path).isFile()) return undefined;
    return format === 'epub' ? pathToFileURL(picture.path).href : `data:${picture.mime};base64,${readFileSync(picture.path).toString('base64')}`;
  } catch {
    return undefined;
  }
}

/** Footnote ids unique in the whole page: remark-rehype leaves the notes heading's id unprefixed. */
function rehypeNoteIds(options: { prefix: string }) {
  const label = `${options.prefix}notes`;
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.properties.id === 'footnote-label') node.properties.id = label;
      if (node.properties.ariaDescribedBy) node.properties.ariaDescribedBy = [label];
    });
  };
}

/**
 * Handlers for remark-rehype, per format: headings shifted under the
 * article's headline, and the note calls each format wants.
 */
function handlers(options: ArticleHtmlOptions): Handlers {
  const heading: Handlers['heading'] = (state, node) => {
    const element = defaultHandlers.heading(state, node);
    // Level 2 and below in the model, shifted under the headline.
    element.tagName = `h${Math.min(6, node.depth - 1 + options.headlineLevel)}`;
    return element;
  };
  if (options.format === 'epub') return { heading, listItem, personMark: unmarked, footnoteReference: epubNoteCall };
  if (options.format === 'print') return { heading, listItem, personMark: printMark, footnoteReference: printNote };
  return { heading, listItem, personMark: unmarked };
}

/** A later mention on screen is just its words: a link gets the reader there. */
const unmarked = (state: State, node: PersonMark): ElementContent[] => state.all(node);

/** In print, a later mention keeps its anchor, so that the people pages can give every page it is on. */
const printMark = (state: State, node: PersonMark): Element => ({ type: 'element', tagName: 'span', properties: { id: node.data.id }, children: state.all(node) });

/**
 * A tight list's items hold their paragraph's words without a `<p>`, and so
 * without the paragraph's anchor, which the chronology and the notes link
 * to: the item takes the anchor instead.
 */
const listItem: Handlers['listItem'] = (state, node: ListItem, parent) => {
  const element = defaultHandlers.listItem(state, node, parent);
  const unwrapped = !element.children.some((child) => child.type === 'element' && child.tagName === 'p');
  const anchor = node.children.find((child) => child.type === 'paragraph' && child.data?.hProperties?.id)?.data?.hProperties?.id;
  if (unwrapped && anchor !== undefined && element.properties.id === undefined) element.properties.id = anchor;
  return element;
};

/**
 * EPUB 3 note calls, as pandoc writes them: `<a epub:type="noteref">`, so
 * e-readers show the note as a pop-up. Numbered and linked as remark-rehype
 * numbers and links them.
 */
const epubNoteCall: Handlers['footnoteReference'] = (state, node) => {
  const sup = defaultHandlers.footnoteReference(state, node);
  const link = sup.children[0] as Element;
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: link.properties.href, id: link.properties.id, 'epub:type': 'noteref', role: 'doc-noteref', className: ['noteref'] },
    children: [{ type: 'element', tagName: 'sup', properties: {}, children: link.children }],
  };
};

/** The notes each print article has called so far, in the order of their first call. */
const printNoteOrder = new WeakMap<object, string[]>();

/**
 * Print notes: the note's text goes where it is called, as a
 * `<span class="footnote">` that the print stylesheet floats to the foot of
 * the page (Paged.js `float: footnote`), after a call of our own. Paged.js
 * would number its calls straight through the dossier; ours are numbered as
 * remark-rehype numbers the HTML page's and the EPUB's, from 1 in each
 * article, so a note has one number in every format; a note called again
 * is printed once. No call is counted, so no list of notes is made at the
 * article's end.
 */
const printNote: Handlers['footnoteReference'] = (state, node) => {
  const id = String(node.identifier).toUpperCase();
  const order = printNoteOrder.get(state) ?? [];
  printNoteOrder.set(state, order);
  const repeated = order.includes(id);
  if (!repeated) order.push(id);
  const number = String(order.indexOf(id) + 1);
  const call: Element = { type: 'element', tagName: 'sup', properties: { className: ['note-call'] }, children: [{ type: 'text', value: number }] };
  // Called again, the note is not printed again: its number points to it, as in the HTML page.
  if (repeated) return call;
  const definition = state.footnoteById.get(id);
  const blocks = definition ? state.all(definition) : [];
  const children = blocks.flatMap((block) => (block.type === 'element' && block.tagName === 'p' ? block.children : []));
  const numberLabel: Element = { type: 'element', tagName: 'span', properties: { className: ['note-number'] }, children: [{ type: 'text', value: `${number}. ` }] };
  return [call, { type: 'element', tagName: 'span', properties: { className: ['footnote'] }, children: [numberLabel, ...children] }];
};

/**
 * The EPUB's list of notes: an `<aside epub:type="footnote">` per note,
 * where remark-rehype makes a list item, so that e-readers find them. Each
 * starts with its call's number: where a reader shows no pop-up (older
 * Kindles, calibre's conversions), the list is read as it stands.
 */
function rehypeEpubNoteList() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'section' || !('dataFootnotes' in node.properties)) return undefined;
      const asides: ElementContent[] = [];
      visit(node, 'element', (item) => {
        if (item.tagName !== 'li') return undefined;
        visit(item, 'element', (child) => {
          if ('dataFootnoteBackref' in child.properties) child.properties = { href: child.properties.href, role: 'doc-backlink', className: ['backlink'] };
        });
        const number: Element = { type: 'element', tagName: 'span', properties: { className: ['note-number'] }, children: [{ type: 'text', value: `${asides.length + 1}. ` }] };
        const first = item.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p');
        if (first) first.children.unshift(number);
        asides.push({ type: 'element', tagName: 'aside', properties: { id: item.properties.id, 'epub:type': 'footnote', role: 'doc-footnote', className: ['footnote'] }, children: item.children });
        return SKIP;
      });
      const heading = node.children.find((child): child is Element => child.type === 'element' && /^h[1-6]$/.test(child.tagName));
      node.properties = { className: ['footnotes'], 'epub:type': 'footnotes' };
      node.children = [...(heading ? [heading] : []), ...asides];
      return SKIP;
    });
  };
}

/** Blocks a body may have side by side before the EPUB groups them. */
const WIDE_BODY = 1000;

/**
 * epub-gen-memory walks each chapter with domutils 2, whose search takes the
 * next element off the front of one array of all the elements still to see:
 * each step costs as many elements as stand side by side, so 100,000 blocks
 * in one article took minutes. A body that wide is grouped into `<div>`s of
 * about the square root of its blocks, which keeps that array short. No
 * article of ordinary length is touched.
 */
function rehypeGroupWideBody() {
  return (tree: HastRoot) => {
    const children = tree.children;
    if (children.length <= WIDE_BODY) return;
    const size = Math.ceil(Math.sqrt(children.length));
    const parts: Element[] = [];
    for (let start = 0; start < children.length; start += size) {
      parts.push({ type: 'element', tagName: 'div', properties: { className: ['body-part'] }, children: children.slice(start, start + size) as ElementContent[] });
    }
    tree.children = parts;
  };
}

export interface ArticleHtmlOptions {
  /** Heading level of the article's headline in the page: 2 in the dossier page, 1 in an EPUB chapter. */
  headlineLevel: number;
  /** Makes footnote ids unique in a page of many articles: the article id. */
  idPrefix: string;
  /** `print` is the page laid out for the PDF, with notes at the foot of the page. */
  format: 'html' | 'epub' | 'print';
}

export function articleBodyHtml(body: Root, options: ArticleHtmlOptions): string {
  const pictures = new Map<string, PictureData>();
  visit(body, 'image', (node) => {
    if (node.data?.picture) pictures.set(node.url, node.data.picture);
  });
  const processor = bodyProcessor(options, pictures);
  const typeset = typesetBody(body);
  const slices = blockSlices(typeset);
  if (!slices) return processor.stringify(processor.runSync(typeset) as HastRoot);
  // remark-rehype puts a line between a root's blocks; a wide EPUB body is grouped as rehypeGroupWideBody groups it.
  const parts = slices.map((children) => processor.stringify(processor.runSync({ type: 'root', children }) as HastRoot));
  return options.format === 'epub' ? parts.map((part) => `<div class="body-part">${part}</div>`).join('\n') : parts.join('\n');
}

function bodyProcessor(options: ArticleHtmlOptions, pictures: Map<string, PictureData>) {
  const prefix = `${options.idPrefix}-`;
  return unified()
    .use(remarkRehype, {
      clobberPrefix: prefix,
      footnoteLabel: 'Notes',
      // A level-2 heading of the model, shifted under the headline as the others are.
      footnoteLabelTagName: `h${Math.min(6, 1 + options.headlineLevel)}`,
      footnoteLabelProperties: { className: ['notes-heading'] },
      footnoteBackLabel: (_reference, rereference) => `Back to the text${rereference > 1 ? ` (${rereference})` : ''}`,
      handlers: handlers(options),
    })
    .use(rehypeNoteIds, { prefix })
    .use(rehypeSanitize, schema)
    .use(rehypeEmbedPictures, { pictures, format: options.format })
    .use(options.format === 'epub' ? rehypeEpubNoteList : () => undefined)
    .use(options.format === 'epub' ? rehypeGroupWideBody : () => undefined)
    .use(rehypeStringify);
}

/** Blocks a long body is turned into HTML at a time, at the fewest. */
const SLICE_BLOCKS = 500;

/** What refers across a body: notes and definitions are gathered from the whole tree, so such a body is converted whole. */
const WHOLE_BODY_NODES = new Set(['definition', 'footnoteDefinition', 'footnoteReference', 'linkReference', 'imageReference']);

/**
 * A long body's blocks in slices of about the square root of their number
 * (at least SLICE_BLOCKS), each converted on its own: converted whole, its
 * hast tree, the sanitised copy and its HTML were all held at once, hundreds
 * of megabytes for 50,000 headings. Undefined for a body of ordinary length,
 * or one with notes or references.
 */
function blockSlices(body: Root): RootContent[][] | undefined {
  if (body.children.length <= 2 * SLICE_BLOCKS) return undefined;
  let whole = false;
  visit(body, (node) => {
    if (!WHOLE_BODY_NODES.has(node.type)) return undefined;
    whole = true;
    return EXIT;
  });
  if (whole) return undefined;
  const size = Math.max(SLICE_BLOCKS, Math.ceil(Math.sqrt(body.children.length)));
  const slices: RootContent[][] = [];
  for (let start = 0; start < body.children.length; start += size) slices.push(body.children.slice(start, start + size));
  return slices;
}

/** Typeset bodies, so that the HTML page, the PDF and the EPUB typeset each article once. */
const typesetBodies = new WeakMap<Root, Root>();

/** The body with printer's typography; the model's own tree stays as it is. remark-rehype only reads it. */
function typesetBody(body: Root): Root {
  let typeset = typesetBodies.get(body);
  if (!typeset) typesetBodies.set(body, (typeset = typesetTree(structuredClone(body))));
  return typeset;
}
