// Words around names, read alike by the finder of names (candidates.ts) and
// the reader of given names the tagger left off (given-names.ts).
import { lexiconTags } from './lexicon.js';
import { isKnownName, isNameWord, isOrdinaryWord, startsSentence } from './names.js';
import { isRoleNoun } from './roles.js';
import { FUNCTION_WORD_TAGS, hasAnyTag, PLACE_TAGS } from './tags.js';

export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'for', 'from', 'of', 'to', 'near', 'outside', 'across', 'into', 'via']);

/** Nationalities as nouns that the lexicon does not know. */
export const NATIONALS = new Set(['Briton', 'Brit', 'Kiwi', 'Aussie', 'Scot', 'Swede', 'Dane', 'Finn', 'Pole', 'Serb', 'Croat', 'Turk', 'Kenyan']);

/** A function word, a place or an adverb, by the lexicon. */
export function isFunctionWord(word: string): boolean {
  const tags = lexiconTags(word.replace(/[’']s$/u, ''));
  return hasAnyTag(tags, FUNCTION_WORD_TAGS) || hasAnyTag(tags, PLACE_TAGS) || tags.includes('Adverb');
}

/** A word that describes a person rather than names them: a role ("Ambassador"), a nationality ("Afghan"), an adjective ("Emeritus"). */
export function isDescription(word: string): boolean {
  if (isKnownName(word)) return false;
  const tags = lexiconTags(word);
  return isRoleNoun(word) || ['Demonym', 'Adjective', 'Actor', 'Honorific'].some((tag) => tags.includes(tag));
}

/** Where a capitalised word unknown to the lexicon need not be a name: a sentence's start, or after "of" or "in" ("Mayor of Koszalin Piotr Jedlinski"). */
export function capitalSaysNothing(text: string, index: number): boolean {
  const before = /(?:^|\s)(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, index - 14), index))?.[1];
  return startsSentence(text, index) || (before !== undefined && PLACE_PREPOSITIONS.has(before));
}

/** A one-word name: a word that can be part of a name and is no everyday word, place or body ("Wiranto", not "Brexit" or "Paris"). */
export function plausibleSingle(word: string): boolean {
  return word.length > 2 && isNameWord(word) && !isOrdinaryWord(word) && !/^\p{Lu}+$/u.test(word) && !isPluralOfWord(word);
}

/** "Authorities", "Prosecutors": the plural of an everyday word the lexicon knows in the singular. */
function isPluralOfWord(word: string): boolean {
  const singulars = [/ies$/u.test(word) ? word.replace(/ies$/u, 'y') : '', /(?:s|x|ch|sh)es$/u.test(word) ? word.slice(0, -2) : '', /[^s']s$/u.test(word) ? word.slice(0, -1) : ''];
  return PLURAL_SUBJECTS.has(word) || singulars.some((singular) => singular !== '' && (isOrdinaryWord(singular) || isRoleNoun(singular.toLowerCase())) && !isKnownName(singular));
}

/** Plurals that open news sentences ("Authorities said") and that the lexicon does not know in the singular. */
const PLURAL_SUBJECTS = new Set(
  'Authorities Police Residents Witnesses Protesters Protestors Rescuers Troops Militants Rebels Lawmakers Legislators Firefighters Paramedics Medics Villagers Locals Survivors Relatives Mourners Fans Supporters Organisers Organizers'.split(' '),
);

/** Korean and Chinese family names that are also English words or places. */
export const EVERYDAY_FAMILY_NAMES = new Set('Park Song Moon Kang Bang Jang Seo Ha Yoon Min Jin Chang Young Long Fan Sun Man Chan Ho Lo Ma Mo Wan Yu Hong Kong Lai Tang'.split(' '));

/** A lower-case word, then one capitalised word that ends the run of capitals: "coach Smith". */
export const ROLE_AND_ONE_WORD = /(?<![\p{L}'’-])(\p{Ll}[\p{Ll}-]+)\s+(\p{Lu}\p{Ll}+)(?![\p{L}'’.-]|\s+\p{Lu})/gu;

/** An age in commas after a name: ", 23,". */
export const AGE_AFTER = /^,\s+\d{1,3},/u;

/** Words before a name that make it a storm's: storms are not people. */
export const STORM = /(?:Hurricane|Typhoon|Cyclone|Storm|Tropical Depression)\s+$/u;
