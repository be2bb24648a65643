// Body paragraphs as the enrichments see them: numbered in reading order
// (the number in the anchor `<article id>-p<n>`), with their text and a way
// to put a node at a character offset of that text.
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface BodyParagraph {
  node: Paragraph;
  /** 1-based, in reading order. */
  number: number;
  /** The paragraph's text; a line break counts as one space. */
  text: string;
}

/** Every paragraph of text: top level, in quotations and in list items. */
export function bodyParagraphs(tree: Root): BodyParagraph[] {
  const paragraphs: BodyParagraph[] = [];
  visit(tree, 'paragraph', (node) => {
    paragraphs.push({ node, number: paragraphs.length + 1, text: paragraphText(node) });
  });
  return paragraphs;
}

export function paragraphText(node: Paragraph): string {
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
export function insertAtOffset(paragraph: Paragraph, offset: number, inserted: PhrasingContent): void {
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
 * Wraps characters [start, end) of a paragraph in a node made by `wrap`, when
 * they lie inside one text node (a mention split across emphasis is left alone).
 */
export function wrapRange(paragraph: Paragraph, start: number, end: number, wrap: (text: string) => PhrasingContent): boolean {
  let position = 0;
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const length = inlineLength(child);
    if (start < position + length) {
      if (child.type !== 'text' || end > position + length) return false;
      const from = start - position;
      const to = end - position;
      const parts: PhrasingContent[] = [];
      if (from > 0) parts.push({ type: 'text', value: child.value.slice(0, from) });
      parts.push(wrap(child.value.slice(from, to)));
      if (to < child.value.length) parts.push({ type: 'text', value: child.value.slice(to) });
      children.splice(index, 1, ...parts);
      return true;
    }
    position += length;
  }
  return false;
}
