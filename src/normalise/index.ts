// The normalising stage: one `ReadArticle` in, one clean `Article` out. The
// order of the structure detectors matters (a dateline or byline above the
// headline must go before the headline is looked for), and is fixed here.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ArticleOverride } from '../config.js';
import type { Article, ReadArticle, Warning } from '../model.js';
import remarkBlockQuotes from './block-quotes.js';
import remarkByline from './byline.js';
import remarkDateline from './dateline.js';
import { parseStatedDate, type DateOrder } from './dates.js';
import remarkDeck, { deckOf } from './deck.js';
import remarkHeadingLevels from './heading-levels.js';
import remarkHeadline from './headline.js';
import { countWords } from './prose.js';
import remarkSafeLinks from './links.js';
import remarkRelatedLinks from './related-links.js';
import remarkCleanWhitespace from './whitespace.js';
import './data.js';

const processor = unified()
  .use(remarkCleanWhitespace)
  .use(remarkSafeLinks)
  .use(remarkDateline)
  .use(remarkByline)
  .use(remarkHeadline)
  .use(remarkDeck)
  .use(remarkRelatedLinks)
  .use(remarkBlockQuotes)
  .use(remarkHeadingLevels)
  .freeze();

export interface NormaliseOptions {
  dateOrder?: DateOrder;
  override?: ArticleOverride;
}

export type NormalisedArticle = Omit<Article, 'id'>;

export function normalise(read: ReadArticle, warnings: Warning[], options: NormaliseOptions = {}): NormalisedArticle {
  const file = new VFile({ path: read.file });
  const dateOrder = options.dateOrder ?? 'day-first';
  file.data.format = read.format;
  file.data.stated = read.meta;
  file.data.dateOrder = dateOrder;
  const body = processor.runSync(read.tree, file) as Root;
  for (const message of file.messages) {
    warnings.push({ file: read.file, ...(message.line ? { line: message.line } : {}), message: message.reason });
  }

  const { headline, publication, byline, deck, relatedLinks } = file.data;
  const override = options.override ?? {};
  const overrideDate = override.date ? parseStatedDate(override.date, dateOrder) : undefined;
  const article: NormalisedArticle = {
    file: read.file,
    format: read.format,
    title: override.title ?? headline?.text ?? read.file,
    titleDerived: override.title ? false : (headline?.derived ?? true),
    relatedLinks: relatedLinks ?? [],
    body,
    words: countWords(toString(body)),
  };
  const date = overrideDate ?? publication;
  if (date) article.date = date;
  const source = override.source ?? read.meta.source;
  if (source) article.source = source;
  if (override.byline ?? byline) article.byline = (override.byline ?? byline)!;
  const url = override.url ?? read.meta.url;
  if (url) article.url = url;
  const finalDeck = override.standfirst ? deckOf(override.standfirst) : deck;
  if (finalDeck) article.deck = finalDeck;
  return article;
}
