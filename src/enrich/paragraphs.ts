// Body paragraphs as the enrichments see them: numbered in reading order
// (the number in the anchor `<article id>-p<n>`), with their text and a way
// to put a node at a character offset of that text. A table's cell is one:
// its text is phrasing as a paragraph's is, and a date or a name in it
// belongs in the chronology and the people as much as one in a paragraph.
import type { Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import { visit } from 'unist-util-visit';

/** A block of text with an anchor of its own. */
export type TextBlock = Paragraph | TableCell;

export interface BodyParagraph {
  node: TextBlock;
  /** 1-based, in reading order. */
  number: number;
  /** The paragraph's text; a line break counts as one space. */
  text: string;
}

/** Every paragraph of text: top level, in quotations and in list items, and every table cell. */
export function bodyParagraphs(tree: Root): BodyParagraph[] {
  const paragraphs: BodyParagraph[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'tableCell') paragraphs.push({ node, number: paragraphs.length + 1, text: paragraphText(node) });
  });
  return paragraphs;
}

export function paragraphText(node: TextBlock): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
    else if (child.type === 'break') text += ' ';
  });
  return text;
}

/**
 * Puts `inserted` at character `offset` of the paragraph, splitting the text
 * node there. An offset inside a link or emphasis inserts after that element.
 */
export function insertAtOffset(paragraph: TextBlock, offset: number, inserted: PhrasingContent): void {
  let position = 0;
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const length = inlineLength(child);
    if (offset <= position + length) {
      if (child.type === 'text' && offset < position + length) {
        const cut = offset - position;
        children.splice(index, 1, { type: 'text', value: child.value.slice(0, cut) }, inserted, {
          type: 'text',
          value: child.value.slice(cut),
        });
      } else {
        children.splice(index + 1, 0, inserted);
      }
      return;
    }
    position += length;
  }
  children.push(inserted);
}

function inlineLength(node: PhrasingContent): number {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.length;
  if (node.type === 'break') return 1;
  if ('children' in node) return (node.children as PhrasingContent[]).reduce((sum, child) => sum + inlineLength(child), 0);
  return 0;
}

/**
 * Wraps each range of characters of a paragraph in the node its `wrap`
 * makes, in one pass over the paragraph (one wrapRange per range would walk
 * it again for each: a paragraph naming someone thousands of times took
 * minutes). A range must lie inside one text node (a mention split across
 * emphasis is left alone), and one that overlaps a range already wrapped is
 * left alone too. `wrap` is called in the order
 * of the ranges' starts, only for the ranges wrapped.
 */
export function wrapRanges(paragraph: TextBlock, ranges: { start: number; end: number; wrap: (text: string) => PhrasingContent }[]): void {
  const order = [...ranges].sort((a, b) => a.start - b.start);
  const children: PhrasingContent[] = [];
  let position = 0;
  let next = 0;
  for (const child of paragraph.children) {
    const childEnd = position + inlineLength(child);
    let cut = 0;
    while (next < order.length && order[next]!.start < childEnd) {
      const range = order[next++]!;
      if (child.type !== 'text' || range.start < position + cut || range.end > childEnd) continue;
      const from = range.start - position;
      const to = range.end - position;
      if (from > cut) children.push({ type: 'text', value: child.value.slice(cut, from) });
      children.push(range.wrap(child.value.slice(from, to)));
      cut = to;
    }
    if (cut === 0) children.push(child);
    else if (child.type === 'text' && cut < child.value.length) children.push({ type: 'text', value: child.value.slice(cut) });
    position = childEnd;
  }
  paragraph.children = children;
}
