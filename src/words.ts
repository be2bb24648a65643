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

export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let joinable = false;
  let pendingJoiner: string | undefined;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
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
  return spans;
}

/** Scripts written without spaces between words: their words are never joined by a hyphen. */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function words(text: string): string[] {
  return wordSpans(text).map((span) => span.text);
}

export function countWords(text: string): number {
  return wordSpans(text).length;
}
