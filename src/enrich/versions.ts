// Versions of one report: two articles that share most of their text (two
// wire versions, a story updated and filed again). Where the shorter one's
// words are mostly in the other, the later is "another version" of the
// earlier; with `versions: fold` only the fuller one is kept, with what the
// others add. Runs on the normalised articles, before ids are given, so a
// folded article leaves no gap in the numbering.
import type { Root } from 'mdast';
import type { FoldedVersion } from '../model.js';
import { bodyParagraphs } from './paragraphs.js';
import { tokenise } from './shared-passages/tokens.js';

/**
 * Share of the shorter article's words, in paragraphs the other has (nearly)
 * whole, from which the two are versions of one report. Measured: in the
 * 18-article BBC story, two articles that are one report share 100% (and
 * are skipped as duplicates); the closest different reports share under 40%
 * (a background paragraph or two repeated). Two wire versions of one report,
 * one trimmed and updated, share 70–90%. 60% sits in the gap. In the 2,225
 * BBC articles of ../shared/corpus/scale, 171 pairs reach it, 159 of them
 * whole copies; of the five between 60% and 75%, three are one report filed
 * again with a new top ("Brown names 16 March for Budget" twice, 75%), two
 * a follow-up that reuses the first report's background (61%, 63%).
 */
export const VERSION_SHARE = 0.6;

/** Words in a row that must match: a shared phrase ("the prime minister said") is not shared text. */
const SHINGLE = 8;

/** A shingle in more articles than this is boilerplate (a sign-off, a standing paragraph), not shared text. */
const MAX_HOLDERS = 50;

/** A paragraph is shared when this much of it is in the other article: one edited word or a new figure leaves it shared. */
const PARAGRAPH_SHARE = 0.8;

/** A paragraph of a folded version that the kept one has less than half of is something it adds. */
const ADDS_SHARE = 0.5;

interface VersionInput {
  body: Root;
  words: number;
}

export interface VersionPair {
  /** The later article, in reading order. */
  index: number;
  /** The first article of its report, in reading order. */
  of: number;
  /** Share of the shorter one's words the two share, 0–1. */
  shared: number;
}

interface Shingled {
  /** Per paragraph: its shingles, and for each word the shingles that cover it. */
  paragraphs: { text: string; words: number; shingles: string[]; covering: number[][] }[];
  words: number;
  all: Set<string>;
}

function shingle(article: VersionInput): Shingled {
  const paragraphs = bodyParagraphs(article.body).map((paragraph) => {
    const { words } = tokenise(paragraph.text);
    // A paragraph shorter than a shingle is one shingle: a short paragraph repeated whole still counts.
    const count = Math.max(1, words.length - SHINGLE + 1);
    const shingles = words.length === 0 ? [] : Array.from({ length: count }, (_, start) => words.slice(start, start + SHINGLE).join(' '));
    const covering = words.map((_, word) => {
      const list: number[] = [];
      for (let start = Math.max(0, word - SHINGLE + 1); start <= Math.min(word, count - 1); start++) list.push(start);
      return list;
    });
    return { text: paragraph.text, words: words.length, shingles, covering };
  });
  return { paragraphs, words: paragraphs.reduce((sum, paragraph) => sum + paragraph.words, 0), all: new Set(paragraphs.flatMap((paragraph) => paragraph.shingles)) };
}

/** Words of `article` inside a shingle `other` has too, per paragraph. */
function sharedWords(article: Shingled, other: Set<string>): number[] {
  return article.paragraphs.map((paragraph) => {
    const present = paragraph.shingles.map((text) => other.has(text));
    return paragraph.covering.filter((starts) => starts.some((start) => present[start])).length;
  });
}

/**
 * Words of `article` in paragraphs `other` has (nearly) whole: versions
 * share paragraphs, where templated or formulaic text shares only phrases in
 * every paragraph.
 */
function sharedParagraphWords(article: Shingled, other: Set<string>): number {
  return sharedWords(article, other).reduce((sum, words, at) => {
    const paragraph = article.paragraphs[at]!.words;
    return sum + (paragraph > 0 && words / paragraph >= PARAGRAPH_SHARE ? paragraph : 0);
  }, 0);
}

/**
 * The versions among the articles, in reading order: each later article
 * whose text is mostly another's, with the first article of its report. Only
 * pairs that share many shingles are compared, so this stays near-linear.
 */
export function findVersions(articles: VersionInput[]): VersionPair[] {
  const shingled = articles.map(shingle);
  const holders = new Map<string, number[]>();
  shingled.forEach((article, index) => {
    for (const text of article.all) {
      const list = holders.get(text);
      if (list) list.push(index);
      else holders.set(text, [index]);
    }
  });
  const root = articles.map((_, index) => index);
  const pairs: VersionPair[] = [];
  shingled.forEach((article, index) => {
    if (article.words === 0) return;
    // Shingles shared with each earlier article; boilerplate in a great many articles makes no version.
    const common = new Map<number, number>();
    for (const text of article.all) {
      const list = holders.get(text)!;
      if (list.length > MAX_HOLDERS) continue;
      for (const other of list) if (other < index) common.set(other, (common.get(other) ?? 0) + 1);
    }
    // Only pairs sharing enough shingles to be versions are measured word by word.
    const candidates = [...common].filter(([other, count]) => count >= (VERSION_SHARE / 2) * Math.min(article.all.size, shingled[other]!.all.size));
    for (const other of candidates.map(([other]) => other).sort((a, b) => a - b)) {
      const [shorter, longer] = shingled[other]!.words < article.words ? [shingled[other]!, article] : [article, shingled[other]!];
      if (shorter.words === 0) continue;
      const shared = sharedParagraphWords(shorter, longer.all) / shorter.words;
      if (shared >= VERSION_SHARE) {
        root[index] = root[other]!;
        pairs.push({ index, of: root[other]!, shared });
        break;
      }
    }
  });
  return pairs;
}

/**
 * `versions: fold`: of each report's versions only the fullest (most words)
 * is kept, in its place in the reading order, carrying what each of the
 * others adds.
 */
export function foldVersions<T extends VersionInput & { file: string; title: string; source?: string; date?: { date: string } }>(
  articles: T[],
  pairs: VersionPair[],
): (T & { foldedVersions?: FoldedVersion[] })[] {
  const groups = new Map<number, number[]>();
  for (const pair of pairs) groups.set(pair.of, [...(groups.get(pair.of) ?? [pair.of]), pair.index]);
  const folded = new Map<number, FoldedVersion[]>();
  const dropped = new Set<number>();
  for (const members of groups.values()) {
    const kept = members.reduce((best, index) => (articles[index]!.words > articles[best]!.words ? index : best));
    const keptShingles = shingle(articles[kept]!).all;
    folded.set(
      kept,
      members
        .filter((index) => index !== kept)
        .map((index) => {
          dropped.add(index);
          const article = articles[index]!;
          const version = shingle(article);
          const shared = sharedWords(version, keptShingles);
          return {
            file: article.file,
            title: article.title,
            ...(article.source ? { source: article.source } : {}),
            ...(article.date ? { date: article.date.date } : {}),
            shared: version.words ? Math.round((sharedParagraphWords(version, keptShingles) / version.words) * 100) / 100 : 1,
            adds: version.paragraphs.filter((paragraph, at) => paragraph.words > 0 && shared[at]! / paragraph.words < ADDS_SHARE).map((paragraph) => paragraph.text),
          };
        }),
    );
  }
  return articles.flatMap((article, index) => {
    if (dropped.has(index)) return [];
    const versions = folded.get(index);
    return [versions ? { ...article, foldedVersions: versions } : article];
  });
}
