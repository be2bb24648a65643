// Every body paragraph gets a stable anchor, `<article id>-p<n>`, so other
// parts of the dossier (and readers citing it) can point at an exact paragraph.
import type { Root } from 'mdast';
import { bodyParagraphs } from './paragraphs.js';

export interface ParagraphAnchorOptions {
  articleId: string;
}

export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}-p${paragraph}`;
}

export default function remarkParagraphAnchors(options: ParagraphAnchorOptions) {
  return (tree: Root) => {
    for (const { node, number } of bodyParagraphs(tree)) {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: paragraphId(options.articleId, number) } };
    }
  };
}
