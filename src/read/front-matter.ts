// Front matter and HTML metadata use many names for the same facts; this maps
// them onto the few the model knows.
import { directionValue, languageTag } from '../language.js';
import type { StatedMeta } from '../model.js';

const KEYS: Record<keyof StatedMeta, string[]> = {
  title: ['title', 'headline'],
  date: ['date', 'published', 'pubdate', 'publication_date', 'published_time'],
  source: ['source', 'publication', 'publisher', 'site', 'site_name', 'newspaper'],
  byline: ['byline', 'author', 'authors', 'by'],
  url: ['url', 'link', 'canonical'],
  standfirst: ['standfirst', 'subtitle', 'dek', 'description', 'summary'],
  updated: ['updated', 'modified', 'date_modified', 'last_modified', 'updated_time'],
  language: ['lang', 'language', 'locale', 'in_language'],
  direction: ['dir', 'direction'],
};

/** Picks the known facts out of a parsed front-matter mapping. */
export function statedMeta(data: unknown): StatedMeta {
  const meta: StatedMeta = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return meta;
  const lower = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase().replace(/-/g, '_'), value]));
  for (const [field, names] of Object.entries(KEYS) as [keyof StatedMeta, string[]][]) {
    for (const name of names) {
      const value = asText(lower.get(name));
      // Only a real language tag or direction is kept: `language: English` names none.
      const known = field === 'language' ? languageTag(value) : field === 'direction' ? directionValue(value) : value;
      if (known) {
        (meta as Record<string, string>)[field] = known;
        break;
      }
    }
  }
  return meta;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter(Boolean);
    return parts.length ? parts.join(', ') : undefined;
  }
  return undefined;
}
