// Who said what, as each format shows it: under each person in the people
// section (the first five, cut to a couple of lines, escaped, each linked to
// its paragraph, the rest counted), in each article's markdown front matter
// and in dossier.json. The people and quotations are given, so the test is
// of the writers alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { computeBriefing } from '../../src/enrich/briefing.js';
import { enrich } from '../../src/enrich/index.js';
import type { Dossier, Person, Quote } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/page.js';
import { dossierRecord } from '../../src/render/json/record.js';
import { markdownWriter } from '../../src/render/markdown/index.js';
import { dossierView } from '../../src/render/view/dossier-view.js';
import { QUOTE_CHARACTERS, shortQuote } from '../../src/render/view/quotes-view.js';
import { Templates } from '../../src/render/view/templates.js';
import { articleFrom, FIXTURES } from '../helpers.js';

const LONG = `We will publish every figure, ward by ward and line by line, ${'so that nobody can say a single pound was hidden from them, '.repeat(5)}and that is a promise.`;

async function dossier(): Promise<Dossier> {
  const dir = path.join(FIXTURES, 'quotes', 'attributions');
  const { article } = await articleFrom(dir, 'input.txt');
  const enrichment = enrich([article]);
  const person: Person = { id: 'person-neil-nerva', name: 'Neil Nerva', aliases: ['Nerva'], roles: [], mentions: [{ article: article.id, count: 2 }] };
  const quote = (index: number, text: string, paragraph = 2): Quote => ({
    id: `quote-${index}`,
    speaker: { kind: 'person', person: person.id, as: 'Neil Nerva' },
    text,
    article: article.id,
    paragraph,
  });
  const quotes: Quote[] = [
    quote(1, 'I am <b>disappointed</b> & "angry".'),
    quote(2, LONG, 5),
    ...[3, 4, 5, 6, 7].map((index) => quote(index, `Quotation number ${index} of the seven he gave.`, 5)),
    { id: 'quote-8', speaker: { kind: 'described', as: 'a party source' }, text: 'It came from headquarters.', article: article.id, paragraph: 4 },
  ];
  const whole = { ...enrichment, people: [person], quotes };
  return { title: 'Pack', language: 'en-GB', description: 'A test.', ...whole, briefing: computeBriefing(whole) };
}

const peopleSection = (html: string) => html.slice(html.indexOf('<section class="reference people"'), html.indexOf('</section>', html.indexOf('<section class="reference people"')));

describe('quotations under each person', () => {
  it('show the first five, escaped and typeset, each linked to a paragraph the page has, and count the rest', async () => {
    const html = await renderHtml(await dossier(), new Templates());
    const people = peopleSection(html);
    const items = people.match(/<li><q>[\s\S]*?<\/li>/g) ?? [];
    expect(items).toHaveLength(5);
    expect(items[0]).toContain('<q>I am &lt;b&gt;disappointed&lt;/b&gt; &amp; “angry”.</q>');
    expect(people).toContain('and 2 more');
    for (const [, anchor] of people.matchAll(/<li><q>[\s\S]*?<a href="#([^"]+)"/g)) expect(html).toContain(`id="${anchor}"`);
    // An anonymous source is nobody's quotation.
    expect(people).not.toContain('It came from headquarters');
  });

  it('cut a long quotation at a word, with an ellipsis', async () => {
    const short = shortQuote(LONG);
    expect(short.length).toBeLessThanOrEqual(QUOTE_CHARACTERS + 1);
    expect(short.endsWith('…')).toBe(true);
    expect(LONG.startsWith(short.slice(0, -1))).toBe(true);
    expect(LONG[short.length - 1]).toMatch(/[\s,]/);
    const view = dossierView(await dossier(), { headlineLevel: 2, format: 'html' });
    expect(view.people[0]!.quotes.shown[1]!.text).toBe(shortQuote(LONG));
  });

  it('give pages in print, not article numbers', async () => {
    const view = dossierView(await dossier(), { headlineLevel: 2, format: 'print' });
    const html = new Templates().render('people.njk', { ...view });
    const items = html.match(/<li><q>[\s\S]*?<\/li>/g) ?? [];
    expect(items[0]).toMatch(/<a href="#[^"]+-p2" class="page-ref quote-ref"><\/a><\/li>$/);
    expect(html).not.toMatch(/<li><q>[^<]*<\/q> <a[^>]*>article/);
  });
});

describe('quotations in the other formats', () => {
  it('are listed in dossier.json with their speaker and paragraph', async () => {
    const record = dossierRecord(await dossier());
    expect(record.quotes).toHaveLength(8);
    expect(record.quotes[7]).toEqual({ id: 'quote-8', speaker: { kind: 'described', as: 'a party source' }, text: 'It came from headquarters.', article: record.articles[0]!.id, paragraph: 4 });
  });

  it('are listed in the article’s markdown front matter, by the speaker’s name', async () => {
    const { outputs } = await markdownWriter.write(await dossier(), {} as never);
    const folder = outputs[0]!;
    if (!('files' in folder)) throw new Error('the markdown writer wrote no folder');
    const [file] = [...folder.files.values()];
    const front = parseYaml(String(file).split('---\n')[1]!);
    expect(front.quotes[0]).toEqual({ speaker: 'Neil Nerva', text: 'I am <b>disappointed</b> & "angry".', paragraph: 2 });
    expect(front.quotes[7]).toEqual({ speaker: 'a party source', text: 'It came from headquarters.', paragraph: 4 });
  });
});
