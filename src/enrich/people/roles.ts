// A person's role in the article's own words: the description in front of
// the name ("London mayoral candidate Ken Livingstone", "party leader
// Miliband") or in apposition after it ("Val Shawcross, his own running-mate").
import nlp from 'compromise';
import { lexiconTags } from './lexicon.js';
import { FUNCTION_TITLES, HONORIFICS } from './names.js';

const MAX_PREMODIFIER_WORDS = 6;
const MAX_APPOSITION_WORDS = 8;

/** Words that end a description going backwards from a name. */
const STOP_BEFORE = new Set(
  `a an the this that these those his her their its our my your and or but nor of to for from by with without in on at into onto as than then when while
  meanwhile however also now yesterday today tomorrow below above towards toward monday tuesday wednesday thursday friday saturday sunday - – —
  after before since until about against between among including according following such like said says told tells asked
  says is was are were be been being has have had do does did will would could should may might must can said:`.split(/\s+/),
);

const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u;
/** Words that follow a day's name in a paper's or a programme's ("Sunday Times", "Monday Night Football"). */
const DAY_PAPER = /^(?:Telegraph|Times|Mirror|Express|Post|Herald|Mail|People|Star|Sport|Independent|Tribune|Observer|World|Business|Politics|Night|Morning)$/u;

/** Nouns that say what someone is, for words compromise does not know as such. */
const ROLE_NOUNS = new Set(
  `candidate leader chair chairman chairwoman chairperson chief secretary minister spokesman spokeswoman spokesperson cleric
  rabbi imam priest vicar bishop editor correspondent journalist reporter columnist commentator author writer mayor councillor
  mp mep president chancellor director executive founder member activist campaigner lawyer barrister solicitor judge officer
  commissioner adviser advisor aide deputy governor senator ambassador official head boss manager coach captain player
  striker economist analyst professor academic scientist businessman businesswoman tycoon donor signatory signatories
  running-mate colleague ally rival opponent critic supporter backer veteran whip treasurer organiser organizer convenor
  presenter broadcaster producer actor actress singer star chef doctor surgeon nurse teacher student pupil father mother
  son daughter wife husband brother sister widow friend partner spokesmen representative delegate envoy negotiator
  investigator detective inspector constable sergeant commander general colonel soldier pilot founder owner chairman ceo
  speaker sheriff premier coroner magistrate marshal provost warden emir sultan monarch viceroy lieutenant admiral corporal
  superintendent attorney counsel prosecutor countryman countrywoman compatriot teammate team-mate
  cousin stepson stepdaughter sibling fiancé fiancée widower`.split(/\s+/),
);

/** Nouns too general to describe anyone ("the man", "a great man"). */
const GENERIC = new Set(['man', 'woman', 'person', 'people', 'men', 'women', 'figure', 'guy', 'individual', 'one', 'someone']);

export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (GENERIC.has(lower)) return false;
  if (ROLE_NOUNS.has(lower) || FUNCTION_TITLES.has(word) || lexiconTags(lower).includes('Actor')) return true;
  // Lower-case words that name what someone does: co-ordinator, economist, politician.
  if (word === lower && /(?:ator|itor|ist|ician|eer|person|spokes\w+|writer)$/.test(lower)) return true;
  // "son-in-law", "sister-in-law": kin by marriage.
  const inLaw = /^(\p{Ll}+)-in-law$/u.exec(lower)?.[1];
  if (inLaw !== undefined) return isRoleNoun(inLaw);
  // "singer-songwriter", "ex-minister", "co-founder": a role whose first or last part is one.
  const parts = lower.split('-');
  return parts.length === 2 && parts.every(Boolean) && (isRoleNoun(parts[1]!) || (isRoleNoun(parts[0]!) && parts[0]!.length > 3));
}

/** The description in front of a mention that starts at `start`, if there is one. */
export function roleBefore(text: string, start: number, titles: string[]): string | undefined {
  const functionTitle = titles.find((title) => FUNCTION_TITLES.has(title));
  const words: string[] = [];
  // A description is a few words long: no need to look further back.
  const before = text.slice(Math.max(0, start - 120), start);
  const pattern = /(\S+)\s+$/u;
  let rest = before;
  // The mention's own titles are part of it; what stands before them describes the person.
  for (const title of [...titles].reverse()) rest = rest.replace(new RegExp(`${title}\\.?\\s+$`), '');
  // Words at the end that say what the role is of: "of India" in "Prime Minister of India Narendra Modi".
  let ofPart = 0;
  while (words.length < MAX_PREMODIFIER_WORDS) {
    const match = pattern.exec(rest);
    if (!match) break;
    const word = match[1]!;
    // A day's name is part of a paper's ("Sunday Telegraph journalist"), not of a title ("On Monday Prime Minister …").
    const inName = WEEKDAY.test(word) && DAY_PAPER.test(words[0] ?? '');
    if (/[,.;:!?"“”()\]]$/u.test(word) || (STOP_BEFORE.has(word.toLowerCase()) && !inName && !roleOf(word, words, rest.slice(0, match.index), ofPart)) || HONORIFICS.has(word)) break;
    if (word === 'of' || word === 'for') ofPart = words.length + 1;
    words.unshift(word);
    rest = rest.slice(0, match.index);
  }
  if (functionTitle && ofPart === 0) words.push(functionTitle);
  if (words.length === 0) return roleInFrontApposition(before);
  if (!isRoleNoun(words.at(-1 - ofPart)!)) return undefined;
  // Cut at the last verb: "defended embracing radical Islamic cleric" → "radical Islamic cleric".
  const terms = termsOf(words.join(' '));
  let from = 0;
  terms.forEach((term, index) => {
    const tags = term.tags;
    if (index === terms.length - 1 || /^ex-/i.test(words[index]!)) return;
    // Cut after a verb, or after a plural that ends another phrase ("cabinet colleagues Foreign Secretary").
    if ((tags.includes('Verb') && !tags.includes('Adjective') && !tags.includes('Noun')) || tags.includes('Plural')) from = index + 1;
    // "joined Judge Cullen": a past tense straight before the name's own title is the sentence's verb, however the lexicon reads it.
    else if (functionTitle && index === terms.length - 2 && /^\p{Ll}+ed$/u.test(words[index]!)) from = index + 1;
  });
  // A gerund in front ("embracing radical Islamic cleric") is the sentence's verb, not part of the role.
  while (from < words.length - 1 && /^\p{Ll}+ing$/u.test(words[from]!) && !(terms[from]?.tags ?? []).includes('Adjective')) from++;
  // Lower-case nouns before the role's capitals name where the words stand, not the person ("at their poster
  // launch Tory co-chairman"): the role starts at its first capital, unless what is before it qualifies a role
  // ("shadow Home Secretary", "former Labour minister").
  const capital = words.findIndex((word, index) => index > from && index < words.length - ofPart && /^\p{Lu}/u.test(word));
  if (capital > 0 && !words.slice(from, capital).every((word, index) => qualifiesRole(word, terms[from + index]?.tags ?? []))) from = capital;
  const role = words.slice(from).join(' ');
  return role || undefined;
}

/**
 * Whether "of" or "for" joins a role to the capitals after it, before a name:
 * "Prime Minister of India", "Minister for Health"; not "son of", where no
 * role in capitals is of anything, nor a second "of".
 */
function roleOf(word: string, after: readonly string[], before: string, ofPart: number): boolean {
  if ((word !== 'of' && word !== 'for') || ofPart > 0 || after.length === 0 || after.length > 3) return false;
  if (!after.every((part) => /^\p{Lu}/u.test(part))) return false;
  const role = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(before)?.[1];
  return role !== undefined && isRoleNoun(role);
}

/** Words that say when someone holds a role: "the former prime minister", "the outgoing chair". */
export const TIME_QUALIFIERS = ['former', 'then', 'current', 'new', 'late', 'acting', 'interim', 'outgoing', 'incoming', 'veteran', 'longtime', 'long-time'];

/** Lower-case words that stand before a role's capitals as part of it: those, and ranks ("shadow Home Secretary"). */
const ROLE_QUALIFIERS = new Set([...TIME_QUALIFIERS, ...'shadow deputy junior senior assistant vice chief ex'.split(' ')]);

function qualifiesRole(word: string, tags: readonly string[]): boolean {
  if (!/^\p{Ll}/u.test(word)) return true;
  if (ROLE_QUALIFIERS.has(word) || /^ex-/u.test(word)) return true;
  return tags.includes('Adjective') && !tags.includes('Noun');
}

const FRONT_APPOSITION = /(?:^|[.!?;:]\s+|,\s+(?:and|but)\s+|\b(?:to|by|with|from|for|and|but)\s+)((?:the|a|an|its|his|her|their)\s+[^,.;:!?"“”]{2,60}),\s+$/iu;

/** "The mayor, Sandra Okoye, …": a description set off by commas in front of the name. */
function roleInFrontApposition(before: string): string | undefined {
  const match = FRONT_APPOSITION.exec(before);
  if (!match) return undefined;
  // From the last determiner: "The news came from his son-in-law, …" gives "his son-in-law".
  const all = match[1]!.trim().split(/\s+/);
  const from = all.findLastIndex((word) => /^(?:the|a|an|its|his|her|their)$/iu.test(word));
  const phrase = all.slice(Math.max(0, from)).join(' ');
  const words = phrase.split(/\s+/);
  // "the chairman of Ferrol Holdings": a role, and the body in capitals it is of.
  const of = words.findIndex((word, index) => index > 0 && (word === 'of' || word === 'at' || word === 'for') && isRoleNoun(words[index - 1]!));
  const body = of > 0 ? words.slice(of + 1 + (words[of + 1] === 'the' ? 1 : 0)) : [];
  const head = body.length > 0 && /^\p{Lu}/u.test(body[0]!) && body.every((word) => /^\p{Lu}|^(?:the|and|of|for|on|in)$/u.test(word)) ? words[of - 1]! : words.at(-1)!;
  if (words.length > MAX_APPOSITION_WORDS || !isRoleNoun(head.replace(/[^\p{L}-]/gu, ''))) return undefined;
  return phrase.replace(/^(The|A|An)\b/, (determiner) => determiner.toLowerCase());
}

type Terms = { text: string; tags: string[] }[];
const termCache = new Map<string, Terms>();

/**
 * compromise's reading of a short phrase, once per phrase: the same
 * descriptions recur. Its terms are read straight off the document, which
 * is three times faster than `.terms().json()`.
 */
function termsOf(phrase: string): Terms {
  let terms = termCache.get(phrase);
  if (!terms) {
    const doc = nlp(phrase) as unknown as { docs: { text: string; tags: Set<string> }[][] };
    terms = doc.docs.flat().map((term) => ({ text: term.text, tags: [...term.tags] }));
    termCache.set(phrase, terms);
  }
  return terms;
}

const APPOSITION_START = /^,\s+((?:[^,.;:!?()"“”]|\.(?=\w))+)/u;
const NOT_APPOSITION = /^(?:who|whom|whose|which|where|when|while|and|but|or|said|says|told|according|as|if|because|although|though|since|after|before)\b/i;

/**
 * An apposition is a few words: this much text after a name is read for one,
 * not the rest of the paragraph, which in a paragraph of megabytes without a
 * comma made every mention read (and tag) all of it.
 */
const APPOSITION_WINDOW = 1000;

/** The apposition after a mention that ends at `end` ("…, his own running-mate,"), if there is one. */
export function roleAfter(text: string, end: number): string | undefined {
  const match = APPOSITION_START.exec(text.slice(end, end + APPOSITION_WINDOW));
  if (!match) return undefined;
  const phrase = match[1]!.trim();
  if (!/^\p{Ll}/u.test(phrase) || NOT_APPOSITION.test(phrase)) return undefined;
  const terms = termsOf(phrase);
  // "Ken, towards the end of the meeting, stated…" is an aside, not a description.
  const firstTags = terms[0]?.tags ?? [];
  if (['Preposition', 'Conjunction', 'Verb', 'Adverb'].some((tag) => firstTags.includes(tag))) return undefined;
  const kept: { text: string; tags: string[] }[] = [];
  for (const term of terms) {
    const tags = term.tags;
    // The description stops where a verb starts the rest of the sentence.
    if (tags.includes('Verb') && !tags.includes('Noun') && !tags.includes('Adjective')) break;
    kept.push({ text: term.text, tags });
  }
  while (kept.length && (/^(?:of|the|a|an|and|to|for|in|on|at|with|by)$/i.test(kept.at(-1)!.text) || kept.at(-1)!.tags.includes('Adverb'))) kept.pop();
  if (kept.length === 0 || kept.length > MAX_APPOSITION_WORDS) return undefined;
  // The head noun says what the person is: "one of the signatories", "his own running-mate".
  const scope = /^(?:one|some|many|all|each|none|several|two|three)$/i.test(kept[0]!.text) && kept[1]?.text.toLowerCase() === 'of' ? kept.slice(2) : kept;
  // The head is before the first preposition: "a spokeswoman for the council", "Labour MP for Leeds".
  const prepositionAt = scope.findIndex((term, index) => index > 0 && term.tags.includes('Preposition'));
  const head = (prepositionAt > 0 ? scope.slice(0, prepositionAt) : scope).filter((term) => term.tags.includes('Noun') && !term.tags.includes('Pronoun')).at(-1);
  if (!head || !isRoleNoun(head.text.replace(/[^\p{L}-]/gu, ''))) return undefined;
  // Keep the article's own characters: the phrase up to the end of the last kept word.
  let position = 0;
  for (const { text: word } of kept) {
    const at = phrase.indexOf(word, position);
    if (at === -1) break;
    position = at + word.length;
  }
  return phrase.slice(0, position).replace(/[\s,;:-]+$/u, '') || undefined;
}
