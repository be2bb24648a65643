// Copy-and-paste leaves no-break spaces, zero-width characters and runs of
// spaces in press text. They are not words, so they go.
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export default function remarkCleanWhitespace() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(INVISIBLES, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ');
    });
    visit(tree, 'paragraph', (node, index, parent) => {
      const first = node.children[0];
      const last = node.children.at(-1);
      if (first?.type === 'text') first.value = first.value.trimStart();
      if (last?.type === 'text') last.value = last.value.trimEnd();
      const empty = node.children.every((child) => child.type === 'text' && child.value === '');
      if (empty && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
