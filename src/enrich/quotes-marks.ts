// Where the quotations are: the spans of a paragraph between an opening and
// a closing quotation mark, of every kind (“…” ‘…’ "…" '…' «…» »…« „…“ „…”
// ‚…‘ 「…」 『…』 ‹…›), a quotation inside another kept as part of it, and a
// quotation run over several paragraphs (its opening mark repeated at each,
// closed only at the end) made one. Straight marks and the apostrophe are
// told apart by what stands on each side of them.

/** One stretch of a quotation inside one paragraph: `start`–`end` is the quoted text, without its marks. */
export interface QuotedPart {
  /** Index of the paragraph in the list given. */
  paragraph: number;
  /** Where the opening mark is. */
  open: number;
  start: number;
  end: number;
  /** Just after the closing mark; the paragraph's length when the quotation runs on into the next one. */
  close: number;
  /** Opening marks repeated inside the part (`ago. "The council…`): not the speaker's words. */
  reopened: number[];
}

export interface Quotation {
  parts: QuotedPart[];
}

interface Frame {
  mark: string;
  closers: string;
  at: number;
  reopened: number[];
}

/** Marks that open wherever they stand (unless they close a „ or ‚), and what closes each. */
const OPENING: Record<string, string> = { '“': '”', '‘': '’', '«': '»', '„': '“”', '‚': '‘’', '「': '」', '『': '』', '‹': '›' };
/** Marks that open or close by where they stand, and what closes each when it opens. */
const EITHER: Record<string, string> = { '"': '"', "'": "'’", '’': '’', '”': '”', '»': '«' };
/** Marks whose quotation may run over several paragraphs; a single mark left open was an apostrophe. */
const DOUBLE = new Set(['"', '“', '”', '«', '»', '„', '「', '『']);

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** A mark that opens stands at the start, or after a space, a bracket, a dash or another mark, and before a word. */
function canOpen(text: string, at: number): boolean {
  const before = text[at - 1];
  if (isSpace(text[at + 1])) return false;
  return before === undefined || /[\s([{\-–—/"'“‘«»„‚‹]/u.test(before);
}

/** Marks that only ever close: Chinese and Japanese text runs on after them with no space. */
const CLOSING = new Set(['」', '』', '›']);

/** A mark that closes stands after a word or a stop and before a space, a stop or the end: never inside a word. */
function canClose(text: string, at: number): boolean {
  if (CLOSING.has(text[at]!)) return true;
  return !isSpace(text[at - 1]) && !isWordChar(text[at + 1]);
}

/** An apostrophe that stands for missing letters ('90s, 'em, 'til) opens nothing. */
const ELISION = /^['’](?:\d\d(?:s\b|\b)|(?:em|n|til|cause|tis|twas)\b)/iu;

/**
 * "The MPs' fears…' he said": a plural possessive looks like a closing
 * single mark; it closes only when no other mark further on could.
 */
function possessive(text: string, at: number, frame: Frame): boolean {
  if (frame.mark !== "'" && frame.mark !== '‘') return false;
  if (text[at - 1] !== 's' || !/^\s+\p{Ll}/u.test(text.slice(at + 1))) return false;
  for (let later = at + 1; later < text.length; later++) if (frame.closers.includes(text[later]!) && canClose(text, later)) return true;
  return false;
}

/** Right after a stop (`country. "Gordon`): the same opening mark again goes on with the quotation already open. */
function reopens(text: string, at: number): boolean {
  return /[.!?…:;,][\s\u00a0]+$/u.test(text.slice(Math.max(0, at - 4), at));
}

interface Scan {
  closed: Omit<QuotedPart, 'paragraph'>[];
  /** The outer quotation still open at the paragraph's end. */
  open?: Frame;
}

/** Quotations inside quotations deeper than this are marks gone astray: read as text. */
const MAX_DEPTH = 8;
/** How many stray marks a paragraph is read again without, at most: past that, a mark left open just ends the reading. */
const MAX_REREADS = 16;

/**
 * One paragraph's top-level quotations from `from` on; `running` is a
 * quotation that goes on from the paragraph before, reopened at its `at`.
 */
function scan(text: string, from: number, running?: Frame): Scan {
  const stack: Frame[] = running ? [{ ...running, reopened: [] }] : [];
  const closed: Scan['closed'] = [];
  for (let at = running ? running.at + 1 : from; at < text.length; at++) {
    const char = text[at]!;
    if (!(char in OPENING) && !(char in EITHER) && !CLOSING.has(char)) continue;
    const inside = stack.findLastIndex((frame) => frame.closers.includes(char));
    if (inside !== -1 && canClose(text, at) && !possessive(text, at, stack[inside]!)) {
      const frame = stack[inside]!;
      stack.length = inside;
      if (inside === 0) closed.push({ open: frame.at, start: frame.at + 1, end: at, close: at + 1, reopened: frame.reopened });
      continue;
    }
    if (CLOSING.has(char) || (!(char in OPENING) && !canOpen(text, at))) continue;
    if (ELISION.test(text.slice(at, at + 6))) continue;
    // The same mark again after a stop, with only its own quotation open: press style, one quotation run on.
    if (stack.length === 1 && stack[0]!.mark === char && reopens(text, at)) {
      stack[0]!.reopened.push(at);
      continue;
    }
    if (stack.length < MAX_DEPTH) stack.push({ mark: char, closers: OPENING[char] ?? EITHER[char]!, at, reopened: [] });
  }
  return { closed, ...(stack[0] ? { open: stack[0] } : {}) };
}

/** Where a paragraph goes on with a quotation left open: an opening mark at its start. */
function continuation(text: string): number | undefined {
  const at = /^\s*/u.exec(text)![0].length;
  const mark = text[at];
  return mark !== undefined && (mark in OPENING || mark in EITHER) && canOpen(text, at) ? at : undefined;
}

/**
 * Every top-level quotation in the paragraphs, in reading order. A mark
 * left open at a paragraph's end opens a quotation that goes on in the next
 * paragraph when that one starts with a quotation mark; otherwise it was a
 * stray mark or an apostrophe, and the paragraph is read again without it
 * rather than anything guessed. A quotation that ran on over paragraphs and
 * never closes ends with its last paragraph.
 */
export function findQuotations(texts: readonly string[]): Quotation[] {
  const quotations: Quotation[] = [];
  let pending: { quotation: Quotation; frame: Frame } | undefined;
  for (let paragraph = 0; paragraph < texts.length; paragraph++) {
    const text = texts[paragraph]!;
    const next = texts[paragraph + 1];
    let running: Frame | undefined;
    if (pending) {
      const at = continuation(text);
      if (at === undefined) {
        if (pending.quotation.parts.length > 1) quotations.push(pending.quotation);
        pending = undefined;
      } else {
        running = { ...pending.frame, at, reopened: [] };
      }
    }
    let result = scan(text, 0, running);
    const closed = [...result.closed];
    // A mark left open that cannot run on: read the rest of the paragraph again without it (what came before it stands).
    for (let rereads = 0; result.open && result.open.at !== running?.at && !(DOUBLE.has(result.open.mark) && next !== undefined && continuation(next) !== undefined); rereads++) {
      if (rereads === MAX_REREADS) {
        result = { closed: [] };
        break;
      }
      result = scan(text, result.open.at + 1);
      closed.push(...result.closed);
    }
    for (const [index, part] of closed.entries()) {
      if (index === 0 && pending && running) {
        pending.quotation.parts.push({ paragraph, ...part });
        quotations.push(pending.quotation);
        pending = undefined;
      } else {
        quotations.push({ parts: [{ paragraph, ...part }] });
      }
    }
    if (result.open) {
      const part = { paragraph, open: result.open.at, start: result.open.at + 1, end: text.length, close: text.length, reopened: result.open.reopened };
      if (pending && result.open.at === running?.at) pending.quotation.parts.push(part);
      else pending = { quotation: { parts: [part] }, frame: result.open };
    }
  }
  if (pending && pending.quotation.parts.length > 1) quotations.push(pending.quotation);
  return quotations;
}
