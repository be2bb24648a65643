// What the words around a body's name say of it, for organisation-hits.ts:
// initials spelt out in brackets after them ("CEI (Italian Episcopal
// Conference)"), a company's name before its product's ("Google Chrome"), and
// a name that runs on into a thing's or a place's ("the National Iodine
// Nutrition Study", "NTU Hospital Station").
import { lexiconTags } from './people/lexicon.js';

/** Initials, then a name of two to eight capitalised words in brackets: "CEI (Italian Episcopal Conference)". */
const INITIALS_SPELT_OUT =
  /(?<![\p{L}\p{N}])([\p{Lu}][\p{Lu}\p{N}&]{1,7})\s+\(((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|the|de|di|del|della|des|du)\s+)*\p{Lu}[\p{L}'’-]*){1,7})\)/gu;

/** Where a paragraph spells out initials in brackets after them: the name's span, and the initials. */
export function initialsSpeltOut(text: string): { start: number; end: number; initials: string; initialsStart: number }[] {
  return [...text.matchAll(INITIALS_SPELT_OUT)].map((match) => {
    const start = match.index + match[0].lastIndexOf(`(${match[2]!}`) + 1;
    return { start, end: start + match[2]!.length, initials: match[1]!, initialsStart: match.index };
  });
}

/**
 * "Google Chrome": a company the lexicon knows by one word, then words no
 * lexicon knows and no head of a body's name, is the company's product; the
 * body named is the company. Undefined when the name is no such thing.
 */
export function companyOfProduct(name: string, isHead: (word: string) => boolean): string | undefined {
  const words = name.split(/\s+/u);
  // Initials name a broadcaster or an agency, whose words after them name a part of it ("BBC Sport", "CNN International").
  if (words.length < 2 || words.length > 3 || /^[\p{Lu}\p{N}&]+$/u.test(words[0]!) || !lexiconTags(words[0]!).includes('Organization')) return undefined;
  if (words.slice(1).some((word) => isHead(word) || !/^\p{Lu}/u.test(word) || lexiconTags(word).length > 0)) return undefined;
  return words[0];
}

/** A capitalised word after a name that makes the whole a thing's or a place's: a study, a prize, a station. */
const THING_AFTER = /^\s+(?:Study|Survey|Programme|Program|Project|Prize|Award|Awards|Cup|Act|Station|Stadium|Airport|Building|Campus)(?![\p{L}-])/u;

export function runsOnIntoThing(text: string, end: number): boolean {
  return THING_AFTER.test(text.slice(end, end + 20));
}
