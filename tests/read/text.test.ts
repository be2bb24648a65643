// Plain-text cuttings are text, not markdown: blank lines make paragraphs,
// wrapped lines are joined, list-like lines keep their own line, and no
// character ever becomes markup.
import type { Paragraph, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { readText } from '../../src/read/text.js';

function paragraphs(text: string): Paragraph[] {
  const { tree } = readText(text, 'cutting.txt');
  return tree.children.map((node) => {
    if (node.type !== 'paragraph') throw new Error(`expected only paragraphs, got ${node.type}`);
    return node;
  });
}

/** A paragraph's children as strings, with `⏎` for a `break`. */
function inline(children: PhrasingContent[]): string[] {
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'break' ? '⏎' : `<${child.type}>`));
}

describe('readText', () => {
  it('returns the file name, the text format and no stated metadata', () => {
    const article = readText('Hello\n', 'folder/cutting.txt');
    expect(article.file).toBe('folder/cutting.txt');
    expect(article.format).toBe('text');
    expect(article.meta).toEqual({});
  });

  it('splits paragraphs at blank lines, however many, and at whitespace-only lines', () => {
    const result = paragraphs('First.\n\nSecond.\n\n\n\nThird.\n   \t\nFourth.\n');
    expect(result.map((p) => inline(p.children))).toEqual([['First.'], ['Second.'], ['Third.'], ['Fourth.']]);
  });

  it('joins single line breaks inside a paragraph with one space', () => {
    const [only, ...rest] = paragraphs('The council met on Tuesday\nand voted to close\n   the library.\n');
    expect(rest).toEqual([]);
    expect(inline(only!.children)).toEqual(['The council met on Tuesday and voted to close the library.']);
  });

  it('keeps bullet-like and numbered lines on their own line, separated by breaks', () => {
    const [only] = paragraphs('The team:\n- Smith\n* Jones\n• Brown\n1. Green\n12) White\n');
    expect(inline(only!.children)).toEqual(['The team:', '⏎', '- Smith', '⏎', '* Jones', '⏎', '• Brown', '⏎', '1. Green', '⏎', '12) White']);
  });

  it('joins a wrapped line that continues a list item only when it does not itself look like an item', () => {
    const [only] = paragraphs('- first item\nwrapped on\n- second item\n');
    expect(inline(only!.children)).toEqual(['- first item wrapped on', '⏎', '- second item']);
  });

  it('does not treat numbers and hyphens in running text as items', () => {
    const [only] = paragraphs('About\n1.5 million people\n-voted, a record\n2012. The year\n');
    expect(inline(only!.children)).toEqual(['About 1.5 million people -voted, a record 2012. The year']);
  });

  it('parses no markdown: every character stays in text nodes', () => {
    const source = '# Not a heading\n\n* not a list [^1] <b>bold</b> **strong** _em_ `code`\n\n[link](http://example.com) ![pic](a.png) &amp; > quote\n\n---\n';
    const { tree } = readText(source, 'cutting.txt');
    const types = new Set<string>();
    visit(tree, (node) => {
      types.add(node.type);
    });
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    expect(tree.children.map((node) => inline((node as Paragraph).children).join(''))).toEqual([
      '# Not a heading',
      '* not a list [^1] <b>bold</b> **strong** _em_ `code`',
      '[link](http://example.com) ![pic](a.png) &amp; > quote',
      '---',
    ]);
  });

  it('gives each paragraph the line it starts on', () => {
    const result = paragraphs('Headline\n\n\nFirst line\nsecond line\n\nLast\n');
    expect(result.map((p) => p.position?.start.line)).toEqual([1, 4, 7]);
    expect(result.map((p) => p.position?.end.line)).toEqual([1, 5, 7]);
  });

  it('counts the start line correctly when the text opens with blank lines', () => {
    const result = paragraphs('\n\n  \nBody');
    expect(result.map((p) => p.position?.start.line)).toEqual([4]);
  });

  it('keeps the lines of each paragraph, before joining, in data.sourceLines', () => {
    const result = paragraphs('Report by\nJane Smith\n\nRead more: Runway in numbers\nThe Campaigners\n');
    expect(result.map((p) => p.data?.sourceLines)).toEqual([
      ['Report by', 'Jane Smith'],
      ['Read more: Runway in numbers', 'The Campaigners'],
    ]);
  });

  it('gives an empty tree for text without any words', () => {
    expect(readText('\n\n', 'blank.txt').tree.children).toEqual([]);
  });
});
