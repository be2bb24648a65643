// File- and anchor-safe names made from headlines.
import { slug } from 'github-slugger';

const MAX_SLUG_WORDS = 6;

/** `Ken Livingstone: what he really thinks` → `ken-livingstone-what-he-really-thinks`. */
export function slugify(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return slug(ascii)
    .split('-')
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS)
    .join('-')
    .replace(/[^a-z0-9-]/g, '');
}

/**
 * Ids made unique by a number: `first` if it is free, else `numbered-2`,
 * `numbered-3`, …, the lowest free. Where the count stopped is kept for each
 * stem, so a thousand entries with one slug are not each counted up from 2.
 */
export class UniqueIds {
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
