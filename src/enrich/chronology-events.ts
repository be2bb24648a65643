// One row per event: several articles of a story report the same event on
// the same date ("a dinner in November 2003") in words of their own. Reports
// of one date whose sentences say much the same are merged into one entry
// that lists every report; reports of one date that say different things
// stay apart, as different events.
import type { ChronologyEntry, ChronologyOccurrence } from '../model.js';
import { STOP_WORDS, tokenise } from './shared-passages/tokens.js';

/**
 * Of the smaller sentence's content words (weighted by how rare they are),
 * the share two reports of one day or one month must have in common. A year
 * holds many events, and "in June" may not be the June 20 of another
 * report, so a loosely dated report must share more.
 */
const SAME_EVENT_OVERLAP = 1 / 3;
const LOOSE_DATE_OVERLAP = 1 / 2;
/** And never fewer than this many: two short sentences share a word or two by chance. */
const SAME_EVENT_WORDS = 3;
/** Word beginnings compared, endings taken off first, so that "flooded" and "flooding", "intervened" and "intervention" count as one word. */
const STEM = 6;
const WORD_ENDING = /(?:ing|ed|es|s|ions?|ations?)$/;
/**
 * The events of one date a report is compared with: a text that gives
 * thousands of different events one date would otherwise compare each with
 * all the others.
 */
const MAX_CANDIDATES = 200;

/** A reported entry as one of its occurrences. */
export function occurrenceOf(entry: Omit<ChronologyEntry, 'occurrences'>): ChronologyOccurrence {
  return {
    article: entry.article,
    ...(entry.paragraph !== undefined ? { paragraph: entry.paragraph } : {}),
    text: entry.text,
    sentence: entry.sentence,
  };
}

/**
 * Merges the reports of one event. `entries` are in the chronology's order
 * and `position` gives each article's place in reading order. An entry's own
 * fields are the report that dates the event most precisely ("in November
 * 2003" over "in 2003"); `occurrences` lists every report, in reading order.
 * A report joins an event when it says much the same as the event's own
 * report (never by way of another report, which would chain different
 * events together). Publication dates are each article's own and are never
 * merged.
 */
export function mergeReports(entries: Omit<ChronologyEntry, 'occurrences'>[], position: Map<string, number>): ChronologyEntry[] {
  const wordsOf = entries.map((entry) => contentWords(entry.sentence, entry.text));
  const weight = wordWeights(entries, wordsOf);
  const reportOf = (words: Set<string>): Report => ({ words, total: [...words].reduce((sum, word) => sum + weight(word), 0) });
  const events: { entry: ChronologyEntry; report: Report; order: number }[] = [];
  // Per date, the events of that date; the most precise reports first, so that a year can join its month.
  const byDate = new Map<string, typeof events>();
  // Per year and per month, the more exact dates of the events so far: "2003" → "2003-11", "2003-11-05".
  const insideOf = new Map<string, Set<string>>();
  const byPrecision = entries.map((entry, order) => ({ entry, order })).sort((a, b) => b.entry.date.length - a.entry.date.length || a.order - b.order);
  for (const { entry, order } of byPrecision) {
    const row: ChronologyEntry = { ...entry, occurrences: [occurrenceOf(entry)] };
    const report = reportOf(wordsOf[order]!);
    if (entry.kind === 'published') {
      events.push({ entry: row, report, order });
      continue;
    }
    const candidates = [entry.date, ...(entry.time ? [] : (insideOf.get(entry.date) ?? []))]
      .flatMap((date) => byDate.get(`${date}|${entry.time ?? ''}`) ?? [])
      .slice(0, MAX_CANDIDATES);
    // A year, or a report less precise than the event it might join, must say more of the same.
    const share = (candidate: { entry: ChronologyEntry }) => (entry.date.length === 4 || candidate.entry.date !== entry.date ? LOOSE_DATE_OVERLAP : SAME_EVENT_OVERLAP);
    const event = candidates.find((candidate) => sameEvent(report, candidate.report, weight, share(candidate)));
    if (event) {
      event.entry.occurrences.push(occurrenceOf(entry));
      continue;
    }
    const created = { entry: row, report, order };
    events.push(created);
    const key = `${entry.date}|${entry.time ?? ''}`;
    const sameDate = byDate.get(key);
    if (sameDate) sameDate.push(created);
    else byDate.set(key, [created]);
    for (const within of datesAround(entry.date)) {
      const inside = insideOf.get(within);
      if (inside) inside.add(entry.date);
      else insideOf.set(within, new Set([entry.date]));
    }
  }
  const reading = (a: ChronologyOccurrence, b: ChronologyOccurrence) => position.get(a.article)! - position.get(b.article)! || (a.paragraph ?? 0) - (b.paragraph ?? 0);
  return events.sort((a, b) => a.order - b.order).map(({ entry }) => ({ ...entry, occurrences: entry.occurrences.sort(reading) }));
}

/** A report's words, and their weight together. */
interface Report {
  words: Set<string>;
  total: number;
}

/** The year and the month a date falls in: "2003" and "2003-11" for "2003-11-05", "--03" for "--03-01". */
function datesAround(date: string): string[] {
  const around: string[] = [];
  for (let at = date.indexOf('-', 2); at !== -1; at = date.indexOf('-', at + 1)) around.push(date.slice(0, at));
  return around;
}

function contentWords(sentence: string, dateText: string): Set<string> {
  const date = new Set(tokenise(dateText).words);
  return new Set(
    tokenise(sentence)
      .words.filter((word) => !STOP_WORDS.has(word) && !date.has(word) && !/^\d+$/.test(word))
      .map((word) => word.replace(/'s$/, '').replace(WORD_ENDING, '').slice(0, STEM)),
  );
}

/**
 * How much each word tells one report from another: words in many of the
 * dossier's dated sentences (the story's own names, "party" in an election)
 * tell little, rare ones ("dinner", "hosted") a lot.
 */
function wordWeights(entries: Omit<ChronologyEntry, 'occurrences'>[], wordsOf: Set<string>[]): (word: string) => number {
  // Each sentence once, with the words its last entry gives it.
  const sentences = new Map<string, Set<string>>();
  entries.forEach((entry, index) => sentences.set(entry.sentence, wordsOf[index]!));
  const frequency = new Map<string, number>();
  for (const words of sentences.values()) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return (word) => Math.log((sentences.size + 1) / (frequency.get(word) ?? 1));
}

function sameEvent(a: Report, b: Report, weight: (word: string) => number, share: number): boolean {
  let shared = 0;
  let sharedWeight = 0;
  for (const word of a.words) {
    if (!b.words.has(word)) continue;
    shared++;
    sharedWeight += weight(word);
  }
  if (shared < SAME_EVENT_WORDS) return false;
  return sharedWeight >= share * Math.min(a.total, b.total);
}
