// The chronology: publication dates, and the dates and times the articles
// mention ("a meeting on March 1", "the May 3 election", "in 2008"), each
// with its sentence, resolved against the article's publication date. An
// undated article's dates take their year from the dossier's dated articles,
// and say so.
import * as chrono from 'chrono-node';
import type { ParsedComponents } from 'chrono-node';
import type { PublicationDate, TimelineEntry } from '../model.js';
import type { DateOrder } from '../normalise/dates.js';
import { sentenceAt } from '../normalise/prose.js';
import type { BodyParagraph } from './paragraphs.js';

export interface ArticleDates {
  id: string;
  title: string;
  date?: PublicationDate;
  paragraphs: BodyParagraph[];
}

const parsers: Record<DateOrder, chrono.Chrono> = { 'day-first': chrono.en.GB, 'month-first': chrono.en.casual };
/**
 * "March 28" is a day in any English; the day-first parser reads it as March
 * 2028. A month name and a day number alone are read the month-first way.
 */
const MONTH_DAY = /^(?:on\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?$/i;
/** Month and day names are capitalised in prose; lower-case "march" and "may" are verbs. */
const CALENDAR_WORD = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** Words that make a date relative to the day of writing. */
const RELATIVE = /\b(?:today|tonight|yesterday|tomorrow|this|last|next|ago|recently)\b/i;
/** Relative words that, in news copy, are as often rhetoric as a date. */
const NOT_A_DATE = /^(?:now|today|tonight|this (?:morning|afternoon|evening|week)|at the moment)$/i;
/**
 * What a date must contain to be one: a month, a weekday, a numeric date, a
 * year or a named day. Durations ("for an hour", "after a week") are not dates.
 */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|tomorrow|tonight|last night|(?:this|last|next) (?:month|year))\b|\d{1,4}[/.-]\d{1,2}|\b(?:1[89]|20)\d{2}\b/i;

/** A bare year, which chrono does not read: "in 2008", "since 1997". */
const YEAR = /\b(?:in|since|by|until|till|from|during|before|after|of|early|late|mid)[ -]((?:1[89]|20)\d{2})\b(?![-–/]\d)/g;

export function buildTimeline(articles: ArticleDates[], order: DateOrder = 'day-first'): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const dossierReference = medianDate(articles.flatMap((article) => (article.date ? [article.date.date] : [])));

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
    const reference = article.date?.date ?? dossierReference;
    // With no date to go by, only dates that carry their own year can be placed.
    const instant = reference ? new Date(`${reference}T12:00:00Z`) : undefined;
    for (const paragraph of article.paragraphs) {
      const seen: [number, number][] = [];
      for (const found of parsers[order].parse(paragraph.text, instant ? { instant } : undefined, { forwardDate: false })) {
        const reread = MONTH_DAY.test(found.text.trim()) ? chrono.en.casual.parse(found.text, instant ? { instant } : undefined, { forwardDate: false })[0] : undefined;
        const start = (reread ?? found).start;
        if (!instant && !start.isCertain('year')) continue;
        if ([...found.text.matchAll(CALENDAR_WORD)].some((word) => word[0][0] === word[0][0]!.toLowerCase())) continue;
        const entry = mentioned(found.text, start, Boolean(article.date));
        if (!entry) continue;
        seen.push([found.index, found.index + found.text.length]);
        entries.push({
          ...entry,
          ...(article.date || start.isCertain('year') ? {} : { yearInferred: true }),
          sentence: sentenceAt(paragraph.text, found.index),
          article: article.id,
          paragraph: paragraph.number,
        });
      }
      for (const match of paragraph.text.matchAll(YEAR)) {
        const at = match.index + match[0].length - match[1]!.length;
        if (seen.some(([from, to]) => at >= from && at < to)) continue;
        entries.push({
          date: match[1]!,
          kind: 'mentioned',
          text: match[0],
          sentence: sentenceAt(paragraph.text, at),
          article: article.id,
          paragraph: paragraph.number,
        });
      }
    }
  }
  const position = new Map(articles.map((article, index) => [article.id, index]));
  return entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.time ?? '').localeCompare(b.time ?? '') ||
      (a.kind === b.kind ? 0 : a.kind === 'published' ? 1 : -1) ||
      position.get(a.article)! - position.get(b.article)! ||
      (a.paragraph ?? 0) - (b.paragraph ?? 0),
  );
}

/** A date the text mentions, as precise as the text is; undefined for what is not a usable date. */
function mentioned(text: string, start: ParsedComponents, articleDated: boolean): Omit<TimelineEntry, 'sentence' | 'article'> | undefined {
  const written = text.trim();
  if (NOT_A_DATE.test(written) || !DATE_WORDS.test(written)) return undefined;
  const relative = RELATIVE.test(written) || (start.isCertain('weekday') && !start.isCertain('day'));
  // "On Monday" or "yesterday" mean something only from a known day of writing.
  if (relative && !articleDated) return undefined;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  const year = String(start.get('year'));
  const hasDay = start.isCertain('day') || start.isCertain('weekday') || /yesterday|tomorrow|night/i.test(written);
  const hasMonth = start.isCertain('month') || hasDay;
  if (!hasMonth) return undefined;
  const date = hasDay ? `${year}-${pad(start.get('month'))}-${pad(start.get('day'))}` : `${year}-${pad(start.get('month'))}`;
  const time = start.isCertain('hour') ? `${pad(start.get('hour'))}:${pad(start.get('minute'))}` : undefined;
  return { date, ...(time ? { time } : {}), kind: 'mentioned', text: written };
}

function medianDate(dates: string[]): string | undefined {
  if (dates.length === 0) return undefined;
  return [...dates].sort()[Math.floor((dates.length - 1) / 2)];
}
