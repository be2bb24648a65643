// The reporter's sentences around the quotations: each paragraph's text
// outside its quotations, cut into sentences, with a mark (QUOTE) where each
// quotation stands. An attribution ("…," she said) is looked for in the
// quotation's own sentence; the sentences before it tell who "he" is.
import type { Quotation } from './quotes-marks.js';

/** Stands for a quotation inside a sentence's narration. */
export const QUOTE = '\uE000';

export interface Sentence {
  paragraph: number;
  /** The sentence's words outside quotations, each quotation as one QUOTE. */
  narration: string;
  /** The quotations in the sentence, in order: index into the list given, and which of its parts. */
  quotes: { quotation: number; part: number }[];
  /** The narration between the quotations: `segments[k]` stands before quotation k, `segments[k + 1]` after it. */
  segments: string[];
}

/** Where a sentence ends: a stop not after a short abbreviation or an initial. */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Lt|Sgt|Rev|Hon|No|vs|etc|Inc|Ltd|Co|Corp|Gov|Sen|Rep|Mt|Ft|U\.S|U\.K|a\.m|p\.m|\p{Lu})$/u;

const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** The quoted words' count: 1–3 is a scare quote or a term, unless someone is plainly saying it. */
export function wordCount(text: string): number {
  return words(text).length;
}

/**
 * The sentences of each paragraph. `kept[i]` says whether quotation i is a
 * quotation at all; a scare quote is left in the narration as the words it is.
 */
export function sentencesOf(texts: readonly string[], quotations: readonly Quotation[], kept: readonly boolean[]): Sentence[] {
  const byParagraph = new Map<number, { quotation: number; part: number; open: number; close: number; inner: string }[]>();
  quotations.forEach((quotation, index) => {
    if (!kept[index]) return;
    quotation.parts.forEach((part, partIndex) => {
      const list = byParagraph.get(part.paragraph) ?? [];
      list.push({ quotation: index, part: partIndex, open: part.open, close: part.close, inner: texts[part.paragraph]!.slice(part.start, part.end) });
      byParagraph.set(part.paragraph, list);
    });
  });
  const sentences: Sentence[] = [];
  texts.forEach((text, paragraph) => {
    const parts = (byParagraph.get(paragraph) ?? []).sort((a, b) => a.open - b.open);
    let current: Sentence = { paragraph, narration: '', quotes: [], segments: [] };
    const finish = () => {
      if (current.narration.trim() !== '') sentences.push({ ...current, segments: current.narration.split(QUOTE) });
      current = { paragraph, narration: '', quotes: [], segments: [] };
    };
    const addText = (value: string) => {
      let from = 0;
      for (const stop of value.matchAll(/[.!?…]+["'”’)\]]*(?=\s+|$)/gu)) {
        const end = stop.index + stop[0].length;
        // Only the words just before the stop tell an abbreviation: not the whole sentence, each time.
        const head = (current.narration.slice(-12) + value.slice(Math.max(from, stop.index - 12), stop.index)).slice(-12);
        if (stop[0] === '.' && ABBREVIATION.test(head)) continue;
        current.narration += value.slice(from, end);
        from = end;
        finish();
      }
      current.narration += value.slice(from);
    };
    let at = 0;
    for (const part of parts) {
      addText(text.slice(at, part.open));
      current.narration += QUOTE;
      current.quotes.push({ quotation: part.quotation, part: part.part });
      at = part.close;
      // A quotation that ends with a stop, followed by a capital, ended its sentence.
      if (/[.!?…]["'”’)\]]*$/u.test(part.inner.trim()) && /^\s+[\p{Lu}"“‘«]/u.test(text.slice(at))) finish();
    }
    addText(text.slice(at));
    finish();
  });
  return sentences;
}
