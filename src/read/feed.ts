// RSS and Atom feeds → one article per item. The feed parser finds each
// item's title, link, dates, author and content (`content:encoded`, Atom's
// `content`); the content goes the way of a saved page. An item that
// carries only its summary is kept, and a warning says it is a summary.
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { languageTag } from '../language.js';
import type { ReadArticle, StatedMeta } from '../model.js';
import { countWords } from '../words.js';
import { NoArticleError, readHtml } from './html.js';
import { InputFileError } from './input-folder.js';
import type { ReadContext } from './reader.js';
import { isoInStatedOffset } from './stated-date.js';
import { readText } from './text.js';

/** Feeds past this size are not read: monitoring exports are megabytes, not hundreds. */
const MAX_FEED_BYTES = 64 * 1024 * 1024;

export async function readFeed(bytes: Buffer, context: ReadContext): Promise<ReadArticle[]> {
  if (bytes.length > MAX_FEED_BYTES) throw new InputFileError(`it is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB, far more than a feed holds`);
  const xml = xmlText(bytes);
  // Entities a document declares for itself can expand a few bytes into gigabytes (the "billion laughs"); feeds never need them.
  if (/<!ENTITY/i.test(xml)) throw new InputFileError('it declares XML entities of its own (<!ENTITY …>), which feeds never need and an XML bomb uses; it was not read');
  const { XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputFileError(`it is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}); fix the feed or export it again`);
  }
  const { parseFeed } = await import('@rowanmanning/feed-parser');
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    if ((error as { code?: string }).code === 'INVALID_FEED') throw new InputFileError('it is XML but not an RSS or Atom feed');
    throw error;
  }
  if (feed.items.length === 0) throw new NoArticleError('the feed has no items');
  const articles: ReadArticle[] = [];
  for (const [index, item] of feed.items.entries()) {
    const label = `item ${index + 1}${item.title ? ` ("${item.title}")` : ''}`;
    const content = item.content && item.content !== item.description ? item.content : undefined;
    const html = content ?? item.description;
    if (!html) {
      context.warnings.push({ file: context.file, message: `${label} was left out: it has neither content nor a summary.` });
      continue;
    }
    const raw = (name: string) => item.element.findElementWithName(name)?.textContentNormalized;
    const meta: StatedMeta = definedOnly({
      title: item.title ?? undefined,
      date: isoInStatedOffset(item.published ?? item.updated, raw('pubdate') ?? raw('published') ?? raw('date') ?? raw('updated')),
      source: feed.title ?? undefined,
      byline: item.authors.find((author) => author.name)?.name ?? undefined,
      url: item.url ?? undefined,
      language: languageTag(feed.language),
    });
    try {
      const tree = await itemTree(html, meta, context);
      articles.push({ file: context.file, format: 'feed', tree, meta, ...(content ? {} : { summaryOnly: true as const }) });
    } catch (error) {
      if (!(error instanceof NoArticleError)) throw error;
      context.warnings.push({ file: context.file, message: `${label} was left out: ${error.message}.` });
      continue;
    }
    if (!content) {
      context.warnings.push({
        file: context.file,
        message: `${label} is only the feed's summary, not the full article${item.url ? `: to read it whole, fetch its page with \`npm run fetch -- --into DIR ${item.url}\`` : ''}.`,
      });
    }
  }
  if (articles.length === 0) throw new NoArticleError('none of its items has text');
  return articles;
}

/** The feed's text: XML states its encoding, and UTF-8 is the default. */
function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    throw new InputFileError(`it declares the encoding ${declared}, which is not one dossier knows`);
  }
}

/** An item's HTML as a page for the HTML reader; a short one (a summary) as its paragraphs of text. */
async function itemTree(html: string, meta: StatedMeta, context: ReadContext): Promise<ReadArticle['tree']> {
  if (countWords(hastToString(unified().use(rehypeParse, { fragment: true }).parse(html))) >= 40) {
    const page = `<!doctype html><html><head><title>${escapeHtml(meta.title ?? '')}</title></head><body><article>${html}</article></body></html>`;
    try {
      return (await readHtml(page, context.file, context.warnings, context.root)).tree;
    } catch (error) {
      if (!(error instanceof NoArticleError)) throw error;
    }
  }
  const fragment = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  // A block element is a paragraph of its own, and so is a line a <br> ends; text and inline markup between them run on as one.
  const blocks: string[] = [''];
  for (const child of fragment.children) {
    const block = child.type === 'element' && BLOCK_ELEMENTS.has(child.tagName);
    if (child.type === 'element' && child.tagName === 'br') blocks.push('');
    else if (block) blocks.push(hastToString(child as Element), '');
    else blocks[blocks.length - 1] += child.type === 'element' ? hastToString(child as Element) : child.type === 'text' ? child.value : '';
  }
  const text = blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  if (!text) throw new NoArticleError('its content has no text');
  return readText(text, context.file).tree;
}

/** Elements that make a paragraph of their own in a summary; the rest (em, a, span…) sit inside one. */
const BLOCK_ELEMENTS = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'figure', 'section', 'article', 'header', 'footer', 'dl', 'hr']);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
