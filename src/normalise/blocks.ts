// Helpers for looking at top-level blocks of an article's mdast.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The text of a paragraph that is one plain line (no links, emphasis or line
 * breaks), or undefined: structure such as headlines and datelines only ever
 * comes from lines like this.
 */
export function plainLine(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph') return undefined;
  if (!node.children.every((child) => child.type === 'text')) return undefined;
  return toString(node).trim();
}

/** Plain paragraph text, line breaks allowed. */
export function plainParagraph(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph') return undefined;
  if (!node.children.every((child) => child.type === 'text' || child.type === 'break')) return undefined;
  return toString(node).trim();
}

/** Removes `node` from the tree's top level. */
export function removeBlock(tree: Root, node: RootContent): void {
  const index = tree.children.indexOf(node);
  if (index !== -1) tree.children.splice(index, 1);
}
