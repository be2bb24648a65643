// `npm run eval:quotes`: that the annotations hold together (each article in
// the attribution, each quotation's first words in its article, one kind of
// speaker each) and that the scoring counts what it says. The figures
// themselves are what eval is for; `npm run eval` runs it (tests/scripts/eval.test.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain, QUOTES_SET, quotesReport, readQuoteSet, sameName, type QuoteScore } from '../../scripts/eval-quotes.js';

describe('the quote annotations', () => {
  it('name each article in the attribution and give words each article has', async () => {
    const set = await readQuoteSet();
    expect(set.articles.length).toBeGreaterThanOrEqual(15);
    const attribution = await readFile(path.join(QUOTES_SET, 'ATTRIBUTION.md'), 'utf8');
    for (const article of set.articles) {
      expect(attribution, article.file).toContain(article.file);
      const text = plain(await readFile(path.join(QUOTES_SET, article.file), 'utf8'));
      for (const quote of article.quotes) expect(text, `${article.file}: ${quote.starts}`).toContain(plain(quote.starts));
    }
  });
});

describe('quote scoring', () => {
  it('matches a name by the words it ends with, titles and suffixes aside, never by a shared first word', () => {
    expect(sameName('Khan', 'Sadiq Khan')).toBe(true);
    expect(sameName('Dr. Tomasz Stefaniak', 'Tomasz Stefaniak')).toBe(true);
    expect(sameName('President Mnangagwa', 'Emmerson Mnangagwa')).toBe(true);
    expect(sameName('Robert Downey', 'Robert Downey Jr.')).toBe(true);
    expect(sameName('Usman Khan', 'Sadiq Khan')).toBe(false);
    expect(sameName('Robert', 'Robert Mugabe')).toBe(false);
  });

  it('reports precision over quotations credited and recall over quotations by people', () => {
    const score: QuoteScore = {
      annotated: 10, detected: 9, found: 10, real: 9, byPeople: 8, correct: 6, credited: 6, creditedRightly: 5,
      byListed: 7, listedCorrect: 6, bySources: 2, sourcesNamed: 1, misses: ['a miss'], wrong: ['a wrong one'], extra: [],
    };
    const report = quotesReport(score, 3);
    expect(report).toContain('quotes (3 articles)  attribution to people: annotated 8, credited 6, rightly 5; precision 0.833, recall 0.750, F1 0.789');
    expect(report).toContain('quotations found: 9 of 10 annotated (recall 0.900)');
    expect(report).toContain('unnamed sources credited to a person: 1 of 2');
    expect(report).toMatch(/wrongly credited\n {2}a wrong one/);
  });
});
