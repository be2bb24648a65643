// Saved web pages → mdast. Mozilla's Readability (the engine behind Firefox's
// reader view) finds the article in the page; rehype-remark turns its HTML
// into mdast. Scripts never run and nothing is fetched.
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { ReadArticle, StatedMeta, Warning } from '../model.js';
import { TRUNCATED_LABEL } from '../text-patterns.js';
import { countWords } from '../words.js';
import { directionValue, languageTag } from '../language.js';
import { limitArticleDepth } from './depth.js';
import { preparePage } from './html-depth.js';
import { pageDocument } from './page-document.js';
import { readInThread, readingThreads } from './html-threads.js';
import { elements, pageDates } from './page-dates.js';
import { pageLanguage } from './page-language.js';
import { picture, type PictureContext, type PictureData } from './pictures.js';

/** Relative links resolve against this stand-in address; they mean nothing outside their site and lose the link. */
const STAND_IN_BASE = 'https://dossier.invalid/';

/** The default schema, and figures: a picture and its caption are read as one (figurePicture). */
const SCHEMA = { ...defaultSchema, tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'] };

function toMdast(context: PictureContext) {
  // Readability's output is sanitised before anything else reads it: scripts,
  // event handlers, iframes, objects and styles are gone at the first step.
  return unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, SCHEMA).use(rehypeRemark, {
    handlers: {
      img: (_state, node) => imagePicture(node, context),
      figure: (_state, node) => figurePicture(node, context),
    },
  });
}

function imagePicture(node: Element, context: PictureContext, caption = '') {
  const src = String(node.properties?.src ?? '');
  // Readability made relative addresses absolute against the stand-in; undo that.
  const relative = src.startsWith(STAND_IN_BASE) ? src.slice(STAND_IN_BASE.length) : src;
  return picture(relative, String(node.properties?.alt ?? '') || caption, context, caption);
}

/**
 * A figure is its pictures and its caption, said once: the labels a site
 * puts around them ("Image", "Enlarge this image", "Photo Credit…") are not
 * kept, and a picture left out shows its caption, not its caption and its
 * description when they say the same.
 */
function figurePicture(node: Element, context: PictureContext): Paragraph | undefined {
  const images: Element[] = [];
  let captionElement: Element | undefined;
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') images.push(child);
      else if (child.tagName === 'figcaption') captionElement ??= child;
      else walk(child);
    }
  };
  walk(node);
  const caption = captionElement ? captionText(captionElement) : '';
  const children: PhrasingContent[] = [];
  for (const image of images) {
    const shown = imagePicture(image, context, caption);
    if (shown) children.push(shown);
  }
  const pictureLeftOut = children.some((child) => child.type === 'text');
  // A picture that stays is followed by its caption; one left out already says it.
  if (caption && !pictureLeftOut) children.push(...(children.length ? [{ type: 'text', value: ' ' } as const] : []), { type: 'text', value: caption });
  return children.length ? { type: 'paragraph', children } : undefined;
}

/** The caption's words without the label of a credit the page hid ("Photo Credit…"). */
function captionText(element: Element): string {
  const parts = element.children.map((child) => hastToString(child)).filter((part) => !TRUNCATED_LABEL.test(part));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export class NoArticleError extends Error {}

/**
 * Reads a saved page, in a reading thread unless DOSSIER_READ_THREADS is 0
 * (see html-threads.ts). `embedded`: the pictures a document made into this
 * page carries inside it, by the address the page gives each.
 */
export async function readHtml(html: string, file: string, warnings: Warning[], root: string, embedded?: Record<string, PictureData>): Promise<ReadArticle> {
  const reply = readingThreads() > 0 ? await readInThread(html, file, root, embedded) : undefined;
  if (!reply) return readHtmlHere(html, file, warnings, root, embedded);
  warnings.push(...reply.warnings);
  if ('noArticle' in reply) throw new NoArticleError(reply.noArticle);
  if ('failure' in reply) throw new Error(reply.failure);
  return reply.article;
}

/** Reads a saved page on this thread. */
export async function readHtmlHere(
  html: string,
  file: string,
  warnings: Warning[],
  root: string,
  embedded?: Record<string, PictureData>,
): Promise<ReadArticle> {
  const { Readability } = await import('@mozilla/readability');
  // Depth is bounded before the DOM and Readability (Readability is superlinear in it) and again on the mdast they lead to.
  const page = preparePage(html);
  const document = pageDocument(page.html, STAND_IN_BASE);
  const pageMeta = metaTags(document);
  const dates = pageDates(document);
  const language = pageLanguage(document);
  const headline = headlineOfPage(document);
  const parsed = new Readability(document, { keepClasses: false }).parse();
  // A page of navigation has a few words of link text; an article has sentences.
  // Words are counted as a reader would: unspaced Japanese or Chinese has many.
  if (!parsed?.content || countWords(parsed.textContent ?? '') < MIN_ARTICLE_WORDS) {
    throw new NoArticleError('no article text was found in the page');
  }

  const processor = toMdast({ root, file, warnings, ...(embedded ? { embedded } : {}) });
  const hast = processor.parse(parsed.content) as HastRoot;
  const tree = (await processor.run(hast)) as Root;
  limitArticleDepth(tree, file, warnings, page.capped);
  unwrapRelativeLinks(tree);
  const meta: StatedMeta = {
    ...definedOnly({
      title: withoutSiteName(headline ?? parsed.title ?? undefined, parsed.siteName ?? undefined),
      byline: parsed.byline ?? undefined,
      source: parsed.siteName ?? undefined,
      // The page's own metadata first, in order of trust; Readability's pick last.
      // A page that states only when it was changed is dated by that.
      date: dates.published ?? parsed.publishedTime ?? dates.modified,
      updated: (dates.published ?? parsed.publishedTime) ? dates.modified : undefined,
      language: language.language ?? languageTag(parsed.lang),
      direction: language.direction ?? directionValue(parsed.dir),
    }),
    ...pageMeta,
  };
  return { file, format: 'html', tree, meta };
}

const MIN_ARTICLE_WORDS = 20;

function unwrapRelativeLinks(tree: Root): void {
  visit(tree, 'link', (node, index, parent) => {
    if (!parent || index === undefined || !node.url.startsWith(STAND_IN_BASE)) return undefined;
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
}

/** "Council approves bypass | The Northern Echo" → "Council approves bypass". */
function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  const escaped = siteName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return title.replace(new RegExp(`\\s*[|–—:-]\\s*${escaped}\\s*$`, 'i'), '').trim() || title;
}

/**
 * The page's one <h1> when the <title> is it plus the site's furniture:
 * "城市共享单车试点扩大_科技频道_门户网" (portals join with "_", which
 * Readability does not split at) becomes the headline the page prints.
 */
function headlineOfPage(document: Document): string | undefined {
  const headings = elements(document, 'h1');
  const title = document.title.trim();
  const h1 = headings.length === 1 ? headings[0]!.textContent?.replace(/\s+/g, ' ').trim() : undefined;
  if (!h1 || !title.startsWith(h1) || title === h1) return undefined;
  return /^\s*[_|\-–—:·/\\>»]/u.test(title.slice(h1.length)) ? h1 : undefined;
}

/** Metadata Readability does not return: the page's address and standfirst. */
function metaTags(document: Document): StatedMeta {
  const metas = elements(document, 'meta');
  const content = (attribute: string, value: string) =>
    metas.find((meta) => meta.getAttribute(attribute) === value)?.getAttribute('content')?.trim() || undefined;
  const canonical = elements(document, 'link')
    .find((link) => link.getAttribute('rel') === 'canonical')
    ?.getAttribute('href')
    ?.trim();
  return definedOnly({
    // Where `npm run fetch` found the page comes first: it is the address the user gave, after redirects.
    url: content('name', 'dossier-fetched-from') ?? (canonical && /^https?:\/\//i.test(canonical) ? canonical : content('property', 'og:url')),
    standfirst: content('name', 'description') ?? content('property', 'og:description'),
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
