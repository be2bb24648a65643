// A passage quoted on its own (the briefing's claims) must open every
// quotation it closes and close every one it opens: a shared passage starts
// and ends where the articles' words stop agreeing, often inside someone's
// words, so it can end on the closing mark of a quotation opened before it
// (‹nothing is going to get in the way…people desperately need."›) or open
// one it never closes. Such a passage is extended, in its article's own
// paragraph, to the mark that pairs with the stray one when that is near;
// otherwise a stray closing mark is trimmed, and a quotation left open is
// closed: after its sentence's stop, or after an ellipsis in mid-sentence,
// as a writer quoting part of it would.

/** Double quotation marks (single ones are also apostrophes, and are left alone), and the closing mark each opening one takes. */
const CLOSING_OF: Record<string, string[]> = {
  '"': ['"'],
  '“': ['”', '“'],
  '„': ['“', '”'],
  '«': ['»'],
  '»': ['«'],
  '「': ['」'],
  '『': ['』'],
  '”': ['”'],
};
const MARK = /["“”„«»「」『』]/gu;

/** Words of the article's text a passage may take on to reach the mark that pairs with its stray one. */
export const MAX_EXTENSION_WORDS = 30;

interface Mark {
  at: number;
  char: string;
}

/** The marks of `text` that pair up, opening index → closing index, and those that pair with nothing. */
function pairMarks(text: string): { pairs: Map<number, number>; strayClosing: number[]; strayOpening: number[] } {
  const pairs = new Map<number, number>();
  const strayClosing: number[] = [];
  const open: Mark[] = [];
  for (const match of text.matchAll(MARK)) {
    const mark = { at: match.index, char: match[0] };
    const top = open.at(-1);
    const closesTop = top !== undefined && (CLOSING_OF[top.char] ?? []).includes(mark.char);
    if (closesTop && (isClosing(text, mark.at) || !isOpening(text, mark.at))) {
      pairs.set(open.pop()!.at, mark.at);
    } else if (isOpening(text, mark.at) || (!isClosing(text, mark.at) && '“„«「『'.includes(mark.char))) {
      open.push(mark);
    } else {
      strayClosing.push(mark.at);
    }
  }
  return { pairs, strayClosing, strayOpening: open.map((mark) => mark.at) };
}

/** A mark that opens: at the start, or after a space or an opening bracket, and before a word. */
function isOpening(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at + 1];
  return (before === undefined || /[\s([{—–-]/u.test(before)) && after !== undefined && !/\s/u.test(after);
}

/** A mark that closes: after a word or punctuation, and at the end or before a space or punctuation. */
function isClosing(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at + 1];
  return before !== undefined && !/\s/u.test(before) && (after === undefined || /[\s.,;:!?…)\]}—–-]/u.test(after) || '"”»«」』'.includes(after));
}

const wordsIn = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/**
 * `passage` with balanced quotation marks. `paragraph` is the text of the
 * paragraph it was taken from in its first article, when it lies in it
 * whole: the passage is extended there to the mark that pairs with a stray
 * one, up to MAX_EXTENSION_WORDS more words on each side.
 */
export function balanceQuotes(passage: string, paragraph?: string): string {
  const own = pairMarks(passage);
  if (own.strayClosing.length === 0 && own.strayOpening.length === 0) return passage;
  let start = 0;
  let end = passage.length;
  let text = passage;
  const at = paragraph?.indexOf(passage) ?? -1;
  if (paragraph && at >= 0) {
    const around = pairMarks(paragraph);
    const openingOf = new Map([...around.pairs].map(([opening, closing]) => [closing, opening]));
    const firstStray = own.strayClosing[0];
    const lastStray = own.strayOpening.at(-1);
    const opening = firstStray === undefined ? undefined : openingOf.get(at + firstStray);
    const closing = lastStray === undefined ? undefined : around.pairs.get(at + lastStray);
    if (opening !== undefined && opening < at && wordsIn(paragraph.slice(opening, at)) <= MAX_EXTENSION_WORDS) start = opening - at;
    if (closing !== undefined && closing >= at + passage.length && wordsIn(paragraph.slice(at + passage.length, closing + 1)) <= MAX_EXTENSION_WORDS) {
      end = closing + 1 - at;
    }
    text = paragraph.slice(at + start, at + end);
  }
  const left = pairMarks(text);
  // What no extension reached: a stray closing mark goes, an open quotation is closed after an ellipsis.
  let trimmed = text;
  for (const stray of [...left.strayClosing].reverse()) trimmed = trimmed.slice(0, stray) + trimmed.slice(stray + 1);
  const stillOpen = pairMarks(trimmed).strayOpening;
  const closers = stillOpen.reverse().map((index) => CLOSING_OF[trimmed[index]!]![0]!);
  // After a whole sentence the mark alone closes it, as a quotation running on into the next paragraph is printed closed.
  if (closers.length) trimmed = `${trimmed.replace(/[\s,;:]+$/u, '').replace(/([^.!?…])$/u, '$1…')}${closers.join('')}`;
  return trimmed.replace(/\s{2,}/gu, ' ').trim();
}
