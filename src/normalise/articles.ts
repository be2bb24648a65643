// Normalising every article read, each on its own, with the editor's
// corrections from dossier.yaml; a watch session reuses what it normalised
// before for a file that did not change.
import { type DossierConfig, overrideFor } from '../config.js';
import type { ArticleCache } from '../incremental.js';
import type { ReadArticle, Warning } from '../model.js';
import { furnitureCandidate, furnitureKey, repeatedFurnitureLines } from './furniture.js';
import { normalise, type NormalisedArticle } from './index.js';

export function normaliseArticles(
  reads: { article: ReadArticle }[],
  config: DossierConfig,
  warningsOf: Map<string, Warning[]>,
  cache?: ArticleCache,
): NormalisedArticle[] {
  const repeated = repeatedFurnitureLines(reads.map(({ article }) => article));
  // Each article's place in its file (a feed's items, an e-mail's attachments): dossier.yaml may address it as `file#N`.
  const positions = new Map<string, number>();
  return reads.flatMap(({ article }) => {
    const position = (positions.get(article.file) ?? 0) + 1;
    positions.set(article.file, position);
    const override = overrideFor(config, article.file, position, article.meta.title);
    const warnings = warningsOf.get(article.file)!;
    // Only this page's own repeated lines: they are part of what its normalised text depends on.
    const repeatedLines = article.tree.children.flatMap((node) => {
      const text = furnitureCandidate(node);
      return text !== undefined && repeated.has(furnitureKey(text)) ? [furnitureKey(text)] : [];
    });
    const settings = {
      ...(repeatedLines.length ? { repeatedLines } : {}),
      ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}),
      ...(config.language ? { language: config.language } : {}),
      ...(override ? { override } : {}),
    };
    const result = cache ? cache.normalised(article, settings, warnings, () => normalise(article, warnings, settings)) : normalise(article, warnings, settings);
    // A headline or front matter with nothing under it is not an article to brief from.
    if (result.words === 0) {
      warnings.push({ file: article.file, message: `skipped: it has no article text${result.titleDerived ? '' : ` under the headline "${result.title}"`}.` });
      return [];
    }
    return [result];
  });
}
