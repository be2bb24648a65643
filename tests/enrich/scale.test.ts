// Enrichment on inputs whose size used to make a step quadratic: many
// paragraphs full of names, one paragraph full of dates, one paragraph
// pasted thousands of times. Each case is built in memory; a step that
// turned quadratic again would run past the test's timeout rather than stall
// a user's build. (No timing thresholds: this machine is shared and noisy;
// `npm run bench` measures speed.)
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { findSharedPassages, MAX_REPEATS } from '../../src/enrich/shared-passages/find.js';
import { enrich } from '../../src/enrich/index.js';
import { findOrganisationHits } from '../../src/enrich/organisations.js';
import type { BodyParagraph } from '../../src/enrich/paragraphs.js';
import { findNameHits } from '../../src/enrich/people/candidates.js';
import { buildChronology } from '../../src/enrich/chronology.js';
import type { Article } from '../../src/model.js';

const NEWS =
  'Labour leader Ed Miliband told the BBC on 3 March 2012 that the Transport Committee would meet Mr Smith in 2013, ' +
  'and the NHS Confederation said "we will not accept this" as Councillor Jane Brown of the Greater London Authority looked on';

const paragraphs = (texts: string[]): BodyParagraph[] =>
  texts.map((text, index) => ({ node: { type: 'paragraph', children: [{ type: 'text', value: text }] }, number: index + 1, text }));

const article = (id: string, texts: string[]): Article => {
  const body: Root = { type: 'root', children: texts.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
  return { id, file: `${id}.txt`, format: 'text', title: id, titleDerived: false, relatedLinks: [], body, words: 1 };
};


describe('enrichment at scale', () => {
  it('finds names and organisations in 20,000 paragraphs in time linear in them', () => {
    const list = paragraphs(Array.from({ length: 20_000 }, (_, index) => `${NEWS} (${index}).`));
    const result = findOrganisationHits(list, findNameHits(list));
    expect(result.filter((hit) => hit.paragraph === 20_000).map((hit) => hit.name)).toEqual(
      expect.arrayContaining(['Labour', 'BBC', 'Transport Committee', 'NHS Confederation', 'Greater London Authority']),
    );
  });

  it('reads 10,000 dates in one paragraph in time linear in them', () => {
    const text = Array.from({ length: 10_000 }, (_, index) => `On ${(index % 28) + 1} March ${1990 + (index % 30)} the board met.`).join(' ');
    const result = buildChronology([{ id: 'a', title: 'A', paragraphs: paragraphs([text]) }]);
    expect(result).toHaveLength(10_000);
    expect(result.every((entry) => /^On \d+ March \d{4} the board met\.$/.test(entry.sentence))).toBe(true);
  });

  it('finds the same dates in a long paragraph, read in chunks, as in its sentences read one by one', () => {
    const sentences = Array.from({ length: 600 }, (_, index) =>
      index % 3 === 0
        ? `Ministers met on ${(index % 28) + 1} May 2011 and again in 1998.`
        : index % 3 === 1
          ? `The inquiry, which began in the 1990s, reported on Tuesday 4 June 2012 at 11am.`
          : `Nothing was said about dates here, said Mr Smith.`,
    );
    const reference = { date: '2012-06-08' };
    const long = buildChronology([{ id: 'a', title: 'A', date: reference, paragraphs: paragraphs([sentences.join(' ')]) }]);
    const separate = buildChronology([{ id: 'a', title: 'A', date: reference, paragraphs: paragraphs(sentences) }]);
    const strip = (entries: typeof long) =>
      entries.map(({ paragraph: _paragraph, occurrences, ...entry }) => ({ ...entry, occurrences: occurrences.map(({ paragraph: _at, ...occurrence }) => occurrence) }));
    expect(sentences.join(' ').length).toBeGreaterThan(30_000);
    expect(strip(long)).toEqual(strip(separate));
  });

  it('compares an article of 20,000 copies of one paragraph without pairing every copy', () => {
    const copies = Array.from({ length: 20_000 }, () => `${NEWS}.`);
    const near = Array.from({ length: 1_000 }, (_, index) => `${NEWS} (${index}).`);
    const repeated: number[] = [];
    const result = (findSharedPassages(
        [
          { id: 'copies', paragraphs: paragraphs(copies) },
          { id: 'near', paragraphs: paragraphs(near) },
          { id: 'once', paragraphs: paragraphs(['Intro.', `${NEWS}.`]) },
          { id: 'again', paragraphs: paragraphs([`${NEWS}.`]) },
        ],
        (index) => repeated.push(index),
      ));
    // The articles that repeat themselves are named and left out; the two that have the paragraph once share it.
    expect(repeated).toEqual([0, 1]);
    expect(MAX_REPEATS).toBeLessThan(1_000);
    expect(result.map((passage) => passage.occurrences.map((occurrence) => `${occurrence.article}#${occurrence.paragraph}`))).toEqual([['once#2', 'again#1']]);
  });

  it('enriches one article of 20,000 identical paragraphs and one 2 MB paragraph, and names the one it bounded', () => {
    const big = Array.from({ length: 16_000 }, (_, index) => `Ed Miliband met the Transport Committee on ${(index % 28) + 1} May 2012, the BBC said.`).join(' ');
    const result = (enrich([
        article('article-1-copies', Array.from({ length: 20_000 }, () => `${NEWS}.`)),
        article('article-2-big', [big]),
        article('article-3-once', [`${NEWS}.`]),
      ]));
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(result.warnings).toEqual([{ file: 'article-1-copies.txt', message: expect.stringMatching(/repeats the same words more than \d+ times/) }]);
    expect(result.people.map((person) => person.name)).toContain('Ed Miliband');
    // 16,000 reports of 28 days: each day one entry that lists all of its reports.
    expect(result.chronology.filter((entry) => /^2012-05-\d\d$/.test(entry.date))).toHaveLength(28);
    expect(result.chronology.reduce((sum, entry) => sum + entry.occurrences.length, 0)).toBeGreaterThan(16_000);
  });
});
