// Every body paragraph gets a stable anchor, `<article id>-p<n>`, so other
// parts of the dossier (and readers citing it) can point at an exact
// paragraph; every heading one too, `<article id>-h<n>`.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { paragraphId } from '../ids.js';
import { bodyParagraphs } from './paragraphs.js';

export interface ParagraphAnchorOptions {
  articleId: string;
}

export function headingId(articleId: string, heading: number): string {
  return `${articleId}-h${heading}`;
}


export default function remarkParagraphAnchors(options: ParagraphAnchorOptions) {
  return (tree: Root) => {
    for (const { node, number } of bodyParagraphs(tree)) {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: paragraphId(options.articleId, number) } };
    }
    // Headings too: the EPUB's contents lists an article's sections under it.
    let heading = 0;
    visit(tree, 'heading', (node) => {
      heading += 1;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: headingId(options.articleId, heading) } };
    });
  };
}
