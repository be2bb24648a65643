// The dossier as the writers get it: the enriched articles with the
// settings' title, marking and dates, and every warning so far.
import path from 'node:path';
import type { DossierConfig } from './config.js';
import type { Enrichment } from './enrich/index.js';
import { articleId } from './ids.js';
import type { Article, Dossier, Warning } from './model.js';
import type { NormalisedArticle } from './normalise/index.js';

/** The articles in reading order, each with its id. */
export function withIds(articles: NormalisedArticle[]): Article[] {
  return articles.map((article, index) => ({ id: articleId(index, articles.length, article.title), ...article }));
}

export function assembleDossier(
  config: DossierConfig,
  options: { input: string; title?: string },
  enrichment: Enrichment,
  warnings: Warning[],
): Dossier {
  const { articles } = enrichment;
  const title = options.title ?? config.title ?? `Dossier: ${path.basename(path.resolve(options.input))}`;
  const titles = articles.slice(0, 3).map((article) => `“${article.title}”`);
  const more = articles.length > 3 ? `, and ${articles.length - 3} more` : '';
  return {
    title,
    ...(config.subtitle ? { subtitle: config.subtitle } : {}),
    ...(config.marking ? { marking: config.marking } : {}),
    ...(config.articleBreak ? { articleBreak: config.articleBreak } : {}),
    ...(config.compiledBy ? { compiledBy: config.compiledBy } : {}),
    ...(config.date ? { date: config.date } : {}),
    language: config.language ?? 'en',
    description:
      config.description ?? `A briefing dossier of ${articles.length} news article${articles.length === 1 ? '' : 's'}: ${titles.join(', ')}${more}.`,
    ...enrichment,
    warnings: [...warnings, ...enrichment.warnings],
  };
}
