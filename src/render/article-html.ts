// One article body, mdast → hast → HTML: the single path every visual format
// (HTML page, PDF, EPUB) takes. Sanitising here means no input can become
// active content in any of them.
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { typesetTree } from './typography.js';

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Our own anchors are trusted; the default prefixing would break links to them.
  clobber: [],
  clobberPrefix: '',
  protocols: { href: ['http', 'https', 'mailto'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'className'],
  },
};

/** Shifts body headings (level 2 and below in the model) under the article's headline. */
function rehypeHeadingBase(options: { headlineLevel: number }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) node.tagName = `h${Math.min(6, Number(match[1]) - 1 + options.headlineLevel)}`;
    });
  };
}

export interface ArticleHtmlOptions {
  /** Heading level of the article's headline in the page: 2 in the dossier page, 1 in an EPUB chapter. */
  headlineLevel: number;
}

export function articleBodyHtml(body: Root, options: ArticleHtmlOptions): string {
  const processor = unified()
    .use(remarkRehype)
    .use(rehypeHeadingBase, options)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  const hast = processor.runSync(typesetTree(structuredClone(body)));
  return processor.stringify(hast as HastRoot);
}
