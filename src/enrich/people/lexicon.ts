// compromise's lexicon, read directly. Looking a word up is then a map
// lookup, where `nlp(word)` would parse and tag a whole document for it:
// the difference between seconds and minutes on thousands of articles.
import nlp from 'compromise';

interface Model {
  lexicon: Record<string, string | string[]>;
  tagSet: Record<string, { is?: string }>;
}

const model = (nlp as unknown as { world: () => { model: { one: Model } } }).world().model.one;
const cache = new Map<string, string[]>();

/** The word's tags in compromise's lexicon with their parents (MaleName → FirstName → Person…); [] when unknown. */
export function lexiconTags(word: string): string[] {
  const key = word.toLowerCase();
  let tags = cache.get(key);
  if (tags) return tags;
  tags = [];
  const entry = model.lexicon[key];
  for (const tag of Array.isArray(entry) ? entry : entry ? [entry] : []) {
    for (let current: string | undefined = tag; current && !tags.includes(current); current = model.tagSet[current]?.is) tags.push(current);
  }
  cache.set(key, tags);
  return tags;
}

/** The lexicon's entries (lower case, maybe of several words) given any of `tags` directly. */
export function entriesTagged(tags: readonly string[]): string[] {
  return Object.entries(model.lexicon)
    .filter(([, entry]) => (Array.isArray(entry) ? entry : [entry]).some((tag) => tags.includes(tag)))
    .map(([word]) => word);
}
