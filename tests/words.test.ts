// Words as a reader counts them, in any script, and a count that stops as
// soon as it can answer "more than N?" on a text of megabytes.
import { describe, expect, it } from 'vitest';
import { countWords, wordSpans } from '../src/words.js';

describe('counting words', () => {
  it('counts unspaced Japanese by its words and joins what Latin text writes as one', () => {
    expect(countWords('市営バスの新しい路線')).toBeGreaterThan(2);
    expect(countWords('A well-known O’Neill said it.')).toBe(5);
  });

  it('counts no further than one past a limit, and gives the words up to it where they are', () => {
    const long = 'The council met again on Tuesday. '.repeat(200_000);
    expect(countWords(long, 14)).toBe(15);
    expect(countWords('Three short words', 14)).toBe(3);
    const spans = wordSpans(long, 7);
    expect(spans.length).toBeGreaterThan(7);
    expect(spans[5]).toEqual({ text: 'Tuesday', index: 25 });
    expect(spans[7]).toEqual({ text: 'council', index: 38 });
  });
});
