// Every id and anchor of the dossier comes from here: articles, paragraphs,
// mentions, people, organisations, shared passages and the markdown files.
// Writers ask the model for these, never their own HTML.
import { createHash } from 'node:crypto';
import { slugify } from './slug.js';

/**
 * Ids are ASCII, whatever the script of the name: Chromium writes a PDF's
 * named destinations percent-encoded, so an Arabic or Chinese slug comes out
 * three times as long, past the 127 bytes PDF readers hold. A name in
 * another script is named by a short digest instead; file names keep its
 * letters (markdownFileName).
 */
function asciiSlug(text: string): string | undefined {
  const slug = slugify(text);
  if (slug === '') return undefined;
  return /^[a-z0-9-]+$/.test(slug) ? slug : `x${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`;
}

/**
 * `article-NN-slug`, NN its place in reading order (wider past 99
 * articles): starting with a letter, it is a valid CSS selector as well as
 * an anchor. A headline in another script gives `article-NN` alone.
 */
export function articleId(index: number, count: number, title: string): string {
  const width = Math.max(2, String(count).length);
  const slug = slugify(title);
  const number = `article-${String(index + 1).padStart(width, '0')}`;
  if (slug === '') return `${number}-untitled`;
  return /^[a-z0-9-]+$/.test(slug) ? `${number}-${slug}` : number;
}

/** `NN-slug.md`: the article's number and its headline's letters, in any script. */
export function markdownFileName(article: { id: string; title: string }): string {
  const number = /^article-(\d+)/.exec(article.id)?.[1] ?? '00';
  return `${number}-${slugify(article.title) || 'untitled'}.md`;
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

/**
 * The anchor of a person's later mention in an article, the second being 2:
 * the printed index finds each page a person is mentioned on. Slugs never
 * hold "--", so these never meet another id.
 */
export function laterMentionAnchor(articleId: string, entityId: string, mention: number): string {
  return `${mentionAnchor(articleId, entityId)}--${mention}`;
}

/** A shared passage's id, numbered from 1: it names the passage's notes in every format too. */
export function passageId(index: number): string {
  return `passage-${index + 1}`;
}

/** The note of several shared passages that overlap in one paragraph: `passages-3-7`. */
export function passagesNoteId(passageIds: string[]): string {
  return passageIds.length === 1 ? passageIds[0]! : `passages-${passageIds.map((id) => id.replace(/^passage-/, '')).join('-')}`;
}

/** Ids made from names, kept unique within one list: `person-ken-livingstone`, then `person-ken-livingstone-2`. */
export function entityIds(prefix: 'person' | 'org'): (name: string) => string {
  const ids = new UniqueIds();
  return (name) => ids.take(`${prefix}-${asciiSlug(name) ?? 'unnamed'}`);
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
