// The markdown writer: markdown/, one normalised file per article.
import { markdownFileName } from '../../ids.js';
import type { Dossier } from '../../model.js';
import type { Writer } from '../writer.js';
import { articleMarkdown, type FrontMatterQuote } from './article-file.js';

/** Each article's quotations, each with its speaker's name (a person's, an organisation's) or the article's words for them. */
function quotesOf(dossier: Dossier): Map<string, FrontMatterQuote[]> {
  const names = new Map([...dossier.people, ...dossier.organisations].map((entry) => [entry.id, entry.name]));
  const byArticle = new Map<string, FrontMatterQuote[]>();
  for (const quote of dossier.quotes ?? []) {
    const { speaker } = quote;
    const name = (speaker.person && names.get(speaker.person)) ?? (speaker.organisation && names.get(speaker.organisation)) ?? (speaker.kind === 'unknown' ? undefined : speaker.as);
    const list = byArticle.get(quote.article) ?? [];
    list.push({ ...(name ? { speaker: name } : {}), text: quote.text, paragraph: quote.paragraph });
    byArticle.set(quote.article, list);
  }
  return byArticle;
}

export const markdownWriter: Writer = {
  format: 'md',
  async write(dossier) {
    const quotes = quotesOf(dossier);
    const files = new Map(dossier.articles.map((article) => [markdownFileName(article), articleMarkdown(article, quotes.get(article.id))]));
    return { outputs: [{ folder: 'markdown', files }], warnings: [], summary: `${files.size} files` };
  },
};
