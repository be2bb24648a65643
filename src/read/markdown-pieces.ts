// Where a long markdown file may be cut into pieces that micromark parses one
// at a time, giving the same blocks as the whole. micromark keeps every event
// of a document (some 900 bytes each, two dozen per short block) until the
// document ends, and finds each flow token's events by scanning forward
// through them: a file of 50,000 headings took a gigabyte and twenty seconds.
// A piece of a few dozen kilobytes is parsed in linear time and its events
// are freed before the next.
//
// A cut is made only before a line that no construct can carry over a blank
// line: the line after a blank one, at the left margin, not a list marker (it
// could continue a list above), and not inside fenced code or an HTML block
// that a blank line does not end (a comment, `<pre>`, `<script>`…). A blank
// line ends every paragraph, block quote and table, and a line at the margin
// ends every list item. Fences and HTML blocks are followed at the top level
// only: a fence in a list item at most three columns in is taken for one at
// the top, which can only keep a cut from being made until a fence line closes
// it.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A place in the text, as mdast gives it. */
type Point = NonNullable<Root['position']>['start'];

/** About how long a piece is; a cut is made at the first place allowed after it. */
export const PIECE_LENGTH = 16 * 1024;

export interface Piece {
  /** Where the piece starts in the text, in UTF-16 units as micromark counts them. */
  offset: number;
  /** The line it starts on, from 1. */
  line: number;
  text: string;
}

const LINE_ENDING = /\r\n|\r|\n/g;
const BLANK = /^[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** HTML blocks (CommonMark's kinds 1–5) that go on over blank lines, with what ends each. */
const LONG_HTML: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A line that may define a link reference or a footnote, in any container: its label. */
const DEFINITION = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))*[ \t]*\[(\^?)((?:[^[\]\\\r\n]|\\.){1,999})\]:/;

/**
 * The text in pieces (one, when it is short or has nowhere to cut), and the
 * labels of the definitions it may hold. Every piece is parsed after the
 * labels' preamble, so a piece is made at least four times its length: the
 * preamble adds at most a quarter to the work, however many there are.
 */
export function markdownPieces(text: string, length = PIECE_LENGTH): { pieces: Piece[]; labels: string[] } {
  if (text.length <= length) return { pieces: [{ offset: 0, line: 1, text }], labels: [] };
  const { cuts, labels } = placesToCut(text);
  const least = Math.max(length, 4 * definitionsPreamble(labels).length);
  const pieces: Piece[] = [];
  let from = { offset: 0, line: 1 };
  for (const cut of cuts) {
    if (cut.offset - from.offset < least || text.length - cut.offset < least / 2) continue;
    pieces.push({ ...from, text: text.slice(from.offset, cut.offset) });
    from = cut;
  }
  pieces.push({ ...from, text: text.slice(from.offset) });
  return { pieces, labels: pieces.length > 1 ? labels : [] };
}

/** The definitions, with a dummy address each, that tell a piece which labels the text defines; a blank line ends them. */
export function definitionsPreamble(labels: string[]): string {
  return labels.length ? `${labels.map((label) => `[${label}]: #\n`).join('')}\n` : '';
}

/** Every place the text may be cut, and the labels of the definitions it may hold. */
function placesToCut(text: string): { cuts: { offset: number; line: number }[]; labels: string[] } {
  const cuts: { offset: number; line: number }[] = [];
  const labels = new Set<string>();
  let state: { fence: string } | { htmlEnd: RegExp } | undefined;
  let previousBlank = false;
  let line = 1;
  let start = 0;
  // Front matter is the first piece's first lines: a blank line in it is no place to cut.
  const frontMatter = /^---[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/.exec(text);
  if (frontMatter) {
    start = frontMatter[0].length;
    line += frontMatter[0].match(LINE_ENDING)?.length ?? 0;
  }
  LINE_ENDING.lastIndex = start;
  while (start < text.length) {
    const ending = LINE_ENDING.exec(text);
    const content = text.slice(start, ending ? ending.index : text.length);
    if (!state && previousBlank && content !== '' && content[0] !== ' ' && content[0] !== '\t' && !LIST_MARKER.test(content)) {
      cuts.push({ offset: start, line });
    }
    state = follow(state, content);
    if (!state) {
      const definition = DEFINITION.exec(content);
      if (definition) labels.add(`${definition[1]}${definition[2]}`);
    }
    previousBlank = BLANK.test(content);
    if (!ending) break;
    start = ending.index + ending[0].length;
    line++;
  }
  return { cuts, labels: [...labels] };
}

/** Whether, after this line, the text is inside fenced code or a long HTML block. */
function follow(state: { fence: string } | { htmlEnd: RegExp } | undefined, line: string): typeof state {
  if (state && 'fence' in state) {
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
    return close && close[0] === state.fence[0] && close.length >= state.fence.length ? undefined : state;
  }
  if (state) return state.htmlEnd.test(line) ? undefined : state;
  const fence = FENCE_OPEN.exec(line);
  // A backtick fence's info string holds no backtick.
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) return { fence: fence[1]! };
  for (const [open, end] of LONG_HTML) {
    const opening = open.exec(line);
    if (opening) return end.test(line.slice(opening[0].length)) ? undefined : { htmlEnd: end };
  }
  return undefined;
}

/**
 * Parses the text piece by piece and joins the pieces' blocks in one tree,
 * their positions those in the whole text. Each piece is told every label the
 * text defines, as a definition of its own before it (dropped after), so that
 * a reference resolves whichever piece holds its definition.
 */
export function parseInPieces(text: string, parse: (text: string) => Root, length = PIECE_LENGTH): Root {
  const { pieces, labels } = markdownPieces(text, length);
  if (pieces.length === 1) return parse(text);
  const preamble = definitionsPreamble(labels);
  const preambleLines = labels.length ? labels.length + 1 : 0;
  const tree: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) } };
  for (const piece of pieces) {
    const parsed = parse(preamble + piece.text);
    const shift = { offset: piece.offset - preamble.length, line: piece.line - 1 - preambleLines };
    for (const child of parsed.children) {
      if ((child.position?.start.offset ?? 0) < preamble.length) continue;
      visit(child, (node) => {
        if (node.position) node.position = { start: moved(node.position.start, shift), end: moved(node.position.end, shift) };
      });
      tree.children.push(child);
    }
  }
  return tree;
}

function moved(point: Point, shift: { offset: number; line: number }): Point {
  return { line: point.line + shift.line, column: point.column, ...(point.offset === undefined ? {} : { offset: point.offset + shift.offset }) };
}

function endOf(text: string): Point {
  const endings = text.match(LINE_ENDING) ?? [];
  const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: endings.length + 1, column: text.length - last, offset: text.length };
}
