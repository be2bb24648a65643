// Spelling variants in the people list: each of two names a letter apart says
// it is probably the other, linked and escaped, in the page, the EPUB's people
// chapter and the print document alike. The dossier is given, so the test is
// of the view and the template alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBriefing } from '../../src/enrich/briefing.js';
import { enrich } from '../../src/enrich/index.js';
import type { Dossier, Person } from '../../src/model.js';
import { dossierView, type ViewOptions } from '../../src/render/view/dossier-view.js';
import { Templates } from '../../src/render/view/templates.js';
import { articleFrom, FIXTURES } from '../helpers.js';

async function dossier(): Promise<Dossier> {
  const { article } = await articleFrom(path.join(FIXTURES, 'quotes', 'attributions'), 'input.txt');
  const enrichment = enrich([article]);
  const person = (id: string, name: string, count: number, variants?: string[]): Person => ({
    id,
    name,
    aliases: [],
    roles: [],
    mentions: [{ article: article.id, count }],
    ...(variants ? { variants } : {}),
  });
  const people = [
    person('person-robert-peston', 'Robert Peston', 11, ['person-robert-preston', 'person-gone']),
    person('person-robert-preston', 'Robert <Preston>', 1, ['person-robert-peston']),
    person('person-ed-balls', 'Ed Balls', 3),
  ];
  const whole = { ...enrichment, people, quotes: [] };
  return { title: 'Pack', language: 'en-GB', description: 'A test.', ...whole, briefing: computeBriefing(whole) };
}

const entry = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</div>', html.indexOf(`id="${id}"`)));

describe('spelling variants in the people list', () => {
  for (const format of ['html', 'epub', 'print'] as const) {
    it(`name the other spelling, linked and escaped (${format})`, async () => {
      const options: ViewOptions = { headlineLevel: format === 'epub' ? 1 : 2, format };
      const html = new Templates().render('people.njk', dossierView(await dossier(), options));
      const peston = entry(html, 'person-robert-peston');
      expect(peston).toContain('Probably the same person as <a href="#person-robert-preston">Robert &lt;Preston&gt;</a>, spelt another way');
      // An id the list no longer holds names no one.
      expect(peston).not.toContain('person-gone');
      expect(entry(html, 'person-robert-preston')).toContain('Probably the same person as <a href="#person-robert-peston">Robert Peston</a>');
      expect(entry(html, 'person-ed-balls')).not.toContain('Probably the same person');
    });
  }
});
