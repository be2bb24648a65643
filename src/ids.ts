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

/**
 * The article's EPUB chapter file: its id, or `article-NN` when the id has
 * letters beyond ASCII. OCF allows them, but epub-gen-memory strips them from
 * chapter names, and links made to the name we gave would lead nowhere.
 */
export function epubChapterFileName(article: { id: string }): string {
  const stem = /^[-._A-Za-z0-9]+$/.test(article.id) ? article.id : /^article-\d+/.exec(article.id)![0];
  return `${stem}.xhtml`;
}

/** The anchor of an article's body paragraph, numbered from 1. */
export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}-p${paragraph}`;
}

/** The anchor of a person's first mention in an article, which links to their entry. */
export function mentionAnchor(articleId: string, entityId: string): string {
  return `${articleId}-${entityId}`;
}

/** A shared passage's id, numbered from 1: it names the passage's notes in every format too. */
export function passageId(index: number): string {
  return `passage-${index + 1}`;
}

/** Ids made from names, kept unique within one list: `person-ken-livingstone`, then `person-ken-livingstone-2`. */
export function entityIds(prefix: 'person' | 'org'): (name: string) => string {
  const ids = new UniqueIds();
  return (name) => ids.take(`${prefix}-${slugify(name) || 'unnamed'}`);
}

/**
 * Ids made unique by a number: `first` if it is free, else `numbered-2`,
 * `numbered-3`, …, the lowest free. Where the count stopped is kept for each
 * stem, so a thousand entries with one slug are not each counted up from 2.
 */
class UniqueIds {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(first: string, numbered = first): string {
    let id = first;
    if (this.used.has(id)) {
      // Every number below the one kept was taken when it was kept, and ids are never given back.
      let n = this.next.get(numbered) ?? 2;
      while (this.used.has(`${numbered}-${n}`)) n++;
      id = `${numbered}-${n}`;
      this.next.set(numbered, n + 1);
    }
    this.used.add(id);
    return id;
  }
}
