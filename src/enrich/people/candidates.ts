// Person names in each paragraph. A run of capitalised words is a person's
// name when it starts with a first name compromise's lexicon knows, or stands
// where a name stands (after a role such as "Prime Minister", before
// "said"); "Title Name" forms always are; so are the names the tagger
// (../tagger/) reads as people's where they read as names (no everyday word
// at the end, no run on into more capitals), one-word names where the text
// says they are people's ("minister Wiranto", "Wiranto said"), and romanised
// Chinese and Korean names. Nothing is taken from lines in capitals. Words are
// looked up once each, so this stays fast for thousands of articles.
import type { BodyParagraph } from '../paragraphs.js';
import { lexiconTags } from './lexicon.js';
import {
  ABBREVIATED_TITLES,
  AMBIGUOUS_FIRST_NAMES,
  cleanName,
  isFirstName,
  isKnownName,
  isNameWord,
  isNotPersonWord,
  isOrdinaryWord,
  PARTICLES,
  startsWithParticle,
  TITLES,
  type CleanName,
} from './names.js';
import { isRoleNoun } from './roles.js';
import { appositionAfter, beforeANoun, DATE_WORD, everydaySurnameSaid, fromCountry, notAPerson, roleBeforeRun, roleOfBodyBefore, roleOfPlaceBefore, singleCue } from './name-context.js';
import { capitalisedStretches, inStretches } from '../capitals.js';
import { knownBodies } from '../known-bodies.js';
import { bodiesNamedSo, worksIn } from '../organisation-hits.js';
import { bodiesDescribedAfter, initialsSpeltOut } from '../organisation-evidence.js';
import { TakenCharacters } from '../spans.js';
import { namesInParagraph } from '../tagger/index.js';
import { FUNCTION_WORD_TAGS, hasAnyTag, PLACE_TAGS } from './tags.js';
import { givenNamesBefore, spokenSurnames, taggedSurnames } from './given-names.js';
import { AGE_AFTER, capitalSaysNothing, EVERYDAY_FAMILY_NAMES, isDescription, isFunctionWord, NATIONALS, PLACE_PREPOSITIONS, plausibleSingle, ROLE_AND_ONE_WORD } from './name-words.js';

export interface NameHit extends CleanName {
  /** A one-word name only the tagger found ("Wiranto"): a person of their own where they fold into no longer name. */
  single?: true;
  paragraph: number;
  /** Character offsets of the whole form, titles included, in the paragraph text. */
  start: number;
  end: number;
}

/** A capitalised word, an initial, or a surname with its particles ("von der Leyen", "d'Estaing"); a particle is a word of its own, not the end of one ("songwriter Carly"). */
const NAME_TOKEN = `(?:(?<![\\p{L}'’-])(?:(?:${PARTICLES})\\s+){0,2}(?:(?:\\p{Lu}\\.){1,3}|\\p{Lu}[\\p{L}'’-]*|(?:${PARTICLES})[-‑]\\p{Lu}[\\p{L}'’-]*|d['’]\\p{Lu}[\\p{L}-]*))`;
/** Two to eight such words in a row: where names are, after a description of up to six ("Sitting Tongan Prime Minister Akilisi Pohiva"). */
const CAPITALISED_RUN = new RegExp(`${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){1,7}`, 'gu');
const TOKEN = new RegExp(NAME_TOKEN, 'gu');
/** A title and up to three capitalised words; the stop after a title only where the title is an abbreviation. */
const TITLED_NAME = new RegExp(`\\b(${[...TITLES].join('|')})(\\.?)\\s+${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,2}`, 'gu');
/** What follows a name when nothing else says it is one. */
const NAME_CONTEXT_AFTER = /^(?:’s|'s)?\s*(?:said|says|told|added|argued|insisted|warned|wrote|, who\b|,\s+\d{1,3},)/u;
/** Words between an article and the role in an apposition: "Pohiva, the former prime minister". */
/** compromise tags of multi-word places and bodies ("Sri Lanka", "Beverly Hills"): never a name. */
const NOT_PERSON_TAGS = [...PLACE_TAGS, 'SportsTeam', 'Company'];

const isPossessive = (word: string) => /[’']s$/u.test(word);

/**
 * The stretches of words that can be part of a name, in a run of
 * capitalised words. A possessive ends a name ("Henry's Arsenal"), and so
 * does a place or a body the lexicon knows by two or three words.
 */
function nameStretches(words: RegExpMatchArray[]): RegExpMatchArray[][] {
  const place = new Set<number>();
  for (let index = 0; index < words.length; index++) {
    for (const length of [3, 2]) {
      const phrase = words.slice(index, index + length).map((word) => word[0].replace(/[’']s$/u, ''));
      if (phrase.length === length && NOT_PERSON_TAGS.some((tag) => lexiconTags(phrase.join(' ')).includes(tag))) {
        for (let covered = index; covered < index + length; covered++) place.add(covered);
      }
    }
  }
  const stretches: RegExpMatchArray[][] = [[]];
  words.forEach((word, index) => {
    // After a first name, an ordinary word is a surname: Theresa May, Philip Green.
    // A short function word capitalised after a first name, ending the run, is a surname too: "James To of", "Wilson Or was".
    const shortSurname = index === words.length - 1 && /^\p{Lu}\p{Ll}{1,2}$/u.test(word[0]);
    const afterFirstName = index > 0 && isFirstName(words[index - 1]![0]) && (!isFunctionWord(word[0]) || shortSurname);
    if (!place.has(index) && (isNameWord(word[0]) || afterFirstName)) stretches.at(-1)!.push(word);
    else if (stretches.at(-1)!.length) stretches.push([]);
    if (isPossessive(word[0]) && stretches.at(-1)!.length) stretches.push([]);
  });
  return stretches.filter((stretch) => stretch.length >= 2);
}

/** Not a description word ("Prime", "Foreign", "Minister"): an unknown word, a name, or a plain noun such as "Robin". */
function couldStartName(word: string): boolean {
  const tags = lexiconTags(word);
  return !isRoleNoun(word) && !['Adjective', 'Verb', 'Actor'].some((tag) => tags.includes(tag));
}

/**
 * The words of a person's name in a stretch of name-like words, or undefined:
 * from a known first name, after a role ("Prime Minister Manmohan Singh"), or
 * before "said". At most three words, the third only if it is itself a name.
 */
function nameIn(
  words: RegExpMatchArray[],
  after: string,
  before: string,
  tagged: (index: number) => boolean,
  opensSentence: (index: number) => boolean,
  ofPlace = false,
): RegExpMatchArray[] | undefined {
  const texts = words.map((word) => word[0]);
  // After a role of a place, the words that end the run are the role-holder's name, however the tagger reads the place and the name together ("Prime Minister of Ruritania Aldo Brenn");
  // so are the words set off by commas after "the president of" a body ("the president of the Anglers' Union, Aldo Brenn, said"), however the tagger reads them.
  if (ofPlace && texts.length <= 3 && !texts.some((word) => isOrdinaryWord(word.replace(/[’']s$/u, '')) || hasAnyTag(lexiconTags(word), PLACE_TAGS))) return words;
  // Two or three words no lexicon knows as everyday ones, with a lower-case role before them ("photojournalist Ziad al-Sharabi") or an apposition after ("Akilisi Pohiva, the prime minister"): a name.
  const plain = texts.length <= 3 && !texts.some((word) => isOrdinaryWord(word.replace(/[’']s$/u, ''))) && !isFirstName(texts[0]!);
  if (plain && !texts.some((_, index) => tagged(index)) && (roleBeforeRun(before) || appositionAfter(after))) return words;
  // A lower-case role before and a speech verb after outweigh the tagger's place: "spokeswoman Sujata Raisinghani told".
  if (plain && texts.length === 2 && roleBeforeRun(before) && NAME_CONTEXT_AFTER.test(after)) return words;
  // An age after two capitalised words says they are someone's name, whatever the lexicon reads the first as ("Hazel Gilbert, 23,").
  if (texts.length === 2 && AGE_AFTER.test(after) && !isOrdinaryWord(texts[1]!) && !texts.some((_, index) => tagged(index))) return words;
  // The tagger reads "Abderrahman Samba of Qatar" as a body; two name words and a country after "of" are someone from it.
  if (plain && texts.length === 2 && fromCountry(after)) return words;
  let start = texts.findIndex((word, index) => index < texts.length - 1 && isFirstName(word));
  // A word before the first name that the lexicon does not know and that describes no one is the name's first: "Hernan Dario Gomez", "L. Ron Hubbard".
  // Not a sentence's first word, which is capitalised whatever it is ("Countryman Lawrence Cherono"), nor a place or a body the tagger reads ("Koszalin Piotr Jedlinski").
  const unknown = (index: number) => !describes(texts[index]!) && lexiconTags(texts[index]!.replace(/\.$/u, '')).length === 0 && !isRoleNoun(texts[index]!);
  if (start > 0 && unknown(start - 1) && !opensSentence(start - 1) && !tagged(start - 1)) start--;
  if (start < 0) {
    // A role word with two words after it, the first of which could start a name
    // ("Secretary Robin Cook", not "Deputy Prime Minister").
    const role = texts.findLastIndex((word, index) => index < texts.length - 2 && isRoleNoun(word) && couldStartName(texts[index + 1]!));
    const lastTwo = texts.slice(-2);
    if (role >= 0) start = role + 1;
    else if (NAME_CONTEXT_AFTER.test(after) && lastTwo.length === 2 && !lastTwo.some(isOrdinaryWord) && !tagged(texts.length - 2)) start = texts.length - 2;
    else return undefined;
  }
  // Initials between a first name and a surname are the name's: "Michael J. T. Guy".
  let initials = 0;
  while (initials < 2 && /^(?:\p{Lu}\.)+$/u.test(texts[start + 1 + initials] ?? '')) initials++;
  let name = words.slice(start, start + Math.max(3, initials + 2));
  if (name.length === 3 && !/^\p{Lu}\.$/u.test(name[1]![0]) && !isKnownName(name[2]![0])) {
    // "Humberto Intermediate Advisory": a run that goes on in everyday words is a title, not a person's name.
    if (isOrdinaryWord(name[2]![0].replace(/[’']s$/u, ''))) return undefined;
    name = name.slice(0, 2);
  }
  // Without a first name to go by, the name ends the run of capitals: "Prisoner Cell Block H" is a title, not a prisoner called Cell Block.
  if (!isFirstName(texts[start]!) && start + name.length < texts.length) return undefined;
  return name.length >= 2 ? name : undefined;
}

export function findNameHits(paragraphs: BodyParagraph[]): NameHit[] {
  const people: NameHit[] = [];
  const spoken = spokenSurnames(paragraphs);
  const surnames = new Set([...taggedSurnames(paragraphs), ...spoken]);
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    const found: { start: number; end: number }[] = [];
    const tagged = namesInParagraph(paragraph);
    // Where the tagger read a body or a place, marked once: asked of every stretch, a search of all its names
    // took time in the square of a long paragraph's length.
    let bodies: Uint8Array | undefined;
    const inBody = (at: number) => {
      if (!bodies) {
        bodies = new Uint8Array(text.length);
        for (const name of tagged) if (name.type !== 'PER') bodies.fill(1, name.start, name.end);
      }
      return bodies[at] === 1;
    };
    found.push(...givenNamesBefore(text, surnames, tagged, spoken));
    // Where a romanised Chinese or Korean name starts with its family name: an everyday word there is one all the same.
    const familyNamed = new Set<number>();
    for (const match of text.matchAll(CAPITALISED_RUN)) {
      const all = [...match[0].matchAll(TOKEN)];
      const runEnd = match.index + match[0].length;
      for (const stretch of nameStretches(all)) {
        const stretchEnd = match.index + stretch.at(-1)!.index! + stretch.at(-1)![0].length;
        // Before "said", two capitalised words are a name unless the tagger reads them as a body or a place ("Emergency Management said").
        const bodyAt = (index: number) => {
          const at = match.index + stretch[index]!.index!;
          return inBody(at);
        };
            const stretchStart = match.index + stretch[0]!.index!;
        const opensSentence = (index: number) => capitalSaysNothing(text, match.index + stretch[index]!.index!);
        const prefix = all.slice(0, all.findIndex((word) => word.index === stretch[0]!.index)).map((word) => word[0]);
        const ofPlace =
          stretchEnd === runEnd &&
          ((prefix.length > 0 && roleOfPlaceBefore(prefix, text.slice(Math.max(0, match.index - 40), match.index))) ||
            (prefix.length === 0 && /^,\s+\p{Ll}/u.test(text.slice(runEnd, runEnd + 3)) && roleOfBodyBefore(text.slice(Math.max(0, match.index - 140), match.index))));
        const name = nameIn(stretch, stretchEnd === runEnd ? text.slice(runEnd, runEnd + 50) : '', stretchStart === match.index ? text.slice(Math.max(0, match.index - 30), match.index) : '', bodyAt, opensSentence, ofPlace);
        if (name) found.push({ start: match.index + name[0]!.index!, end: match.index + name.at(-1)!.index! + name.at(-1)![0].length });
      }
    }
    for (const match of text.matchAll(TITLED_NAME)) {
      const [, title, stop] = match;
      if (stop && !ABBREVIATED_TITLES.has(title!)) continue;
      // The title and the name words straight after it: "Queen There" is the Queen and a new sentence.
      const words = [...match[0].slice(title!.length + stop!.length).matchAll(TOKEN)];
      let count = 0;
      // After a title, a first word the lexicon reads otherwise is a given name when a name's word follows it ("Professor Cres Eastman", "Cres" being an abbreviation of a street's kind).
      const given = (index: number) => index === 0 && words.length > 1 && /^\p{Lu}\p{Ll}+$/u.test(words[0]![0]) && isNameWord(words[1]![0]) && !hasAnyTag(lexiconTags(words[0]![0]), FUNCTION_WORD_TAGS) && !isNotPersonWord(words[0]![0]);
      while (count < words.length && count < 3 && (isNameWord(words[count]![0]) || given(count)) && !isPossessive(words[count - 1]?.[0] ?? '')) count++;
      // "General Election", "Chief Justice": a title before an ordinary word is not a person.
      if (count === 0 || (count === 1 && isOrdinaryWord(words[0]![0].replace(/[’']s$/u, '')) && !isKnownName(words[0]![0]))) continue;
      const last = words[count - 1]!;
      // "a Sgt Pepper jacket", "Dr Martens boots": a title and one word before a noun name a thing.
      if (count === 1 && !isPossessive(last[0]) && beforeANoun(text.slice(match.index + title!.length + stop!.length + last.index! + last[0].length, match.index + match[0].length + 30))) continue;
      found.push({ start: match.index, end: match.index + title!.length + stop!.length + last.index! + last[0].length });
    }
    // Romanised Chinese and Korean names: a family name, then a given name of two syllables joined by a hyphen ("Cheng Chung-tai", "Park Joo-ho").
    for (const match of text.matchAll(HYPHENATED_GIVEN_NAME)) {
      const syllables = [match[1]!, ...match[2]!.split('-')];
      // A short syllable after the hyphen may be an English word ("Kwok-hung"); the family name, the first syllable and a longer word are not ("Follow-up", "Prize-winner").
      // A family name that is also an English word ("Park", "Song", "Moon") is one all the same before such a given name.
      const everydayFamilyName = (syllable: string, index: number) => index === 0 && EVERYDAY_FAMILY_NAMES.has(syllable);
      if (isOrdinaryWord(match[2]!) || syllables.some((syllable, index) => !everydayFamilyName(syllable, index) && (hasAnyTag(lexiconTags(syllable), PLACE_TAGS) || (syllable.length > (index < 2 ? 3 : 4) && isOrdinaryWord(syllable))))) continue;
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[0] ?? '';
      const words = before.split(/\s+/).filter(Boolean);
      while (words.length && (isFunctionWord(words[0]!) || isOrdinaryWord(words[0]!) || isRoleNoun(words[0]!))) words.shift();
      const extra = words.length ? before.slice(before.indexOf(words[0]!)).length : 0;
      found.push({ start: match.index - extra, end: match.index + match[0].length });
      if (extra === 0 && EVERYDAY_FAMILY_NAMES.has(match[1]!)) familyNamed.add(match.index);
    }
    // The tagger's people: names of two words or more, however the lexicon knows their words,
    // without the descriptions it may take in ("Ambassador", "Afghan", "Emeritus").
    const singles: { start: number; end: number }[] = [];
    for (const tagName of tagged) {
      if (tagName.type !== 'PER') continue;
      // A surname with its particle that the tagger left off: "Faisal" of "Faisal al-Thubhani", "Ali" of "Ali bin Tamim".
      const particle = PARTICLE_SURNAME.exec(text.slice(tagName.end, tagName.end + 40));
      // A given name and a particle that the tagger left off before the surname: "Arnel dela" of "Arnel dela Vega".
      const givenAndParticle = particle ? null : GIVEN_AND_PARTICLE.exec(text.slice(Math.max(0, tagName.start - 40), tagName.start));
      const start = givenAndParticle ? tagName.start - givenAndParticle[0].length : tagName.start;
      const end = particle ? tagName.end + particle[0].length : tagName.end;
      const name = particle || givenAndParticle ? { ...tagName, start, end, text: text.slice(start, end) } : tagName;
      const words = [...name.text.matchAll(TOKEN)];
      if (words.length === 1 && words[0]![0] === name.text && plausibleSingle(name.text) && singleCue(text, name.start, name.end)) singles.push({ start: name.start, end: name.end });
      let first = 0;
      while (first < words.length - 2 && isDescription(words[first]![0])) first++;
      if (first === words.length - 2 && isDescription(words[first]![0]) && !isFirstName(words[first + 1]![0])) first++;
      const roleBefore = first === 0 && roleBeforeRun(text.slice(Math.max(0, name.start - 30), name.start));
      if (words.length - first < 2 || !plausibleName(words.slice(first).map((word) => word[0]), text.slice(name.end, name.end + 30), roleBefore)) continue;
      // A place or a body the lexicon knows by the whole name is no one's, however the tagger reads it ("Puerto Rico's governor").
      const whole = text.slice(name.start + words[first]!.index!, name.end).replace(/[’']s$/u, '');
      const wholeTags = lexiconTags(whole);
      if (NOT_PERSON_TAGS.some((tag) => wholeTags.includes(tag)) && !wholeTags.includes('Person')) continue;
      found.push({ start: name.start + words[first]!.index!, end: name.end });
    }
    const taken = new TakenCharacters(text.length);
    // A body known by a name that reads as a person's ("Al Jazeera", "Morgan Stanley") is the body's; so is the title of a work ("the show Dragons' Den").
    // Each span of two words or more is looked up on its own, not the whole paragraph: most paragraphs name few people.
    for (const span of found) {
      const words = text.slice(span.start, span.end);
      if (!/\s/u.test(words)) continue;
      const body = knownBodies(words)[0];
      if (body && body.start === 0 && body.end === words.length) taken.take(span);
    }
    for (const work of worksIn(text)) taken.take(work);
    for (const body of bodiesNamedSo(text)) taken.take(body);
    // "Vyasna, an independent human rights center": what the apposition says the name is.
    for (const body of bodiesDescribedAfter(text)) taken.take(body);
    // "VKE (Valley Kirk Episcopate)", "MVP (Most Valuable Player)": words spelling out initials name a body or a title, unless they start with a first name ("JFK (John F. Kennedy)").
    for (const spelt of initialsSpeltOut(text)) if (!isFirstName(text.slice(spelt.start).split(/\s/u)[0]!)) taken.take(spelt);
    // Nothing from lines in capitals: a headline or a photo credit ("JIM WATSON/AFP").
    const shouted = /\p{Lu}{2}/u.test(text) ? capitalisedStretches(text) : [];
    for (const span of found) if (inStretches(shouted, span.start)) taken.take(span);
    for (const { start, end } of found.filter((span) => !notAPerson(text, span.start, span.end)).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (taken.overlaps({ start, end })) continue;
      const said = familyNamed.has(start) ? 'family-name' : everydaySurnameSaid(text, start, end) ? 'surname' : undefined;
      const clean = withoutLeadingDescription(cleanName(text.slice(start, end), said), capitalSaysNothing(text, start));
      if (!clean) continue;
      taken.take({ start, end });
      people.push({ ...clean, paragraph: paragraph.number, start, end });
    }
    // "coach Smith said", "striker Kauri": a lower-case role straight before one capitalised word that is a surname or no word at all.
    for (const match of text.matchAll(ROLE_AND_ONE_WORD)) {
      const [, role, word] = match;
      // "reportedly one Vijayaragavan": "one" before a word no lexicon knows names someone the text knows only by it.
      const one = role === 'one' && lexiconTags(word!).length === 0;
      // One role, one person: "artists Langlands & Bell" are two.
      if (PLACE_PREPOSITIONS.has(role!) || (!isRoleNoun(role!) && !one) || lexiconTags(role!).includes('Plural') || /[^s]s$/u.test(role!) || hasAnyTag(lexiconTags(role!), FUNCTION_WORD_TAGS) || !plausibleSingle(word!)) continue;
      if (!(isKnownName(word!) || lexiconTags(word!).length === 0) || isFirstName(word!)) continue;
      const start = match.index + match[0].length - word!.length;
      // "radical Islamist links": a capitalised word before a noun describes it.
      if (!inBody(start) && !beforeANoun(text.slice(start + word!.length, start + word!.length + 30))) singles.push({ start, end: start + word!.length });
    }
    for (const { start, end } of singles) {
      if (taken.overlaps({ start, end }) || notAPerson(text, start, end)) continue;
      const clean = cleanName(text.slice(start, end));
      if (clean) people.push({ ...clean, single: true, paragraph: paragraph.number, start, end });
    }
  }
  return people;
}

/**
 * Whether the tagger's words for a person read as a name: every word can be
 * part of one (not "Windows XP"), it does not end in an everyday word unless it
 * starts with a first name ("Theresa May", not "Kennedy Space"), and it is not
 * the start of a longer run of capitals ("Qaboos Grand Mosque"). A lower-case role
 * before the name says an everyday last word is a surname ("his daughter Nettie Baker").
 */
function plausibleName(words: string[], after: string, roleBefore = false): boolean {
  const known = isFirstName(words[0]!) || AMBIGUOUS_FIRST_NAMES.has(words[0]!);
  // After a first name, the last word may be one the lexicon knows as a body or a place: the tagger read the whole as a person's (Gerald Ford, George Washington).
  const surnameLikePlace = (word: string, index: number) => known && index === words.length - 1 && index > 0 && !hasAnyTag(lexiconTags(word), FUNCTION_WORD_TAGS) && /^\p{Lu}\p{Ll}/u.test(word);
  const fits = (word: string, index: number) =>
    isNameWord(word) || startsWithParticle(word.toLowerCase()) || (known && (index === 0 || !isFunctionWord(word))) || surnameLikePlace(word, index);
  if (!words.every(fits)) return false;
  if (!known && !roleBefore && isOrdinaryWord(words.at(-1)!)) return false;
  const next = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(after)?.[1];
  return !next || DATE_WORD.test(next);
}

/** A family name and a hyphenated given name of two short syllables: "Kwok Ka-ki", "Lee Cheuk-yan", "Park Joo-Ho". */
const HYPHENATED_GIVEN_NAME = /\b(\p{Lu}\p{Ll}{1,5})\s+(\p{Lu}\p{Ll}{0,5}-\p{L}\p{Ll}{0,5})\b(?!-)/gu;
/** An English name before such a name is part of it: "Yolanda Yu Hoi-kwan", "Carrie Lam Cheng Yuet-ngor". */
const NAME_BEFORE = /(?:\p{Lu}\p{Ll}+\s+){1,2}$/u;

/** A surname that starts with a particle, straight after a name: " al-Thubhani", " bin Tamim", " van Hooydonk". */
const PARTICLE_SURNAME = new RegExp(`^\\s+(?:(?:${PARTICLES})[-‑]\\p{Lu}[\\p{L}'’-]*|(?:${PARTICLES})(?:\\s+(?:${PARTICLES}))?\\s+\\p{Lu}[\\p{L}'’-]*)(?![\\p{L}])`, 'u');

/** A capitalised given name and a particle straight before a surname: "Arnel dela ", "Juan de la ". */
const GIVEN_AND_PARTICLE = new RegExp(`(?<![\\p{L}'’-])\\p{Lu}\\p{Ll}+\\s+(?:${PARTICLES})(?:\\s+(?:${PARTICLES}))?\\s+$`, 'u');

/** "Health Secretary John Reid", "Blairite Alan Milburn": the name starts at the first name. */
function withoutLeadingDescription(clean: CleanName | undefined, opensSentence: boolean): CleanName | undefined {
  if (!clean) return undefined;
  const words = clean.name.split(' ');
  if (words.length < 3) return clean;
  // A particle is no first name, whatever name it spells ("dela" of "Arnel dela Vega").
  const first = words.findIndex((word, index) => index < words.length - 1 && /^\p{Lu}/u.test(word) && isFirstName(word));
  // Only descriptions go: "Hernan" of Hernan Dario Gomez, "L." of L. Ron Hubbard are the name's own.
  // At a sentence's start, a capital says nothing: "Countryman Lawrence Cherono".
  if (first <= 0 || !words.slice(0, first).every((word, index) => describes(word) || (index === 0 && opensSentence && lexiconTags(word).length === 0))) return clean;
  return { ...clean, name: words.slice(first).join(' ') };
}

/** A word before a first name that describes rather than names: a role, a nationality, an everyday word, "Blairite". */
function describes(word: string): boolean {
  if (/^\p{Lu}\.$/u.test(word)) return false;
  // "Frenchman", "Briton", "Springboks": a nationality or a team before the name.
  return isDescription(word) || isOrdinaryWord(word) || /(?:ite|ist|ian|ese|ish|ic|man|men|woman|women|[^s]s)$/u.test(word) || NATIONALS.has(word);
}
