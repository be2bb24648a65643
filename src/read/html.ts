// Saved web pages → mdast. Mozilla's Readability (the engine behind Firefox's
// reader view) finds the article in the page; rehype-remark turns its HTML
// into mdast. Scripts never run and nothing is fetched.
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import type { ReadArticle, StatedMeta } from '../model.js';

const toMdast = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark, {
  handlers: {
    // Pictures would be remote requests; keep what they show as text.
    img: (_state, node) => {
      const alt = String(node.properties?.alt ?? '').trim();
      return alt ? { type: 'text', value: `[Picture: ${alt}]` } : undefined;
    },
  },
});

export class NoArticleError extends Error {}

export async function readHtml(html: string, file: string): Promise<ReadArticle> {
  // jsdom is heavy to load; only builds with HTML inputs pay for it.
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([
    import('jsdom'),
    import('@mozilla/readability'),
  ]);
  const virtualConsole = new VirtualConsole(); // silence the page's CSS errors
  const dom = new JSDOM(html, { url: 'https://dossier.invalid/', virtualConsole });
  const document = dom.window.document;
  const pageMeta = metaTags(document);
  const parsed = new Readability(document, { keepClasses: false }).parse();
  dom.window.close();
  if (!parsed?.content || !parsed.textContent?.trim()) {
    throw new NoArticleError('no article text was found in the page');
  }

  const hast = toMdast.parse(parsed.content) as HastRoot;
  const tree = (await toMdast.run(hast)) as Root;
  const meta: StatedMeta = {
    ...definedOnly({
      title: parsed.title ?? undefined,
      byline: parsed.byline ?? undefined,
      source: parsed.siteName ?? undefined,
      date: parsed.publishedTime ?? undefined,
    }),
    ...pageMeta,
  };
  return { file, format: 'html', tree, meta };
}

/** Metadata Readability does not return: canonical link and standfirst. */
function metaTags(document: Document): StatedMeta {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  return definedOnly({
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : content('meta[property="og:url"]'),
    standfirst: content('meta[name="description"]') ?? content('meta[property="og:description"]'),
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
