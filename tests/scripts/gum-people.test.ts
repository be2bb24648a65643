// How eval's GUM set reads a person's name from GUM's annotation
// (scripts/eval/gum-people.ts), on a small CoNLL-U file in GUM's format written
// for the test: titles and what they are of stay out of the name, a title glued
// before it is a form, and a person named inside a body's name is no person of
// the article. A body's name runs on through "and" and "for the", not into
// the place it is in.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesOf, readConllu } from '../../scripts/eval/conllu.js';
import { insideOtherName, personName } from '../../scripts/eval/gum-people.js';
import { ROOT } from '../helpers.js';

const document = readConllu(path.join(ROOT, 'tests', 'fixtures', 'eval', 'gum-people.conllu'));
const person = (entity: string) => {
  const mention = document.mentions.find((candidate) => candidate.entity === entity)!;
  return personName(document.sentences[mention.sentence]!, mention, document.mentions);
};

describe("a person's name in GUM", () => {
  it('leaves out the title and what it is of', () => {
    expect(person('1')?.name).toBe('Stefania Giannini');
    expect(person('2')?.name).toBe('Chris Gregoire');
    expect(person('1')?.titled).toBeUndefined();
  });

  it('keeps a title glued before the name as a form', () => {
    expect(person('4')).toMatchObject({ name: 'Donald Trump', titled: 'President Donald Trump' });
    expect(person('8')?.name).toBe('Gregoire');
  });

  it('knows a name inside a body\u2019s name', () => {
    const tang = person('7')!;
    expect(tang.name).toBe('Tang');
    expect(insideOtherName(document.sentences, document.mentions, 1, tang.first, tang.last)).toBe(true);
    const trump = person('4')!;
    expect(insideOtherName(document.sentences, document.mentions, 1, trump.first, trump.last)).toBe(false);
  });
});

describe("a body's name in GUM", () => {
  const body = (entity: string) => {
    const mention = document.mentions.find((candidate) => candidate.entity === entity)!;
    return namesOf(document.sentences[mention.sentence]!, mention, document.mentions);
  };

  it('runs on through "and" and two bridging words, not into a place after them', () => {
    expect(body('9')).toEqual(['Globe and Mail']);
    expect(body('10')[0]).toBe('Joint Council for the Welfare of Immigrants');
    expect(body('11')).toEqual(['University of Sheffield']);
  });
});
