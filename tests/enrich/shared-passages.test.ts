// Shared passages: found across articles however they are punctuated, and
// not for boilerplate or runs of common words.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSharedPassages, type ArticleParagraphs } from '../../src/enrich/shared-passages/find.js';
import { build } from '../../src/build.js';
import { CORPUS, tempDir } from '../helpers.js';

const article = (id: string, ...texts: string[]): ArticleParagraphs => ({
  id,
  paragraphs: texts.map((text, index) => ({ node: { type: 'paragraph', children: [] }, number: index + 1, text })),
});

describe('findSharedPassages', () => {
  it('finds a quotation across punctuation, quote style and a dropped word', () => {
    const passages = findSharedPassages([
      article('a', 'Intro.', 'She said: "The library will stay open on Sundays for as long as I am leader of this council."'),
      article('b', 'The leader said the “library will stay open on Sundays for as long as I am leader of the council”.'),
    ]);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.occurrences.map(({ article: id, paragraph }) => `${id}#${paragraph}`)).toEqual(['a#2', 'b#1']);
    expect(passages[0]!.text).toMatch(/The library will stay open on Sundays for as long as I am leader of this council\."$/);
  });

  it('ignores runs of common words and short plain phrases', () => {
    const passages = findSharedPassages([
      article('a', 'It was one of the most important things that he had ever done in all of his life.'),
      article('b', 'For her it was one of the most important things that she had ever done.'),
      article('c', 'The firm said it would close the plant as part of a major cost-cutting drive.'),
      article('d', 'Jobs will go as part of a major cost-cutting drive, the union said.'),
    ]);
    expect(passages).toEqual([]);
  });

  it('never joins two different sentences because a third article holds both', () => {
    const first = 'The harbour master said the new pier would open to fishing boats before the end of the summer season.';
    const second = 'Councillors had argued for three years over who should pay for the repairs to the old sea wall.';
    // In the middle of each article: a passage always first or last in four articles would be a paper's furniture.
    const passages = findSharedPassages(
      [
        ['a', `Intro to a. ${first}`],
        ['b', `${second} Then b goes on.`],
        ['x', `${first} ${second}`],
        ['c', `${first} ${second}`],
        ['d', `Only d says this. ${second}`],
      ].map(([id, text]) => article(id!, `The opening of ${id}.`, text!, `The end of ${id}.`)),
    );
    const articlesOf = passages.map((passage) => new Set(passage.occurrences.map((occurrence) => occurrence.article)));
    // Every passage's text is in every article it lists.
    const texts: Record<string, string> = { a: first, b: second, x: `${first} ${second}`, c: `${first} ${second}`, d: second };
    passages.forEach((passage) => {
      for (const occurrence of passage.occurrences) expect(texts[occurrence.article], passage.text).toContain(passage.text.replace(/^\W+/, '').slice(0, 40));
    });
    expect(articlesOf.some((found) => found.has('a') && found.has('b'))).toBe(false);
    expect(articlesOf.some((found) => found.has('a') && found.has('d'))).toBe(false);
    // Both sentences are still found where they are shared.
    expect(articlesOf.some((found) => ['a', 'x', 'c'].every((id) => found.has(id)))).toBe(true);
    expect(articlesOf.some((found) => ['b', 'x', 'c', 'd'].every((id) => found.has(id)))).toBe(true);
  });

  it('treats a sentence in most of a large set of articles as boilerplate', () => {
    const boilerplate = 'Sign up to our daily newsletter for the latest headlines from across the region and beyond.';
    const many = Array.from({ length: 30 }, (_, index) => article(`n${index}`, `Story number ${index} is about something else entirely.`, boilerplate));
    expect(findSharedPassages(many)).toEqual([]);
  });
});

describe.skipIf(!existsSync(path.join(CORPUS, 'story')))('the BBC story cluster', () => {
  it('links the passages its articles share and folds the people', async () => {
    const out = await tempDir();
    const { dossier } = await build({ input: path.join(CORPUS, 'story'), out, formats: ['json'] });
    const file = new Map(dossier.articles.map((entry) => [entry.id, entry.file]));
    const schoolboys = dossier.sharedPassages.find((passage) => /squabbling like schoolboys/.test(passage.text));
    expect(new Set(schoolboys?.occurrences.map((occurrence) => file.get(occurrence.article)))).toEqual(new Set(['218.txt', '255.txt']));
    const brown = dossier.people.find((person) => person.name === 'Gordon Brown');
    expect(brown?.aliases).toEqual(expect.arrayContaining(['Brown', 'Mr Brown']));
    expect(dossier.people[0]?.name).toBe('Gordon Brown');
    expect(dossier.chronology.some((entry) => entry.date === '2003-11')).toBe(true);
  });
});
