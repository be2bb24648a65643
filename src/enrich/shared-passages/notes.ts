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
      for (const occurrence of here) {
        const paragraph = paragraphs[occurrence.paragraph - 1];
        if (!paragraph) continue;
        insertAtOffset(paragraph.node, occurrence.end, { type: 'footnoteReference', identifier: passage.id, label: passage.id });
      }
      definitions.push(definition(passage, options));
    }
    tree.children.push(...definitions);
  };
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
