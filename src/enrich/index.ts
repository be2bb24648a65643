// The enriching stage: what the dossier learns from all its articles together.
// Each enrichment is a unified plugin over the article trees; the order is
// fixed here.
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { Article } from '../model.js';
import remarkParagraphAnchors from './paragraph-anchors.js';

export function enrich(articles: Article[]): Article[] {
  return articles.map((article) => {
    const body = unified().use(remarkParagraphAnchors, { articleId: article.id }).runSync(article.body) as Root;
    return { ...article, body };
  });
}
