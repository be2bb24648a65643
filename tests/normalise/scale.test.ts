// Normalising inputs whose size used to stall a build: thousands of repeated
// paragraphs, tens of thousands of headings, a paragraph of megabytes. The
// trees are built in memory, as the readers would make them. Nothing is
// timed, which is noise on a busy machine: linear work takes seconds, and
// quadratic work would run past the test's timeout.
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { InputFormat, ReadArticle } from '../../src/model.js';
import { normalise } from '../../src/normalise/index.js';
import { firstSentence, sentenceAt, sentenceEnds } from '../../src/normalise/prose.js';

const PARAGRAPH = 'The council said on Monday that the library would stay open, Mr Smith told the Herald. "We will not close it."';
const SENTENCE = 'The minister, Dr Jones, said the plan would cost more than expected and that councils had not been told. ';

const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const heading = (value: string): RootContent => ({ type: 'heading', depth: 2, children: [{ type: 'text', value }] });

function normaliseTree(children: RootContent[], format: InputFormat) {
  const tree: Root = { type: 'root', children };
  const read: ReadArticle = { file: format === 'text' ? 'big.txt' : 'big.md', format, tree, meta: {} };
  return normalise(read, []);
}

describe('normalising at scale', () => {
  it.each(['text', 'markdown'] as const)('normalises 20,000 repeated paragraphs (%s)', (format) => {
    const article = normaliseTree([paragraph('A headline for the test'), ...Array.from({ length: 20_000 }, () => paragraph(PARAGRAPH))], format);
    expect(article.title).toBe('A headline for the test');
    expect(article.body.children).toHaveLength(20_000);
  });

  it('normalises 50,000 headings', () => {
    const children = [heading('Headline'), ...Array.from({ length: 50_000 }, (_, index) => [heading('Update'), paragraph(`More text ${index}.`)]).flat()];
    const article = normaliseTree(children, 'markdown');
    expect(article.body.children).toHaveLength(100_000);
  });

  it.each(['text', 'markdown'] as const)('normalises a 5 MB paragraph (%s), the lede its headline is made from', (format) => {
    const text = SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length)).trim();
    const article = normaliseTree([paragraph(text)], format);
    expect(article.titleDerived).toBe(true);
    expect(article.title.length).toBeLessThan(200);
  });

  it('splits a 5 MB paragraph into sentences in time linear in it, abbreviations and initials still not ends', () => {
    const text = SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length)).trim();
    const ends = sentenceEnds(text);
    expect(ends).toHaveLength(Math.ceil(5_000_000 / SENTENCE.length));
    expect(firstSentence(text)).toBe(SENTENCE.trim());
    expect(sentenceAt('Mr. J. Smith spoke. Then U.S. officials left.', 30)).toBe('Then U.S. officials left.');
  });
});
