// The normalising stage: one `ReadArticle` in, one clean `Article` out. The
// order of the structure detectors matters (a dateline or byline above the
// headline must go before the headline is looked for), and is fixed here.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ArticleOverride } from '../config.js';
import { directionOf, languageFromScript } from '../language.js';
import type { Article, ReadArticle, Warning } from '../model.js';
import remarkBlockQuotes from './block-quotes.js';
import remarkByline from './byline.js';
import remarkDateline from './dateline.js';
import type { DateOrder } from './dates.js';
import remarkDeck from './deck.js';
import remarkFurniture from './furniture.js';
import remarkMailFurniture from './mail-furniture.js';
import remarkHeadingLevels from './heading-levels.js';
import remarkHeadline, { remarkRepeatedHeadline } from './headline.js';
import { countWords } from './prose.js';
import remarkSafeLinks, { isSafeUrl } from './links.js';
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
  // After the byline, dateline and kicker are taken: a site prints those on every page too.
  .use(remarkFurniture)
  .use(remarkMailFurniture)
  // What stood above a repeated headline is gone now.
  .use(remarkRepeatedHeadline)
  .use(remarkRelatedLinks)
  .use(remarkBlockQuotes)
  .use(remarkHeadingLevels)
  .freeze();

export interface NormaliseOptions {
  dateOrder?: DateOrder;
  /** dossier.yaml's `language`, for articles that state none. */
  language?: string;
  override?: ArticleOverride;
  /** The short lines that other saved pages of the dossier print too (see furniture.ts). */
  repeatedLines?: string[];
}

export type NormalisedArticle = Omit<Article, 'id'>;

/** What the file states, else the dossier's setting, else what the script makes clear; the direction follows. */
function languageOf(stated: ReadArticle['meta'], configured: string | undefined, body: Root): Pick<Article, 'language' | 'direction'> {
  const language = stated.language ?? configured ?? languageFromScript(toString(body));
  const direction = stated.direction ?? (language ? directionOf(language) : undefined);
  return { ...(language ? { language } : {}), ...(direction ? { direction } : {}) };
}

/**
 * The body's text with a line between blocks and at line breaks, for
 * counting its words: run together (as mdast's toString does), the last word
 * of each paragraph and the first of the next were one word.
 */
export function bodyText(body: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(` ${node.alt ?? ''} `);
    else if (node.type === 'break') parts.push('\n');
    else if ('children' in node) {
      const block = node.type !== 'root' && !PHRASING.has(node.type);
      if (block) parts.push('\n');
      for (const child of node.children) walk(child as Nodes);
      if (block) parts.push('\n');
    }
  };
  walk(body);
  return parts.join('');
}

/** Inline nodes with children: their text runs on with what is around them. */
const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference']);

export function normalise(read: ReadArticle, warnings: Warning[], options: NormaliseOptions = {}): NormalisedArticle {
  const file = new VFile({ path: read.file });
  const dateOrder = options.dateOrder ?? 'day-first';
  file.data.format = read.format;
  file.data.stated = read.meta;
  file.data.override = options.override ?? {};
  file.data.dateOrder = dateOrder;
  file.data.repeatedLines = options.repeatedLines ?? [];
  const body = processor.runSync(read.tree, file) as Root;
  for (const message of file.messages) {
    warnings.push({ file: read.file, ...(message.line ? { line: message.line } : {}), message: message.reason });
  }
  // Where each node stood in the file served the warnings above; every later copy of the tree
  // (the annotated content, the typeset one, each writer's HTML tree) would carry it, three objects a node.
  visit(body, (node) => {
    delete node.position;
  });

  const { headline, publication, byline, deck, relatedLinks, kicker } = file.data;
  const override = options.override ?? {};
  const article: NormalisedArticle = {
    file: read.file,
    format: read.format,
    title: headline?.text ?? read.file,
    titleDerived: headline?.derived ?? true,
    relatedLinks: relatedLinks ?? [],
    body,
    words: countWords(bodyText(body)),
  };
  if (read.summaryOnly) article.summaryOnly = true;
  if (kicker) article.kicker = kicker;
  if (publication) article.date = publication;
  const source = override.source ?? read.meta.source;
  if (source) article.source = source;
  if (override.byline ?? byline) article.byline = (override.byline ?? byline)!;
  const url = override.url ?? read.meta.url;
  if (url && isSafeUrl(url)) article.url = url;
  else if (url) warnings.push({ file: read.file, message: `the link "${url}" was left out: only http, https and mailto links are kept.` });
  if (deck) article.deck = deck;
  Object.assign(article, languageOf(read.meta, options.language, body));
  return article;
}
