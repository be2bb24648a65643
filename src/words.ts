// Words as a reader counts them, in any script. Japanese, Chinese and Thai
// put no spaces between words, so splitting at spaces (or matching runs of
// letters) takes a paragraph for one word; Intl.Segmenter finds the words
// with ICU's dictionaries. Every word count of the build comes from here.

/** The locale only names the rules; ICU's dictionaries for CJK and Thai apply in any locale. */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Marks that join two words into one as the counts always have ("well-known",
 * "O’Neill"): ICU splits at a hyphen, and the counts of Latin text stay as they were.
 */
const JOINERS = new Set(["'", '’', '.', '-']);

export interface WordSpan {
  text: string;
  /** Where the word starts in the text, in UTF-16 units. */
  index: number;
}

/**
 * The words of the text and where each starts; with `limit`, the reading
 * stops soon after the first `limit + 1`, enough to tell that there are more
 * than `limit` without reading a long text to its end.
 */
export function wordSpans(text: string, limit = Number.POSITIVE_INFINITY): WordSpan[] {
  const spans: WordSpan[] = [];
  let joinable = false;
  let pendingJoiner: string | undefined;
  for (const [offset, chunk] of chunks(text)) {
    if (spans.length > limit) break;
    for (const { segment, index: at, isWordLike } of segmenter.segment(chunk)) {
      const index = offset + at;
      if (isWordLike) {
        const last = spans.at(-1);
        if (last && pendingJoiner !== undefined && joinable && !NO_SPACES.test(segment) && last.index + last.text.length + pendingJoiner.length === index) {
          last.text += pendingJoiner + segment;
        } else {
          spans.push({ text: segment, index });
        }
        joinable = !NO_SPACES.test(segment);
        pendingJoiner = undefined;
      } else if (JOINERS.has(segment) && pendingJoiner === undefined && spans.length > 0) {
        pendingJoiner = segment;
      } else {
        joinable = false;
        pendingJoiner = undefined;
      }
    }
  }
  return spans;
}

/** V8's segmenter slows with the square of the string's length: a 5 MB paragraph is read in pieces of about this size. */
const CHUNK = 1000;

/**
 * The text in pieces, each cut after a space where there is one (no word
 * spans a space), else after a punctuation mark, else at a code point.
 */
function* chunks(text: string): Generator<[number, string]> {
  let start = 0;
  while (text.length - start > CHUNK) {
    const window = text.slice(start + CHUNK / 2, start + CHUNK);
    let cut = Math.max(window.search(/\s\S*$/u), -1);
    if (cut === -1) cut = window.search(/\p{P}[^\p{P}]*$/u);
    let end = cut === -1 ? start + CHUNK : start + CHUNK / 2 + cut + 1;
    if (/[\uDC00-\uDFFF]/.test(text.charAt(end))) end--;
    yield [start, text.slice(start, end)];
    start = end;
  }
  yield [start, text.slice(start)];
}

/** Scripts written without spaces between words: their words are never joined by a hyphen. */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function words(text: string): string[] {
  return wordSpans(text).map((span) => span.text);
}

/** The number of words; with `atMost`, counted no further than `atMost + 1`, which is all a comparison with `atMost` needs. */
export function countWords(text: string, atMost?: number): number {
  return Math.min(wordSpans(text, atMost).length, (atMost ?? Number.POSITIVE_INFINITY) + 1);
}
