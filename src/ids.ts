// Every id and anchor of the dossier comes from here: articles, paragraphs,
// mentions, people, organisations, shared passages and the markdown files.
// Writers ask the model for these, never their own HTML.
import { slugify } from './slug.js';

/**
 * `article-NN-slug`, NN its place in reading order (wider past 99
 * articles): starting with a letter, it is a valid CSS selector as well as
 * an anchor.
 */
export function articleId(index: number, count: number, title: string): string {
  const width = Math.max(2, String(count).length);
  return `article-${String(index + 1).padStart(width, '0')}-${slugify(title) || 'untitled'}`;
}

/** `NN-slug.md`: the article's id without its `article-` prefix. */
export function markdownFileName(article: { id: string }): string {
  return `${article.id.replace(/^article-/, '')}.md`;
}

/** The anchor of an article's body paragraph, numbered from 1. */
export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}-p${paragraph}`;
}

/** The anchor of a person's first mention in an article, which links to their entry. */
export function mentionAnchor(articleId: string, entityId: string): string {
  return `${articleId}-${entityId}`;
}

/** Ids made from names, kept unique within one list: `person-ken-livingstone`, then `…-2`. */
export function uniqueIds(prefix: string): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = `${prefix}-${slugify(name) || 'unnamed'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
