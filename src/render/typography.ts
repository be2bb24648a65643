// Printer's typography for the rendered outputs: curly quotes, dashes and
// ellipses. The normalised markdown keeps the cutting's own characters; only
// what readers see is typeset.
import type { Paragraph, Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** British and wire copy write a spaced hyphen where print sets an en dash. */
function remarkSpacedDashes() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(/(\S) -{1,2} (?=\S)/g, '$1 – ');
    });
  };
}

const typesetter = unified()
  .use(remarkSpacedDashes)
  .use(remarkSmartypants, { dashes: 'oldschool' })
  .freeze();

/** Typesets an article body in place. */
export function typesetTree(tree: Root): Root {
  return typesetter.runSync(tree) as Root;
}

/** Typesets a line such as a headline or a caption. */
export function typeset(text: string): string {
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
  const root: Root = { type: 'root', children: [paragraph] };
  typesetter.runSync(root);
  const [node] = paragraph.children;
  return node?.type === 'text' ? node.value : text;
}
