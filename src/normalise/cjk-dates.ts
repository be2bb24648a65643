// Dates as Japanese, Chinese and Korean pages print them: `2016年10月14日`,
// `2016年10月14日 07:17`, `2016년 10월 14일`, and numbers under a CJK label
// (`发布时间：2016-10-14 07:17`). chrono-node's English parsers do
// not read them, and a CJK page's dateline often has its site's name glued
// to the front (`TNW中文站2016年10月14日07:17`).
import type { PublicationDate } from '../model.js';

const CJK_DATE =
  /(\d{4})\s*(?:[年년]|[-/.])\s*(\d{1,2})\s*(?:[月월]|[-/.])\s*(\d{1,2})\s*[日일号號]?(?:\s*[（(]?[日月火水木金土一二三四五六天]?[)）]?)?\s*(?:(?:上午|下午|午前|午後)?\s*(\d{1,2})\s*[:：時时시]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/u;

/** Words that may stand around the date on a dateline: published, updated, source. */
const FILLER = /(?:发布|發布|发表|更新|公開|公开|配信|掲載|更新日|発表|时间|時間|日期|来源|來源|作者|記者|编辑|分|秒|입력|수정|기자)/gu;

/** The longest a site name or a few words glued to the date may be before the line is prose. */
const MAX_REST = 24;

/** A date in `YYYY年M月D日` form anywhere in the text. */
export function parseCjkDate(text: string): PublicationDate | undefined {
  const match = CJK_DATE.exec(text.normalize('NFKC'));
  return match ? toDate(match) : undefined;
}

/**
 * What tells a sentence from a site's name beside a date: a stop at its end
 * ("…고 말했다.", "…と述べた。"), quotation marks, or several words spaced
 * apart, as Korean prose is.
 */
const SENTENCE_AROUND_DATE = /[.。!！?？]\s*$|["“”„「」『』]|(?:\S+\s+){3}\S/u;

/** The date when `text` is a CJK dateline: one date, perhaps the site's name, no sentence. */
export function parseCjkDateline(text: string): PublicationDate | undefined {
  const line = text.normalize('NFKC').trim();
  if (line.length > 80 || /[。！？!?]/u.test(line)) return undefined;
  const match = CJK_DATE.exec(line);
  if (!match) return undefined;
  const around = `${line.slice(0, match.index)} ${line.slice(match.index + match[0].length)}`.replace(FILLER, '').trim();
  if (SENTENCE_AROUND_DATE.test(around)) return undefined;
  const rest = around.replace(/[\s|,;:·•\-–—()（）[\]【】/.、，：]+/gu, '');
  if (rest.length > MAX_REST || CJK_DATE.test(rest)) return undefined;
  const date = toDate(match);
  return date ? { ...date, dateline: text.trim() } : undefined;
}

function toDate(match: RegExpExecArray): PublicationDate | undefined {
  const [, year, month, day, hour, minute, second] = match;
  const [m, d] = [Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const pad = (value: string | number | undefined) => String(value ?? 0).padStart(2, '0');
  const date = `${year}-${pad(m)}-${pad(d)}`;
  if (hour === undefined || Number(hour) > 23 || Number(minute) > 59) return { date };
  // 下午/午後 3:00 is 15:00.
  const afternoon = /(?:下午|午後)\s*$/u.test(match[0].slice(0, match[0].indexOf(hour, match[0].indexOf('日'))));
  const h = afternoon && Number(hour) < 12 ? Number(hour) + 12 : Number(hour);
  return { date, published: `${date}T${pad(h)}:${pad(minute)}:${pad(second)}` };
}
