// Occurrences of shared passages, grouped: which occurrences are one
// passage, and how a group that linking pairs of articles joined is split
// into stretches of one text (find.ts finds the occurrences).
/** Of the longer of two occurrences in one paragraph, the share of its words the other must cover to be the same passage. */
const SAME_STRETCH = 2 / 3;
/** Of the larger of two occurrences' sets of words, the share they must have in common to be one passage's text. */
const SAME_TEXT = 0.8;
/** Texts one group is compared with: past this many, its other occurrences are left alone rather than compared with every text. */
const MAX_STRETCHES = 200;

export interface FoundOccurrence {
  article: string;
  paragraph: number;
  /** Character offsets of the passage in the paragraph's text. */
  start: number;
  end: number;
}

export interface FoundPassage {
  text: string;
  occurrences: FoundOccurrence[];
}

/** A passage's place while it is found: its paragraph (an index into all the dossier's paragraphs) and characters in the paragraph's text. */
export interface Occurrence {
  para: number;
  start: number;
  end: number;
}

/**
 * Occurrences of passages in paragraphs, joined into groups: two occurrences
 * in one paragraph that cover nearly the same words are the same passage.
 * Nearly the same stretch, not merely overlapping: a paragraph that holds two
 * sentences, each shared with a different article, would otherwise join the
 * two sentences into one passage, and through such paragraphs, passage
 * after passage into one that spans the dossier.
 */
export class OccurrenceSet {
  private readonly all: Occurrence[] = [];
  private readonly parent: number[] = [];
  private readonly byPara = new Map<number, number[]>();

  add(para: number, start: number, end: number): number {
    const existing = this.byPara.get(para) ?? [];
    for (const index of existing) {
      const occurrence = this.all[index]!;
      const overlap = Math.min(end, occurrence.end) - Math.max(start, occurrence.start);
      if (overlap >= SAME_STRETCH * Math.max(end - start, occurrence.end - occurrence.start)) {
        occurrence.start = Math.min(start, occurrence.start);
        occurrence.end = Math.max(end, occurrence.end);
        return index;
      }
    }
    const index = this.all.push({ para, start, end }) - 1;
    this.parent.push(index);
    existing.push(index);
    this.byPara.set(para, existing);
    return index;
  }

  link(a: number, b: number): void {
    this.parent[this.root(a)] = this.root(b);
  }

  groups(): Occurrence[][] {
    const groups = new Map<number, Occurrence[]>();
    this.all.forEach((occurrence, index) => {
      const root = this.root(index);
      const group = groups.get(root);
      if (group) group.push(occurrence);
      else groups.set(root, [occurrence]);
    });
    return [...groups.values()];
  }

  private root(index: number): number {
    while (this.parent[index] !== index) {
      this.parent[index] = this.parent[this.parent[index]!]!;
      index = this.parent[index]!;
    }
    return index;
  }
}

/**
 * A group of linked occurrences split into stretches of one text: each
 * occurrence goes with the first (in reading order) whose words it nearly
 * shares. Linking pairs of articles is transitive, the text is not: A shares
 * a sentence with B, B a longer one with C, C another with D, and D nothing
 * with A.
 */
export function splitByText(group: Occurrence[], wordsOf: (occurrence: Occurrence) => string[]): Occurrence[][] {
  if (group.length <= 2) return [group];
  const ordered = [...group].sort((a, b) => a.para - b.para || a.start - b.start);
  const stretches: { words: Set<string>; occurrences: Occurrence[] }[] = [];
  for (const occurrence of ordered) {
    const words = new Set(wordsOf(occurrence));
    const same = stretches.slice(0, MAX_STRETCHES).find((stretch) => sameText(words, stretch.words));
    if (same) same.occurrences.push(occurrence);
    else stretches.push({ words, occurrences: [occurrence] });
  }
  return stretches.map((stretch) => stretch.occurrences);
}

function sameText(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared >= SAME_TEXT * Math.max(a.size, b.size);
}

/**
 * A passage that says nothing another does not: a stretch that holds,
 * wherever it occurs, most of its words in a shorter passage found in all of
 * its articles and more (a sentence two articles share with its last words,
 * where more articles share the sentence alone). Its notes would repeat the
 * shorter one's, so it is left out.
 */
export function withoutRepeatedNotes(passages: FoundPassage[]): FoundPassage[] {
  const place = (occurrence: FoundOccurrence) => `${occurrence.article}#${occurrence.paragraph}`;
  const byPlace = new Map<string, { passage: number; occurrence: FoundOccurrence }[]>();
  passages.forEach((passage, index) => {
    for (const occurrence of passage.occurrences) {
      const list = byPlace.get(place(occurrence));
      if (list) list.push({ passage: index, occurrence });
      else byPlace.set(place(occurrence), [{ passage: index, occurrence }]);
    }
  });
  const articlesOf = passages.map((passage) => new Set(passage.occurrences.map((occurrence) => occurrence.article)));
  // The passages nested in an occurrence and covering most of it: inside its words, in its paragraph.
  const nestedIn = (occurrence: FoundOccurrence, self: number) =>
    new Set(
      (byPlace.get(place(occurrence)) ?? [])
        .filter(
          (other) =>
            other.passage !== self &&
            other.occurrence.start >= occurrence.start &&
            other.occurrence.end <= occurrence.end &&
            other.occurrence.end - other.occurrence.start >= SAME_STRETCH * (occurrence.end - occurrence.start),
        )
        .map((other) => other.passage),
    );
  const dropped = new Set<number>();
  passages.forEach((passage, index) => {
    let candidates = nestedIn(passage.occurrences[0]!, index);
    for (const occurrence of passage.occurrences.slice(1)) {
      if (candidates.size === 0) break;
      const here = nestedIn(occurrence, index);
      candidates = new Set([...candidates].filter((candidate) => here.has(candidate)));
    }
    const covering = [...candidates].find((other) => !dropped.has(other) && articlesOf[other]!.size > articlesOf[index]!.size && [...articlesOf[index]!].every((article) => articlesOf[other]!.has(article)));
    if (covering !== undefined) dropped.add(index);
  });
  return passages.filter((_, index) => !dropped.has(index));
}

/** Groups that share a paragraph and the same articles are one passage. */
export function joinSharingParagraphs(groups: Occurrence[][], articleOf: (occurrence: Occurrence) => number): Occurrence[][] {
  const signature = (group: Occurrence[]) => [...new Set(group.map(articleOf))].sort((a, b) => a - b).join(',');
  const joined = new Map<string, Occurrence[]>();
  const owner = new Map<number, string>();
  for (const group of groups) {
    const key = signature(group);
    const shared = group.map((occurrence) => owner.get(occurrence.para)).find((candidate) => candidate !== undefined && candidate.startsWith(`${key}#`));
    const id = shared ?? `${key}#${joined.size}`;
    // Added to in place: copying the joined list for each group grew with the square of the groups.
    const list = joined.get(id);
    if (list) for (const occurrence of group) list.push(occurrence);
    else joined.set(id, [...group]);
    for (const occurrence of group) owner.set(occurrence.para, id);
  }
  return [...joined.values()];
}

/** One occurrence per paragraph: two runs of the same passage in a paragraph become one. */
export function mergeByParagraph(group: Occurrence[]): Occurrence[] {
  const merged = new Map<number, Occurrence>();
  for (const occurrence of group) {
    const seen = merged.get(occurrence.para);
    if (seen) {
      seen.start = Math.min(seen.start, occurrence.start);
      seen.end = Math.max(seen.end, occurrence.end);
    } else {
      merged.set(occurrence.para, { ...occurrence });
    }
  }
  return [...merged.values()].sort((x, y) => x.para - y.para);
}
