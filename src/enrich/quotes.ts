// Who said what: each article's direct quotations (quotes-marks.ts), the
// attribution in each one's sentence (quotes-grammar.ts), and who that is:
// a person in the people list only when the words name that person and no
// other ("he" only when one person can be meant; "the prime minister" only
// when the people list gives that role to one person), else a described
// source as the article describes it, else unknown. Better no speaker than
// the wrong one: a quotation is never credited to someone by guesswork.
import type { Organisation, Person, Quote, QuoteSpeaker } from '../model.js';
import type { BodyParagraph } from './paragraphs.js';
import { around, attributionAfter, attributionBefore, hasSpeechVerb, saidOutright, type Phrase } from './quotes-grammar.js';
import { findQuotations, type Quotation, type QuotedPart } from './quotes-marks.js';
import { KnownNames, NameMatcher, UNSURE } from './quotes-names.js';
import { antecedent, pronounPerson, type Window } from './quotes-pronouns.js';
import { QUOTE, sentencesOf, wordCount, type Sentence } from './quotes-sentences.js';
import { formIndex, formKey, roleHolder, roleIndex } from './role-holders.js';

export interface QuotedArticle {
  id: string;
  paragraphs: BodyParagraph[];
}

/** `quote-N`, numbered from 1 in reading order. */
export function quoteId(index: number): string {
  return `quote-${index + 1}`;
}

export function findQuotes(articles: readonly QuotedArticle[], people: readonly Person[], organisations: readonly Organisation[]): Quote[] {
  const roles = roleIndex(people);
  const bodies = formIndex(organisations.map((organisation) => ({ id: organisation.id, forms: [organisation.name, ...organisation.aliases] })));
  const quotes: Omit<Quote, 'id'>[] = [];
  const known = new KnownNames(people);
  // Who each article mentions, read once: asked of every person for every article, it grew as their product.
  const presentIn = new Map<string, Person[]>();
  for (const person of people) {
    for (const article of new Set(person.mentions.map((mention) => mention.article))) {
      const present = presentIn.get(article) ?? [];
      present.push(person);
      presentIn.set(article, present);
    }
  }
  for (const article of articles) {
    const present = presentIn.get(article.id) ?? [];
    quotes.push(...articleQuotes(article, new NameMatcher(present, known), { roles, bodies, present: new Set(present.map((person) => person.id)) }));
  }
  return quotes.map((quote, at) => ({ id: quoteId(at), ...quote }));
}

interface Lists {
  roles: Map<string, string | null>;
  bodies: Map<string, string | null>;
  present: Set<string>;
}

const UNKNOWN: QuoteSpeaker = { kind: 'unknown' };

/** Which quotations are quotations: a scare quote of one to three words, or a title in capitals, is not, unless someone plainly says it. */
function quotationsKept(texts: readonly string[], quotations: readonly Quotation[]): boolean[] {
  return quotations.map((quotation) => {
    const parts = quotation.parts;
    const inner = parts.map((part) => texts[part.paragraph]!.slice(part.start, part.end)).join(' ');
    const words = wordCount(inner);
    if (words === 0 || parts.length > 1) return words > 0;
    const part = parts[0]!;
    const text = texts[part.paragraph]!;
    // `"Book early," he said`: the comma inside the marks links the quotation to the verb after it.
    const link = /[,!?]\s*$/u.test(inner) ? ',' : '';
    const outright = () => saidOutright(text.slice(Math.max(0, part.open - 80), part.open), link + text.slice(part.close, part.close + 100));
    // "We couldn't win," Szumowski said: a short quotation is a whole sentence or clause, said outright.
    if (words <= 3) return /^\s*[[(]?\p{Lu}/u.test(inner) && /[.!?,…]\s*$/u.test(inner) && outright();
    const title = !/[.!?,;:]/u.test(inner) && inner.split(/\s+/u).every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(?:a|an|the|of|for|and|in|on|to|at|by|or|with)$/u.test(word));
    return !title || outright();
  });
}

function articleQuotes(article: QuotedArticle, names: NameMatcher, lists: Lists): Omit<Quote, 'id'>[] {
  const texts = article.paragraphs.map((paragraph) => paragraph.text);
  const quotations = findQuotations(texts);
  const kept = quotationsKept(texts, quotations);
  const sentences = sentencesOf(texts, quotations, kept);
  const speakers = new Map<number, QuoteSpeaker>();
  const window = (at: number): Window => ({ sentences, at, names, speakers, roleOf: (text) => roleHolderIn(text, lists) });

  sentences.forEach((sentence, at) => {
    sentence.quotes.forEach((quote, k) => {
      const last = quote.part === quotations[quote.quotation]!.parts.length - 1;
      if (quote.part !== 0 && !last) return;
      const { before, after } = around(sentence, k);
      const pre = quote.part === 0 && before.trim() !== '' ? attributionBefore(before, names) : undefined;
      const post = last ? attributionAfter(after, names) : undefined;
      const chosen = pre?.direct || (pre && post?.reported) ? pre : (post ?? pre);
      if (chosen && !speakers.has(quote.quotation)) speakers.set(quote.quotation, resolve(chosen.phrase, window(at), lists));
    });
    inherit(sentence, at, sentences, speakers, names, lists, window);
  });

  const byQuotation = (index: number) => quotations[index]!;
  const made: (Omit<Quote, 'id'> & { last: number })[] = [];
  let previous: { sentence: Sentence; k: number; quotation: number } | undefined;
  for (const sentence of sentences) {
    sentence.quotes.forEach((quote, k) => {
      if (quote.part !== 0) return;
      const quotation = byQuotation(quote.quotation);
      const text = quotation.parts.map((part) => partText(texts[part.paragraph]!, part)).join(' ');
      const speaker = speakers.get(quote.quotation) ?? UNKNOWN;
      const between = previous?.sentence === sentence ? sentence.segments[k]! : undefined;
      // "…," said Khan, "…": one quotation broken by its attribution.
      const broken = made.length > 0 && (/[,;:–—…]$/u.test(made.at(-1)!.text) || /^\s*[,;:–—]/u.test(between ?? ''));
      const interrupted = between !== undefined && broken && /[,:–—]\s*$/u.test(between) && between.trim().split(/\s+/u).length <= 10;
      if (interrupted && hasSpeechVerb(between!) && sameSpeaker(made.at(-1)!.speaker, speaker)) {
        const joined = made.at(-1)!;
        joined.text = `${joined.text.replace(/[,;:]$/u, '')}${/^\p{Ll}/u.test(text) ? ',' : ''} ${text}`.replace(/,,/gu, ',');
        joined.last = quotation.parts.at(-1)!.paragraph;
      } else {
        made.push({ speaker, text, article: article.id, paragraph: quotation.parts[0]!.paragraph, last: quotation.parts.at(-1)!.paragraph });
      }
      previous = { sentence, k, quotation: quote.quotation };
    });
  }
  return made.map(({ last, paragraph, text, ...quote }) => ({
    ...quote,
    text: text.replace(/[,;:]$/u, ''),
    paragraph: article.paragraphs[paragraph]!.number,
    ...(last !== paragraph ? { toParagraph: article.paragraphs[last]!.number } : {}),
  }));
}

/** A part's words: without the opening marks a quotation run on in one paragraph repeats (`ago. "The council…`). */
function partText(text: string, part: QuotedPart): string {
  let words = '';
  let from = part.start;
  for (const at of part.reopened) {
    words += text.slice(from, at);
    from = at + 1;
  }
  return (words + text.slice(from, part.end)).trim();
}

function sameSpeaker(a: QuoteSpeaker, b: QuoteSpeaker): boolean {
  return a.kind === b.kind && a.person === b.person && a.organisation === b.organisation && (a.kind === 'person' || a.kind === 'organisation' || a.as === b.as);
}

/**
 * A quotation with no attribution of its own takes one only where the
 * reader would: from another in the same sentence (`"…" and "…"`), from the
 * sentence just before when that one attributes a quotation (`"…," he said.
 * "…"`) or says who speaks next (`McGurk criticised the decision. "…"`), or,
 * at a paragraph's start, from the quotation that ended the paragraph before.
 */
function inherit(sentence: Sentence, at: number, sentences: Sentence[], speakers: Map<number, QuoteSpeaker>, names: NameMatcher, lists: Lists, window: (at: number) => Window): void {
  const own = sentence.quotes.map((quote) => speakers.get(quote.quotation));
  const known = own.find((speaker) => speaker !== undefined);
  const before = sentences[at - 1];
  const startsWithQuote = sentence.narration.trimStart().startsWith(QUOTE);
  sentence.quotes.forEach((quote, k) => {
    if (own[k] !== undefined || speakers.has(quote.quotation) || quote.part !== 0) return;
    if (known) {
      speakers.set(quote.quotation, known);
      return;
    }
    if (!before || !startsWithQuote) return;
    const sameParagraph = before.paragraph === sentence.paragraph;
    const lastParagraphEnd = before.paragraph === sentence.paragraph - 1 && sentences[at - 1] === before;
    const earlier = [...before.quotes].reverse().map((other) => speakers.get(other.quotation)).find((speaker) => speaker !== undefined);
    if (earlier && (sameParagraph || (lastParagraphEnd && before.narration.trimEnd().length > 0 && paragraphStart(sentences, at)))) {
      speakers.set(quote.quotation, earlier);
      return;
    }
    // "Brett McGurk … also criticised the decision via Twitter. "…"": the sentence before says who speaks.
    if (sameParagraph && before.quotes.length === 0 && /[.:]\s*$/u.test(before.narration) && sentence.narration.replace(QUOTE, '').replace(/[\s.,!?]/gu, '') === '') {
      const intro = attributionBefore(before.narration.replace(/[.:]\s*$/u, ''), names);
      if (intro) speakers.set(quote.quotation, resolve(intro.phrase, window(at - 1), lists));
    }
  });
}

/** "the prime minister": a person only when the people list gives that role to one person, and they are in the article. */
const roleHolderIn = (text: string, lists: Lists) => roleHolder(text, lists.roles, lists.present);

const paragraphStart = (sentences: Sentence[], at: number) => at === 0 || sentences[at - 1]!.paragraph !== sentences[at]!.paragraph;

/** Who a phrase names: a person, an organisation, a name neither list holds, or a description. */
function resolve(phrase: Phrase, window: Window, lists: Lists): QuoteSpeaker {
  if (phrase.kind === 'name') {
    const people = phrase.match?.people ?? [];
    if (people.length === 1 && people[0] !== UNSURE) return { kind: 'person', person: people[0]!, as: phrase.text };
    const body = lists.bodies.get(formKey(phrase.text));
    if (body) return { kind: 'organisation', organisation: body, as: phrase.text };
    return { kind: 'named', as: phrase.text };
  }
  if (phrase.kind === 'pronoun') {
    if (phrase.text === 'he' || phrase.text === 'she') {
      const person = pronounPerson(window, phrase.text);
      return person ? { kind: 'person', person, as: phrase.text } : { kind: 'unknown', as: phrase.text };
    }
    return antecedent(window, phrase.text) ?? { kind: 'unknown', as: phrase.text };
  }
  const key = formKey(phrase.text);
  const role = roleHolderIn(phrase.text, lists);
  if (role) return { kind: 'person', person: role, as: phrase.text };
  const body = lists.bodies.get(key);
  if (body) return { kind: 'organisation', organisation: body, as: phrase.text };
  return { kind: 'described', as: phrase.text };
}
