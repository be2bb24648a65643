// At each occurrence of a shared passage, a footnote: "Also in: ⟨headline⟩,
// ⟨headline⟩", each linking to the paragraph in the other article; past a
// few articles, "Also in 12 other articles, among them: …". GFM
// footnotes in mdast, so every writer renders real footnotes (pop-up notes
// in the EPUB, notes in the HTML and PDF).
import type { FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import type { SharedPassage } from '../../model.js';
import { paragraphId, passagesNoteId } from '../../ids.js';
import { bodyParagraphs, insertAtOffset } from '../paragraphs.js';

export interface PlacedPassage extends SharedPassage {
  /** Where the passage starts and ends in each occurrence's paragraph text. */
  starts: number[];
  ends: number[];
}

export interface PassageNoteOptions {
  articleId: string;
  sharedPassages: PlacedPassage[];
  titles: Map<string, string>;
}

/** A note names this many other articles; past that, it says how many more there are (the passage's entry in dossier.json has them all). */
export const NOTE_ARTICLES = 5;

interface Span {
  passage: PlacedPassage;
  start: number;
  end: number;
}

export default function remarkPassageNotes(options: PassageNoteOptions) {
  return (tree: Root) => {
    const paragraphs = bodyParagraphs(tree);
    // Each paragraph's passages, in order of where they start there.
    const byParagraph = new Map<number, Span[]>();
    for (const passage of options.sharedPassages) {
      passage.occurrences.forEach((occurrence, index) => {
        if (occurrence.article !== options.articleId) return;
        const spans = byParagraph.get(occurrence.paragraph) ?? [];
        spans.push({ passage, start: passage.starts[index]!, end: passage.ends[index]! });
        byParagraph.set(occurrence.paragraph, spans);
      });
    }
    const definitions = new Map<string, FootnoteDefinition>();
    for (const [number, spans] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
      const paragraph = paragraphs[number - 1];
      if (!paragraph) continue;
      for (const cluster of overlapping(spans)) {
        // Passages that overlap in a paragraph (one sentence matched to different lengths by different articles) share one note.
        const passages = [...new Set(cluster.map((span) => span.passage))];
        const id = passagesNoteId(passages.map((passage) => passage.id));
        const end = Math.max(...cluster.map((span) => span.end));
        insertAtOffset(paragraph.node, callOffset(paragraph.text, end), { type: 'footnoteReference', identifier: id, label: id });
        if (!definitions.has(id)) definitions.set(id, definition(id, passages, options));
      }
    }
    tree.children.push(...definitions.values());
  };
}

/**
 * Spans of one paragraph in groups that overlap, each group once: a passage
 * that recurs in the paragraph is called once, after its last occurrence.
 */
function overlapping(spans: Span[]): Span[][] {
  const groups: Span[][] = [];
  let end = -1;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < end) groups.at(-1)!.push(span);
    else groups.push([span]);
    end = Math.max(end, span.end);
  }
  // One passage in two groups of one paragraph: both groups become one, called once.
  const merged: Span[][] = [];
  for (const group of groups) {
    const same = merged.find((other) => other.some((span) => group.some((mine) => mine.passage === span.passage)));
    if (same) same.push(...group);
    else merged.push(group);
  }
  return merged;
}

/** Punctuation that closes a clause. */
const CLAUSE_END = /[.,;:!?…]/u;

/** A quotation mark or bracket that closes what went before: not an apostrophe inside a word, not an opening quote. */
function closes(text: string, at: number): boolean {
  const char = text[at]!;
  if (/[”»)\]]/u.test(char)) return true;
  // A quotation mark closes only a quotation opened before it in the paragraph; otherwise it ends a plural's possessive ("voters’ trust").
  if (char === '’' || char === "'") return !/\p{L}/u.test(text[at + 1] ?? '') && quotationOpen(text, at, char);
  if (char === '"') return at > 0 && !/\s/u.test(text[at - 1]!);
  return false;
}

/** Whether a single quotation is open at `at`: opened before it ("‘", or "'" after a space) and not closed since. */
function quotationOpen(text: string, at: number, close: string): boolean {
  const opening = close === '’' ? /‘/gu : /(?:^|[\s(])'/gu;
  let opened = -1;
  for (const match of text.slice(0, at).matchAll(opening)) opened = match.index + match[0].length - 1;
  if (opened < 0) return false;
  // A closing mark between, one not inside a word, ends that quotation.
  for (let index = opened + 1; index < at; index++) if (text[index] === close && !/\p{L}/u.test(text[index + 1] ?? '')) return false;
  return true;
}

/**
 * Where a note's call goes: not where the matched words stop, which may be
 * inside a phrase ("pledge to¹ stand down"), but at the end of that clause,
 * after its punctuation and closing quotation marks.
 */
export function callOffset(text: string, end: number): number {
  let at = end;
  // A passage that already ends with its clause's punctuation keeps its call there.
  const ended = at > 0 && (CLAUSE_END.test(text[at - 1]!) || closes(text, at - 1));
  while (!ended && at < text.length && !CLAUSE_END.test(text[at]!) && !closes(text, at)) at++;
  while (at < text.length && (CLAUSE_END.test(text[at]!) || closes(text, at))) at++;
  return at;
}

function definition(id: string, passages: SharedPassage[], options: PassageNoteOptions): FootnoteDefinition {
  // Each other article once, at the first paragraph where it has one of the passages.
  const others = new Map<string, number>();
  for (const occurrence of passages.flatMap((passage) => passage.occurrences)) {
    if (occurrence.article !== options.articleId && !others.has(occurrence.article)) others.set(occurrence.article, occurrence.paragraph);
  }
  const named = [...others].slice(0, NOTE_ARTICLES);
  const more = others.size - named.length;
  const children: PhrasingContent[] = [{ type: 'text', value: more > 0 ? `Also in ${others.size} other articles, among them: ` : 'Also in: ' }];
  named.forEach(([article, paragraph], index) => {
    if (index > 0) children.push({ type: 'text', value: ', ' });
    children.push({
      type: 'link',
      url: `#${paragraphId(article, paragraph)}`,
      children: [{ type: 'text', value: options.titles.get(article) ?? article }],
    });
  });
  children.push({ type: 'text', value: more > 0 ? ` and ${more} more.` : '.' });
  return { type: 'footnoteDefinition', identifier: id, label: id, children: [{ type: 'paragraph', children }] };
}
