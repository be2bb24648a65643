// Publication dates in the forms press cuttings print them:
// `21/03/2012 11:27 GMT | Updated 21/03/2012 12:20 GMT`, `Friday, January 4, 2019`,
// `21 March 2012`, ISO 8601. chrono-node does the parsing; this decides
// whether a line is *only* a date, and writes the result as ISO 8601.
import * as chrono from 'chrono-node';
import type { ParsedComponents } from 'chrono-node';
import type { PublicationDate } from '../model.js';
import { parseCjkDate, parseCjkDateline } from './cjk-dates.js';

/** `day-first` reads 04/05/2012 as 4 May (UK), `month-first` as April 5 (US). */
export type DateOrder = 'day-first' | 'month-first';

/** chrono-node's parser for each date order: the one table the dateline and the chronology both read dates with. */
export const DATE_PARSERS: Record<DateOrder, chrono.Chrono> = {
  'day-first': chrono.en.GB,
  'month-first': chrono.en.casual,
};

/** Words that may sit around the dates on a dateline without making it prose. */
const DATELINE_FILLER =
  /\b(?:updated|last|first|published|posted|modified|created|on|at|date|time|gmt|bst|utc|cet|cest|est|edt|pst|pdt|uk|am|pm|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/gi;

const MAX_DATELINE_LENGTH = 120;

/** A dateline in CJK script ("发布时间：2016-10-14") is read as CJK pages write dates; chrono-node reads English. */
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The publication date when `text` is a dateline and nothing else, such as
 * `21/03/2012 11:27 GMT | Updated 21/03/2012 12:20 GMT`.
 */
export function parseDateline(text: string, order: DateOrder = 'day-first'): PublicationDate | undefined {
  if (text.length > MAX_DATELINE_LENGTH) return undefined;
  if (/[年년]/u.test(text) || CJK_LETTER.test(text)) return parseCjkDateline(text);
  // A full date has a year, which chrono reads only from digits: a line without one is not run through its patterns.
  if (!/\d/.test(text)) return undefined;
  const results = DATE_PARSERS[order].parse(text, undefined, { forwardDate: false });
  const first = results[0];
  if (!first || !isFullDate(first.start)) return undefined;

  let rest = text;
  for (const result of [...results].reverse()) {
    rest = rest.slice(0, result.index) + ' ' + rest.slice(result.index + result.text.length);
  }
  if (rest.replace(DATELINE_FILLER, ' ').replace(/[\s|,;:·•\-–—()[\]/.]+/g, '') !== '') return undefined;

  const updated = results.slice(1).find((result) => /updated|modified/i.test(text.slice(0, result.index)));
  return {
    date: calendarDate(first.start),
    ...(first.start.isCertain('hour') ? { published: timestamp(first.start) } : {}),
    ...(updated && isFullDate(updated.start) ? { updated: timestamp(updated.start) } : {}),
    dateline: text.trim(),
  };
}

/** A date stated in front matter, page metadata or the config: any full date in the text. */
export function parseStatedDate(text: string, order: DateOrder = 'day-first'): PublicationDate | undefined {
  if (/[年년]/u.test(text)) return parseCjkDate(text);
  const result = DATE_PARSERS[order].parse(text, undefined, { forwardDate: false })[0];
  if (!result || !isFullDate(result.start)) return undefined;
  return {
    date: calendarDate(result.start),
    ...(result.start.isCertain('hour') ? { published: timestamp(result.start) } : {}),
  };
}

export function isFullDate(components: ParsedComponents): boolean {
  return components.isCertain('year') && components.isCertain('month') && components.isCertain('day');
}

export function calendarDate(components: ParsedComponents): string {
  const pad = (n: number | null, width = 2) => String(n ?? 0).padStart(width, '0');
  return `${pad(components.get('year'), 4)}-${pad(components.get('month'))}-${pad(components.get('day'))}`;
}

/** Local time as printed, with its offset when the source gave a zone. */
function timestamp(components: ParsedComponents): string {
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  const time = `${pad(components.get('hour'))}:${pad(components.get('minute'))}:${pad(components.get('second'))}`;
  const offset = components.isCertain('timezoneOffset') ? components.get('timezoneOffset') : null;
  return `${calendarDate(components)}T${time}${offset === null ? '' : zone(offset)}`;
}

function zone(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

