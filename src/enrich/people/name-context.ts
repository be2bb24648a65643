// What the words around a run of capitals say of it: a role before it
// ("photojournalist", "Minister of India", "the president of the Anglers'
// Union,"), an apposition or a country after it, a noun it stands before (a
// thing named after someone, a body named after its kind), a speech verb. The
// people finder (candidates.ts) asks these of every run it reads.
import { lexiconTags } from './lexicon.js';
import { isFirstName, isKnownName, isNotPersonWord, isOrdinaryWord, TITLES } from './names.js';
import { isRoleNoun, TIME_QUALIFIERS } from './roles.js';
import { FUNCTION_WORD_TAGS, GEOGRAPHY_TAGS, hasAnyTag } from './tags.js';
import { capitalSaysNothing, PLACE_PREPOSITIONS, STORM } from './name-words.js';
import { BODY_NOUNS } from '../organisation-words.js';

const APPOSITION = new RegExp(`^,\\s+(?:the|a|an|its|their)\\s+(?:(?:${TIME_QUALIFIERS.join('|')})\\s+)?(\\p{L}[\\p{Ll}-]*)(?:\\s+(\\p{Ll}[\\p{Ll}-]*))?`, 'u');

/** ", the prime minister of Tonga": an apposition that says what the person before it is. */
export function appositionAfter(after: string): boolean {
  const match = APPOSITION.exec(after);
  return match !== null && (isRoleNoun(match[1]!) || (match[2] !== undefined && isRoleNoun(match[2])));
}

/** " of Qatar", " of the United States": after two name words, where someone is from ("Abderrahman Samba of Qatar"). */
export function fromCountry(after: string): boolean {
  const place = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)/u.exec(after)?.[1];
  return place !== undefined && lexiconTags(place).includes('Country');
}

/** "photojournalist", "colleague", "striker" just before a run of capitals: a role that names the person after it; after a comma, someone's ("his son-in-law, Frédéric …"). */
export function roleBeforeRun(before: string): boolean {
  const match = /(?:^|\s)(?:(\p{Ll}+)\s+)?(\p{Ll}[\p{Ll}-]+)(,?)\s+$/u.exec(before);
  const word = match?.[2];
  if (match?.[3] && !/^(?:his|her|their|my|our|your)$/u.test(match[1] ?? '')) return false;
  // "a general Production Diary": a word that is also an adjective, after an article, describes a thing.
  if (word !== undefined && /^(?:a|an)$/u.test(match?.[1] ?? '') && lexiconTags(word).includes('Adjective')) return false;
  return word !== undefined && !PLACE_PREPOSITIONS.has(word) && !hasAnyTag(lexiconTags(word), FUNCTION_WORD_TAGS) && isRoleNoun(word);
}

/** A role and "of" before the run ("Minister of "), and the run's first words a place the lexicon knows ("India"): "Prime Minister of India Narendra Modi". */
export function roleOfPlaceBefore(place: string[], before: string): boolean {
  const role = /(?:^|\s)(\p{L}[\p{L}-]*)\s+of\s+(?:the\s+)?$/u.exec(before)?.[1];
  return role !== undefined && isRoleNoun(role) && hasAnyTag(lexiconTags(place.join(' ').replace(/[’']s$/u, '')), GEOGRAPHY_TAGS);
}

/** "the president of the Anglers' Union, ": a role of a body named in capitals, and the comma that opens an apposition giving the role-holder's name. */
const ROLE_OF_BODY_BEFORE = /(?:^|[\s(])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(\p{Ll}[\p{Ll}-]+)\s+(?:of|at|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+(?:(?:of|for|the|and|on|in)\s+)*\p{Lu}[\p{L}'’&.-]*){0,8},\s+$/u;

export function roleOfBodyBefore(before: string): boolean {
  const role = ROLE_OF_BODY_BEFORE.exec(before)?.[1];
  return role !== undefined && isRoleNoun(role);
}

/** "jacket" after "Sgt Pepper": a lower-case noun that is no verb, adverb or function word. */
export function beforeANoun(after: string): boolean {
  const next = /^\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  if (!next) return false;
  const tags = lexiconTags(next);
  // A word the lexicon lacks is a noun unless it ends as a verb or an adverb would ("jacket", not "tweeted").
  if (tags.length === 0) return !/(?:ed|ing|s|ly)$/u.test(next);
  return tags.includes('Noun') && !hasAnyTag(tags, ['Verb', 'Adverb', 'Date', 'Pronoun', 'Value', ...FUNCTION_WORD_TAGS]);
}

/** Words for kinds of body, just before a name: the name is the body's (organisation-hits.ts reads it so). */
const BODY_NOUN_BEFORE = new RegExp(`(?<![\\p{L}-])(?:${BODY_NOUNS})\\s+$`, 'u');

/** Lower-case nouns for things named after people, straight after the name or after one word that is no determiner ("space telescope", not "gave Tony Blair a medal"). */
const NAMED_THING_AFTER =
  /^\s+(?:(?!(?:a|an|the|his|her|their|its|our|my|your|this|that|no|one|another|every|each|any|some)\s)\p{Ll}+\s+)?(?:telescope|spacecraft|satellite|probe|rover|observatory|ship|vessel|submarine|aircraft|bridge|tunnel|airport|stadium|highway|expressway|dam|prize|award|medal|trophy|scholarship|fellowship|lecture)(?![\p{L}-])/u;

/**
 * A span that reads as a name but is not a person's: a storm ("Hurricane
 * Humberto"), a photo credit, a plural ("Santos Doctors"), or one that runs on into more
 * capitals or a quoted nickname ("Qaboos Grand Mosque", "Matiu "Matt" Ratana").
 */
export function notAPerson(text: string, start: number, end: number): boolean {
  // A photo credit ("Jim Watson/AFP") names who took the picture, not someone in the story.
  if (STORM.test(text.slice(Math.max(0, start - 25), start)) || /^\/\p{Lu}/u.test(text.slice(end, end + 2))) return true;
  // "law firm Sidley Austin", "the band Pearl Jam": the name of a body, however it reads.
  if (BODY_NOUN_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return true;
  // "the James Webb space telescope", "the Ada Morrow bridge": a thing named after someone.
  if (NAMED_THING_AFTER.test(text.slice(end, end + 40))) return true;
  const last = /([\p{L}'’-]+)$/u.exec(text.slice(start, end))?.[1] ?? '';
  if (lexiconTags(last).includes('Plural') && !isKnownName(last) && !isFirstName(text.slice(start, end).split(/\s+/)[0]!)) return true;
  // "the Adler Planetarium", "the Warhol Factory": a person's name takes no article, a title or a role would stand between.
  // Not with a first name, which says a person is meant, if only to describe something ("the Annie Oakley screen print", "the Simon Cowell seat").
  const firstWord = /^\p{L}+/u.exec(text.slice(start))?.[0] ?? '';
  if (/(?:^|[^\p{L}])[Tt]he\s+$/u.test(text.slice(Math.max(0, start - 5), start)) && !TITLES.has(firstWord) && !isFirstName(firstWord)) return true;
  const next = /^\s+["“]?(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && !DATE_WORD.test(next) && (isOrdinaryWord(next) || isNotPersonWord(next) || /^\s+["“]/u.test(text.slice(end, end + 3)));
}

/**
 * Whether the text says an everyday last word is a surname: after a first name,
 * a lower-case role before the name ("illustrator Johnnie Christmas"), or a short
 * word in capitals mid-sentence that only a surname would be ("James To").
 */
export function everydaySurnameSaid(text: string, start: number, end: number): boolean {
  const last = /(\p{L}+)$/u.exec(text.slice(start, end))?.[1] ?? '';
  return roleBeforeRun(text.slice(Math.max(0, start - 30), start)) || (/^\p{Lu}\p{Ll}{1,2}$/u.test(last) && !capitalSaysNothing(text, end - last.length));
}

/** Speech verbs after a name, and the start of an apposition: "Wiranto said", "Kauri, who scored". */
const CUE_AFTER = /^(?:[’']s\s+\p{Ll}+\s+)?,?\s*(?:said|says|told|added|argued|insisted|warned|wrote|tweeted|announced|stated|explained|claimed|, who\b|, (?:a|an|the)\s+\p{Ll}|,\s+\d{1,3},)/u;
/** What stands before a one-word name: a role in lower case ("minister Wiranto", "striker Lukaku"), "named", "one". */
const CUE_BEFORE = /(?:^|\s)(\p{Ll}[\p{Ll}-]+),?\s+$/u;

/** Whether the text says a one-word name is a person's: what precedes or follows it says so. */
export function singleCue(text: string, start: number, end: number): boolean {
  const before = CUE_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  // "MP for Witney, added": after a preposition, one word is a place.
  if (before !== undefined && PLACE_PREPOSITIONS.has(before)) return false;
  if (CUE_AFTER.test(text.slice(end, end + 40))) return true;
  // A plural role before a name joined by "&" names a pair that works as one ("artists Pellow & Crane"), not a person; "his children Elizabeth and Susan" are two.
  const pair = before !== undefined && (lexiconTags(before).includes('Plural') || /[^s]s$/u.test(before)) && /^\s*&/u.test(text.slice(end, end + 3));
  return before !== undefined && ((isRoleNoun(before) && !pair) || before === 'named' || before === 'one');
}

/** Capitalised words that may follow a name: "Sanders Tuesday", "Blair January". */
export const DATE_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;
