// The chronology: publication dates, and the dates and times the articles
// mention ("a meeting on March 1", "the May 3 election", "in 2008"), each
// with its sentence, resolved against the article's publication date, and
// one entry per event however many articles report it. In an undated
// article, "on Monday" or "yesterday" say nothing, and "March 1" keeps no
// year ("--03-01") rather than borrow one. Nothing depends on the day of the
// build: the same articles give the same chronology.
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { PublicationDate, ChronologyEntry } from '../model.js';
import { DATE_PARSERS, type DateOrder } from '../normalise/dates.js';
import { sentencesOf, type Sentences } from '../normalise/prose.js';
import { cjkMentions } from './chronology-cjk.js';
import { mergeReports } from './chronology-events.js';
import type { BodyParagraph } from './paragraphs.js';

export interface ArticleDates {
  id: string;
  title: string;
  date?: PublicationDate;
  paragraphs: BodyParagraph[];
}


const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAYS = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';

/** "March 28" is a day in any English; the day-first parser reads it as March 2028, so it is re-read month-first. */
const MONTH_DAY = new RegExp(`^(?:on\\s+)?(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?$`, 'i');
/** Month and day names are capitalised in prose; lower-case "march" and "may" are verbs. */
const CALENDAR_WORD = new RegExp(`\\b(?:${MONTHS}|${DAYS})\\b`, 'gi');
/** What a date must contain: a month, a weekday, a whole numeric date, a year, or a day named by its distance from today. */
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTHS}|${DAYS}|yesterday|tomorrow|tonight|last night|(?:this|last|next) (?:week|month|year)|ago)\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b(?:1[89]|20)\\d{2}\\b`,
  'i',
);
/** Lengths of time ("in 9.87 seconds", "for two hours") are not dates, unless counted back from the day of writing. */
const DURATION = /\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|decades?)\b/i;
const COUNTED_FROM_NOW = /\b(?:ago|last|next|this)\b/i;
/** Words that make a date relative to the day of writing. */
const RELATIVE = /\b(?:today|tonight|yesterday|tomorrow|this|last|next|ago|recently)\b/i;
/** Relative words that, in news copy, are as often rhetoric as a date. */
const NOT_A_DATE = /^(?:now|today|tonight|this (?:morning|afternoon|evening|week)|at the moment)$/i;
/** Words that put a weekday ahead of the day of writing ("will meet on Monday"). */
const FUTURE = /\b(?:will|shall|is due|are due|is expected|are expected|is to|are to|plans? to|next|from|until|ahead of|before)\b/i;
/** A time of day, written as one: "11:27", "6am", "noon". */
const TIME_OF_DAY = /\d:\d\d|\b\d{1,2}\s?(?:am|pm)\b|\bnoon\b|\bmidnight\b|o'clock/i;
/** A bare year, which chrono does not read: "in 2008", "since 1997"; not "2048 by 1080", nor the time "from 1900 GMT". */
const YEAR =
  /\b(?:in|since|by|until|till|from|during|before|after|of|early|late|mid)[ -]((?:1[89]|20)\d{2})\b(?![-–/]\d)(?!\s*(?:by|x|×)\s*\d)(?!\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|hrs\b|hours\b|h\b|local time))/gi;
/** Without any dated article, chrono is given this day, and only dates with their own year are kept. */
const NO_REFERENCE = new Date('2000-01-01T12:00:00Z');

export function buildChronology(articles: ArticleDates[], order: DateOrder = 'day-first'): ChronologyEntry[] {
  const entries: Omit<ChronologyEntry, 'occurrences'>[] = [];

  for (const article of articles) {
    if (article.date) {
      entries.push({
        date: article.date.date,
        ...(article.date.published && /T\d\d:\d\d/.test(article.date.published) ? { time: article.date.published.slice(11, 16) } : {}),
        kind: 'published',
        text: article.date.dateline ?? article.date.date,
        sentence: article.title,
        article: article.id,
      });
    }
    // Only the article's own date: another article's year would be a guess ("this past January" in a 2019 article is not 2018's).
    const reference = article.date?.date;
    const instant = reference ? new Date(`${reference}T12:00:00Z`) : NO_REFERENCE;
    for (const paragraph of article.paragraphs) {
      // Found when first needed: most paragraphs mention no date.
      let split: Sentences | undefined;
      const sentences = () => (split ??= sentencesOf(paragraph.text));
      // Characters that chrono's dates cover, so that a bare year inside one is not counted again.
      const seen = new Uint8Array(paragraph.text.length);
      for (const parsed of parseDateSentences(DATE_PARSERS[order], paragraph.text, sentences, instant)) {
        const found = explicitDay(parsed, DATE_PARSERS[order], instant);
        const reread = MONTH_DAY.test(found.text.trim()) ? chrono.en.casual.parse(found.text, { instant }, { forwardDate: false })[0] : undefined;
        const start = (reread ?? found).start;
        if ([...found.text.matchAll(CALENDAR_WORD)].some((word) => word[0][0] === word[0][0]!.toLowerCase())) continue;
        const sentence = sentences().at(found.index);
        const entry = mentioned(found, start, Boolean(article.date), instant, sentence);
        if (!entry) continue;
        seen.fill(1, found.index, found.index + found.text.length);
        entries.push({
          ...entry,
          // Without the article's date, a date that does not give its year keeps no year: "--03-01".
          ...(reference || start.isCertain('year') ? {} : { date: `-${entry.date.slice(4)}` }),
          sentence,
          article: article.id,
          paragraph: paragraph.number,
        });
      }
      // Chinese, Japanese and Korean dates, which chrono's English parsers pass by.
      for (const { index, ...found } of cjkMentions(paragraph.text, reference)) {
        if (seen[index]) continue;
        seen.fill(1, index, index + found.text.length);
        entries.push({ ...found, kind: 'mentioned', sentence: sentences().at(index), article: article.id, paragraph: paragraph.number });
      }
      // A decade or a century ("since the 1960s") is the background of a story, not one of its events: only years are taken.
      for (const match of paragraph.text.matchAll(YEAR)) {
        const at = match.index + match[0].length - match[1]!.length;
        if (seen[at]) continue;
        entries.push({
          date: match[1]!,
          kind: 'mentioned',
          text: match[0],
          sentence: sentences().at(at),
          article: article.id,
          paragraph: paragraph.number,
        });
      }
    }
  }
  const position = new Map(articles.map((article, index) => [article.id, index]));
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort(
    (a, b) =>
      // Dates without a year come last.
      compare(a.date.replace(/^--/, '~'), b.date.replace(/^--/, '~')) ||
      compare(a.time ?? '', b.time ?? '') ||
      (a.kind === b.kind ? 0 : a.kind === 'published' ? 1 : -1) ||
      position.get(a.article)! - position.get(b.article)! ||
      (a.paragraph ?? 0) - (b.paragraph ?? 0),
  );
  return mergeReports(entries, position);
}

/** What the chronology reads of one of chrono's results. */
type FoundDate = Pick<ParsedResult, 'index' | 'text' | 'start'>;

/** A day and a month written out: "4 March", "March 4th". */
const DAY_AND_MONTH = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`, 'i');

/**
 * chrono reads "the same night, 4 March" as tonight and drops the date
 * written after it: when a result knows no month but holds a day and a
 * month, the date is read from there on.
 */
function explicitDay(found: FoundDate, parser: chrono.Chrono, instant: Date): FoundDate {
  if (found.start.isCertain('month')) return found;
  const written = DAY_AND_MONTH.exec(found.text);
  if (!written || written.index === 0) return found;
  const text = found.text.slice(written.index);
  const reread = parser.parse(text, { instant }, { forwardDate: false })[0];
  return reread?.start.isCertain('month') ? { index: found.index + written.index, text: reread.text, start: reread.start } : found;
}

/**
 * chrono-node's work grows faster than the text it is given when that text
 * holds thousands of dates, so a long paragraph is parsed a few sentences at
 * a time; a paragraph up to this long is parsed whole, as it always was.
 */
const CHUNK_LENGTH = 20_000;

/**
 * chrono's results for the sentences of `text` that hold a date word, run
 * by run of such sentences: chrono runs dozens of patterns over what it is
 * given, and a date it finds is kept only if it holds a date word, so most
 * of a story's sentences need not be read. Indexes are into `text`.
 */
function parseDateSentences(parser: chrono.Chrono, text: string, sentences: () => Sentences, instant: Date): FoundDate[] {
  if (!DATE_WORDS.test(text)) return [];
  const ends = sentences().ends;
  const results: FoundDate[] = [];
  let runStart = -1;
  let runEnd = 0;
  const flush = () => {
    if (runStart < 0) return;
    const run = text.slice(runStart, runEnd);
    const offset = runStart;
    for (const found of parseInChunks(parser, run, () => sentencesOf(run), instant)) results.push({ index: found.index + offset, text: found.text, start: found.start });
    runStart = -1;
  };
  let start = 0;
  for (const end of ends) {
    if (DATE_WORDS.test(text.slice(start, end))) {
      if (runStart < 0) runStart = start;
      runEnd = end;
    } else {
      flush();
    }
    start = end;
  }
  flush();
  return results;
}

/** chrono's results for the whole text, parsed in chunks that end where sentences end; indexes are into `text`. */
function parseInChunks(parser: chrono.Chrono, text: string, sentences: () => Sentences, instant: Date): FoundDate[] {
  if (text.length <= CHUNK_LENGTH) return parser.parse(text, { instant }, { forwardDate: false });
  const sentenceEnds = sentences().ends;
  const results: FoundDate[] = [];
  let start = 0;
  let sentence = 0;
  while (start < text.length) {
    // Whole sentences up to the limit; a sentence longer than that is cut after a space.
    let end = start;
    while (sentence < sentenceEnds.length && sentenceEnds[sentence]! - start <= CHUNK_LENGTH) end = sentenceEnds[sentence++]!;
    if (end === start) end = cutAfterSpace(text, start, start + CHUNK_LENGTH);
    while (sentence < sentenceEnds.length && sentenceEnds[sentence]! <= end) sentence++;
    for (const found of parser.parse(text.slice(start, end), { instant }, { forwardDate: false })) {
      results.push({ index: found.index + start, text: found.text, start: found.start });
    }
    start = end;
  }
  return results;
}

/** Where to cut a run of text with no sentence end: after a clause's comma or semicolon if there is one late enough, else after a space. */
function cutAfterSpace(text: string, start: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const window = text.slice(start, limit);
  const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
  if (clause > window.length / 2) return start + clause + 2;
  const space = window.lastIndexOf(' ');
  return space > 0 ? start + space + 1 : limit;
}

/** A date the text mentions, as precise as the text is; undefined for what is not a usable date. */
function mentioned(
  found: FoundDate,
  start: ParsedComponents,
  articleDated: boolean,
  reference: Date,
  sentence: string,
): Omit<ChronologyEntry, 'sentence' | 'article' | 'occurrences'> | undefined {
  const written = found.text.trim();
  // "In 2002 S&N" reads as "in 2002 s(econds)": a stray initial means chrono misread the words.
  if (/\s\p{Lu}$/u.test(written)) return undefined;
  if (NOT_A_DATE.test(written) || !DATE_WORDS.test(written) || /^\d+$/.test(written)) return undefined;
  if (DURATION.test(written) && !COUNTED_FROM_NOW.test(written)) return undefined;
  const relative = RELATIVE.test(written) || (start.isCertain('weekday') && !start.isCertain('day'));
  // "On Monday" or "yesterday" mean something only from a known day of writing.
  if (relative && !articleDated) return undefined;
  // From the parsed parts, not chrono's Date, which is in the build machine's time zone.
  let date = new Date(Date.UTC(start.get('year') ?? 2000, (start.get('month') ?? 1) - 1, start.get('day') ?? 1, 12));
  // News reports what happened: "Shares rose on Monday" in a Friday paper is the Monday before.
  if (start.isCertain('weekday') && !start.isCertain('day') && date > reference && !FUTURE.test(sentence)) {
    date = new Date(date.getTime() - 7 * 24 * 60 * 60 * 1000);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = String(date.getUTCFullYear());
  const hasDay = start.isCertain('day') || start.isCertain('weekday') || /yesterday|tomorrow|night|\bago\b/i.test(written);
  const hasMonth = start.isCertain('month') || hasDay;
  const yearOnly = /\b(?:this|last|next) year\b/i.test(written);
  if (!hasMonth && !yearOnly) return undefined;
  const iso = hasDay ? `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` : hasMonth ? `${year}-${pad(date.getUTCMonth() + 1)}` : year;
  const time = start.isCertain('hour') && TIME_OF_DAY.test(written) ? `${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}` : undefined;
  return { date: iso, ...(time ? { time } : {}), kind: 'mentioned', text: written };
}
