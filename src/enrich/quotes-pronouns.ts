// Who "he", "she", "they" and "it" are, in an attribution: only someone the
// sentences just before name plainly. "He" is the one person named (not as
// "Mr Brown's", not after "to" or "of") in the nearest sentence that names
// anyone, in this paragraph or the one before; two there, and he is nobody.
// "They" and "it" are the described source or body just before ("a party
// source", "prominent Labour supporters", "the letter").
import type { QuoteSpeaker } from '../model.js';
import { DETERMINERS, isSpeechVerb, mainSubject, PREPOSITIONS } from './quotes-grammar.js';
import { UNSURE, type NameMatch, type NameMatcher } from './quotes-names.js';
import { QUOTE, type Sentence } from './quotes-sentences.js';

export interface Window {
  sentences: Sentence[];
  /** The sentence the pronoun is in. */
  at: number;
  names: NameMatcher;
  /** The speakers found so far, by quotation. */
  speakers: Map<number, QuoteSpeaker>;
  /** The one person the people list gives a role to ("the Tory leader"), if any. */
  roleOf: (description: string) => string | undefined;
}

/** The sentences a pronoun may look back over: its own, up to the pronoun, then back to the start of the paragraph before. */
/** Sentences a pronoun looks back over, at most: a reader does not carry "he" further. */
const LOOK_BACK = 12;

function* lookBack(window: Window, pronoun: string): Generator<{ text: string; sentence: Sentence; own: boolean }> {
  const here = window.sentences[window.at]!;
  for (let at = window.at; at >= 0 && at > window.at - LOOK_BACK; at--) {
    const sentence = window.sentences[at]!;
    if (sentence.paragraph < here.paragraph - 1) return;
    let text = sentence.narration;
    if (at === window.at) {
      const found = new RegExp(`(?<![\\p{L}])${pronoun}(?![\\p{L}])`, 'iu').exec(text);
      text = found ? text.slice(0, found.index) : text;
    }
    yield { text, sentence, own: at === window.at };
  }
}

/** "to Martin Smith", "of journalist Jamal Khashoggi", "told Mr Brown": the name is spoken to or about. */
function isObject(text: string, match: NameMatch): boolean {
  const clause = text.slice(0, match.start).split(/[,;:()]/u).at(-1)!;
  // "According to Dr. Tom Frieden, …": the one who says it.
  if (/according\s+to\s+(?:\S+\s+){0,3}$/iu.test(clause)) return false;
  const words = clause.trim().split(/\s+/u).filter(Boolean).slice(-3).reverse();
  for (const word of words) {
    const key = word.toLowerCase();
    if (PREPOSITIONS.has(key) || isSpeechVerb(key)) return true;
    if (DETERMINERS.has(key)) return false;
  }
  return false;
}

const OPENERS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'although', 'though', 'but', 'and', 'so', 'however', 'also', 'later', 'earlier', 'then', 'meanwhile']);
const CAPITALISED_RUN = /^(\p{Lu}[\p{L}'’.‑-]*(?:\s+(?:\p{Lu}[\p{L}'’.‑-]*|al|bin|de|van|von|di|da|le|la)){0,3})(?=\s*$|\s+\p{Ll})/u;
/** Capitalised words that open sentences without being anyone's name. */
const NOT_NAMES = new Set(['there', 'here', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'in', 'on', 'at', 'as', 'if', 'for', 'by', 'to', 'from', 'with', 'after', 'before', 'when', 'while', 'although', 'though', 'but', 'and', 'so', 'yet', 'however', 'meanwhile', 'police', 'officials', 'some', 'many', 'most', 'other', 'such', 'only', 'even', 'now', 'then', 'today', 'yesterday']);

/**
 * "Agnès Callamard, a UN rapporteur, cautioned…. "…," she said": a sentence
 * led by a name the people list does not hold may be about someone it
 * missed, so "she" looks no further back than that.
 */
function unlistedSubject(text: string, names: NameMatcher): boolean {
  const chunks = text.split(/[,;:]/u).map((chunk) => chunk.trim());
  const leads = [chunks[0] ?? ''];
  if (OPENERS.has((chunks[0] ?? '').split(/\s+/u)[0]!.toLowerCase()) && chunks[1]) leads.push(chunks[1]);
  return leads.some((chunk) => {
    const run = CAPITALISED_RUN.exec(chunk)?.[1];
    const first = run?.split(/\s+/u)[0]!.toLowerCase();
    if (!run || DETERMINERS.has(first!)) return false;
    // One word is a name only as a subject before its verb: "Ghebreyesus expressed…", not "Speaking to…".
    const next = chunk.slice(run.length).trim().split(/\s+/u)[0] ?? '';
    if (!run.includes(' ') && (NOT_NAMES.has(first!) || /(?:ing|ly)$/u.test(first!) || !(/^\p{Ll}+(?:ed|s)$/u.test(next) || isSpeechVerb(next)))) return false;
    return !names.find(run).some((match) => match.start === 0);
  });
}

/** Nouns for a person, ending a description that leads a sentence: "The Tory leader countered…". */
const PERSON_NOUN = `leader minister secretary chancellor president premier spokesman spokeswoman spokesperson official source mayor governor
  senator chairman chairwoman chair chief director head MP deputy candidate man woman boy girl businessman businesswoman officer
  judge prosecutor lawyer attorney actor actress singer star player manager coach founder executive boss owner father mother son
  daughter husband wife brother sister friend aide adviser advisor analyst expert author writer journalist reporter editor campaigner
  activist protester witness victim doctor surgeon professor scientist researcher teacher student priest bishop archbishop pope king
  queen prince princess ambassador diplomat envoy commissioner inspector constable year-old donor`;
const DESCRIBED_SUBJECT = new RegExp(
  `^(?:(?:but|and|so|then|later|however|meanwhile|yet),?\\s+)?((?:the|a|an|his|her|their|its)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?(?:${PERSON_NOUN.trim().split(/\s+/u).join('|')}))(?![\\p{L}])`,
  'iu',
);

/** A sentence whose subject is a pronoun: "And he repeated what a great man Gordon was" is still about the "he" before. */
const leadsWith = (text: string, pronoun: string) => new RegExp(`^(?:[\\p{L}]+,?\\s+){0,4}?${pronoun}\\s`, 'iu').test(text.trim());

/**
 * "Tory leader Michael Howard accused the prime minister and Mr Brown…":
 * of several people in a sentence, the one named before its first verb.
 */
function sentenceSubject(text: string, names: NameMatcher, found: Set<string>): string | undefined {
  const verb = /\s(?:\p{Ll}+ed|told|said|says|met|spoke|wrote|is|was|has|had)\b/u.exec(text);
  if (!verb) return undefined;
  const subject = mainSubject(text.slice(0, verb.index), names);
  const person = subject?.kind === 'name' && subject.match?.people.length === 1 ? subject.match.people[0]! : undefined;
  return person && found.has(person) ? person : undefined;
}

export function pronounPerson(window: Window, pronoun: 'he' | 'she'): string | undefined {
  const wanted = pronoun === 'he' ? 'man' : 'woman';
  for (const { text, sentence, own } of lookBack(window, pronoun)) {
    if (!own && leadsWith(text, pronoun)) continue;
    const subject = own ? undefined : DESCRIBED_SUBJECT.exec(text.trim())?.[1];
    if (subject) {
      // "The Tory leader countered…. He declared:": that leader, if the people list says who, else nobody named.
      return window.roleOf(subject);
    }
    const found = new Set<string>();
    for (const match of window.names.find(text)) {
      if (match.possessive || isObject(text, match)) continue;
      // "Mugabe" when the list has Robert and Grace Mugabe: someone is named, but not who.
      if (match.people.length !== 1 || match.people[0] === UNSURE) {
        found.add(UNSURE);
        continue;
      }
      const gender = window.names.gender(match.people[0]!);
      if (gender === undefined || gender === wanted) found.add(match.people[0]!);
    }
    if (!own) {
      for (const quote of sentence.quotes) {
        const speaker = window.speakers.get(quote.quotation);
        if (speaker?.kind === 'person' && window.names.gender(speaker.person!) !== (wanted === 'man' ? 'woman' : 'man')) found.add(speaker.person!);
        // The last one quoted is someone the list does not hold: "he" is most likely them, so nobody is named.
        if (speaker?.kind === 'named') found.add(UNSURE);
      }
    }
    if (found.size === 1) return [...found][0] || undefined;
    if (found.size > 1) return sentenceSubject(text, window.names, found);
    if (unlistedSubject(text, window.names)) return undefined;
  }
  return undefined;
}

const GROUPS = `supporters signatories officials sources ministers protesters protestors police researchers scientists authors campaigners
  residents members MPs councillors activists organisers organizers witnesses experts critics lawyers doctors analysts investigators
  prosecutors students teachers workers leaders writers figures representatives spokesmen spokespeople parents families victims fans
  voters judges senators legislators officers diplomats executives economists locals villagers employees staff unions groups
  academics players authorities rescuers demonstrators delegates governments countries`;
const ONE_SOURCE = 'source spokesperson spokesman spokeswoman official aide insider friend ally colleague representative attendee witness';
const BODIES = `letter statement report document website e-mail email note message release communiqué tweet post ruling judgment judgement
  survey study paper book article memo notice petition manifesto announcement blog leaflet filing complaint lawsuit indictment verdict
  ministry department government company agency council committee court party foundation organisation organization union board
  commission office campaign newspaper site channel network`;
const heads = (words: string) => new RegExp(`(?<![\\p{L}])(?:${words.trim().split(/\s+/u).join('|')})(?![\\p{L}])`, 'gu');
const THEY = heads(`${GROUPS} ${ONE_SOURCE}`);
const IT = heads(BODIES);
/** Words that end a description going back from its noun. */
const NOT_MODIFIERS = new Set(['and', 'or', 'but', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'that', 'which', 'who', 'he', 'she', 'they', 'it', 'we', 'not', 'also']);

/** The description around a noun: up to three words before it and "in the Jewish community" after. */
function description(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(/[,;:()]/u).at(-1)!.trim().split(/\s+/u).filter(Boolean);
  const kept: string[] = [];
  for (const word of before.reverse()) {
    const key = word.toLowerCase();
    if (DETERMINERS.has(key)) {
      kept.unshift(key);
      break;
    }
    if (kept.length === 3 || NOT_MODIFIERS.has(key) || PREPOSITIONS.has(key) || isSpeechVerb(key) || /^\p{Ll}+ed$/u.test(word) || word.includes(QUOTE)) break;
    kept.unshift(word);
  }
  const after = /^\s+(?:of|in|from|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s*){1,3}(?:\p{Ll}+)?/u.exec(text.slice(end));
  let tail = after ? after[0].trimEnd() : '';
  const lastWord = tail.split(/\s+/u).at(-1) ?? '';
  if (/^\p{Ll}/u.test(lastWord) && isSpeechVerb(lastWord)) tail = tail.slice(0, tail.length - lastWord.length).trimEnd();
  return [...kept, text.slice(start, end)].join(' ') + tail;
}

/** "they" or "it": the described source or body named last before it. */
export function antecedent(window: Window, pronoun: string): QuoteSpeaker | undefined {
  for (const { text, sentence, own } of lookBack(window, pronoun)) {
    if (!own) {
      for (const quote of [...sentence.quotes].reverse()) {
        const speaker = window.speakers.get(quote.quotation);
        if (speaker && (speaker.kind === 'described' || speaker.kind === 'organisation')) return speaker;
      }
    }
    const pattern = pronoun === 'it' ? IT : THEY;
    const found = [...text.matchAll(pattern)].at(-1);
    if (found) return { kind: 'described', as: description(text, found.index, found.index + found[0].length) };
  }
  return undefined;
}
