// Markdown cuttings → mdast. Front matter is honoured; raw HTML is never
// passed through as markup: it stays visible as the literal text it is.
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ReadArticle, StatedMeta, Warning } from '../model.js';
import { limitArticleDepth } from './depth.js';
import { statedMeta } from './front-matter.js';
import { capContainerDepth } from './markdown-depth.js';
import { parseInPieces } from './markdown-pieces.js';
import { picture } from './pictures.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function readMarkdown(text: string, file: string, warnings: Warning[], root: string): ReadArticle {
  const context = { root, file, warnings };
  // Depth is bounded before micromark (superlinear in nesting) and again on its tree, before anything recurses over it.
  const capped = capContainerDepth(text);
  const tree = parseInPieces(capped.text, (text) => parser.parse(text) as Root);
  limitArticleDepth(tree, file, warnings, capped.capped);
  let meta: StatedMeta = {};

  const first = tree.children[0];
  if (first?.type === 'yaml') {
    tree.children.shift();
    try {
      meta = statedMeta(parseYaml(first.value));
    } catch (error) {
      const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : first.position?.start.line;
      warnings.push({
        file,
        ...(line ? { line } : {}),
        message: `the front matter is not valid YAML (${firstLine(error)}); it was ignored. Fix the YAML between the --- lines.`,
      });
    }
  }

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      // Comments are notes to the editor, not article text; the rest of the
      // HTML stays visible as the literal text it is.
      const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
      if (value === '') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const literal = { type: 'text', value, position: node.position } as RootContent;
      // A block of HTML becomes a paragraph of its literal text.
      parent.children[index] = (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem'
        ? { type: 'paragraph', children: [literal], position: node.position }
        : literal) as never;
      return SKIP;
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      // A reference-style picture keeps its description; its address is a definition elsewhere.
      const alt = node.alt?.trim();
      const replacement =
        node.type === 'image' ? picture(node.url, node.alt ?? '', context) : alt ? ({ type: 'text', value: `[Picture: ${alt}]` } as const) : undefined;
      if (replacement) parent.children[index] = replacement as never;
      else {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return SKIP;
    }
    return undefined;
  });

  return { file, format: 'markdown', tree, meta };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown error';
}
