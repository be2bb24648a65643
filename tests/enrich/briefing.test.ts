// Each folder in tests/fixtures/briefing is a small dossier with known
// answers: what its briefing page must say (dates, sources, people, the
// claims it repeats, key dates, versions of one report), its reading order
// and the title made from it (`expected.json`).
import { appendFile, cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { computeBriefing } from '../../src/enrich/briefing.js';
import type { Briefing } from '../../src/model.js';
import { expectedFile, FIXTURES, fixtureCases, tempDir } from '../helpers.js';

interface DossierJson {
  title: string;
  titleDerived: boolean;
  order: { by: string; chosen: string; undated: number };
  briefing: Briefing;
  articles: { id: string; file: string; date?: string; source?: string; versionOf?: string; foldedVersions?: { file: string; shared: number; adds: string[] }[] }[];
}

async function dossierOf(input: string, options: { order?: 'file' | 'date' | 'source' } = {}): Promise<DossierJson> {
  const out = await tempDir();
  await build({ input, out, formats: ['json'], ...options });
  return JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
}

/** The case's input with lines added to its dossier.yaml. */
async function withSettings(name: string, lines: string): Promise<string> {
  const input = path.join(await tempDir(), 'input');
  await cp(path.join(FIXTURES, 'briefing', name, 'input'), input, { recursive: true });
  await appendFile(path.join(input, 'dossier.yaml'), `\n${lines}\n`);
  return input;
}

describe('the briefing of small dossiers', () => {
  for (const { name, dir } of fixtureCases('briefing')) {
    it(name, async () => {
      const json = await dossierOf(path.join(dir, 'input'));
      const found = `${JSON.stringify(
        {
          title: json.title,
          titleDerived: json.titleDerived,
          order: json.order,
          articles: json.articles.map(({ id, file, date, source, versionOf }) => ({ id, file, date, source, versionOf })),
          briefing: json.briefing,
        },
        null,
        2,
      )}\n`;
      expect(found).toBe(expectedFile(dir, 'expected.json', found));
    });
  }

  it('dates, sources, versions and the repeated quotation of the dated dossier', async () => {
    const json = await dossierOf(path.join(FIXTURES, 'briefing', 'dated', 'input'));
    const { briefing } = json;
    // Four of five dated: in order of publication, the undated comment (first by file name) last.
    expect(json.order).toEqual({ by: 'date', chosen: 'default', undated: 1 });
    expect(json.articles.map((article) => article.file)).toEqual([
      '01-gazette-talks.txt',
      '02-wire-deal.txt',
      '03-wire-deal-update.txt',
      '04-council.md',
      '00-undated-comment.txt',
    ]);
    expect(json.title).toBe('Mara Lind and Tomas Brandt: 5 articles, March 2025');
    expect(json.titleDerived).toBe(true);
    expect(briefing.published).toEqual({ from: '2025-03-03', to: '2025-03-06' });
    expect(briefing.undated).toBe(1);
    expect(briefing.sources).toEqual([
      { name: 'Coast Gazette', articles: 2 },
      { name: 'Harbour Daily', articles: 1 },
      { name: 'Northern Wire', articles: 1 },
    ]);
    expect(briefing.unsourced).toBe(1);
    expect(briefing.people.map((person) => [person.name, person.articles, person.role])).toEqual([
      ['Mara Lind', 5, "the union's general secretary"],
      ['Tomas Brandt', 4, "the authority's chief executive"],
    ]);
    // The quotation three articles give comes first, with the paragraph of each.
    const [quotation] = briefing.claims;
    expect(quotation!.text).toContain('We have an agreement that protects every job on the quay');
    expect(quotation!.occurrences.map((occurrence) => occurrence.article)).toEqual(json.articles.slice(0, 3).map((article) => article.id));
    // 24 February: the start of the strike, in the three dated articles that give it; the undated one's "24 February" keeps no year.
    expect(briefing.keyDates[0]).toMatchObject({ date: '2025-02-24' });
    expect(briefing.keyDates[0]!.occurrences).toHaveLength(3);
    // The wire's update is another version of its first report; the two wire reports are not of the others.
    const [first, second, update] = json.articles;
    expect(update!.versionOf).toBe(second!.id);
    expect(first!.versionOf).toBeUndefined();
    expect(briefing.versions).toEqual([{ article: update!.id, of: second!.id }]);
  });

  it('the undated dossier: dates from the text, said as such, and the files’ order', async () => {
    const json = await dossierOf(path.join(FIXTURES, 'briefing', 'undated', 'input'));
    expect(json.order).toEqual({ by: 'file', chosen: 'default', undated: 3 });
    expect(json.briefing.published).toBeUndefined();
    expect(json.briefing.mentioned).toEqual({ from: '1911', to: '2024-05-14', repeated: { from: '2019', to: '2024-05-14' } });
    expect(json.briefing.keyDates.map((entry) => [entry.date, entry.occurrences.length])).toEqual([
      ['2019', 2],
      ['2024-05-14', 2],
    ]);
    expect(json.title).toBe('Petra Novak: 3 articles');
    expect(json.briefing.sources).toEqual([]);
    expect(json.briefing.versions).toEqual([]);
  });

  it('folds versions of one report into the fuller one with versions: fold, keeping what the other adds', async () => {
    const json = await dossierOf(await withSettings('dated', 'versions: fold'));
    expect(json.articles.map((article) => article.file)).toEqual(['01-gazette-talks.txt', '02-wire-deal.txt', '04-council.md', '00-undated-comment.txt']);
    const [folded] = json.articles[1]!.foldedVersions!;
    expect(folded!.file).toBe('03-wire-deal-update.txt');
    expect(folded!.shared).toBeGreaterThan(0.6);
    expect(folded!.adds).toEqual(['The first container ship in nine days berthed at the quay on Wednesday afternoon.']);
    expect(json.briefing.folded).toBe(1);
    expect(json.briefing.versions).toEqual([]);
    // Ids are numbered without a gap where the folded article was.
    expect(json.articles.map((article) => article.id.slice(0, 10))).toEqual(['article-01', 'article-02', 'article-03', 'article-04']);
  });

  it('orders by file or by source when dossier.yaml or --order asks, and says it was asked', async () => {
    const byFile = await dossierOf(await withSettings('dated', 'order: file'));
    expect(byFile.order).toEqual({ by: 'file', chosen: 'setting', undated: 1 });
    expect(byFile.articles[0]!.file).toBe('00-undated-comment.txt');
    const bySource = await dossierOf(path.join(FIXTURES, 'briefing', 'dated', 'input'), { order: 'source' });
    expect(bySource.order.by).toBe('source');
    expect(bySource.articles.map((article) => [article.source, article.date])).toEqual([
      ['Coast Gazette', '2025-03-03'],
      ['Coast Gazette', '2025-03-06'],
      ['Harbour Daily', '2025-03-05'],
      ['Northern Wire', '2025-03-04'],
      [undefined, undefined],
    ]);
    // In source order the update comes before the first report, so the first report is marked as the other version.
    const update = bySource.articles.find((article) => article.file === '03-wire-deal-update.txt')!;
    expect(bySource.articles.find((article) => article.file === '02-wire-deal.txt')!.versionOf).toBe(update.id);
  });

  it('a title given in dossier.yaml is kept and not marked as derived', async () => {
    const input = await withSettings('undated', 'title: The bridge contract');
    const json = await dossierOf(input);
    expect(json.title).toBe('The bridge contract');
    expect(json.titleDerived).toBe(false);
  });
});

describe('the claims the briefing quotes', () => {
  const passage = (id: string, text: string, articles: string[]) => ({ id, text, occurrences: articles.map((article) => ({ article, paragraph: 1 })) });
  const articles = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }) as never);

  it('quotes a whole sentence before a fragment more articles happen to share', () => {
    const briefing = computeBriefing({
      articles,
      people: [],
      chronology: [],
      warnings: [],
      sharedPassages: [
        passage('passage-1', 'he then changed his mind in June, following intervention from allies', ['a', 'b', 'c', 'd', 'e']),
        passage('passage-2', 'from allies and the suspicion that the chancellor was against him.', ['a', 'b', 'c', 'd']),
        passage('passage-3', 'The minister went back on a pledge to make way for the chancellor in June.', ['a', 'b', 'c']),
      ],
    });
    expect(briefing.claims.map((claim) => claim.id)).toEqual(['passage-3', 'passage-2', 'passage-1']);
  });

  it('quotes a claim with balanced quotation marks: from the opening mark before it, to the closing mark after it', () => {
    const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
    const body = {
      type: 'root',
      children: [
        paragraph('The leader told the meeting: "Nothing will get in the way of a united party and the third term people need." A backbencher disagreed.'),
        paragraph('The chancellor said: "I have dealt with this. You do not do deals over jobs." He left early.'),
      ],
    };
    const withBodies = ['a', 'b'].map((id) => ({ id, body: body }) as never);
    const briefing = computeBriefing({
      articles: withBodies,
      people: [],
      chronology: [],
      warnings: [],
      sharedPassages: [
        { id: 'passage-1', text: 'Nothing will get in the way of a united party and the third term people need."', occurrences: [{ article: 'a', paragraph: 1 }, { article: 'b', paragraph: 1 }] },
        { id: 'passage-2', text: 'The chancellor said: "I have dealt with this.', occurrences: [{ article: 'a', paragraph: 2 }, { article: 'b', paragraph: 2 }] },
      ],
    });
    expect(briefing.claims.map((claim) => claim.text)).toEqual([
      '"Nothing will get in the way of a united party and the third term people need."',
      'The chancellor said: "I have dealt with this. You do not do deals over jobs."',
    ]);
  });
});
