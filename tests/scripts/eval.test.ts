// `npm run eval`: that it runs on the annotated sets and prints every figure,
// that the seeds stay eight people with nothing false and three shared
// passages, that the annotations hold together, and that the scoring counts
// what it says. The figures on the Wikinews set are not tested: they are what
// eval is for.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnnotatedSet, type AnnotatedSet } from '../../scripts/eval/annotations.js';
import { evaluateSet } from '../../scripts/eval/evaluate.js';
import { passageWords, samePassage, scoreEntities, scorePassages } from '../../scripts/eval/score.js';
import { ROOT, runTool } from '../helpers.js';

const EVAL = path.join(ROOT, 'eval');

describe('npm run eval', () => {
  it('builds every annotated set and prints precision, recall and F1 and passage recall', async () => {
    const result = await runTool(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'eval.ts')]);
    expect(result.code, result.stderr).toBe(0);
    const figure = '[01]\\.\\d{3}';
    for (const kind of ['people', 'organisations']) {
      expect(result.stdout).toMatch(new RegExp(`^wikinews \\(\\d+ articles\\)\\s+${kind}\\s+\\d+\\s+\\d+\\s+\\d+\\s+${figure}\\s+${figure}\\s+${figure}$`, 'm'));
    }
    expect(result.stdout).toMatch(new RegExp(`^wikinews \\(\\d+ articles\\)\\s+shared-passage places\\s+\\d+\\s+\\d+\\s+${figure}`, 'm'));
    expect(result.stdout).toMatch(/^seeds \(dossier\)\s+people\s+8\s+8\s+8\s+1\.000\s+1\.000\s+1\.000$/m);
  });
});

describe('the seeds', () => {
  it('give the eight people, nothing false, and the three shared passages', async () => {
    const score = await evaluateSet(await readAnnotatedSet(path.join(EVAL, 'seeds')));
    const people = score.units[0]!.people!;
    expect(people.missed).toEqual([]);
    expect(people.falseFinds).toEqual([]);
    expect(people.correct).toBe(8);
    expect(score.set.sharedPassages).toHaveLength(3);
    expect(score.sharedPassages!.missed).toEqual([]);
  });
});

describe.each(['wikinews', 'wikinews2', 'gum'])('the %s annotations', (name) => {
  let set: AnnotatedSet;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    set = await readAnnotatedSet(path.join(EVAL, name));
    for (const article of set.articles) texts.set(article.file, await readFile(path.join(set.input, article.file), 'utf8'));
  });

  it('name each article in the attribution', async () => {
    expect(set.articles.length).toBeGreaterThanOrEqual(name === 'gum' ? 20 : 40);
    const attribution = await readFile(path.join(EVAL, name, 'ATTRIBUTION.md'), 'utf8');
    for (const article of set.articles) expect(attribution, article.file).toContain(article.file);
  });

  it('give only forms the article itself uses, and each entity once', () => {
    for (const article of set.articles) {
      const text = texts.get(article.file)!.replace(/’/g, "'");
      const names = [...article.people, ...article.organisations].map((entity) => entity.name.toLowerCase());
      expect(new Set(names).size, article.file).toBe(names.length);
      for (const entity of [...article.people, ...article.organisations]) {
        for (const form of [entity.name, ...entity.forms]) expect(text, `${article.file}: ${entity.name}`).toContain(form.replace(/’/g, "'"));
      }
    }
  });

  it('give shared passages that each of their articles holds, within one group', () => {
    for (const passage of set.sharedPassages) {
      expect(passageWords(passage.text).length, passage.text).toBeGreaterThanOrEqual(8);
      const groups = new Set(passage.articles.map((file) => set.articles.find((article) => article.file === file)?.group));
      expect([...groups], passage.text).toHaveLength(1);
      expect([...groups][0], passage.text).toBeDefined();
      for (const file of passage.articles) expect(samePassage(texts.get(file)!, passage.text), `${file}: ${passage.text}`).toBe(true);
    }
  });
});

describe('scoring', () => {
  const annotated = [
    { name: 'Beto O’Rourke', forms: ['O’Rourke'] },
    { name: 'Bill Clinton', forms: ['Clinton'] },
    { name: 'Hillary Clinton', forms: [] },
  ];
  const organisations = [{ name: 'Democratic Party', forms: [] }];
  const other = { label: 'an organisation', entities: organisations };

  it('matches a name or an alias to a form, whatever the case and quotation marks', () => {
    const score = scoreEntities(annotated, [{ name: 'BETO O\'ROURKE', aliases: [] }, { name: 'President Clinton', aliases: ['Clinton'] }], [], other);
    expect(score.correct).toBe(2);
    expect(score.missed).toEqual(['Hillary Clinton']);
    expect(score.falseFinds).toEqual([]);
  });

  it('counts a second entry for one entity, an organisation listed as a person and a stray name as false', () => {
    const score = scoreEntities(
      annotated,
      [
        { name: 'Bill Clinton', aliases: [] },
        { name: 'Clinton', aliases: [] },
        { name: 'Democratic Party', aliases: [] },
        { name: 'Cell Block', aliases: [] },
      ],
      [],
      other,
    );
    expect(score.found).toBe(4);
    expect(score.correct).toBe(1);
    expect(score.falseFinds.map((find) => find.reason)).toEqual(['second entry for Bill Clinton', 'an organisation (Democratic Party)', 'not annotated']);
  });

  it('leaves ignored forms out of the count and lists an entry that folds two people', () => {
    const score = scoreEntities(annotated, [{ name: 'Hurricane Humberto', aliases: [] }, { name: 'Hillary Clinton', aliases: ['Clinton'] }], ['“Hurricane Humberto”'], other);
    expect(score.found).toBe(1);
    expect(score.merged).toEqual(['Hillary Clinton = Bill Clinton + Hillary Clinton']);
  });

  it('finds a passage in an article only when the dossier pairs it with another of its articles', () => {
    const passage = { text: 'Republicans hold a majority in the Senate, and for a trial', articles: ['a.txt', 'b.txt', 'c.txt'] };
    const score = scorePassages([passage], [{ text: '“Republicans hold a majority in the Senate” and for a trial to result', files: ['a.txt', 'b.txt', 'z.txt'] }]);
    expect(score.places).toBe(3);
    expect(score.found).toBe(2);
    expect(score.missed).toEqual([`c.txt: ${passage.text}`]);
    expect(samePassage('Republicans hold a majority in the Senate', 'Democrats hold a majority in the House')).toBe(false);
  });
});
