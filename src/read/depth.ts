// Bounds how deeply an article's mdast tree nests. Later stages recurse over
// the tree (unist-util-visit, structuredClone, remark-rehype, the writers), so
// a cutting of quotes or lists nested thousands deep would overflow the stack.
// No article needs more than a few levels: past MAX_NESTING, nested content is
// flattened into the container at that level, keeping every word.
import type { ListItem, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Warning } from '../model.js';

/** The deepest level (the root is 0) at which a container still keeps structure below it. */
export const MAX_NESTING = 20;

/** Nodes whose children are phrasing content: flattening keeps only their leaves (text, code, pictures, breaks). */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** Nodes that must keep their own children's type (a list holds items, a table rows): they are flattened one level down. */
const STRUCTURAL = new Set(['list', 'table', 'tableRow']);

/**
 * Flattens, in place, every container deeper than `max`: a block container
 * (quote, list item, footnote) then holds its descendants' paragraphs,
 * headings and code as a flat run of blocks, and a phrasing node its text.
 * No node ends up deeper than `max + 3`. Iterative, and linear in the size
 * of the tree, however deep it is. Returns whether anything was flattened.
 */
export function limitDepth(tree: Root, max = MAX_NESTING): boolean {
  let flattened = false;
  const stack: [Parent, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth >= max && !STRUCTURAL.has(node.type)) {
      flattened = (PHRASING_PARENTS.has(node.type) ? flattenPhrasing(node) : flattenBlocks(node)) || flattened;
      continue;
    }
    for (const child of node.children) if (isParent(child)) stack.push([child, depth + 1]);
  }
  return flattened;
}

/** Limits the tree's depth and, when that changed it, says so in a warning naming the file. */
export function limitArticleDepth(tree: Root, file: string, warnings: Warning[], alreadyFlattened = false): void {
  if (limitDepth(tree) || alreadyFlattened) warnings.push(nestingWarning(file));
}

/** One wording for every reader, so a file flattened twice (before and after parsing) gets one warning. */
export function nestingWarning(file: string): Warning {
  return {
    file,
    message: `it nests quotations, lists or other containers more than ${MAX_NESTING} levels deep; the deeper levels were flattened into the level above them, keeping their text.`,
  };
}

function isParent(node: RootContent | Parent): node is Parent & RootContent {
  return Array.isArray((node as Parent).children);
}

/** Replaces a phrasing node's children with the leaves beneath them, in order. */
function flattenPhrasing(node: Parent): boolean {
  const leaves: PhrasingContent[] = [];
  let removed = false;
  const pending: RootContent[] = [...node.children].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (isParent(child)) {
      removed = true;
      for (let i = child.children.length - 1; i >= 0; i--) pending.push(child.children[i]!);
    } else leaves.push(child as PhrasingContent);
  }
  node.children = leaves as never;
  return removed;
}

/** Replaces a block container's children with the leaf blocks beneath them, in order, their phrasing flattened. */
function flattenBlocks(node: Parent): boolean {
  const blocks: RootContent[] = [];
  let removed = false;
  const pending: RootContent[] = [...node.children].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (!isParent(child)) blocks.push(child);
    else if (PHRASING_PARENTS.has(child.type)) {
      removed = flattenPhrasing(child) || removed;
      blocks.push(child);
    } else if (child.type === 'table') {
      for (const row of child.children) for (const cell of row.children) removed = flattenPhrasing(cell) || removed;
      blocks.push(child);
    } else {
      removed = true;
      for (let i = child.children.length - 1; i >= 0; i--) pending.push(child.children[i]!);
    }
  }
  node.children = blocks as never;
  // A tight list's item shows its paragraphs run together, without a <p> and
  // so without their anchors: one that now holds several blocks is loose.
  if (node.type === 'listItem' && blocks.length > 1) (node as ListItem).spread = true;
  return removed;
}
