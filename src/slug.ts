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
