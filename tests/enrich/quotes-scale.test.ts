// Finding quotations on inputs whose size could make a step quadratic:
// thousands of paragraphs each quoting someone, one paragraph holding
// thousands of quotations with no stop between them, one full of stray marks
// and apostrophes, one person quoted thousands of times. A step that turned
// quadratic would run past the test's timeout. (No timing thresholds: the
// machine is shared.)
import { describe, expect, it } from 'vitest';
import type { BodyParagraph } from '../../src/enrich/paragraphs.js';
import { findQuotes } from '../../src/enrich/quotes.js';
import type { Person } from '../../src/model.js';
import { quotesByPerson } from '../../src/render/view/quotes-view.js';

const paragraphs = (texts: string[]): BodyParagraph[] =>
  texts.map((text, index) => ({ node: { type: 'paragraph', children: [{ type: 'text', value: text }] }, number: index + 1, text }));
const SMITH: Person = { id: 'person-jane-smith', name: 'Jane Smith', aliases: ['Smith', 'Ms Smith'], roles: [], mentions: [{ article: 'a', count: 1 }] };
const quotesIn = (texts: string[]) => findQuotes([{ id: 'a', paragraphs: paragraphs(texts) }], [SMITH], []);
const SAID = 'Ms Smith spoke at the hall. "We will win this one, and soon," she said. ';

describe('quotations at scale', () => {
  it('are found in 20,000 paragraphs, each credited', () => {
    const quotes = quotesIn(Array.from({ length: 20_000 }, () => SAID));
    expect(quotes).toHaveLength(20_000);
    expect(quotes.every((quote) => quote.speaker.person === SMITH.id)).toBe(true);
  });

  it('are found in one paragraph of 20,000 sentences, and of 20,000 quotations with no stop between them', () => {
    expect(quotesIn([SAID.repeat(20_000)])).toHaveLength(20_000);
    expect(quotesIn(['Ms Smith said "one two three four," and '.repeat(20_000)])).toHaveLength(20_000);
  });

  it('read a paragraph of 50,000 stray marks and apostrophes without reading it again for each', () => {
    expect(quotesIn([`'a "b it's the '90s `.repeat(50_000)])).toEqual([]);
  });

  it('list a person quoted 50,000 times with the first five, the rest counted', () => {
    const quotes = Array.from({ length: 50_000 }, (_, index) => ({
      id: `quote-${index + 1}`,
      speaker: { kind: 'person' as const, person: SMITH.id },
      text: `Quotation number ${index} is not the same as any other one she gave.`,
      article: 'a',
      paragraph: 1,
    }));
    const shown = quotesByPerson(quotes, new Map([['a', { id: 'a', number: 1, title: 'A' }]])).get(SMITH.id)!;
    expect(shown.shown).toHaveLength(5);
    expect(shown.more).toBe(49_995);
  });
});
