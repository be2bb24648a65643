// File- and anchor-safe names made from headlines.
import { slug } from 'github-slugger';

const MAX_SLUG_WORDS = 6;
/**
 * Bounded in characters too: a one-word headline of 300 letters would make
 * a file name too long for the file system, and a long name inside a zip
 * overflows the EPUB's directory. The headline itself stays whole in the text.
 */
const MAX_SLUG_CHARACTERS = 60;

/** `Ken Livingstone: what he really thinks` → `ken-livingstone-what-he-really-thinks`. */
export function slugify(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const short = slug(ascii)
    .split('-')
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS)
    .join('-')
    .replace(/[^a-z0-9-]/g, '');
  return short.length <= MAX_SLUG_CHARACTERS ? short : cutAtWord(short, MAX_SLUG_CHARACTERS);
}

/** The longest run of whole words that fits, or the first word cut short when even that is too long. */
function cutAtWord(slugText: string, limit: number): string {
  const cut = slugText.slice(0, limit + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : slugText.slice(0, limit);
}
