// Each person's quotations, as the people section shows them: in reading
// order, the first few, each cut to a couple of lines, with a link to the
// paragraph it is in (its page, in print) and how many more there are.
import type { Quote } from '../../model.js';
import { paragraphId } from '../../ids.js';
import { typeset } from './typography.js';

/** How many quotations each person shows; the rest are counted ("and 3 more"). */
export const QUOTES_SHOWN = 5;
/** Characters of a quotation shown: about two lines of the people section. */
export const QUOTE_CHARACTERS = 200;

export interface QuoteLink {
  /** The paragraph it is in. */
  anchor: string;
  article: { id: string; number: number; title: string };
}

export interface QuoteView {
  /** The quoted words, typeset, cut at a word with an ellipsis when long. */
  text: string;
  /** Every paragraph the person is quoted saying it in: one quotation in several versions of a report is listed once. */
  links: QuoteLink[];
}

export interface PersonQuotes {
  shown: QuoteView[];
  more: number;
}

/** Cut at the last word that fits, never inside one. */
export function shortQuote(text: string, limit = QUOTE_CHARACTERS): string {
  const words = text.replace(/\s+/gu, ' ').trim();
  if (words.length <= limit) return words;
  const cut = words.slice(0, limit + 1).replace(/\s+\S*$/u, '').replace(/[\s,;:–—-]+$/u, '');
  return `${cut}…`;
}

const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** The same quotation as two versions of a report give it, one word apart: the same opening words, or one holding the other. */
const OPENING_WORDS = 8;
const opening = (key: string) => key.split(' ').slice(0, OPENING_WORDS).join(' ');
const sameWords = (a: string, b: string) => a.includes(b) || b.includes(a) || (a.split(' ').length >= OPENING_WORDS && opening(a) === opening(b));

/** Per person id, the quotations the articles credit to them, in reading order, the same words once. */
export function quotesByPerson(quotes: readonly Quote[], articles: Map<string, { id: string; number: number; title: string }>): Map<string, PersonQuotes> {
  const byPerson = new Map<string, { shown: (QuoteView & { key: string })[]; rest: Set<string> }>();
  for (const quote of quotes) {
    const article = articles.get(quote.article);
    if (quote.speaker.kind !== 'person' || !quote.speaker.person || !article) continue;
    const entry = byPerson.get(quote.speaker.person) ?? { shown: [], rest: new Set<string>() };
    byPerson.set(quote.speaker.person, entry);
    const key = plain(quote.text);
    const link = { anchor: paragraphId(quote.article, quote.paragraph), article };
    // Compared with the few shown only; the rest are counted by their opening words, so a person quoted thousands of times costs no more than once each.
    const same = entry.shown.find((seen) => sameWords(seen.key, key));
    if (same) {
      if (!same.links.some((other) => other.article.id === article.id)) same.links.push(link);
    } else if (entry.shown.length < QUOTES_SHOWN) {
      entry.shown.push({ key, text: typeset(shortQuote(quote.text)), links: [link] });
    } else {
      entry.rest.add(opening(key));
    }
  }
  return new Map([...byPerson].map(([person, { shown, rest }]) => [person, { shown: shown.map(({ key: _key, ...view }) => view), more: rest.size }]));
}
