// Dates as Chinese, Japanese and Korean text writes them, for the
// chronology: `2016年10月14日`, `10月14日午後3時`, `2016年10月`, `2008年`,
// `平成28年10月14日`, `2016년 10월 14일`, and the days and years named from
// the day of writing (昨日/昨天/어제, 去年/昨年/작년). chrono-node's parsers,
// which the chronology reads English with, pass all of these by; numeric
// dates (`2016-10-14`, `2016/10/14`) they read in any script.
import type { ChronologyEntry } from '../model.js';

/** Han, kana or Hangul: a paragraph without any has no CJK date to look for. */
export const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };

const YEAR = String.raw`(?:(?<year>(?:1[89]|20)\d\d)|(?<era>明治|大正|昭和|平成|令和)\s*(?<eraYear>\d{1,2}|元))\s*[年년]`;
const MONTH = String.raw`(?<month>\d{1,2})\s*[月월]`;
const DAY = String.raw`(?<day>\d{1,2})\s*[日일号號]`;
/** A weekday in brackets may sit between the day and the time: `14日（金）午後3時`. */
const TIME = String.raw`(?:\s*[(（][^)）]{1,4}[)）])?\s*(?:(?<meridiem>上午|下午|午前|午後|오전|오후)\s*)?(?<hour>\d{1,2})\s*(?:[時时点點시](?:\s*(?<minute>\d{1,2})\s*[分분])?|[:：]\s*(?<clockMinute>\d\d))`;
const RELATIVE_DAY = '(?<relativeDay>一昨日|昨日|昨天|前天|어제|明日|明天|내일)';
const RELATIVE_YEAR = '(?<relativeYear>今年|昨年|去年|来年|明年|올해|작년|내년)';

/**
 * The longest form first: a year, month and day with a time, down to a year
 * or a month alone. Where a number is followed by neither, the match is
 * empty, and passed over. (Node 20 has no group names used twice, which
 * would spell the forms out one by one.)
 */
const CJK_MENTION = new RegExp(
  String.raw`(?:${RELATIVE_YEAR}|(?<!\d)(?=\d|明治|大正|昭和|平成|令和)(?:${YEAR})?)(?:\s*${MONTH}(?:\s*${DAY}(?:${TIME})?)?)?|${RELATIVE_DAY}`,
  'gu',
);

/** What may follow a year that makes it no year: a decade (`1960年代`), a fiscal year (`2016年度`), a span (`年間`). */
const NOT_A_YEAR = /^\s*[代度間间]/u;

const DAYS_FROM_WRITING: Record<string, number> = { 一昨日: -2, 前天: -2, 昨日: -1, 昨天: -1, 어제: -1, 明日: 1, 明天: 1, 내일: 1 };
const YEARS_FROM_WRITING: Record<string, number> = { 今年: 0, 올해: 0, 昨年: -1, 去年: -1, 작년: -1, 来年: 1, 明年: 1, 내년: 1 };

export type CjkMention = Pick<ChronologyEntry, 'date' | 'time' | 'text'> & { index: number };

/**
 * The CJK dates in `text`, resolved against the article's date
 * (`reference`, YYYY-MM-DD): a month and day without a year take the year
 * that puts them nearest the article's day; without a reference they keep
 * no year (`--10-14`), and days and years counted from the day of writing
 * are not dates at all.
 */
export function cjkMentions(text: string, reference: string | undefined): CjkMention[] {
  if (!CJK_SCRIPT.test(text)) return [];
  // Full-width digits are read as digits; one character each, so the indexes stay the text's.
  const digits = text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const found: CjkMention[] = [];
  for (const match of digits.matchAll(CJK_MENTION)) {
    if (match[0] === '') continue;
    const date = resolve(match.groups!, reference, digits.slice(match.index + match[0].length));
    if (!date) continue;
    found.push({ ...date, text: text.slice(match.index, match.index + match[0].length).trim(), index: match.index });
  }
  return found;
}

type Groups = Record<string, string | undefined>;

function resolve(groups: Groups, reference: string | undefined, after: string): Pick<ChronologyEntry, 'date' | 'time'> | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const [refYear, refMonth, refDay] = (reference ?? '').split('-').map(Number);
  if (groups.relativeDay) {
    if (!reference) return undefined;
    const day = new Date(Date.UTC(refYear!, refMonth! - 1, refDay! + DAYS_FROM_WRITING[groups.relativeDay]!));
    return { date: day.toISOString().slice(0, 10) };
  }
  if (groups.relativeYear && !reference) return undefined;
  const year = groups.relativeYear
    ? refYear! + YEARS_FROM_WRITING[groups.relativeYear]!
    : groups.year
      ? Number(groups.year)
      : groups.era
        ? ERAS[groups.era]! + (groups.eraYear === '元' ? 1 : Number(groups.eraYear)) - 1
        : undefined;
  const month = groups.month ? Number(groups.month) : undefined;
  const day = groups.day ? Number(groups.day) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (month === undefined) return year !== undefined && !NOT_A_YEAR.test(after) ? { date: String(year) } : undefined;
  const written = year ?? (reference ? nearestYear(refYear!, refMonth!, refDay!, month, day ?? 15) : undefined);
  const date = `${written === undefined ? '-' : written}-${pad(month)}${day === undefined ? '' : `-${pad(day)}`}`;
  const time = timeOf(groups);
  return { date, ...(time && day !== undefined ? { time } : {}) };
}

/** The year that puts a month and day nearest the day of writing, as chrono-node gives "March 1" its year. */
function nearestYear(year: number, month: number, day: number, toMonth: number, toDay: number): number {
  const at = Date.UTC(year, month - 1, day);
  return [year - 1, year, year + 1].reduce((best, candidate) =>
    Math.abs(Date.UTC(candidate, toMonth - 1, toDay) - at) < Math.abs(Date.UTC(best, toMonth - 1, toDay) - at) ? candidate : best,
  );
}

function timeOf(groups: Groups): string | undefined {
  if (groups.hour === undefined) return undefined;
  const afternoon = groups.meridiem !== undefined && /下午|午後|오후/u.test(groups.meridiem);
  const hour = Number(groups.hour) + (afternoon && Number(groups.hour) < 12 ? 12 : 0);
  const minute = Number(groups.minute ?? groups.clockMinute ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
