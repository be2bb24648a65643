// Person and organisation names in each paragraph. A run of capitalised
// words is a person's name when it starts with a first name compromise's
// lexicon knows, or stands where a name stands (after a role such as
// "Prime Minister", before "said"); "Title Name" forms always are. Words are
// looked up once each, so this stays fast for thousands of articles.
import type { BodyParagraph } from '../paragraphs.js';
import { lexiconTags } from './lexicon.js';
import { cleanName, FUNCTION_TITLES, HONORIFICS, isFirstName, isKnownName, isNameWord, isOrdinaryWord, type CleanName } from './names.js';
import { isRoleNoun } from './roles.js';

export interface NameHit extends CleanName {
  paragraph: number;
  /** Character offsets of the whole form, titles included, in the paragraph text. */
  start: number;
  end: number;
}

export interface OrganisationHit {
  name: string;
  paragraph: number;
}

const PARTICLES = '(?:al|el|bin|ibn|de|van|von|da|di|du|le|la)';
// An initial keeps its stop ("George W. Bush"); any other word with a stop ends a sentence, and the run.
const NAME_TOKEN = `(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*|${PARTICLES}[-‑]\\p{Lu}[\\p{L}'’-]*)`;
/** Two to five capitalised words in a row: where names are. */
const CAPITALISED_RUN = new RegExp(`${NAME_TOKEN}(?:\\s+(?:${PARTICLES}\\s+)?${NAME_TOKEN}){1,4}`, 'gu');
const TITLES = [...HONORIFICS, ...FUNCTION_TITLES].join('|');
const TITLED_NAME = new RegExp(
  `\\b(?:${TITLES})\\.?\\s+(?:${PARTICLES}[-‑ ])?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:${PARTICLES}[-‑ ])?\\p{Lu}[\\p{L}'’-]+){0,2}`,
  'gu',
);
/** What follows a name when nothing else says it is one. */
const NAME_CONTEXT_AFTER = /^(?:’s|'s)?\s*(?:said|says|told|added|argued|insisted|warned|wrote|, who\b)/u;

/** Words that end (or, with "of", start) the name of a body. */
const ORGANISATION_WORDS =
  'Friends|Forum|Board|Institute|Party|Council|Committee|Association|Union|Brotherhood|Chronicle|Commission|Foundation|Trust|Society|Agency|Ministry|Department|Office|Bank|Group|Company|Corporation|University|College|Hospital|Church|Club|Federation|League|Alliance|Movement|Network|Service|Authority|Court|Parliament|Assembly|Congress|Senate|Times|Telegraph|Guardian|Herald|Post|Mail|Express|Mirror|Observer|Gazette|Journal|Review|News|Radio|Television|Press|Inc|Ltd|plc|Plc|Corp|Holdings|Airways|Airlines|Motors|Records|Studios|Pictures';
const NAME_WORD = "\\p{Lu}[\\p{L}'’&.-]*";
const ORGANISATION = new RegExp(
  `(?:\\b(?:the\\s+)?)((?:${NAME_WORD}\\s+){1,4}(?:${ORGANISATION_WORDS})(?:\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?|(?:${ORGANISATION_WORDS})\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})`,
  'gu',
);
/** Political parties, which rarely carry a word that says so. */
const PARTIES = /\b(Labour|Conservatives?|Tory|Tories|Liberal Democrats?|Lib Dems?|SNP|Plaid Cymru|Ukip|UKIP|Reform UK|Sinn F[eé]in|DUP|Democrats|Republicans|GOP)\b/gu;
/** Initials that name bodies (BBC, NHS, PLP), less those that do not. */
const ACRONYM = /\b[A-Z][A-Z0-9&]{1,5}\b/g;
const NOT_ACRONYMS = new Set(
  'UK US USA GB MP MPs PM GMT BST UTC TV HQ LGBT PR OK AM CEO ID IT PC DVD CD AIDS HIV GDP VAT OBE MBE CBE QC MEP MSP BC AD NB RIP PS CV DJ MC VIP DNA FM AM UFO OMG LOL ET PhD MA BA BSc AGM IPO'.split(' '),
);

/** The longest stretches of words that can be part of a name, in a run of capitalised words. */
function nameStretches(words: RegExpMatchArray[]): RegExpMatchArray[][] {
  const stretches: RegExpMatchArray[][] = [[]];
  for (const word of words) {
    if (isNameWord(word[0])) stretches.at(-1)!.push(word);
    else if (stretches.at(-1)!.length) stretches.push([]);
  }
  return stretches.filter((stretch) => stretch.length >= 2);
}

/**
 * The words of a person's name in a stretch of name-like words, or undefined:
 * from a known first name, after a role ("Prime Minister Manmohan Singh"), or
 * before "said". At most three words, the third only if it is not an ordinary word.
 */
function nameIn(words: RegExpMatchArray[], after: string): RegExpMatchArray[] | undefined {
  const texts = words.map((word) => word[0]);
  let start = texts.findIndex((word, index) => index < texts.length - 1 && isFirstName(word));
  if (start < 0) {
    // A role word with two words after it, the first of which could start a name
    // ("Secretary Robin Cook", not "Deputy Prime Minister").
    const role = texts.findLastIndex((word, index) => index < texts.length - 2 && isRoleNoun(word) && couldStartName(texts[index + 1]!));
    const lastTwo = texts.slice(-2);
    if (role >= 0) start = role + 1;
    else if (NAME_CONTEXT_AFTER.test(after) && lastTwo.length === 2 && !lastTwo.some(isOrdinaryWord)) start = texts.length - 2;
    else return undefined;
  }
  let name = words.slice(start, start + 3);
  // A third word is part of the name only after an initial or when it is itself a name ("David Lloyd George").
  if (name.length === 3 && !/^\p{Lu}\.$/u.test(name[1]![0]) && !isKnownName(name[2]![0])) name = name.slice(0, 2);
  return name.length >= 2 ? name : undefined;
}

/** Not a description word ("Prime", "Foreign", "Minister"): an unknown word, a name, or a plain noun such as "Robin". */
function couldStartName(word: string): boolean {
  const tags = lexiconTags(word);
  return !isRoleNoun(word) && !['Adjective', 'Verb', 'Actor'].some((tag) => tags.includes(tag));
}

export function findNameHits(paragraphs: BodyParagraph[]): { people: NameHit[]; organisations: OrganisationHit[] } {
  const people: NameHit[] = [];
  const organisations: OrganisationHit[] = [];
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    const found: { start: number; end: number }[] = [];
    for (const match of text.matchAll(CAPITALISED_RUN)) {
      const all = [...match[0].matchAll(/\S+/g)];
      const runEnd = match.index + match[0].length;
      for (const stretch of nameStretches(all)) {
        const stretchEnd = match.index + stretch.at(-1)!.index! + stretch.at(-1)![0].length;
        const name = nameIn(stretch, stretchEnd === runEnd ? text.slice(runEnd, runEnd + 20) : '');
        if (name) found.push({ start: match.index + name[0]!.index!, end: match.index + name.at(-1)!.index! + name.at(-1)![0].length });
      }
    }
    for (const match of text.matchAll(TITLED_NAME)) {
      // The title and the name words straight after it: "Queen There" is the Queen and a new sentence.
      const words = [...match[0].matchAll(/\S+/g)];
      let count = 1;
      while (count < words.length && count < 4 && isNameWord(words[count]![0])) count++;
      if (count === 1) continue;
      const last = words[count - 1]!;
      found.push({ start: match.index, end: match.index + last.index! + last[0].length });
    }
    const taken: [number, number][] = [];
    for (const { start, end } of found.sort((a, b) => b.end - b.start - (a.end - a.start))) {
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      const clean = withoutLeadingDescription(cleanName(paragraph.text.slice(start, end)));
      if (!clean) continue;
      taken.push([start, end]);
      people.push({ ...clean, paragraph: paragraph.number, start, end });
    }
    const spans: { start: number; end: number }[] = [];
    for (const match of text.matchAll(ACRONYM)) {
      if (!NOT_ACRONYMS.has(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
    }
    for (const match of paragraph.text.matchAll(ORGANISATION)) {
      const start = match.index + match[0].indexOf(match[1]!);
      spans.push({ start, end: start + match[1]!.length });
    }
    for (const match of paragraph.text.matchAll(PARTIES)) spans.push({ start: match.index, end: match.index + match[0].length });
    const kept: { start: number; end: number }[] = [];
    for (const span of spans.sort((a, b) => b.end - b.start - (a.end - a.start))) {
      if (kept.some((other) => span.start < other.end && span.end > other.start)) continue;
      // A person's name is not also an organisation.
      if (taken.some(([from, to]) => span.start < to && span.end > from)) continue;
      const name = cleanOrganisation(paragraph.text.slice(span.start, span.end));
      if (!name) continue;
      kept.push(span);
      organisations.push({ name, paragraph: paragraph.number });
    }
  }
  return { people, organisations };
}

/** "Health Secretary John Reid", "Blairite Alan Milburn": the name starts at the first name. */
function withoutLeadingDescription(clean: CleanName | undefined): CleanName | undefined {
  if (!clean) return undefined;
  const words = clean.name.split(' ');
  if (words.length < 3) return clean;
  const first = words.findIndex((word, index) => index < words.length - 1 && isFirstName(word));
  return first > 0 ? { ...clean, name: words.slice(first).join(' ') } : clean;
}

/** `the Jewish Chronicle,` → `Jewish Chronicle`; lower-case runs ("Jewish community") are not names. */
function cleanOrganisation(raw: string): string | undefined {
  const name = raw
    .replace(/[’']s\b/gu, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')
    .replace(/^the\s+/i, '')
    .trim();
  const words = name.split(/\s+/);
  if (!name || !words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(?:of|and|for|the|de|du)$/.test(word))) return undefined;
  return name;
}
