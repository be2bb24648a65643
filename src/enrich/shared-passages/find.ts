// Passages that two or more articles share, verbatim or nearly: the same
// quotation or sentence with different punctuation, quote marks, case, a
// word added or dropped. An index of word shingles finds candidate pairs of
// paragraphs, so the work grows with the text, not with the square of the
// number of articles; only paragraph pairs that share shingles are aligned.
import type { BodyParagraph } from '../paragraphs.js';
import { joinSharingParagraphs, mergeByParagraph, OccurrenceSet, splitByText, withoutRepeatedNotes, type FoundPassage, type Occurrence } from './groups.js';
import { STOP_WORDS, tokenise, type Tokens } from './tokens.js';

export type { FoundOccurrence, FoundPassage } from './groups.js';

/** Words per shingle. */
const SHINGLE = 4;
/** A shared passage is at least this many words in each article. */
export const MIN_PASSAGE_WORDS = 8;
/** …of which at least this many different ones are not stop words. */
const MIN_CONTENT_WORDS = 4;
/**
 * Below this many words a passage must carry a name, a number or a quotation
 * mark: short runs of plain words ("as part of a major cost-cutting drive")
 * are common phrases, not a shared source.
 */
const PLAIN_PASSAGE_WORDS = 12;
/** A passage that runs a few words into the next sentence, or starts a few words before one, is cut there. */
const SENTENCE_SLACK_WORDS = 5;
/** Words that may be added or dropped between two matching runs. */
const MAX_GAP = 2;
/** Shingles in more articles than this are boilerplate, not a story's shared passage. */
const boilerplateLimit = (articles: number) => Math.max(20, Math.ceil(2 * Math.sqrt(articles)));
/**
 * An article that has one shingle more often than this repeats itself (the
 * same paragraph pasted many times): pairing every copy with every other
 * article's grows with the square of the copies, so its copies are left out
 * of that shingle, and the caller is told.
 */
export const MAX_REPEATS = 20;

export interface ArticleParagraphs {
  id: string;
  paragraphs: BodyParagraph[];
}

interface Para {
  article: number;
  paragraph: BodyParagraph;
  tokens: Tokens;
}

/**
 * `onRepeats` hears of each article (by index) that repeats a shingle more
 * than `MAX_REPEATS` times, whose repeated text was not compared.
 */
export function findSharedPassages(articles: ArticleParagraphs[], onRepeats: (article: number) => void = () => {}): FoundPassage[] {
  const repeated = new Set<number>();
  const paras: Para[] = articles.flatMap((article, index) =>
    article.paragraphs.map((paragraph) => ({ article: index, paragraph, tokens: tokenise(paragraph.text) })),
  );

  // 1. Shingle index: shingle → the paragraphs and positions it starts at.
  const postings = new Map<string, number[]>();
  paras.forEach((para, paraIndex) => {
    const { words } = para.tokens;
    for (let position = 0; position + SHINGLE <= words.length; position++) {
      const shingle = words.slice(position, position + SHINGLE);
      if (shingle.every((word) => STOP_WORDS.has(word))) continue;
      const key = shingle.join(' ');
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(paraIndex, position);
    }
  });

  // 2. Paragraph pairs from different articles that share shingles, with where.
  const limit = boilerplateLimit(articles.length);
  const hits = new Map<number, number[]>();
  for (const list of postings.values()) {
    if (list.length < 4) continue;
    // The list is in reading order, so each article's places are one stretch of it.
    const byArticle: number[][] = [];
    for (let i = 0; i < list.length; i += 2) {
      const article = paras[list[i]!]!.article;
      if (byArticle.at(-1)?.[0] !== article) byArticle.push([article]);
      byArticle.at(-1)!.push(list[i]!, list[i + 1]!);
    }
    if (byArticle.length < 2 || byArticle.length > limit) continue;
    // Only pairs across articles: an article that repeats the shingle is paired with itself no more.
    const kept = byArticle.filter((places) => {
      if ((places.length - 1) / 2 <= MAX_REPEATS) return true;
      repeated.add(places[0]!);
      return false;
    });
    for (let x = 0; x < kept.length; x++) {
      const first = kept[x]!;
      for (let i = 1; i < first.length; i += 2) {
        for (let y = x + 1; y < kept.length; y++) {
          const second = kept[y]!;
          for (let j = 1; j < second.length; j += 2) {
            const key = first[i]! * paras.length + second[j]!;
            let pairHits = hits.get(key);
            if (!pairHits) hits.set(key, (pairHits = []));
            pairHits.push(first[i + 1]!, second[j + 1]!);
          }
        }
      }
    }
  }

  // 3. Align each pair: chain shingle hits into runs, allowing small gaps.
  const occurrences = new OccurrenceSet();
  const minHits = MIN_PASSAGE_WORDS - SHINGLE - 2 * MAX_GAP;
  for (const [key, pairHits] of hits) {
    if (pairHits.length / 2 < Math.max(2, minHits)) continue;
    const a = Math.floor(key / paras.length);
    const b = key % paras.length;
    for (const core of chain(pairHits)) {
      // The tests apply to what the shingles matched; growing the run only places its ends.
      const lengthA = core.endA - core.startA;
      const lengthB = core.endB - core.startB;
      if (Math.min(lengthA, lengthB) < MIN_PASSAGE_WORDS) continue;
      const content = paras[a]!.tokens.words.slice(core.startA, core.endA).filter((word) => !STOP_WORDS.has(word));
      if (new Set(content).size < MIN_CONTENT_WORDS) continue;
      const run = extend(core, paras[a]!.tokens.words, paras[b]!.tokens.words);
      occurrences.link(occurrences.add(a, run.startA, run.endA), occurrences.add(b, run.startB, run.endB));
    }
  }

  // 4. Groups of linked occurrences that span two or more articles; one
  //    passage per paragraph, so a quotation split over two paragraphs in one
  //    article and run together in another gives one note, not two.
  const passages: FoundPassage[] = [];
  const articleCount = (group: Occurrence[]) => new Set(group.map((occurrence) => paras[occurrence.para]!.article)).size;
  const wordsOf = (occurrence: Occurrence) => paras[occurrence.para]!.tokens.words.slice(occurrence.start, occurrence.end);
  const stretches = occurrences.groups().flatMap((group) => splitByText(group, wordsOf));
  for (const group of joinSharingParagraphs(stretches, (occurrence) => paras[occurrence.para]!.article)) {
    if (articleCount(group) < 2) continue;
    const merged = mergeByParagraph(group);
    const found = merged.map((occurrence) => {
      const para = paras[occurrence.para]!;
      return {
        article: articles[para.article]!.id,
        paragraph: para.paragraph.number,
        ...charSpan(para, occurrence.start, occurrence.end),
      };
    });
    const first = found[0]!;
    const text = paras[merged[0]!.para]!.paragraph.text.slice(first.start, first.end);
    if (!isDistinctive(text) || isBoilerplate(text, merged.map((occurrence) => paras[occurrence.para]!), articles)) continue;
    passages.push({ text, occurrences: found });
  }
  for (const article of repeated) onRepeats(article);
  const position = new Map(articles.map((article, index) => [article.id, index]));
  return withoutRepeatedNotes(passages).sort(
    (x, y) =>
      position.get(x.occurrences[0]!.article)! - position.get(y.occurrences[0]!.article)! ||
      x.occurrences[0]!.paragraph - y.occurrences[0]!.paragraph ||
      x.occurrences[0]!.start - y.occurrences[0]!.start,
  );
}

/** Lines that papers print under every article: copyright, newsletters, social media. */
const BOILERPLATE = /©|\bcopyright\b|all rights reserved|follow us|sign up|newsletter|subscribe|click here|terms and conditions|cookies?\b|download (?:our|the) app/i;
/** Passages in this many articles, always first or last, are the paper's furniture, not the story. */
const FURNITURE_ARTICLES = 4;

function isBoilerplate(text: string, paragraphs: Para[], articles: ArticleParagraphs[]): boolean {
  if (BOILERPLATE.test(text)) return true;
  if (new Set(paragraphs.map((para) => para.article)).size < FURNITURE_ARTICLES) return false;
  return paragraphs.every((para) => {
    const count = articles[para.article]!.paragraphs.length;
    return para.paragraph.number === 1 || para.paragraph.number === count;
  });
}

interface Run {
  startA: number;
  endA: number;
  startB: number;
  endB: number;
  lastA: number;
  lastB: number;
}

/** Chains shingle hits (pairs of positions) into runs of near-identical text. */
function chain(pairHits: number[]): Run[] {
  const points: [number, number][] = [];
  for (let i = 0; i < pairHits.length; i += 2) points.push([pairHits[i]!, pairHits[i + 1]!]);
  points.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const runs: Run[] = [];
  // Runs a later point may still extend, in the order they were made. Points
  // come in order of a, so a run whose last hit is further back than one step
  // is finished: searching all runs for every point grew with runs × points.
  let open: Run[] = [];
  let openAt = -1;
  for (const [a, b] of points) {
    if (a !== openAt) {
      open = open.filter((candidate) => a - candidate.lastA <= SHINGLE + MAX_GAP);
      openAt = a;
    }
    const run = open.find((candidate) => {
      const stepA = a - candidate.lastA;
      const stepB = b - candidate.lastB;
      return stepA > 0 && stepB > 0 && stepA <= SHINGLE + MAX_GAP && Math.abs(stepA - stepB) <= MAX_GAP;
    });
    if (run) {
      run.lastA = a;
      run.lastB = b;
      run.endA = a + SHINGLE;
      run.endB = b + SHINGLE;
    } else {
      const started = { startA: a, endA: a + SHINGLE, startB: b, endB: b + SHINGLE, lastA: a, lastB: b };
      runs.push(started);
      open.push(started);
    }
  }
  return runs;
}

/**
 * Grows a run word by word past its shingles, through one changed, added or
 * dropped word at a time: "leader of this council" and "leader of the
 * council" end the same passage.
 */
function extend(run: Run, a: string[], b: string[]): Run {
  let endA = run.endA;
  let endB = run.endB;
  while (endA < a.length && endB < b.length) {
    if (a[endA] === b[endB]) [endA, endB] = [endA + 1, endB + 1];
    else if (a[endA + 1] !== undefined && a[endA + 1] === b[endB + 1]) [endA, endB] = [endA + 2, endB + 2];
    else if (a[endA + 1] !== undefined && a[endA + 1] === b[endB]) [endA, endB] = [endA + 2, endB + 1];
    else if (b[endB + 1] !== undefined && a[endA] === b[endB + 1]) [endA, endB] = [endA + 1, endB + 2];
    else break;
  }
  let startA = run.startA;
  let startB = run.startB;
  while (startA > 0 && startB > 0) {
    if (a[startA - 1] === b[startB - 1]) [startA, startB] = [startA - 1, startB - 1];
    else if (startA > 1 && startB > 1 && a[startA - 2] === b[startB - 2]) [startA, startB] = [startA - 2, startB - 2];
    else if (startA > 1 && a[startA - 2] === b[startB - 1]) [startA, startB] = [startA - 2, startB - 1];
    else if (startB > 1 && a[startA - 1] === b[startB - 2]) [startA, startB] = [startA - 1, startB - 2];
    else break;
  }
  return { ...run, startA, endA, startB, endB };
}

/**
 * The passage's characters: trimmed to the sentence when it runs a few words
 * over either end, and with the closing punctuation and quote marks that end it.
 */
function charSpan(para: Para, startWord: number, endWord: number): { start: number; end: number } {
  const { text } = para.paragraph;
  const { starts, ends } = para.tokens;
  // British style closes the quotation before the full stop ("schoolboys”."), American style after it.
  const sentenceEndsAfter = (word: number) => /^["'”’)]*[.!?…]["'”’)]*\s/u.test(text.slice(ends[word]!, starts[word + 1] ?? text.length + 1) + ' ');
  const startLimit = Math.min(endWord - MIN_PASSAGE_WORDS, startWord + SENTENCE_SLACK_WORDS);
  for (let word = startLimit - 1; word >= startWord; word--) {
    if (sentenceEndsAfter(word)) {
      startWord = word + 1;
      break;
    }
  }
  for (let word = endWord - 2; word >= Math.max(startWord + MIN_PASSAGE_WORDS - 1, endWord - 1 - SENTENCE_SLACK_WORDS); word--) {
    if (sentenceEndsAfter(word)) {
      endWord = word + 1;
      break;
    }
  }
  const start = starts[startWord]!;
  let end = ends[endWord - 1]!;
  while (end < text.length && /[.,;:!?…"'”’)\]]/u.test(text[end]!)) end++;
  return { start, end };
}

/** Long passages count as they are; short ones need a name, a number or a quotation. */
function isDistinctive(text: string): boolean {
  if (tokenise(text).words.length >= PLAIN_PASSAGE_WORDS) return true;
  return /["“”]|\d|\s\p{Lu}/u.test(text);
}

