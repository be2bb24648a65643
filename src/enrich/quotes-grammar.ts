// Who the reporter says is speaking: the words of an attribution in the
// quotation's own sentence ("Neil Nerva, another signatory said: …", "…,"
// the source said, "…," said Mr Smith, "according to officials"), taken
// apart into the phrase that names the speaker: a name, a pronoun or a
// description. Nothing here decides who a name or a pronoun is: see quotes.ts.
import type { NameMatch, NameMatcher } from './quotes-names.js';
import { QUOTE, type Sentence } from './quotes-sentences.js';

export type Phrase =
  | { kind: 'name'; text: string; match?: NameMatch }
  | { kind: 'pronoun'; text: string; at: number }
  | { kind: 'described'; text: string };

const VERB_WORDS = `said says say saying told tells tell telling added adds adding asked asks asking explained explains explaining
  wrote writes write writing stated states stating declared declares declaring insisted insists insisting argued argues arguing
  warned warns warning claimed claims claiming noted notes noting continued continues replied replies replying responded responds
  commented comments commenting recalled recalls recalling concluded concludes admitted admits conceded concedes announced announces
  remarked remarks suggested suggests urged urges quipped joked snapped stressed stresses maintained maintains observed confirmed
  confirms acknowledged complained complains protested cautioned predicted promised pledged vowed boasted tweeted tweets tweeting
  posted shouted cried exclaimed whispered mused described describes describing called calls calling thanked spoke speaking
  defended criticised criticized elaborated proposed cited read reads revealed emphasised emphasized agreed accused blamed branded
  dubbed labelled labeled hailed praised welcomed condemned denounced demanded pleaded begged asserted affirmed alleged testified
  wondered retorted countered interjected sighed laughed reiterated underlined explain describe talked characterised characterized
  characterises characterizes add note warn argue insist claim state reply respond comment recall admit concede announce remark
  suggest urge stress`;
const VERBS = VERB_WORDS.trim().split(/\s+/u).join('|');
const VERB = new RegExp(`(?<![\\p{L}'’-])(?:${VERBS})(?![\\p{L}'’-])`, 'giu');

const set = (words: string) => new Set(words.trim().split(/\s+/u));
export const DETERMINERS = set('a an the one another his her their its our my your some several many two three four five six seven eight nine ten both each this that these those no any every most few all');
const LEADS = set(`in on at during after before when while although though but and so however also later earlier then meanwhile
  speaking addressing asked interviewed writing according following despite with without for from of to by since until as because
  if yet now today yesterday last separately elsewhere instead still once upon under over through into towards toward via amid
  among against like unlike besides beyond within here there`);
export const PREPOSITIONS = set('for to of with by from about at against than like into on over under towards toward behind between among versus vs via per behalf');
const RELATIVES = set('who which whose whom that where');
const PRONOUNS = set('he she they it');
/** Words between a speaker and the verb: "had previously said", "also told". */
const BETWEEN = set(`also later then further again once previously earlier recently simply only quickly finally subsequently had has
  have was were is are would will could might may did does do reportedly allegedly personally publicly privately repeatedly
  famously separately today yesterday just still even not never herself himself themselves itself in turn`);
/** One word that names a body of people, said at a sentence's start: "Police said". */
const GROUPS = /^(?:police|officials|witnesses|residents|protesters|protestors|organisers|organizers|prosecutors|investigators|doctors|scientists|researchers|experts|analysts|critics|campaigners|activists|sources|authorities|rescuers|firefighters|paramedics|neighbours|neighbors|locals|staff|students|teachers|parents|lawyers|officers|ministers|observers|diplomats|aides|insiders|supporters|opponents)$/iu;

const lower = (word: string | undefined) => (word ?? '').toLowerCase().replace(/[^\p{L}'’-]/gu, '');
const wordsOf = (text: string) => text.trim().split(/\s+/u).filter(Boolean);

/** When, said between a subject and its verb: "Mr Blair on Sunday dismissed…". */
/** Verbs that lead into the speech verb: "Dittmar went on to add", "she was quick to say". */
const LEADING_VERB = /\s+(?:(?:went|goes|go|going)\s+on(?:\s+to)?|(?:continued|continues|was\s+quick|was\s+keen|were\s+quick|wanted|tried|sought|moved|rushed|hastened|chose|decided)\s+to)$/iu;

const WHEN = /\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|morning|afternoon|evening|year)|in\s+\d{4})$/u;

/** Takes the words that stand between a subject and its verb off the end of a stretch. */
function trimBetween(region: string): string {
  let text = region.replace(/\s*\([^()]*\)/gu, '').replace(/[\s,;:\u2013\u2014-]+$/u, '').replace(WHEN, '').replace(LEADING_VERB, '');
  for (;;) {
    const match = /(?:^|\s)([\p{L}]+)$/u.exec(text);
    if (!match || !BETWEEN.has(match[1]!.toLowerCase())) return text.trim();
    text = text.slice(0, match.index).replace(/[\s,]+$/u, '').replace(WHEN, '');
  }
}

/** A name stands as the speaker when nothing before it makes it someone else's: "a spokesman for", "the wife of", "Mr Brown's". */
function subjectName(chunk: string, names: NameMatcher): NameMatch | undefined {
  const matches = names.find(chunk).filter((match) => !match.possessive && !PREPOSITIONS.has(match.before));
  for (const match of matches) {
    const premodifier = wordsOf(chunk.slice(0, match.start));
    const rest = chunk.slice(match.end).trim().replace(/^[.!?…;:]+$/u, '');
    // "Former US Ambassador to the United Nations Nikki Haley", "His wife Mary", "an attendee Om Prakash".
    // "Mr Reyes and Tom Hale": two people, neither the speaker alone.
    if (premodifier.some((word) => /^(?:and|or|&|with|plus)$/iu.test(word)) || /^(?:and|or|&|with)\s/iu.test(rest)) continue;
    const led = premodifier.length > 0 && DETERMINERS.has(lower(premodifier[0]));
    const premodifierOk = !led || (premodifier.length <= 4 && !premodifier.some((word) => PREPOSITIONS.has(lower(word)) || /ing$/u.test(lower(word)) || /['’]s$/u.test(word)));
    if (!premodifierOk) continue;
    // "Suman Haripriya of the Hajo assembly", "Lucy Fischer of The Times": where the speaker is from.
    if (rest === '' || /^(?:Jr|Sr|Jnr|Snr)\.?$/u.test(rest) || /^(?:of|from|at)\s+[^,;:]{1,60}$/u.test(rest)) return match;
  }
  return undefined;
}

/** A run of capitalised words at the end: a name the people list does not hold ("student protester Joshua Wong"). */
function trailingName(chunk: string): string | undefined {
  const run = /((?:\p{Lu}[\p{L}'’.‑-]*|(?:al|bin|de|del|der|di|da|du|van|von|le|la)(?=\s+\p{Lu}))(?:\s+(?:\p{Lu}[\p{L}'’.‑-]*|(?:al|bin|de|del|der|di|da|du|van|von|le|la)(?=\s+\p{Lu})))*)$/u.exec(chunk.trim());
  if (!run) return undefined;
  const before = wordsOf(chunk.trim().slice(0, run.index));
  if (before.some((word) => DETERMINERS.has(lower(word)) || PREPOSITIONS.has(lower(word)) || /['’]s$/u.test(word))) return undefined;
  if (before.length === 0 && wordsOf(run[1]!).length === 1 && GROUPS.test(run[1]!)) return undefined;
  // The sentence's stop is not part of the name; an initial's is ("Robert Downey Jr.").
  return /(?:^|\s)(?:\p{Lu}|Jr|Sr)\.$/u.test(run[1]!) ? run[1] : run[1]!.replace(/\.+$/u, '');
}

type Chunk = Phrase | { kind: 'lead' | 'relative' | 'other' };

/** A description names a speaker ("a party source"); a clause ("He underlined the call") does not. */
const CLAUSE = /(?<![\p{L}])(?:he|she|they|we|i|is|are|was|were|has|have|had|will|would|did|does)(?![\p{L}])|\p{Ll}ed\s+(?:the|a|an|his|her|their|its)\s/iu;

function described(text: string): Phrase | { kind: 'other' } {
  const trimmed = text.trim().replace(/[.,;:]+$/u, '');
  if (CLAUSE.test(trimmed) || trimmed.includes(QUOTE) || hasSpeechVerb(trimmed)) return { kind: 'other' };
  const first = wordsOf(trimmed)[0] ?? '';
  return { kind: 'described', text: DETERMINERS.has(first.toLowerCase()) || GROUPS.test(first) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed };
}

/** What one comma-separated stretch of a subject is. */
function classify(chunk: string, names: NameMatcher, offset: number): Chunk {
  const words = wordsOf(chunk);
  const first = lower(words[0]);
  if (words.length === 0) return { kind: 'other' };
  if (words.length === 1 && PRONOUNS.has(first)) return { kind: 'pronoun', text: first, at: offset + chunk.indexOf(words[0]!) };
  if (RELATIVES.has(first)) return { kind: 'relative' };
  // "Mr Blair said he (would not respond to …)": the clause's own subject is the pronoun.
  const lastWord = words.at(-1)!;
  if (words.length > 1 && PRONOUNS.has(lower(lastWord)) && lower(lastWord) !== 'it' && hasSpeechVerb(words.slice(0, -1).join(' '))) {
    return { kind: 'pronoun', text: lower(lastWord), at: offset + chunk.lastIndexOf(lastWord) };
  }
  const participleLead = /^\p{Ll}*ing$/u.test(first) && words.length > 2;
  if (LEADS.has(first) || participleLead) {
    // "Although in the next breath he", "And Mr Cook", "with Zinichev": the subject at the stretch's end.
    const last = words.at(-1)!;
    if (PRONOUNS.has(lower(last)) && words.length > 1) return { kind: 'pronoun', text: lower(last), at: offset + chunk.lastIndexOf(last) };
    const tail = names.find(chunk).filter((match) => chunk.slice(match.end).trim() === '' && !match.possessive).at(-1);
    if (tail && (!PREPOSITIONS.has(tail.before) || (first === 'with' && wordsOf(chunk.slice(0, tail.start)).length === 1))) {
      return { kind: 'name', text: chunk.slice(tail.start, tail.end), match: tail };
    }
    // "Calling it "a culture of death" the archbishop", "According to Mr Peston the prime minister": the subject after the lead-in.
    const tailed = /(\S+)\s+((?:the|a|an)\s+\p{Ll}[\p{Ll}\s-]{0,40})$/u.exec(chunk.trim());
    if (tailed && !PREPOSITIONS.has(lower(tailed[1])) && !DETERMINERS.has(lower(tailed[1])) && !LEADS.has(lower(tailed[1]))) return described(tailed[2]!);
    return { kind: 'lead' };
  }
  const match = subjectName(chunk, names);
  if (match) return { kind: 'name', text: chunk.slice(match.start, match.end), match };
  if (names.find(chunk).length > 0) return described(chunk);
  const unknown = trailingName(chunk);
  if (unknown) return { kind: 'name', text: unknown };
  return described(chunk);
}

const CHUNK = /[^,]+/gu;

/** The speaker in the words before a verb: the stretch nearest the verb, through appositions and lead-ins. */
export function subjectBefore(region: string, names: NameMatcher): Phrase | undefined {
  // "Calling it "a culture of death" the archbishop said": the subject comes after any quotation.
  const text = trimBetween(region.split(QUOTE).at(-1)!);
  const chunks = [...text.matchAll(CHUNK)].map((match) => ({ text: match[0], at: match.index })).filter((chunk) => chunk.text.trim() !== '');
  for (let index = chunks.length - 1; index >= 0; index--) {
    const chunk = classify(chunks[index]!.text, names, chunks[index]!.at);
    if (chunk.kind === 'lead' || chunk.kind === 'relative') continue;
    if (chunk.kind === 'other') return undefined;
    if (chunk.kind === 'described' && index > 0) {
      // "Neil Nerva, another signatory said": the description is the name's apposition.
      const before = classify(chunks[index - 1]!.text, names, chunks[index - 1]!.at);
      if (before.kind === 'name') return before;
    }
    if (chunk.kind === 'described' && wordsOf(chunk.text).length > 12) return undefined;
    return chunk as Phrase;
  }
  return undefined;
}

/** The speaker in the words after a verb ("…," said Mr Smith, the leader) or after "according to". */
export function subjectAfter(phrase: string, names: NameMatcher): Phrase | undefined {
  const text = phrase.split(QUOTE)[0]!.replace(/\s*\([^()]*\)/gu, '');
  const chunks = [...text.matchAll(CHUNK)].map((match) => ({ text: match[0], at: match.index })).filter((chunk) => chunk.text.trim() !== '').slice(0, 4);
  if (chunks.length === 0) return undefined;
  // "student protester Joshua Wong on Twitter": what follows the name is not part of it.
  const head = (chunk: string) => chunk.replace(/\s+(?:on|in|at|to|during|via|from|after|before|while|when|yesterday|today|last|this|outside|inside|about)\s.*$/u, '');
  const first = classify(head(chunks[0]!.text), names, chunks[0]!.at);
  if ((first.kind === 'name' && first.match) || first.kind === 'pronoun') return first;
  for (const chunk of chunks.slice(1)) {
    const text = chunk.text.trim().replace(/[.]$/u, '');
    const later = classify(text, names, chunk.at);
    // "said University of California, San Diego's chancellor, Pradeep Khosla": the name after the descriptions.
    if (later.kind === 'name' && (later.match || later.text === text) && first.kind !== 'name') return later;
  }
  if (first.kind === 'name' || first.kind === 'described') return first;
  return undefined;
}

/** Whether the words hold a speech verb: what makes the words between two quotations an attribution. */
export function hasSpeechVerb(text: string): boolean {
  return verbs(text).length > 0;
}

/** Whether the word is a speech verb ("told X": X is spoken to, not speaking). */
export function isSpeechVerb(word: string): boolean {
  VERB.lastIndex = 0;
  const match = VERB.exec(word);
  return match !== null && match[0].length === word.length;
}

/** Words after which a speech verb's form is a noun: "in remarks published…" ("to add" stays a verb). */
const NOUN_BEFORE = new Set([...PREPOSITIONS, 'in'].filter((word) => word !== 'to'));

/** Speech verbs, less those used as nouns ("the claims were", "his remarks"). */
function verbs(text: string): RegExpExecArray[] {
  VERB.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let match = VERB.exec(text); match; match = VERB.exec(text)) {
    const before = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, match.index - 20), match.index))?.[1];
    if (before && (DETERMINERS.has(before.toLowerCase()) || NOUN_BEFORE.has(before.toLowerCase()) || /['’]s$/u.test(before))) continue;
    // "the United States is": a capital is a name, unless the verb opens the sentence ("Saying …").
    if (/^\p{Lu}/u.test(match[0]) && text.slice(0, match.index).trim() !== '') continue;
    found.push(match);
  }
  return found;
}

function lastVerb(text: string): RegExpExecArray | undefined {
  return verbs(text).at(-1);
}

function firstVerb(text: string): RegExpExecArray | undefined {
  return verbs(text)[0];
}

/** The main clause's subject, for "…, saying: …": its first stretch, up to its verb. */
export function mainSubject(region: string, names: NameMatcher): Phrase | undefined {
  const first = region.split(',')[0] ?? '';
  const verb = firstVerb(first) ?? /\s\p{Ll}+(?:ed|s)\b/u.exec(first) ?? undefined;
  return subjectBefore(verb ? first.slice(0, verb.index) : first, names);
}

export interface Attribution {
  phrase: Phrase;
  /** The attribution stands right against the quotation (`said: "…"`, `"…," he said`), not in a clause that leads up to it. */
  direct: boolean;
  /** `"…," according to NBC`: who reported it, which gives way to a speaker the sentence names before. */
  reported?: boolean;
}

const NAMING = /^(?:called|calls|calling|dubbed|branded|labelled|labeled|described|describes|describing|characterised|characterized)$/iu;

const SHORT_LINK = /^\s*(?:[,:]\s*)?(?:(?:on|in|to|at|via|of|about|during)(?:\s+[^\s,:;]+){1,4})?\s*[,:]?\s*$/u;

/** The attribution in the words before a quotation: `X said: "…"`, `X told reporters "…"`, `according to X, "…"`. */
export function attributionBefore(before: string, names: NameMatcher): Attribution | undefined {
  const according = /according to\s+([^,]+),\s*$/iu.exec(before);
  if (according && !hasSpeechVerb(according[1]!)) {
    const phrase = subjectAfter(according[1]!, names);
    return phrase ? { phrase, direct: true } : undefined;
  }
  const verb = lastVerb(before);
  if (!verb) return undefined;
  const region = before.slice(0, verb.index);
  const complement = before.slice(verb.index + verb[0].length);
  const direct = SHORT_LINK.test(complement);
  // "he was told by Emergencies Minister Yevgeny Zinichev of …": the speaker is the agent.
  if (/\b(?:was|were|been|being)\s+$/iu.test(region)) {
    const agent = /^\s*by\s+(.+?)(?:\s+(?:of|about|that|on|in)\b|,|$)/u.exec(complement);
    const phrase = agent ? subjectAfter(agent[1]!, names) : undefined;
    return phrase ? { phrase, direct } : undefined;
  }
  // "…, saying", "by saying": the main clause's subject speaks; "with Zinichev describing": the one named.
  const participle = /ing$/iu.test(verb[0]) && !/(?:^|[\s,])with\s+[^,]+$/iu.test(region);
  const phrase = participle && region.trim() !== '' ? mainSubject(region, names) : subjectBefore(region, names);
  return phrase ? { phrase, direct } : undefined;
}

/** The attribution in the words after a quotation: `"…," said X`, `"…," X said`, `"…," according to X`. */
export function attributionAfter(after: string, names: NameMatcher): Attribution | undefined {
  const text = after.split(QUOTE)[0]!;
  const according = /^\s*[,;]?\s*according to\s+(.+)$/iu.exec(text);
  if (according) {
    const phrase = subjectAfter(according[1]!, names);
    return phrase ? { phrase, direct: true, reported: true } : undefined;
  }
  const verb = firstVerb(text);
  if (!verb || /ing$/iu.test(verb[0])) return undefined;
  const region = text.slice(0, verb.index).replace(/^[\s,;:!?]+/u, '');
  if (region.trim() === '' || wordsOf(trimBetween(region)).length === 0) {
    const phrase = subjectAfter(text.slice(verb.index + verb[0].length), names);
    return phrase ? { phrase, direct: true } : undefined;
  }
  if (wordsOf(region).length > 14) return undefined;
  const phrase = subjectBefore(region, names);
  return phrase ? { phrase, direct: true } : undefined;
}

/** The stretches of a sentence's narration around its k-th quotation. */
export function around(sentence: Sentence, k: number): { before: string; after: string } {
  return { before: sentence.segments[k] ?? '', after: sentence.segments[k + 1] ?? '' };
}

/** Whether a speech verb stands right against a quotation: what makes a three-word quotation a quotation, not scare quotes. */
export function saidOutright(before: string, after: string): boolean {
  const verbBefore = lastVerb(before);
  // A song "called "Day after Day"", a programme "dubbed…": a name given, not words said.
  if (verbBefore && !NAMING.test(verbBefore[0]) && SHORT_LINK.test(before.slice(verbBefore.index + verbBefore[0].length))) return true;
  const verbAfter = firstVerb(after);
  return verbAfter !== undefined && !NAMING.test(verbAfter[0]) && /^\s*[,!?]/u.test(after) && !/[.!?;]/u.test(after.slice(0, verbAfter.index)) && wordsOf(after.slice(0, verbAfter.index)).length <= 8;
}
