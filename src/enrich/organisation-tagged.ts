// The names tagger's bodies (../tagger/), read with what the text says of
// them: two joined by "and" where the first ends in an adjective, a name in
// another language the tagger stopped inside, a one-word body the text says
// acts, and none that reads as a person's name or a place.
import { lexiconTags } from './people/lexicon.js';
import { GEOGRAPHY_TAGS, hasAnyTag, PLACE_TAGS } from './people/tags.js';
import type { TaggedName } from './tagger/index.js';
import { HEAD, HEAD_WORD } from './organisation-words.js';

/** The tagger's bodies, two joined by "and" into one where the first ends in an adjective ("National Oceanic and Atmospheric Administration"). */
export function joinedBodies(tagged: readonly TaggedName[], text: string): TaggedName[] {
  const bodies = tagged.filter((name) => name.type === 'ORG');
  const joined: TaggedName[] = [];
  for (const body of bodies) {
    const previous = joined.at(-1);
    // "Oceanic and Atmospheric": an adjective before "and" wants the noun of the name after it.
    if (previous && /^\s+(?:and|&)\s+$/u.test(text.slice(previous.end, body.start)) && !HEAD_WORD.test(previous.text) && isAdjective(previous.words.at(-1)!)) {
      joined[joined.length - 1] = { ...previous, end: body.end, text: text.slice(previous.start, body.end), words: [...previous.words, 'and', ...body.words] };
    } else joined.push(body);
  }
  // "Brigade de Recherche" of "Brigade de Recherche et d’Intervention": the tagger stops at a word it does not know, in another language's name.
  return joined.map((body) => {
    if (!body.words.some((word) => FOREIGN_LINK.test(word))) return body;
    const tail = FOREIGN_TAIL.exec(text.slice(body.end, body.end + 80))?.[0];
    return tail ? { ...body, end: body.end + tail.length, text: text.slice(body.start, body.end + tail.length), words: [...body.words, ...tail.trim().split(/\s+/u)] } : body;
  });
}

/** Words that link the words of a name in French, Spanish, Portuguese, Italian, German or Dutch: "de", "et", "y", "für". */
const LINK_WORDS = 'et|de|des|du|y|e|und|di|del|della|dei|da|do|dos|das|für|van|voor|en';
const FOREIGN_LINK = new RegExp(`^(?:${LINK_WORDS})$`, 'u');
/** More of such a name after the tagger's end: " et d’Intervention", " y Desarrollo", " de la Paix". */
const FOREIGN_TAIL = new RegExp(`^(?:\\s+(?:${LINK_WORDS})\\s+(?:(?:la|le|les|los|las|l[’'])\\s*)?(?:[dl][’'])?\\p{Lu}[\\p{L}'’-]*)+`, 'u');

/**
 * Whether the tagger's one-word body is one: initials, or a word that is not a
 * person's name in the article, not an adjective ("Democratic"), not before a
 * noun it describes, and that the text says acts ("the Wend burst its banks"
 * is a river; "Caloundra beat Noosa" are clubs, "Saba reported" an agency).
 */
export function oneWordBody(word: string, text: string, end: number, personWords: Set<string>): boolean {
  if (/^[\p{Lu}\p{N}&-]{2,}$/u.test(word)) return true;
  if (personWords.has(word) || isAdjective(word) || modifiesNoun(text, end)) return false;
  return !/^the\s+$/iu.test(text.slice(Math.max(0, end - word.length - 4), end - word.length));
}

/** "Democratic voters", "Republican senators": a one-word name before a noun describes, it does not name a body. */
export function modifiesNoun(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(end, end + 30))?.[1];
  if (!next) return false;
  const tags = lexiconTags(next);
  return tags.includes('Noun') && !tags.includes('Verb') && !hasAnyTag(tags, ['Preposition', 'Conjunction', 'Determiner', 'Pronoun']);
}

export function isAdjective(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.includes('Adjective') || tags.includes('Demonym');
}

/**
 * The tagger's body whose words read as a person's name and say nothing of a
 * body: an initial and a surname ("D Bell" of a team sheet), or a first name
 * the lexicon knows and one or two more ("Zinedine Zidane", "Marat Safin").
 * Bodies named like people are known bodies (known-bodies.ts) or carry a head word.
 */
export function readsAsPersonsName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3 || words.some((word) => HEAD.test(word) || !/^\p{Lu}/u.test(word))) return false;
  if (words.length === 2 && /^\p{Lu}\.?$/u.test(words[0]!) && /^\p{Lu}\p{Ll}/u.test(words[1]!)) return true;
  return lexiconTags(words[0]!).includes('FirstName') && words.slice(1).every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !hasAnyTag(lexiconTags(word), PLACE_TAGS));
}

/** A place compromise's lexicon knows by the whole phrase ("South Carolina", "Hong Kong"). */
export function isPlace(phrase: string): boolean {
  const tags = lexiconTags(phrase.replace(/^the\s+/iu, ''));
  return hasAnyTag(tags, GEOGRAPHY_TAGS) && !tags.includes('Organization');
}
