// Which characters of a paragraph are already taken by a name. Candidate
// spans come from a handful of regular expressions whose matches do not
// overlap, so marking and checking character by character costs, in all,
// a few times the paragraph's length, however many names it holds; a list
// of the spans taken so far, searched for each new one, grew with the
// square of their number.

export interface Span {
  start: number;
  end: number;
}

export class TakenCharacters {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  /** Whether any character of [start, end) is taken. */
  overlaps({ start, end }: Span): boolean {
    for (let at = Math.max(0, start); at < end && at < this.taken.length; at++) if (this.taken[at]) return true;
    return false;
  }

  take({ start, end }: Span): void {
    this.taken.fill(1, Math.max(0, start), Math.min(end, this.taken.length));
  }
}
