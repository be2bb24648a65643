// A long markdown file is parsed in pieces: the pieces must give the very
// tree the whole file gives, positions included, whatever spans a blank line.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPieces, parseInPieces } from '../../src/read/markdown-pieces.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const parse = (text: string) => parser.parse(text) as Root;

/** Cut as often as the text allows: a piece ends at the first place after a single character. */
const TINY = 1;

const FILLER = Array.from({ length: 12 }, (_, index) => `Filler paragraph ${index}.\n\n`).join('');

const CASES: Record<string, string> = {
  'headings and paragraphs': '# Headline\n\n## One\n\nText of one.\n\n## Two\n\nText of two,\non two lines.\n\n### Three\n\nLast.\n',
  'front matter with a blank line in it': '---\ntitle: A\n\nsource: B\n---\n\nFirst.\n\nSecond.\n',
  'fenced code with blank lines and lines at the margin': 'Before.\n\n```\ncode\n\nat the margin\n\n```\n\n~~~~\nx\n\n~~~\nstill code\n~~~~\n\nAfter.\n',
  'a backtick fence whose info string has a backtick is no fence': 'A.\n\n```a`b\n\nB.\n\n```\n\nC.\n\n```\n',
  'HTML comments and pre blocks over blank lines': 'A.\n\n<!-- a comment\n\nstill the comment\n-->\n\nB.\n\n<pre>\n\nkept\n\n</pre>\n\nC.\n',
  'loose lists, which a blank line does not end': '- one\n\n- two\n\n  more of two\n\n- three\n\n1. first\n\n2. second\n\nAfter the lists.\n',
  'block quotes and tables': '> quoted\n\n> again\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter.\n',
  // Long enough for pieces four times the definitions' preamble.
  'references and footnotes defined in another piece': `See [the report][r] and [Report].\n\nA note.[^n]\n\n${FILLER}[r]: https://example.com/r "The report"\n\n${FILLER}[report]: https://example.com/R\n\n[^n]: The note.\n\n${FILLER}End [r].\n`,
  'line endings of every kind': 'A.\r\n\r\nB.\r\rC.\n\nD.\r\n',
  'a lone heading line at the margin after code': '    indented code\n\n# Heading\n\ntext\n',
};

describe('parseInPieces', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`gives the tree of the whole text: ${name}`, () => {
      expect(markdownPieces(text, TINY).pieces.length, 'the case is cut at least once').toBeGreaterThan(1);
      expect(parseInPieces(text, parse, TINY)).toEqual(parse(text));
    });
  }

  it('cuts nowhere inside fenced code, a comment or front matter', () => {
    const { pieces } = markdownPieces(CASES['fenced code with blank lines and lines at the margin']!, TINY);
    expect(pieces.map((piece) => piece.text)).toContain('```\ncode\n\nat the margin\n\n```\n\n');
  });

  it('makes pieces four times as long as the preamble of many definitions, so the preamble adds a quarter at most', () => {
    const text = Array.from({ length: 3_000 }, (_, index) => `Text [a link][label ${index}]. ${'More words of the report. '.repeat(12)}\n\n[label ${index}]: https://example.com/${index}\n\n`).join('');
    const { pieces, labels } = markdownPieces(text);
    expect(labels).toHaveLength(3_000);
    const preamble = labels.map((label) => `[${label}]: #\n`).join('').length;
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.text.length).toBeGreaterThanOrEqual(4 * preamble);
    expect(parseInPieces(text, parse)).toEqual(parse(text));
  });

  it('parses a short text whole', () => {
    expect(markdownPieces('# A\n\nB.\n\nC.\n').pieces).toHaveLength(1);
  });

  it('keeps every piece short in a long file of headings, so no parse holds the whole file', () => {
    const text = Array.from({ length: 20_000 }, (_, index) => `## Update\n\nMore text ${index}.\n\n`).join('');
    const { pieces } = markdownPieces(text);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((piece) => piece.text.length))).toBeLessThan(70 * 1024);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });
});
