// At each occurrence of a shared passage, a footnote: "Also in: ⟨headline⟩,
// ⟨headline⟩", each linking to the paragraph in the other article. GFM
// footnotes in mdast, so every writer renders real footnotes (pop-up notes
// in the EPUB, notes in the HTML and PDF).
import type { FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import type { SharedPassage } from '../../model.js';
import { paragraphId } from '../../ids.js';
import { bodyParagraphs, insertAtOffset } from '../paragraphs.js';

export interface PlacedPassage extends SharedPassage {
  /** Where the passage ends in each occurrence's paragraph text. */
  ends: number[];
}

export interface PassageNoteOptions {
  articleId: string;
  sharedPassages: PlacedPassage[];
  titles: Map<string, string>;
}

export default function remarkPassageNotes(options: PassageNoteOptions) {
  return (tree: Root) => {
    const paragraphs = bodyParagraphs(tree);
    const definitions: FootnoteDefinition[] = [];
    for (const passage of options.sharedPassages) {
      const here = passage.occurrences
        .map((occurrence, index) => ({ ...occurrence, end: passage.ends[index]! }))
        .filter((occurrence) => occurrence.article === options.articleId);
      if (here.length === 0) continue;
      // One call per paragraph, however often the passage recurs in it: after its last occurrence there.
      const lastEnd = new Map<number, number>();
      for (const occurrence of here) lastEnd.set(occurrence.paragraph, Math.max(lastEnd.get(occurrence.paragraph) ?? 0, occurrence.end));
      for (const [number, end] of lastEnd) {
        const paragraph = paragraphs[number - 1];
        if (!paragraph) continue;
        insertAtOffset(paragraph.node, callOffset(paragraph.text, end), { type: 'footnoteReference', identifier: passage.id, label: passage.id });
      }
      definitions.push(definition(passage, options));
    }
    tree.children.push(...definitions);
  };
}

/** Punctuation that closes a clause. */
const CLAUSE_END = /[.,;:!?…]/u;

/** A quotation mark or bracket that closes what went before: not an apostrophe inside a word, not an opening quote. */
function closes(text: string, at: number): boolean {
  const char = text[at]!;
  if (/[”»)\]]/u.test(char)) return true;
  if (char === '’' || char === "'") return !/\p{L}/u.test(text[at + 1] ?? '');
  if (char === '"') return at > 0 && !/\s/u.test(text[at - 1]!);
  return false;
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

function definition(passage: SharedPassage, options: PassageNoteOptions): FootnoteDefinition {
  // Each other article once, at the first paragraph where it has the passage.
  const others = new Map<string, number>();
  for (const occurrence of passage.occurrences) {
    if (occurrence.article !== options.articleId && !others.has(occurrence.article)) others.set(occurrence.article, occurrence.paragraph);
  }
  const children: PhrasingContent[] = [{ type: 'text', value: 'Also in: ' }];
  [...others].forEach(([article, paragraph], index) => {
    if (index > 0) children.push({ type: 'text', value: ', ' });
    children.push({
      type: 'link',
      url: `#${paragraphId(article, paragraph)}`,
      children: [{ type: 'text', value: options.titles.get(article) ?? article }],
    });
  });
  children.push({ type: 'text', value: '.' });
  return { type: 'footnoteDefinition', identifier: passage.id, label: passage.id, children: [{ type: 'paragraph', children }] };
}
