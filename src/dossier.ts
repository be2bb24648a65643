// The dossier as the writers get it: the enriched articles in reading order
// with the settings' title, marking and dates, the briefing, and every
// warning so far.
import type { DossierConfig } from './config.js';
import { computeBriefing, deriveTitle } from './enrich/briefing.js';
import type { Enrichment } from './enrich/index.js';
import type { VersionPair } from './enrich/versions.js';
import { articleId } from './ids.js';
import type { Article, Dossier, DossierMeta, ReadingOrder, Warning } from './model.js';
import type { NormalisedArticle } from './normalise/index.js';

/** The articles in reading order, each with its id, and each later version marked with the first of its report. */
export function withIds(articles: NormalisedArticle[], versions: VersionPair[] = []): Article[] {
  const ids = articles.map((article, index) => articleId(index, articles.length, article.title));
  const versionOf = new Map(versions.map((pair) => [pair.index, ids[pair.of]!]));
  return articles.map((article, index) => ({ id: ids[index]!, ...article, ...(versionOf.has(index) ? { versionOf: versionOf.get(index)! } : {}) }));
}

/** `date` is the default when at least half the articles are dated: a pile of mostly undated cuttings reads better as filed. */
export const DATE_ORDER_SHARE = 0.5;

/**
 * The articles in the order asked for, or by date when at least half are
 * dated, else as the files sort. Sorting is stable, so the file order breaks
 * ties; undated articles go last, and so do articles without a source.
 */
export function readingOrder<T extends Pick<NormalisedArticle, 'date' | 'source'>>(
  articles: T[],
  requested?: ReadingOrder,
): { articles: T[]; order: NonNullable<DossierMeta['order']> } {
  const dated = articles.filter((article) => article.date).length;
  const by: ReadingOrder = requested ?? (articles.length > 0 && dated >= articles.length * DATE_ORDER_SHARE ? 'date' : 'file');
  const when = (article: T) => article.date?.published ?? article.date?.date;
  const byDate = (a: T, b: T) => {
    const [x, y] = [when(a), when(b)];
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? -1 : 1;
  };
  const bySource = (a: T, b: T) => {
    if (a.source === b.source) return byDate(a, b);
    if (a.source === undefined) return 1;
    if (b.source === undefined) return -1;
    return a.source.localeCompare(b.source, 'en') || byDate(a, b);
  };
  const sorted = by === 'date' ? [...articles].sort(byDate) : by === 'source' ? [...articles].sort(bySource) : articles;
  return { articles: sorted, order: { by, chosen: requested ? 'setting' : 'default', undated: articles.length - dated } };
}

export function assembleDossier(
  config: DossierConfig,
  options: { input: string; title?: string; order?: NonNullable<DossierMeta['order']> },
  enrichment: Enrichment,
  warnings: Warning[],
): Dossier {
  const { articles } = enrichment;
  const given = options.title ?? config.title;
  const titles = articles.slice(0, 3).map((article) => `“${article.title}”`);
  const more = articles.length > 3 ? `, and ${articles.length - 3} more` : '';
  const all = [...warnings, ...enrichment.warnings];
  return {
    // Never the folder's name: "Dossier: story" says nothing the reader needs.
    title: given ?? deriveTitle(enrichment),
    titleDerived: given === undefined,
    ...(config.subtitle ? { subtitle: config.subtitle } : {}),
    ...(config.marking ? { marking: config.marking } : {}),
    ...(config.articleBreak ? { articleBreak: config.articleBreak } : {}),
    ...(config.compiledBy ? { compiledBy: config.compiledBy } : {}),
    ...(config.date ? { date: config.date } : {}),
    order: options.order ?? { by: 'file', chosen: 'default', undated: articles.filter((article) => !article.date).length },
    language: config.language ?? 'en',
    description:
      config.description ?? `A briefing dossier of ${articles.length} news article${articles.length === 1 ? '' : 's'}: ${titles.join(', ')}${more}.`,
    ...enrichment,
    warnings: all,
    briefing: computeBriefing({ ...enrichment, warnings: all }),
  };
}
