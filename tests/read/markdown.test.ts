// Markdown cuttings: front matter becomes stated metadata, raw HTML stays
// visible as literal text, comments go, pictures become their description.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Warning } from '../../src/model.js';
import { readMarkdown } from '../../src/read/markdown.js';

function read(text: string, file = 'cutting.md') {
  const warnings: Warning[] = [];
  const article = readMarkdown(text, file, warnings, '/tmp');
  return { article, warnings };
}

function nodeTypes(tree: Root): Set<string> {
  const types = new Set<string>();
  visit(tree, (node) => {
    types.add(node.type);
  });
  return types;
}

/** The text of each top-level block. */
function blocks(tree: Root): string[] {
  return tree.children.map((node) => toString(node));
}

describe('readMarkdown: front matter', () => {
  it('maps the front-matter fields onto the stated metadata', () => {
    const { article, warnings } = read(
      [
        '---',
        'title: "Mayor: I will not apologise"',
        'date: 2012-03-21',
        'source: The Guardian',
        'author: Jane Smith',
        'url: https://example.com/mayor',
        'standfirst: The candidate stood by his remarks.',
        '---',
        '',
        'Body text.',
        '',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(article.format).toBe('markdown');
    expect(article.meta).toEqual({
      title: 'Mayor: I will not apologise',
      date: '2012-03-21',
      source: 'The Guardian',
      byline: 'Jane Smith',
      url: 'https://example.com/mayor',
      standfirst: 'The candidate stood by his remarks.',
    });
  });

  it('takes the standfirst from `description` and joins a list of authors', () => {
    const { article } = read('---\ntitle: T\ndescription: A short summary.\nauthors:\n  - Jane Smith\n  - Raj Patel\n---\n\nBody.\n');
    expect(article.meta).toEqual({ title: 'T', standfirst: 'A short summary.', byline: 'Jane Smith, Raj Patel' });
  });

  it('takes the front matter out of the body', () => {
    const { article } = read('---\ntitle: Headline\n---\n\nFirst paragraph.\n');
    expect([...nodeTypes(article.tree)]).not.toContain('yaml');
    expect(blocks(article.tree)).toEqual(['First paragraph.']);
  });

  it('warns with the file and the line of invalid YAML, and still reads the article', () => {
    const { article, warnings } = read('---\ntitle: Good\ndate: [unclosed\n---\n\nStill read.\n', 'folder/bad.md');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'folder/bad.md', line: 3 });
    expect(warnings[0]!.message).toMatch(/front matter is not valid YAML/);
    expect(article.meta).toEqual({});
    expect(blocks(article.tree)).toEqual(['Still read.']);
  });

  it('counts the warning line from the top of the file, not of the YAML', () => {
    const { warnings } = read('---\ntitle: ok\nsource: ok\nbyline: ok\ndescription: a: b\n---\n\nBody.\n');
    expect(warnings.map((w) => w.line)).toEqual([5]);
  });

  it('does not read a thematic break later in the file as front matter', () => {
    const { article, warnings } = read('Intro.\n\n---\ntitle: not front matter\n---\n\nMore.\n');
    expect(warnings).toEqual([]);
    expect(article.meta).toEqual({});
  });
});

describe('readMarkdown: raw HTML', () => {
  const source = [
    'Body text with <b>bold</b> and <span class="x">a span</span>.',
    '',
    '<div>',
    'block html',
    '</div>',
    '',
    '<script>alert(1)</script>',
    '',
    '> quoted <i>words</i>',
    '',
    '- item <u>one</u>',
    '',
  ].join('\n');

  it('never leaves an html node anywhere in the tree', () => {
    const { article } = read(source);
    expect(nodeTypes(article.tree).has('html')).toBe(false);
  });

  it('keeps inline and block HTML as the literal text it is', () => {
    const { article } = read(source);
    expect(blocks(article.tree)).toEqual([
      'Body text with <b>bold</b> and <span class="x">a span</span>.',
      '<div>\nblock html\n</div>',
      '<script>alert(1)</script>',
      'quoted <i>words</i>',
      'item <u>one</u>',
    ]);
  });

  it('puts a top-level block of HTML in a paragraph', () => {
    const { article } = read('<div>\nblock\n</div>\n');
    expect(article.tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });
});

describe('readMarkdown: HTML comments', () => {
  it('drops block, multi-line and inline comments', () => {
    const { article } = read('Before.\n\n<!-- editor: check this -->\n\n<!--\nmulti\nline\n-->\n\nText <!-- a --> more <!-- b --> end.\n');
    expect(blocks(article.tree)).toEqual(['Before.', 'Text  more  end.']);
    expect(blocks(article.tree).join('\n')).not.toContain('<!--');
  });

  it('keeps the text between two comments on one line', () => {
    const { article } = read('<!-- a --> Visible words <!-- b -->\n');
    expect(blocks(article.tree).join(' ')).toContain('Visible words');
  });

  it('drops a comment that opens a line followed by text', () => {
    const { article } = read('<!-- note to editor --> Visible words\n');
    expect(blocks(article.tree).join(' ')).not.toContain('<!--');
    expect(blocks(article.tree).join(' ')).toContain('Visible words');
  });
});

describe('readMarkdown: images', () => {
  it('replaces a picture with "[Picture: alt]" text', () => {
    const { article } = read('![A crowd outside City Hall](http://example.com/crowd.jpg)\n');
    expect(blocks(article.tree)).toEqual(['[Picture: A crowd outside City Hall]']);
    expect(nodeTypes(article.tree).has('image')).toBe(false);
  });

  it('removes a picture with no alt text, keeping the text around it', () => {
    const { article } = read('Before ![](http://example.com/a.jpg) after ![ ](b.jpg).\n');
    expect(blocks(article.tree)).toEqual(['Before  after .']);
    expect(nodeTypes(article.tree).has('image')).toBe(false);
  });

  it('treats reference-style pictures the same way', () => {
    const { article } = read('![Map of the route][map] and ![][blank]\n\n[map]: http://example.com/map.png\n[blank]: http://example.com/b.png\n');
    expect(toString(article.tree.children[0]!)).toBe('[Picture: Map of the route] and ');
    expect(nodeTypes(article.tree).has('imageReference')).toBe(false);
  });
});
