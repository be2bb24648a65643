// Deep nesting: every reader's tree stays shallow, every word stays, and the
// time stays linear (a regression to a hang fails on the timeout, not stalls).
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/model.js';
import { limitDepth, MAX_NESTING } from '../../src/read/depth.js';
import { capHtmlDepth } from '../../src/read/html-depth.js';
import { readHtml } from '../../src/read/html.js';
import { capContainerDepth } from '../../src/read/markdown-depth.js';
import { readMarkdown } from '../../src/read/markdown.js';

/** The deepest level of the tree, counted without recursing. */
function depthOf(tree: Root): number {
  let deepest = 0;
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
  }
  return deepest;
}

function words(text: string): string[] {
  return text.match(/w\d+/g) ?? [];
}

function markdown(text: string): { tree: Root; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const { tree } = readMarkdown(text, 'deep.md', warnings, '/tmp');
  return { tree, warnings };
}

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n');

const MARKDOWN_CASES: Record<string, string> = {
  'quotes nested one deeper each line': lines(2000, (i) => `${'>'.repeat(i + 1)} w${i}`),
  'a list indented one level deeper each line': lines(2000, (i) => `${'  '.repeat(i)}- w${i}`),
  'an ordered list indented one level deeper each line': lines(1000, (i) => `${'   '.repeat(i)}1. w${i}`),
  'an inline list 700 deep': `${'- '.repeat(700)}w0`,
  'an inline list 20,000 deep': `${'- '.repeat(20_000)}w0`,
  'quotes and lists on one line': `${'> - 1. '.repeat(5000)}w0`,
  'emphasis nested in emphasis': `${Array.from({ length: 5000 }, (_, i) => `*w${i} `).join('')}x${' a*'.repeat(5000)}`,
  'links nested in brackets': `${'['.repeat(8000)}w0${'](u)'.repeat(8000)}`,
};

describe('readMarkdown: deep nesting', () => {
  for (const [name, text] of Object.entries(MARKDOWN_CASES)) {
    it(`${name}: flattened, with a warning, every word kept`, { timeout: 20_000 }, () => {
      const { tree, warnings } = markdown(text);
      expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING + 3);
      expect(words(toString(tree))).toEqual(words(text));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.file).toBe('deep.md');
      expect(warnings[0]!.message).toMatch(/more than 20 levels deep.*flattened/);
      // Later stages copy and recurse over the tree.
      expect(() => structuredClone(tree)).not.toThrow();
    });
  }

  it('leaves nesting within the cap exactly as it was, without a warning', () => {
    const text = `${lines(8, (i) => `${'>'.repeat(i + 1)} w${i}`)}\n\n- a\n  - b\n    - c **bold *and [link](u)***\n\n\`\`\`\n${'> '.repeat(40)}code\n\`\`\`\n`;
    expect(capContainerDepth(text)).toEqual({ text, capped: false });
    const { tree, warnings } = markdown(text);
    expect(warnings).toEqual([]);
    expect(toString(tree)).toContain('> '.repeat(40));
  });

  it('takes out only the markers past the cap', () => {
    expect(capContainerDepth(`${'> '.repeat(25)}text`, 20).text).toBe(`${'> '.repeat(20)}text`);
    expect(capContainerDepth(`${'- '.repeat(3)}x`, 2).text).toBe('- - x');
    expect(capContainerDepth('---\nlist:\n  - - - - a\n---\n', 2).capped).toBe(false);
  });

  // Nothing is timed, which is noise on a busy machine: quadratic work on 16,000 markers would run past the timeout.
  it('reads 16,000 nested markers without working through them one level at a time', { timeout: 20_000 }, () => {
    const list = markdown(`${'- '.repeat(16_000)}x`);
    expect(toString(list.tree)).toBe('x');
    expect(list.warnings).toHaveLength(1);
    const quotes = markdown(lines(1_600, (i) => `${'>'.repeat(i + 1)} w${i}`));
    expect(toString(quotes.tree)).toContain('w1599');
    expect(quotes.warnings).toHaveLength(1);
  });
});

describe('limitDepth', () => {
  it('flattens a tree of any depth without recursing, keeping its text', () => {
    let node: Root['children'][number] = { type: 'paragraph', children: [{ type: 'text', value: 'w0' }] };
    for (let i = 1; i <= 100_000; i++) node = { type: 'blockquote', children: [node, { type: 'paragraph', children: [{ type: 'text', value: ` w${i}` }] }] };
    const tree: Root = { type: 'root', children: [node] };
    expect(limitDepth(tree)).toBe(true);
    expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING + 3);
    expect(words(toString(tree))).toHaveLength(100_001);
  });

  it('keeps the structure of a tree within the limit', () => {
    const tree: Root = { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'x' }] }] }] }] }] };
    const copy = structuredClone(tree);
    expect(limitDepth(tree)).toBe(false);
    expect(tree).toEqual(copy);
  });
});

const INTRO = '<p>The council met on Tuesday to discuss the new bypass, and residents told the meeting that traffic on the high street had doubled since the spring.</p>';
const page = (body: string) => `<!doctype html><html><head><title>Bypass</title></head><body><article>${INTRO}${body}</article></body></html>`;
const repeat = (unit: string, count: number) => unit.repeat(count);

// Readability may judge what is the article; the innermost words must survive it.
const HTML_CASES: Record<string, string> = {
  '10,000 nested <div>s': page(`${repeat('<div>', 10_000)}w0 inner words${repeat('</div>', 10_000)}`),
  '10,000 unclosed <div>s with text': page(`${Array.from({ length: 10_000 }, (_, i) => `<div>w${10_000 - i}`).join('')} w0`),
  'nested <blockquote>s': page(`${repeat('<blockquote>', 4000)}w0`),
  '<b><i> nesting': page(`<p>${repeat('<b><i>', 4000)}w0</p>`),
  '<ul><li> nesting': page(`${repeat('<ul><li>', 4000)}w0`),
  'nested <table><tr><td>s': page(`${repeat('<table><tr><td>', 2500)}w0`),
};

describe('readHtml: deep nesting', () => {
  for (const [name, html] of Object.entries(HTML_CASES)) {
    it(`${name}: read in time, flattened, with a warning`, { timeout: 20_000 }, async () => {
      const warnings: Warning[] = [];
      const { tree } = await readHtml(html, 'deep.html', warnings, '/tmp');
      expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING + 3);
      expect(words(toString(tree))).toContain('w0');
      expect(warnings.map((warning) => warning.file)).toEqual(['deep.html']);
      expect(warnings[0]!.message).toMatch(/flattened/);
    });
  }

  it('keeps every word when it flattens the page', () => {
    const html = page(Array.from({ length: 500 }, (_, i) => `<div><span>w${i}</span>`).join(''));
    const capped = capHtmlDepth(html, 30);
    expect(capped.capped).toBe(true);
    expect(words(capped.html)).toEqual(words(html));
  });

  it('leaves a page within the cap untouched', () => {
    const html = page('<div><div><p>w1 <b>w2</b></p></div></div>');
    expect(capHtmlDepth(html)).toEqual({ html, capped: false });
  });
});
