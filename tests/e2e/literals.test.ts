// Plain text is text: markdown and HTML characters in a cutting stay literal
// words in every output, and nothing from an input becomes active content.
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import JSZip from 'jszip';
import type { Root as MdastRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, inputFile, runCli, runTool, tempDir } from '../helpers.js';

const LITERALS = [
  '#1 priority for the new board',
  '* indicates a figure',
  '[^1] marks the footnote',
  '1986. That was the year',
  '`legacy`',
  '<b>urgent</b>',
  '> This line starts with a greater-than sign',
  '*asterisks*, _underscores_ and a [bracket](http://example.com)',
];

let out: string;
beforeAll(async () => {
  const input = await tempDir();
  for (const name of ['plain-text-literals', 'markdown-front-matter', 'html-page']) {
    const dir = path.join(FIXTURES, 'normalise', name);
    const file = inputFile(dir);
    await mkdir(path.join(input, name));
    await copyFile(path.join(dir, file), path.join(input, name, file));
  }
  out = await tempDir();
  const result = await runCli(['--input', input, '--out', out]);
  expect(result.code, result.stderr).toBe(0);
});

/** Text of an HTML document as a reader sees it (typography undone for comparison). */
function visibleText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  return hastToString(tree).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
}

function elements(html: string): { tag: string; attributes: Record<string, unknown> }[] {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const found: { tag: string; attributes: Record<string, unknown> }[] = [];
  visit(tree, 'element', (node) => {
    found.push({ tag: node.tagName, attributes: node.properties });
  });
  return found;
}

function expectNothingActive(html: string): void {
  const all = elements(html);
  expect(all.filter((element) => ['script', 'iframe', 'object', 'embed', 'form'].includes(element.tag))).toEqual([]);
  // The only pictures are the book's own: its cover, packed inside it.
  for (const image of all.filter((element) => element.tag === 'img')) expect(String(image.attributes.src)).toMatch(/^images\/picture-\d+\.png$/);
  for (const element of all) {
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase().startsWith('on'), `${element.tag} ${name}`).toBe(false);
      if (name === 'href' && element.tag !== 'link') expect(String(value)).toMatch(/^(?:#|https?:|mailto:|[\w.-]+\.xhtml(?:#|$))/);
      if (element.tag === 'link') expect(value === 'style.css' || name !== 'href').toBe(true);
    }
  }
  // The markup the cutting spelt out is shown, not obeyed.
  expect(all.some((element) => element.tag === 'b')).toBe(false);
}

describe('plain-text literals', () => {
  it('stay literal in the HTML, and nothing becomes active', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const text = visibleText(html);
    for (const literal of LITERALS) expect(text).toContain(literal);
    expect(text).toContain("<script>alert('not run')</script>");
    expectNothingActive(html);
  });

  it('stay literal in every EPUB chapter', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => zip.file(name)!.async('string')),
    );
    const text = visibleText(chapters.join('\n'));
    for (const literal of LITERALS) expect(text).toContain(literal);
    for (const chapter of chapters) expectNothingActive(chapter);
  });

  it('list an article’s sections under it in the EPUB’s contents', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    expect(nav).toMatch(/<a href="(article-\d+-port-strike-ends-after-pay-deal\.xhtml)">Port strike ends after pay deal<\/a>\s*<ol>\s*<li><a href="\1#article-\d+-port-strike-ends-after-pay-deal-h1">What the deal includes<\/a><\/li>/);
  });

  it('stay literal in the PDF', async () => {
    const text = (await runTool('pdftotext', [path.join(out, 'dossier.pdf'), '-'])).stdout
      .replace(/[“”]/g, '"')
      .replace(/[‘’]/g, "'")
      .replace(/\s+/g, ' ');
    for (const literal of LITERALS) expect(text).toContain(literal);
  });

  it('come back unchanged when the normalised markdown is parsed', async () => {
    const name = (await readdir(path.join(out, 'markdown'))).find((file) => file.endsWith('-markdown-characters-in-a-plain-text.md'))!;
    const markdown = await readFile(path.join(out, 'markdown', name), 'utf8');
    const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(markdown) as MdastRoot;
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph').map((node) => mdastToString(node));
    for (const literal of LITERALS) expect(paragraphs.some((paragraph) => paragraph.includes(literal)), literal).toBe(true);
    expect(tree.children.some((node) => node.type !== 'paragraph' && node.type !== 'yaml')).toBe(false);
  });
});
