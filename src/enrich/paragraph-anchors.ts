// Every body paragraph gets a stable anchor, `<article id>-p<n>`, so other
// parts of the dossier (and readers citing it) can point at an exact paragraph.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface ParagraphAnchorOptions {
  articleId: string;
}

export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}-p${paragraph}`;
}

export default function remarkParagraphAnchors(options: ParagraphAnchorOptions) {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'paragraph', (node, _index, parent) => {
      // Paragraphs inside list items belong to the item, not the flow of text.
      if (parent?.type === 'listItem') return;
      count += 1;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: paragraphId(options.articleId, count) } };
    });
  };
}
