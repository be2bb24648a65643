// Caps how many block containers (quotes `>`, list items) a markdown file
// opens inside each other, before micromark sees it: micromark re-checks every
// open container on every line and resolves nested items on one line in
// quadratic time, so 1,000 nested `>` lines or `- - - … x` take minutes or
// overflow the stack. A marker that would open a container deeper than the
// cap is taken out of its line; the line's text stays, in the deepest
// container allowed. Files within the cap are returned unchanged.
//
// Emphasis nested in emphasis (`*a *a … a* a*`) and brackets in brackets
// (`[[[… x](u)](u)…`) are quadratic in micromark too, so delimiter runs and
// brackets that would open past the cap are taken out with the ones that
// close them.
//
// The container model is CommonMark's, simplified: it may think a container
// is still open when CommonMark has closed it (a lazy line), which only ever
// flattens more, never less.
import { MAX_NESTING } from './depth.js';

interface Container {
  kind: 'quote' | 'item';
  /** For a list item, the columns of indentation a line needs to stay inside it. */
  width: number;
}

interface Fence {
  marker: string;
  length: number;
  /** How many containers hold the fence: it ends when a line leaves them. */
  depth: number;
}

// Sticky, so a line of thousands of markers is matched in place, never sliced.
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FENCE = /^(`{3,}|~{3,})/;

/** The text with container markers past `max` levels removed, and whether any were. */
export function capContainerDepth(text: string, max = MAX_NESTING): { text: string; capped: boolean } {
  const lines = text.split('\n');
  let capped = false;
  let stack: Container[] = [];
  let fence: Fence | undefined;
  const inline = new InlineCap(max);
  const start = frontMatterEnd(lines);
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const scan = new LineScanner(line);

    // Which open containers this line continues.
    let matched = 0;
    for (const container of stack) {
      if (container.kind === 'quote' ? scan.quoteMarker() : scan.indent(container.width) || scan.blank()) matched++;
      else break;
    }
    if (fence && matched < fence.depth) fence = undefined;

    // Inside fenced code, a `>` or `-` is the code's text.
    if (fence) {
      const closing = FENCE.exec(scan.rest().trimStart());
      if (scan.relativeIndent() < 4 && closing?.[1]?.startsWith(fence.marker) && closing[1].length >= fence.length && scan.rest().trim() === closing[1]) {
        fence = undefined;
      }
      continue;
    }

    // The containers this line opens; those past the cap lose their marker.
    let opened = false;
    const drop: [number, number][] = [];
    for (;;) {
      const marker = scan.opener();
      if (!marker) break;
      if (!opened) stack = stack.slice(0, matched);
      opened = true;
      if (stack.length >= max) drop.push([marker.start, marker.end]);
      else stack.push(marker.container);
    }
    // Past the cap, deep indentation only makes micromark slow: four columns mean the same.
    if (capped && stack.length >= max) {
      const spaces = /^ +/.exec(scan.rest())?.[0].length ?? 0;
      if (spaces > 4) drop.push([scan.offset() + 4, scan.offset() + spaces]);
    }
    if (scan.blank()) inline.reset();
    else drop.push(...inline.scan(line, scan.offset()));
    if (drop.length > 0) {
      lines[index] = without(line, drop);
      capped = true;
    }

    const opening = scan.relativeIndent() < 4 ? FENCE.exec(scan.rest().trimStart()) : null;
    if (opening?.[1]) {
      // A fence is never a lazy line: the containers this line did not continue are closed.
      if (!opened) stack = stack.slice(0, matched);
      fence = { marker: opening[1][0]!, length: opening[1].length, depth: stack.length };
    }
  }
  return capped ? { text: lines.join('\n'), capped } : { text, capped };
}

/** Reads one line's container prefix from left to right, in columns (a tab reaches the next multiple of four). */
class LineScanner {
  private position = 0;
  private column = 0;
  /** Where the line's text ends: past it, the rest is blank. */
  private readonly end: number;

  constructor(private readonly line: string) {
    this.end = line.trimEnd().length;
  }

  offset(): number {
    return this.position;
  }

  rest(): string {
    return this.line.slice(this.position);
  }

  blank(): boolean {
    return this.position >= this.end;
  }

  /** Columns of whitespace ahead, without consuming them. */
  relativeIndent(): number {
    let column = this.column;
    for (let i = this.position; i < this.line.length; i++) {
      const char = this.line[i];
      if (char === ' ') column++;
      else if (char === '\t') column += 4 - (column % 4);
      else break;
    }
    return column - this.column;
  }

  /** Consumes `width` columns of indentation, when the line has them; looks no further than that. */
  indent(width: number): boolean {
    if (this.blank()) return false;
    let position = this.position;
    let column = this.column;
    const target = this.column + width;
    while (column < target) {
      const char = this.line[position];
      if (char === ' ') column++;
      else if (char === '\t') column += 4 - (column % 4);
      else return false;
      position++;
    }
    this.position = position;
    this.column = column;
    return true;
  }

  /** Consumes up to three spaces, a `>` and one space after it. */
  quoteMarker(): boolean {
    const indent = this.relativeIndent();
    if (indent > 3 || this.line[this.position + this.whitespaceLength()] !== '>') return false;
    this.skipWhitespace();
    this.position++;
    this.column++;
    if (this.line[this.position] === ' ' || this.line[this.position] === '\t') {
      this.position++;
      this.column++;
    }
    return true;
  }

  /** The next quote or list marker, consumed, with where it is in the line. */
  opener(): { start: number; end: number; container: Container } | undefined {
    const indent = this.relativeIndent();
    if (indent > 3) return undefined;
    const start = this.position + this.whitespaceLength();
    if (this.quoteMarker()) return { start, end: this.position, container: { kind: 'quote', width: 0 } };
    LIST_MARKER.lastIndex = start;
    const marker = LIST_MARKER.exec(this.line);
    if (!marker) return undefined;
    this.skipWhitespace();
    this.position += marker[0].length;
    this.column += marker[0].length;
    const after = this.relativeIndent();
    // One to four spaces start the item's text; more start indented code, after one.
    const gap = after >= 1 && after <= 4 && !this.blank() ? after : Math.min(after, 1);
    this.indent(gap);
    return { start, end: this.position, container: { kind: 'item', width: indent + marker[0].length + Math.max(gap, 1) } };
  }

  private whitespaceLength(): number {
    let length = 0;
    while (this.line[this.position + length] === ' ' || this.line[this.position + length] === '\t') length++;
    return length;
  }

  private skipWhitespace(): void {
    const length = this.whitespaceLength();
    this.column += this.relativeIndent();
    this.position += length;
  }
}

/**
 * Follows emphasis delimiter runs (`*`, `_`, `~`) and brackets through a
 * paragraph: a run with text after it and space or punctuation before opens,
 * the reverse closes. Openers past the cap, and the closers that pair with
 * them, are the spans to drop. CommonMark's rules are subtler; this only has
 * to be close enough that nesting cannot grow without bound.
 */
class InlineCap {
  private readonly emphasis = new Nesting();
  private readonly brackets = new Nesting();

  constructor(private readonly max: number) {}

  reset(): void {
    this.emphasis.reset();
    this.brackets.reset();
  }

  scan(line: string, from: number): [number, number][] {
    const drop: [number, number][] = [];
    DELIMITER_RUN.lastIndex = from;
    for (let match = DELIMITER_RUN.exec(line); match; match = DELIMITER_RUN.exec(line)) {
      const start = match.index;
      const end = start + match[0].length;
      let keep = true;
      if (match[0] === '[' || match[0] === ']') {
        if (line[start - 1] !== '\\') keep = match[0] === '[' ? this.brackets.push(this.max) : this.brackets.pop();
      } else {
        const before = start === 0 ? ' ' : line[start - 1]!;
        const after = end >= line.length ? ' ' : line[end]!;
        if (!SPACE_OR_PUNCTUATION.test(after) && SPACE_OR_PUNCTUATION.test(before)) keep = this.emphasis.push(this.max);
        else if (!SPACE_OR_PUNCTUATION.test(before) && SPACE_OR_PUNCTUATION.test(after)) keep = this.emphasis.pop();
      }
      if (!keep) drop.push([start, end]);
    }
    return drop;
  }
}

/** A stack of openers that remembers which were kept. */
class Nesting {
  private open: boolean[] = [];
  private kept = 0;

  reset(): void {
    this.open = [];
    this.kept = 0;
  }

  /** Opens one more level; false when it is past `max` and its marker goes. */
  push(max: number): boolean {
    const keep = this.kept < max;
    this.open.push(keep);
    if (keep) this.kept++;
    return keep;
  }

  /** Closes the innermost level; false when its opener went, so its closer goes too. */
  pop(): boolean {
    if (this.open.length === 0) return true;
    const kept = this.open.pop()!;
    if (kept) this.kept--;
    return kept;
  }
}

const DELIMITER_RUN = /\*+|_+|~+|\[|\]/g;
const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;

/** The index of the first line after YAML front matter (its `- ` items are YAML, not markdown). */
function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close === -1 ? 0 : close + 1;
}

/** The line without the given spans. */
function without(line: string, spans: [number, number][]): string {
  let result = '';
  let from = 0;
  for (const [start, end] of spans) {
    result += line.slice(from, start);
    from = end;
  }
  return result + line.slice(from);
}
