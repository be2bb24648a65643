// The dates a saved page states about itself. News sites state them in many
// vocabularies at once (schema.org JSON-LD, Open Graph, microdata, Dublin
// Core, Parse.ly, Sailthru…); they are read here in order of trust, the first
// that gives a date winning. Readability reads only some of them.

export interface PageDates {
  published?: string;
  modified?: string;
}

/** Meta tags naming the publication date, most trusted first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'DC.date.issued',
  'dcterms.issued',
  'DC.date',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'date',
  'article.published',
  'cXenseParse:recs:publishtime',
];

const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dateModified', 'DC.date.modified', 'dcterms.modified', 'last-modified'];

/** Read before Readability, which takes the scripts (and so the JSON-LD) out of the document. */
export function pageDates(document: Document): PageDates {
  const jsonLd = jsonLdDates(document);
  const published =
    jsonLd.published ??
    metaValue(document, PUBLISHED_META) ??
    itempropDate(document, 'datePublished') ??
    articleTime(document);
  const modified = jsonLd.modified ?? metaValue(document, MODIFIED_META) ?? itempropDate(document, 'dateModified');
  return { ...(published ? { published } : {}), ...(modified ? { modified } : {}) };
}

/** A value that carries a year, which every full date does; "TBC" or "" is passed over for the next source. */
function plausible(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text && /(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)/.test(text) ? text : undefined;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|WebPage|LiveBlogPosting)$/;

/** schema.org dates from every JSON-LD block: the article's own object first, however deep in `@graph` it sits. */
function jsonLdDates(document: Document): PageDates {
  const found: { published?: string; modified?: string; article: boolean }[] = [];
  for (const script of elements(document, 'script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block says nothing; the meta tags may
    }
    collect(data, found, 0);
  }
  // An article's dates beat a WebSite's or an Organization's (a founding date is no publication date).
  const ordered = [...found.filter((entry) => entry.article), ...found.filter((entry) => !entry.article)];
  return {
    ...definedOnly('published', ordered.find((entry) => entry.published)?.published),
    ...definedOnly('modified', ordered.find((entry) => entry.modified)?.modified),
  };
}

const MAX_JSON_DEPTH = 8;

function collect(data: unknown, found: { published?: string; modified?: string; article: boolean }[], depth: number): void {
  if (depth > MAX_JSON_DEPTH || !data || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, found, depth + 1);
    return;
  }
  const record = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
  const published = plausible(asString(record.datePublished) ?? asString(record.dateCreated));
  const modified = plausible(asString(record.dateModified));
  if (published || modified) {
    found.push({ ...definedOnly('published', published), ...definedOnly('modified', modified), article: types.some((type) => ARTICLE_TYPES.test(type)) });
  }
  for (const [key, value] of Object.entries(record)) {
    // The article inside a WebPage's mainEntity, a NewsArticle in @graph, an ItemList's items.
    if (key !== 'publisher' && key !== 'author' && typeof value === 'object') collect(value, found, depth + 1);
  }
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** `<meta property|name|itemprop="…" content="…">`, names compared without case. */
function metaValue(document: Document, names: string[]): string | undefined {
  const byName = new Map<string, string>();
  for (const meta of elements(document, 'meta')) {
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const name = meta.getAttribute(attribute)?.trim().toLowerCase();
      const value = plausible(meta.getAttribute('content'));
      if (name && value && !byName.has(name)) byName.set(name, value);
    }
  }
  for (const name of names) {
    const value = byName.get(name.toLowerCase());
    if (value) return value;
  }
  return undefined;
}

/** Microdata on any element: `<time itemprop="datePublished" datetime="…">`, `<span itemprop=… content=…>`. */
function itempropDate(document: Document, property: string): string | undefined {
  for (const element of document.querySelectorAll(`[itemprop~="${property}"]`)) {
    const value = plausible(element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent);
    if (value) return value;
  }
  return undefined;
}

/** A `<time datetime>` inside the article (or marked `pubdate`): the page's own date, not a sidebar's. */
function articleTime(document: Document): string | undefined {
  for (const element of elements(document, 'time')) {
    if (!element.hasAttribute('pubdate') && !element.closest('article, [role="article"]')) continue;
    const value = plausible(element.getAttribute('datetime'));
    if (value) return value;
  }
  return undefined;
}

/**
 * The elements of one tag name, in document order: one walk of the page,
 * with no CSS selector to match at every element (jsdom's selector engine
 * took most of a second a page for the selectors read here).
 */
export function elements(document: Document, tagName: string): Element[] {
  return Array.from(document.getElementsByTagName(tagName));
}

function definedOnly<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return (value ? { [key]: value } : {}) as { [key in K]?: string };
}
