// Body headings start at level 2 whatever the source used: level 1 is the
// article's headline. Renderers shift them under the dossier's own headings.
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export default function remarkHeadingLevels() {
  return (tree: Root) => {
    let shallowest = 6;
    visit(tree, 'heading', (node) => {
      shallowest = Math.min(shallowest, node.depth);
    });
    const shift = 2 - shallowest;
    if (shift === 0) return;
    visit(tree, 'heading', (node) => {
      node.depth = Math.min(6, Math.max(2, node.depth + shift)) as Heading['depth'];
    });
  };
}
