// The briefing page and the derived title: what the enriched dossier says
// about itself in one page. Everything here is counted from the articles,
// people, shared passages and chronology; nothing is invented.
import type { Briefing, ChronologyEntry, DateSpan, Dossier, EnrichedArticle, Person, SharedPassage } from '../model.js';
import { balanceQuotes } from './balanced-quotes.js';
import { bodyParagraphs } from './paragraphs.js';
import { STOP_WORDS } from './shared-passages/tokens.js';

/**
 * How many entries of each list fit one A4 page, measured on the 18-article
 * BBC story: its sources (none known), 5 people with a role, 3 claims of up
 * to 60 words each with their articles, 5 key dates and the versions fill
 * about four fifths of the page at the print sizes, leaving room for longer
 * names and passages. Longer lists say how many more there are.
 */
export const BRIEFING_LIMITS = { sources: 6, people: 5, claims: 3, keyDates: 5, versions: 3 };

/** A claim is quoted in full; past this many words it would crowd the page, so a shorter repeated one is preferred. */
const CLAIM_WORDS = 60;
/** A claim said in full ends its sentence, or its quotation ("…or we have nothing,” she said), and starts one. */
const CLAIM_END = /(?:[.!?…]["'”’)]*|[,;:]["”’])$/u;
const CLAIM_START = /^["“‘'(]?\p{Lu}/u;

/** People in at least this share of the articles are the story's centre, and name it. */
const CENTRAL_SHARE = 0.5;

type BriefingInput = Pick<Dossier, 'articles' | 'people' | 'sharedPassages' | 'chronology' | 'warnings'>;

export function computeBriefing(dossier: BriefingInput): Briefing {
  const { articles } = dossier;
  const order = new Map(articles.map((article, index) => [article.id, index]));
  const published = articles.flatMap((article) => (article.date ? [article.date.date] : []));
  const mentioned = dossier.chronology.filter((entry) => entry.kind === 'mentioned');
  // A span runs between years: a date an undated article gives without one ("--03-01") has no place on it.
  const withYear = (entries: ChronologyEntry[]) => entries.filter((entry) => /^\d{4}/.test(entry.date)).map((entry) => entry.date);
  const byDate = datesReported(mentioned, order);
  const repeated = byDate.filter((entry) => reporters(entry) > 1);

  const sources = countBy(articles.flatMap((article) => (article.source ? [article.source] : [])));
  const people = [...dossier.people]
    .map((person) => ({ person, articles: new Set(person.mentions.map((mention) => mention.article)).size }))
    .filter((entry) => entry.articles > 1 || articles.length === 1)
    .sort((a, b) => b.articles - a.articles || total(b.person) - total(a.person));
  const quoted = claimQuoter(articles);
  const claims = [...dossier.sharedPassages]
    .filter((passage) => new Set(passage.occurrences.map((occurrence) => occurrence.article)).size > 1)
    .map((passage) => {
      const text = quoted(passage);
      return {
        passage,
        text,
        articles: new Set(passage.occurrences.map((occurrence) => occurrence.article)).size,
        words: wordCount(text),
        // How much of a sentence it is: 2 from its start to its end, 1 to its end only.
        whole: Number(CLAIM_END.test(text)) * (1 + Number(CLAIM_START.test(text))),
      };
    })
    // Something said in full before a fragment (the words a few articles share of a sentence worded differently in each);
    // then the most repeated; of those, one short enough to read in full before a long one.
    .sort(
      (a, b) =>
        b.whole - a.whole ||
        b.articles - a.articles ||
        Number(a.words > CLAIM_WORDS) - Number(b.words > CLAIM_WORDS) ||
        firstAt(a.passage, order) - firstAt(b.passage, order),
    );
  const keyDates = [...repeated].sort((a, b) => reporters(b) - reporters(a) || a.date.localeCompare(b.date));
  const versions = articles.flatMap((article) => (article.versionOf ? [{ article: article.id, of: article.versionOf }] : []));
  const folded = articles.filter((article) => article.foldedVersions?.length);

  return {
    articles: articles.length,
    words: articles.reduce((sum, article) => sum + article.words, 0),
    ...(published.length ? { published: span(published) } : {}),
    undated: articles.length - published.length,
    ...(withYear(mentioned).length ? { mentioned: { ...span(withYear(mentioned)), ...(withYear(repeated).length ? { repeated: span(withYear(repeated)) } : {}) } } : {}),
    sources: sources.slice(0, BRIEFING_LIMITS.sources).map(([name, count]) => ({ name, articles: count })),
    unsourced: articles.filter((article) => !article.source).length,
    people: people.slice(0, BRIEFING_LIMITS.people).map(({ person, articles: count }) => {
      const role = commonestRole(person);
      return { id: person.id, name: person.name, articles: count, ...(role ? { role } : {}) };
    }),
    claims: claims.slice(0, BRIEFING_LIMITS.claims).map(({ passage, text }) => ({
      id: passage.id,
      text,
      occurrences: firstPerArticle(passage.occurrences).map(({ article, paragraph }) => ({ article, paragraph })),
    })),
    keyDates: keyDates.slice(0, BRIEFING_LIMITS.keyDates).map((entry) => ({
      date: entry.date,
      ...(entry.time ? { time: entry.time } : {}),
      text: entry.text,
      sentence: entry.sentence,
      occurrences: firstPerArticle(entry.occurrences).map(({ article, paragraph }) => ({ article, ...(paragraph ? { paragraph } : {}) })),
    })),
    versions: versions.slice(0, BRIEFING_LIMITS.versions),
    folded: folded.reduce((sum, article) => sum + article.foldedVersions!.length, 0),
    warnings: dossier.warnings.length,
    more: {
      sources: Math.max(0, sources.length - BRIEFING_LIMITS.sources),
      people: Math.max(0, people.length - BRIEFING_LIMITS.people),
      claims: Math.max(0, claims.length - BRIEFING_LIMITS.claims),
      keyDates: Math.max(0, keyDates.length - BRIEFING_LIMITS.keyDates),
      versions: Math.max(0, versions.length - BRIEFING_LIMITS.versions),
    },
  };
}

/**
 * A title from the story, for a dossier that was given none: the people at
 * its centre (in at least half the articles), else the word its headlines
 * repeat most, then the number of articles and the span of their
 * publication dates. "Tony Blair and Gordon Brown: 17 articles, January 2005".
 */
export function deriveTitle(dossier: Pick<Dossier, 'articles' | 'people'>): string {
  const { articles } = dossier;
  const count = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
  const central = [...dossier.people]
    .map((person) => ({ name: person.name, articles: new Set(person.mentions.map((mention) => mention.article)).size }))
    // A full name: a title of one word ("Ken") would read as a nickname.
    .filter((entry) => entry.articles >= Math.max(1, articles.length * CENTRAL_SHARE) && /\s/.test(entry.name))
    .sort((a, b) => b.articles - a.articles)
    .slice(0, 2)
    .map((entry) => entry.name);
  const subject = central.length ? central.join(' and ') : headlineWord(articles);
  const dates = articles.flatMap((article) => (article.date ? [article.date.date] : []));
  const when = dates.length ? `, ${spanText(span(dates))}` : '';
  return subject ? `${subject}: ${count}${when}` : `${capitalise(count)}${when.replace(/^, /, ': ')}`;
}

/** The word the most headlines share (in at least two and a quarter of them), as the headlines write it. */
function headlineWord(articles: Pick<EnrichedArticle, 'title'>[]): string | undefined {
  const seen = new Map<string, { form: string; count: number }>();
  for (const article of articles) {
    const words = new Set<string>();
    for (const match of article.title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
      const key = match[0].toLowerCase().replace(/['’]s$/, '');
      if (STOP_WORDS.has(key) || key.length < 3 || words.has(key)) continue;
      words.add(key);
      const entry = seen.get(key) ?? { form: match[0].replace(/['’]s$/, ''), count: 0 };
      entry.count++;
      seen.set(key, entry);
    }
  }
  const best = [...seen.values()].sort((a, b) => b.count - a.count)[0];
  return best && best.count >= 2 && best.count >= articles.length / 4 ? capitalise(best.form) : undefined;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `January 2005`, `January–March 2005`, `December 2004 – January 2005`, `2003–2005`. */
export function spanText(dates: DateSpan): string {
  const month = (date: string) => (date.length >= 7 ? monthYear.format(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, 1))) : date.slice(0, 4));
  const [from, to] = [month(dates.from), month(dates.to)];
  if (from === to) return from;
  if (dates.from.length < 7 || dates.to.length < 7) return `${dates.from.slice(0, 4)}–${dates.to.slice(0, 4)}`;
  if (dates.from.slice(0, 4) === dates.to.slice(0, 4)) return `${from.split(' ')[0]}–${to}`;
  return `${from} – ${to}`;
}

function span(dates: string[]): DateSpan {
  const sorted = [...dates].sort();
  return { from: sorted[0]!, to: sorted[sorted.length - 1]! };
}

/**
 * One entry per date mentioned: the chronology keeps apart two reports of a
 * date it cannot tell are one event ("the strike began on 24 February", "a
 * strike that began on 24 February"), but a page of key dates that lists a
 * date twice reads as a mistake. Each date takes the words of the entry most
 * articles report, and every article that reports any event on that date,
 * in reading order.
 */
function datesReported(entries: ChronologyEntry[], order: Map<string, number>): ChronologyEntry[] {
  const groups = new Map<string, ChronologyEntry[]>();
  for (const entry of entries) {
    const key = `${entry.date}T${entry.time ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  // In reading order, so that their pages come in order ("pp. 5, 7, 10").
  const reading = (a: { article: string; paragraph?: number }, b: { article: string; paragraph?: number }) =>
    (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0) || (a.paragraph ?? 0) - (b.paragraph ?? 0);
  return [...groups.values()].map((group) => {
    const [first, ...others] = [...group].sort((a, b) => reporters(b) - reporters(a));
    const seen = new Set(first!.occurrences.map((occurrence) => occurrence.article));
    const more = others.flatMap((entry) => entry.occurrences).filter((occurrence) => !seen.has(occurrence.article) && seen.add(occurrence.article));
    return { ...first!, occurrences: [...first!.occurrences, ...more].sort(reading) };
  });
}

function reporters(entry: ChronologyEntry): number {
  return new Set(entry.occurrences.map((occurrence) => occurrence.article)).size;
}

function firstPerArticle<T extends { article: string }>(occurrences: T[]): T[] {
  return occurrences.filter((occurrence, index) => occurrences.findIndex((other) => other.article === occurrence.article) === index);
}

/**
 * A passage as the briefing quotes it: with its quotation marks balanced
 * (balanced-quotes.ts), in the paragraph of the first article that has it.
 */
function claimQuoter(articles: EnrichedArticle[]): (passage: SharedPassage) => string {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const paragraphs = new Map<string, string[]>();
  const paragraphsOf = (id: string) => {
    let texts = paragraphs.get(id);
    if (!texts) {
      const article = byId.get(id);
      texts = article?.body ? bodyParagraphs(article.body).map((paragraph) => paragraph.text) : [];
      paragraphs.set(id, texts);
    }
    return texts;
  };
  return (passage) => {
    const first = passage.occurrences[0];
    const paragraph = first ? paragraphsOf(first.article)[first.paragraph - 1] : undefined;
    return balanceQuotes(passage.text.trim(), paragraph);
  };
}

function firstAt(passage: SharedPassage, order: Map<string, number>): number {
  return Math.min(...passage.occurrences.map((occurrence) => order.get(occurrence.article) ?? 0));
}

function total(person: Person): number {
  return person.mentions.reduce((sum, mention) => sum + mention.count, 0);
}

/** The role the most articles give, as the first of them words it; one set in dossier.yaml wins. */
function commonestRole(person: Person): string | undefined {
  const set = person.roles.find((role) => role.article === undefined);
  if (set) return set.text;
  const counts = new Map<string, { text: string; articles: Set<string> }>();
  for (const role of person.roles) {
    const key = role.text.toLowerCase();
    const entry = counts.get(key) ?? { text: role.text, articles: new Set<string>() };
    entry.articles.add(role.article!);
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.articles.size - a.articles.size)[0]?.text;
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
