// Given names the tagger left off: it reads a surname as a person's in one
// place of an article ("Lukaku scored") and misses the full name in another
// ("with Romelu Lukaku, Yannick Carrasco and Dries Mertens").
import type { BodyParagraph } from '../paragraphs.js';
import { namesABody } from '../organisation-hits.js';
import { namesInParagraph, type TaggedName } from '../tagger/index.js';
import { lexiconTags } from './lexicon.js';
import { isNotPersonWord } from './names.js';
import { capitalSaysNothing, isDescription, isFunctionWord, NATIONALS } from './name-words.js';

/**
 * The last words of the names the tagger reads as people's anywhere in the
 * article, a surname that no lexicon knows ("Lukaku", "Jafari"): the
 * article's evidence of who its people are, where the tagger missed the full
 * name once ("Romelu Lukaku doubled the lead").
 */
export function taggedSurnames(paragraphs: BodyParagraph[]): Set<string> {
  const surnames = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const name of namesInParagraph(paragraph)) {
      const last = name.words.at(-1)!;
      if (name.type === 'PER' && /^\p{Lu}\p{Ll}+$/u.test(last) && lexiconTags(last).length === 0) surnames.add(last);
    }
  }
  return surnames;
}

/** One capitalised word on its own (no capitalised word before it) before a speech verb or an age, or after a title. */
const SURNAME_IN_USE =
  /(?<=(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Miss)\.?\s)(\p{Lu}\p{Ll}+)(?![\p{L}'’-]|\s+\p{Lu})|(?<!\p{Lu}[\p{L}'’.-]*\s)(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)(?=\s+(?:said|says|told|tweeted|added|wrote|argued|insisted|warned|announced)\b|,\s+\d{1,3},)/gu;

/**
 * Words no lexicon knows that the text says are someone's surname, wherever the
 * tagger read them: one speaks ("Geingob tweeted", at a sentence's start too),
 * has an age ("Sirhan, 75,") or a title ("Ms Bauchtman").
 */
export function spokenSurnames(paragraphs: BodyParagraph[]): Set<string> {
  const surnames = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(SURNAME_IN_USE)) {
      const word = match[1] ?? match[2]!;
      if (lexiconTags(word).length === 0 && !isNotPersonWord(word)) surnames.add(word);
    }
  }
  return surnames;
}

/** A capitalised word, then a surname the article's people have: "Romelu Lukaku", "Dries Mertens", "Amneh Jafari". */
export const GIVEN_AND_SURNAME = /(?<![\p{L}'’.-])(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+)(?![\p{L}'’-]|\s+\p{Lu}|-)/gu;

/**
 * Two words, the second a surname of the article's people (`spoken`: one the
 * text says is a person's, see `spokenSurnames`), the first a word
 * that can be a given name: not a description ("Striker", "Belgian"), a
 * function word or a place, not a sentence's first word nor after "in" or
 * "of", and read by the tagger as no other name.
 */
export function givenNamesBefore(text: string, surnames: Set<string>, tagged: readonly TaggedName[], spoken: ReadonlySet<string> = new Set()): { start: number; end: number }[] {
  if (surnames.size === 0) return [];
  const found: { start: number; end: number }[] = [];
  // The tagger's names by where they end and in text order, so each pair is looked up, not compared with every name.
  const byEnd = new Map(tagged.map((name) => [name.end, name]));
  const starts = tagged.map((name) => name.start);
  for (const match of text.matchAll(GIVEN_AND_SURNAME)) {
    const [, given, surname] = match;
    if (!surnames.has(surname!)) continue;
    const tags = lexiconTags(given!);
    const nationality = !tags.includes('FirstName') && (NATIONALS.has(given!) || /(?:ish|ese|ian|ean|ic|ot)$/u.test(given!));
    if (nationality || isDescription(given!) || isFunctionWord(given!) || isNotPersonWord(given!) || ['Noun', 'Adjective', 'Demonym'].some((tag) => tags.includes(tag) && !tags.includes('FirstName'))) continue;
    if (capitalSaysNothing(text, match.index) || /[’']s$/u.test(given!)) continue;
    // After another capitalised word, the two are the end of a longer name ("Kevin De Bruyne"), unless that word ends a body's
    // name the tagger ran on into the person's ("University of Texas Arlington Amneh Jafari").
    const end = match.index + match[0].length;
    const ending = byEnd.get(end);
    // The tagger read the two as a person's already.
    if (ending?.type === 'PER' && ending.start === match.index) continue;
    const glued = ending && ending.type !== 'PER' && ending.start < match.index && namesABody(text.slice(ending.start, match.index).trim());
    // A day or a month before is no part of a name ("on Saturday Sirhan Sirhan was").
    const before = /(\p{Lu}[\p{L}'’.-]*)\s$/u.exec(text.slice(Math.max(0, match.index - 30), match.index))?.[1];
    if (before !== undefined && !glued && !DAY_OR_MONTH.test(before)) continue;
    const covering = tagged[lastAtOrBefore(starts, match.index)];
    // What the text says of the surname elsewhere outweighs the tagger's place here ("Hage Geingob" read as a place; "Geingob tweeted").
    const overruled = spoken.has(surname!) && covering?.type === 'LOC';
    if (!glued && !overruled && covering && covering.type !== 'PER' && match.index < covering.end && covering.end > match.index + given!.length) continue;
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const DAY_OR_MONTH = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** The index of the last of the sorted `starts` at or before `index`, or -1. */
function lastAtOrBefore(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= index) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
