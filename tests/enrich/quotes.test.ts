// Each folder in tests/fixtures/quotes is one cutting (`input.*`), the
// people (and organisations) the people list holds for it, and the
// quotations the dossier must find in it with who said each
// (`expected.json`). The people are given, not found, so a case tests the
// attribution alone, whatever the people finder makes of the text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyParagraphs } from '../../src/enrich/paragraphs.js';
import { findQuotes } from '../../src/enrich/quotes.js';
import { findQuotations } from '../../src/enrich/quotes-marks.js';
import { entityIds } from '../../src/ids.js';
import type { Organisation, Person } from '../../src/model.js';
import { articleFrom, expectedFile, fixtureCases, inputFile } from '../helpers.js';

interface Given {
  name: string;
  aliases?: string[];
  roles?: string[];
}

function given(dir: string, file: string, prefix: 'person' | 'org', article: string): (Person & Organisation)[] {
  const at = path.join(dir, file);
  if (!existsSync(at)) return [];
  const id = entityIds(prefix);
  return (JSON.parse(readFileSync(at, 'utf8')) as Given[]).map((entry) => ({
    id: id(entry.name),
    name: entry.name,
    aliases: entry.aliases ?? [],
    roles: (entry.roles ?? []).map((text) => ({ text, article })),
    mentions: [{ article, count: 1 }],
  }));
}

describe('who said what', () => {
  for (const { name, dir } of fixtureCases('quotes')) {
    it(name, async () => {
      const { article } = await articleFrom(dir, inputFile(dir));
      const people = given(dir, 'people.json', 'person', article.id);
      const organisations = given(dir, 'organisations.json', 'org', article.id);
      const quotes = findQuotes([{ id: article.id, paragraphs: bodyParagraphs(article.body) }], people, organisations);
      const found = `${JSON.stringify(quotes, null, 2)}\n`;
      expect(found).toBe(expectedFile(dir, 'expected.json', found));
    });
  }
});

describe('quotation marks', () => {
  const texts = (paragraphs: string[]) => findQuotations(paragraphs).map((quotation) => quotation.parts.map((part) => paragraphs[part.paragraph]!.slice(part.start, part.end)));

  it('tell an apostrophe from a closing mark', () => {
    expect(texts(["'The MPs' fears are real,' he said of Blair's plan in the '90s."])).toEqual([["The MPs' fears are real,"]]);
  });

  it('keep a quotation inside another as part of it', () => {
    expect(texts(['"The statement says the "United States" holds nobody," he wrote.'])).toEqual([['The statement says the "United States" holds nobody,']]);
  });

  it('leave a stray mark alone and still find the quotation after it', () => {
    expect(texts(['He is 6\'2" tall and said "fine words here".', '"An opening mark and no close', 'A paragraph that does not go on with it.'])).toEqual([['fine words here']]);
  });
});
