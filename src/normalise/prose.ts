// Small facts about a piece of prose that the structure detectors share.

export { countWords, words, wordSpans } from '../words.js';
import { words } from '../words.js';

/** Closing quotes and brackets that may follow a sentence's last stop. */
const CLOSERS = /["'”’»)\]」』）]+$/u;

/** True when the text ends the way a sentence does: `.`, `!`, `?`, `…` (or CJK's `。！？`), maybe inside quotes. */
export function endsLikeSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return /[.!?…。！？]$/u.test(trimmed.replace(CLOSERS, '')) || /[.!?…。！？]$/u.test(trimmed);
}

/** The last character that is not a closing quote or bracket. */
export function lastStop(text: string): string {
  return text.trimEnd().replace(CLOSERS, '').slice(-1);
}

const MINOR_WORDS = new Set(
  'a an and as at but by for from in into nor of on or per the to via vs with up out off over than that is are be its it his her their our your my'.split(
    ' ',
  ),
);

/**
 * Share of the significant words that start with a capital letter or a digit:
 * headlines and link titles score high, sentences low.
 */
export function capitalisedShare(text: string): number {
  const significant = words(text).filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  if (significant.length === 0) return 0;
  const capitalised = significant.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return capitalised / significant.length;
}

const ABBREVIATIONS =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|St|Rev|Gen|Col|Capt|Lt|Sgt|Cllr|Rt|Hon|No|Co|Corp|Inc|Ltd|Jr|Sr|vs|etc|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/**
 * Where sentences end in a paragraph: after each stop that is not an
 * abbreviation or an initial and is followed by a capital, a digit or a
 * letter of a script without capitals (Korean, Arabic, Hebrew), and after each full stop, exclamation or
 * question mark of Chinese, Japanese and Korean (`。！？`), which no space
 * follows and no capital letter tells.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]["'”’)]*(?=\s+["'“‘(]?[\p{Lu}\p{Lo}\p{N}])|[。！？]+[」』”’）)]*(?=\s*\S)/gu;
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(0, match.index + 1);
    if (ABBREVIATIONS.test(before)) continue;
    // A single capital before the stop is an initial ("John F. Kennedy").
    if (/(?:^|\s)\p{Lu}\.$/u.test(before)) continue;
    ends.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return ends;
}

/** The first sentence of a paragraph. */
export function firstSentence(text: string): string {
  return text.slice(0, sentenceEnds(text)[0]).trim();
}

/** The sentence of a paragraph that holds character `index`. */
export function sentenceAt(text: string, index: number): string {
  return sentencesOf(text).at(index);
}

/** A paragraph's sentences, found once, for looking up many offsets in it. */
export interface Sentences {
  /** Each sentence's end; the last is the text's length. */
  ends: number[];
  /** The sentence that holds character `index`, trimmed. */
  at(index: number): string;
}

export function sentencesOf(text: string): Sentences {
  const ends = sentenceEnds(text);
  return {
    ends,
    at(index) {
      // The first end past `index`, by halving: a scan from the start for every date was quadratic.
      let low = 0;
      let high = ends.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (ends[middle]! > index) high = middle;
        else low = middle + 1;
      }
      if (low === ends.length) return text.slice(ends.at(-1) ?? 0).trim();
      return text.slice(low === 0 ? 0 : ends[low - 1], ends[low]).trim();
    },
  };
}
