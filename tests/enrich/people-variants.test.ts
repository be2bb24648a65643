// Spelling variants of one name across a dossier are flagged on both people, never merged.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/model.js';
import { markVariants, oneLetterApart } from '../../src/enrich/people/variants.js';

const person = (id: string, name: string): Person => ({ id, name, aliases: [], roles: [], mentions: [] });

describe('spelling variants', () => {
  it('counts a letter changed, added or dropped, and nothing more', () => {
    expect(oneLetterApart('preston', 'peston')).toBe(true);
    expect(oneLetterApart('brown', 'browne')).toBe(true);
    expect(oneLetterApart('smith', 'smyth')).toBe(true);
    expect(oneLetterApart('smith', 'smith')).toBe(false);
    expect(oneLetterApart('brown', 'green')).toBe(false);
    expect(oneLetterApart('peston', 'prestons')).toBe(false);
  });

  it('marks people with one first name and surnames a letter apart, and no one else', () => {
    const people = [person('a', 'Robert Preston'), person('b', 'Robert Peston'), person('c', 'Gordon Brown'), person('d', 'Nick Brown'), person('e', 'Ed Balls')];
    markVariants(people);
    expect(people.map((entry) => entry.variants)).toEqual([['b'], ['a'], undefined, undefined, undefined]);
  });
});
