// remark-stringify writes a space it cannot leave as it is as `&#x20;`: a
// space that starts or ends a paragraph, a heading, a table cell or a line
// after a hard break would be dropped by any markdown reader, and one just
// inside `**…**` or `_…_` would stop the marks from being emphasis. Such
// spaces come from pages (`<strong>Read more: </strong>`, a caption after a
// picture). They are moved out of the emphasis and dropped at the edges of
// lines, on a copy, so the file shows plain spaces and the same words.
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';

/** Inline containers whose edges must not be spaces. */
const MARKS = new Set(['emphasis', 'strong', 'delete']);
/** Nodes whose phrasing content makes lines of their own. */
const LINES = new Set(['paragraph', 'heading', 'tableCell']);

export function withoutEdgeSpaces(tree: Root): Root {
  const copy = structuredClone(tree);
  tidy(copy);
  return copy;
}

function tidy(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children) tidy(child);
  hoistSpaces(node as Parent);
  if (LINES.has(node.type)) trimLines(node as Parent);
}

/** `**Read more: **next` → `**Read more:** next`: a mark's edge spaces go outside it. */
function hoistSpaces(parent: Parent): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as PhrasingContent;
    if (!MARKS.has(child.type) || !('children' in child)) continue;
    const first = firstText(child);
    const last = lastText(child);
    const before = first ? /^\s+/.exec(first.value)?.[0] : undefined;
    const after = last ? /\s+$/.exec(last.value)?.[0] : undefined;
    if (first && before) first.value = first.value.slice(before.length);
    if (last && after) last.value = last.value.slice(0, last.value.length - after.length);
    const spaces: [number, string][] = [];
    if (after) spaces.push([index + 1, ' ']);
    if (before) spaces.push([index, ' ']);
    for (const [at, value] of spaces) parent.children.splice(at, 0, { type: 'text', value } as Text);
    if (before) index++;
    if (after) index++;
  }
}

/** Spaces at the start and end of the block and around its hard breaks are not part of any line. */
function trimLines(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const startsLine = index === 0 || children[index - 1]!.type === 'break';
    const endsLine = index === children.length - 1 || children[index + 1]!.type === 'break';
    const first = startsLine ? firstText(child) : undefined;
    const last = endsLine ? lastText(child) : undefined;
    if (first) first.value = first.value.trimStart();
    if (last) last.value = last.value.trimEnd();
  }
  parent.children = children.filter((child) => !(child.type === 'text' && child.value === '')) as Parent['children'];
}

function firstText(node: PhrasingContent): Text | undefined {
  if (node.type === 'text') return node;
  if ('children' in node && node.children.length > 0) return firstText(node.children[0] as PhrasingContent);
  return undefined;
}

function lastText(node: PhrasingContent): Text | undefined {
  if (node.type === 'text') return node;
  if ('children' in node && node.children.length > 0) return lastText(node.children.at(-1) as PhrasingContent);
  return undefined;
}
