// The normalised markdown: every fixture's text comes back word for word
// when the file is parsed again, and the front matter says where it came from.
import type { PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { articleMarkdown } from '../../src/render/markdown/article-file.js';
import { articleFrom, fixtureCases, inputFile, memoryDossier } from '../helpers.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

describe('normalised markdown round-trips', () => {
  for (const { name, dir } of fixtureCases('normalise')) {
    it(name, async () => {
      const file = inputFile(dir);
      const { article } = await articleFrom(dir, file);
      const tree = parser.parse(articleMarkdown(article)) as Root;
      const [front, ...body] = tree.children;
      expect(front?.type).toBe('yaml');
      const meta = parseYaml((front as { value: string }).value);
      expect(meta).toMatchObject({ title: article.title, file, format: article.format, words: article.words });
      // Same words, same block structure: escaping changed nothing a reader sees.
      const reparsed: Root = { type: 'root', children: body };
      expect(toString(reparsed)).toBe(toString(article.body));
      expect(body.map((node) => node.type)).toEqual(article.body.children.map((node) => node.type));
      // A space is written as a space: remark-stringify's `&#x20;` means one sat at a line's or a mark's edge.
      expect(articleMarkdown(article)).not.toContain('&#x20;');
    });
  }
});

describe('spaces at the edges of lines and marks', () => {
  const article = (children: PhrasingContent[]) => ({ ...memoryDossier().articles[0]!, body: { type: 'root', children: [{ type: 'paragraph', children }] } as Root });
  it.each([
    ['a mark that ends in a space', [{ type: 'strong', children: [{ type: 'text', value: 'Read more: ' }] }, { type: 'text', value: 'the report' }], '**Read more:** the report'],
    ['a mark that starts with one', [{ type: 'text', value: 'the' }, { type: 'emphasis', children: [{ type: 'text', value: ' report' }] }], 'the _report_'],
    ['a line after a break', [{ type: 'text', value: 'Photo ' }, { type: 'break' }, { type: 'text', value: ' AFP' }], 'Photo\\\nAFP'],
    ['a paragraph that starts and ends with one', [{ type: 'text', value: ' Ends. ' }], 'Ends.'],
  ] as [string, PhrasingContent[], string][])('%s', (_name, children, expected) => {
    const written = articleMarkdown(article(children));
    expect(written).not.toContain('&#x20;');
    expect(written.split('---\n\n')[1]).toBe(`${expected}\n`);
  });
});
