// Bylines as pages give them are dirty: "Lucas Nolan22 Dec 2016651" (the
// name, the date and a comment counter run together), "Par Sébastien Farcis",
// "By GILLIAN MOHNEY" over two lines with the date, or only a date. Every
// byline, stated or found in the text, is cleaned here and nowhere else.
import { parseCjkDate } from './cjk-dates.js';
import { parseStatedDate } from './dates.js';

/** "By" in the languages of the pages people save. These never begin a name. */
const PREFIX = /^(?:written\s+by|words\s+by|reported\s+by|by|par|por|door|av|af|autor(?:a)?:|author:|texto?:|text:|作者[:：]|文[:：]|記者[:：]?|记者[:：]?|بقلم|كتب|מאת)\s*/iu;
/** "Von", "Di" and "De" also begin surnames (Di Maio, Von Trier): taken as "by" only when a whole name follows. */
const NAME_PARTICLE_PREFIX = /^(?:von|di|da|de)\s+(?=\S+\s+\S)/iu;

const MONTH =
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août|déc(?:embre)?|januar|februar|märz|dezember)\.?/iu;
const WEEKDAY = /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[.,])/iu;
/** A date or time glued to the end of a name, and what follows it (a comment count, "Updated …"). */
const TRAILING_DATE = new RegExp(
  String.raw`(?:[\s,|·•–—-]+(?:published|updated|posted|on|le|am|em)\s+|[\s,|·•–—-]*)(?:\d|(?<!\p{L})(?:${WEEKDAY.source}|${MONTH.source}\s+\d)).*$`,
  'isu',
);

/** "MOHNEYDec 22, 2016": a month glued to the name (a <br> gone from the page's text) is parted from it first. */
const GLUED_MONTH = /(?<=\p{L})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Janv|Févr|Avr|Mai|Juin|Juil|Août|Déc|Januar|Februar|März|Dezember)\p{Ll}*\.?\s+\d)/gu;

export interface CleanByline {
  /** The name(s), or undefined when the byline held none. */
  byline?: string;
  /** The date, when the byline was only a date: it may be the article's. */
  date?: string;
}

export function cleanByline(raw: string): CleanByline {
  const lines = raw
    .split(/\s*(?:\r?\n|\u2028)\s*/u)
    .map((line) => line.replace(GLUED_MONTH, ' ').replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
  const names: string[] = [];
  let date: string | undefined;
  for (const line of lines) {
    const text = withoutPrefix(line);
    if (!text) continue;
    if (isOnlyDate(text)) {
      date ??= text;
      continue;
    }
    if (/^(?:https?:\/\/|www\.)/i.test(text)) continue;
    const name = text.replace(TRAILING_DATE, '').replace(/[\s,;:|·•–—-]+$/u, '').trim();
    if (/\p{L}/u.test(name)) names.push(titleCaseShouting(name));
  }
  const byline = names.reduce((joined, name) => (!joined ? name : /^(?:and|&|und|et|e|y)\s/iu.test(name) ? `${joined} ${name}` : `${joined}, ${name}`), '');
  return { ...(byline ? { byline } : {}), ...(!byline && date ? { date } : {}) };
}

function withoutPrefix(line: string): string {
  return line.replace(PREFIX, '').replace(NAME_PARTICLE_PREFIX, '').trim();
}

function isOnlyDate(text: string): boolean {
  if (/[年년]/u.test(text)) return parseCjkDate(text) !== undefined && !/\p{L}{4,}/u.test(text.replace(/[年月日년월일時分]/gu, ''));
  if (!parseStatedDate(text)) return false;
  // What is left once the date's digits, month and weekday names go is filler, not a name.
  const rest = text.replace(/\d+/gu, ' ').replace(new RegExp(MONTH.source, 'giu'), ' ');
  return !/\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(rest) && rest.replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:updated|published|posted|at|on|am|pm|gmt|utc|bst|est|edt|cet|cest)\b/giu, '').replace(/[\s\p{P}]+/gu, '') === '';
}

/** Lower-case after the first word: "Maria DA SILVA" → "Maria da Silva". */
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'di', 'bin', 'ibn', 'al', 'y', 'e', 'and', 'und', 'et']);
/** Mac names that take a capital after "Mac"; others (Machado, Mackie) do not. */
const MAC_NAMES = /^mac(?:donald|leod|kenzie|gregor|arthur|millan|intyre|lean|kay|neil|pherson|aulay|innes|kinnon|lachlan|rae|dougall|farlane|kintosh)$/u;

/** "GILLIAN MOHNEY" → "Gillian Mohney"; a name in ordinary case is left as it is (McCartney, DeShawn). */
export function titleCaseShouting(name: string): string {
  // "and" between two shouted names does not make them ordinary.
  const letters = name
    .split(' ')
    .filter((word) => !PARTICLES.has(word))
    .join('')
    .replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return name;
  return name
    .split(' ')
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && PARTICLES.has(lower)) return lower;
      // Each part of "JEAN-PAUL" and "O'NEILL" / "D’ANGELO" gets its capital.
      let cased = lower.replace(/(^|[-'’])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());
      if (/^mc\p{L}/u.test(lower)) cased = `Mc${cased.charAt(2).toUpperCase()}${cased.slice(3)}`;
      else if (MAC_NAMES.test(lower)) cased = `Mac${cased.charAt(3).toUpperCase()}${cased.slice(4)}`;
      return cased;
    })
    .join(' ');
}
