// The printed pack holds together on real coverage and on a long generated
// dossier, checked page by page as its reader would: no page inside an
// article left nearly empty, running heads that name the section in force at
// the top of the page, page numbers (contents, notes, people pages) that lead
// where they say, and notes numbered alike in the PDF, the HTML and the EPUB.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, tempDir } from '../helpers.js';
import { pdfPages } from '../pdf.js';
import {
  bodyText,
  epubNotes,
  htmlNotes,
  pageList,
  pageNotes,
  plain,
  readPrintedPack,
  sectionAtTop,
  startsAtTop,
  type PrintedNote,
  type PrintedPage,
  type PrintedSection,
} from '../print-pack.js';

interface DossierJson {
  articles: { id: string; title: string }[];
  briefing: {
    claims: { text: string; occurrences: { article: string; paragraph: number }[] }[];
    keyDates: { date: string; occurrences: { article: string; paragraph?: number }[] }[];
  };
  people: { name: string; aliases: string[] }[];
  chronology: { date: string; kind: string; text: string; sentence: string; occurrences: { article: string; sentence: string }[] }[];
}

/** A dossier of `count` articles about one council's year: people named again and again, passages repeated across articles, lengths that vary. */
async function writeCouncilDossier(folder: string, count: number): Promise<void> {
  const people = [
    ['Amelia Hartley', 'Ms Hartley', 'council leader'],
    ['Rajesh Patel', 'Mr Patel', 'finance chief'],
    ['Morag Kerr', 'Ms Kerr', 'opposition leader'],
    ['Tobias Wren', 'Mr Wren', 'planning officer'],
    ['Eleni Christou', 'Ms Christou', 'head teacher'],
    ['Desmond Oyelaran', 'Mr Oyelaran', 'union organiser'],
    ['Harriet Vance', 'Ms Vance', 'local MP'],
    ['Callum Fraser', 'Mr Fraser', 'bus company director'],
  ] as const;
  const shared = [
    'The council said the bypass would cost far more than the figure given to residents at the public meeting last spring',
    'Residents of the estate have waited eleven years for the promised library to open its doors to the public',
    'An independent review found that the bus station had been left without proper repairs for most of the decade',
    'Teachers warned that the closure of the swimming pool would leave children in the town with nowhere to learn',
    'Councillors voted by a narrow margin to delay the decision on the new housing scheme until after the election',
    'The finance committee admitted that the reserves would run out within three years unless spending was cut',
  ];
  for (let index = 1; index <= count; index++) {
    const cast = [people[index % 8]!, people[(index * 3 + 1) % 8]!, people[(index * 5 + 2) % 8]!];
    const paragraphs: string[] = [];
    const length = 3 + ((index * 7) % 23);
    for (let paragraph = 0; paragraph < length; paragraph++) {
      const [name, short, role] = cast[paragraph % 3]!;
      const named = paragraph < 3 ? `${name}, the ${role},` : short;
      const sentences = [
        `${named} told the meeting on item ${index}.${paragraph + 1} that the town could not afford to wait any longer for the work to begin.`,
        `The plans were first drawn up when the old depot was sold, and ${cast[(paragraph + 1) % 3]![1]} said the money had gone elsewhere.`,
      ];
      if ((index + paragraph) % 4 === 1) sentences.push(`${shared[(index + paragraph) % shared.length]}.`);
      if (paragraph % 5 === 4) sentences.push(`${cast[(paragraph + 2) % 3]![0]} asked whether anyone on the committee had read the report before the vote, and the chair said that everyone had.`);
      // Long paragraphs that name someone for the first time near their end, so that some cross a page break before the name's link.
      if (paragraph % 6 === 5) {
        const [guest, guestShort, guestRole] = people[(index + paragraph + 4) % 8]!;
        for (let more = 0; more < 5; more++) sentences.push(`Speaker after speaker rose to say that the ${more + 2}th report on the scheme had been no clearer than the one before it.`);
        sentences.push(`${guest}, the ${guestRole}, said the town deserved better, and ${guestShort} was applauded from the public gallery.`);
      }
      paragraphs.push(sentences.join(' '));
    }
    await writeFile(path.join(folder, `${String(index).padStart(2, '0')}.txt`), `Council row over plans, part ${index}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

/** The page an article's note points to is one of that article's pages. */
function articleByTitle(articles: PrintedSection[], title: string): PrintedSection | undefined {
  return articles.find((article) => plain(article.title) === title) ?? articles.find((article) => title.startsWith(plain(article.title).slice(0, 30)));
}

function checkPack(name: string, build: () => Promise<string>) {
  describe(name, () => {
    let out: string;
    let pack: Awaited<ReturnType<typeof readPrintedPack>>;
    let json: DossierJson;
    beforeAll(async () => {
      out = await build();
      pack = await readPrintedPack(path.join(out, 'dossier.pdf'));
      json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
      // Every check below reads the pages through the contents: they must be whole.
      expect(pack.articles.map((article) => article.number)).toEqual(json.articles.map((_, index) => index + 1));
    }, 300_000);

    it('lists every article and section in the contents, at the page it starts on', () => {
      expect(pack.articles).toHaveLength(json.articles.length);
      for (const section of pack.sections) {
        const page = pack.pages[section.first - 1]!;
        const heading = section.number !== undefined ? `ARTICLE ${section.number}` : section.title;
        expect(page.body.map(plain).join('\n').toLowerCase(), `${section.title} on page ${section.first}`).toContain(heading.toLowerCase());
      }
    });

    it('leaves no page inside an article with less than half a page of text', () => {
      const inside = pack.articles.flatMap((article) => pack.pages.slice(article.first - 1, article.last - 1));
      // Lines, not characters: a page where articles run on holds headers, whose lines are short.
      const lines = inside.map((page) => page.body.length).sort((a, b) => a - b);
      const normal = lines[Math.floor(lines.length / 2)] ?? 0;
      expect(normal).toBeGreaterThan(20);
      for (const article of pack.articles) {
        for (const page of pack.pages.slice(article.first - 1, article.last - 1)) {
          expect(page.body.length, `page ${page.number}, inside article ${article.number}: ${page.body.join(' | ').slice(0, 200)}`).toBeGreaterThanOrEqual(normal / 2);
        }
      }
    });

    it('never leaves an article’s header or a section’s heading at the foot of a page, away from its text', () => {
      for (const article of pack.articles) {
        const page = pack.pages[article.first - 1]!;
        const text = page.body.slice(0, page.body.findIndex((line) => /^\s*\d+\. Also in[: ]/.test(line)) >>> 0);
        const label = text.findIndex((line) => plain(line) === `ARTICLE ${article.number}`);
        // The label, the headline, the source and the word count, then the article's first lines.
        expect(text.length - label, `article ${article.number} on page ${page.number}`).toBeGreaterThan(5);
      }
      // Nor a section's heading and the head of its table, away from the first entries.
      for (const section of pack.sections.filter((candidate) => candidate.number === undefined)) {
        const page = pack.pages[section.first - 1]!;
        const heading = page.body.findIndex((line) => plain(line).toLowerCase() === plain(section.title).toLowerCase());
        expect(heading, `${section.title} on page ${page.number}`).toBeGreaterThanOrEqual(0);
        expect(page.body.length - heading, `${section.title} on page ${page.number}`).toBeGreaterThan(3);
      }
    });

    it('names in the running head the section in force at the top of each page', () => {
      for (const page of pack.pages.slice(1)) {
        const section = sectionAtTop(pack.sections, page)!;
        expect(plain(page.head).slice(0, 40), `page ${page.number}`).toBe(plain(section.title).slice(0, 40));
      }
    });

    it('numbers notes from 1 in each article, alike in the PDF, the HTML page and the EPUB, and gives pages where the articles are', async () => {
      const html = await htmlNotes(path.join(out, 'dossier.html'));
      const epub = await epubNotes(path.join(out, 'dossier.epub'));
      // The notes at the page feet, in page order; where articles run on, one page has the last of one article's and the first of the next's.
      const pages = [...new Set(pack.articles.flatMap((article) => Array.from({ length: article.last - article.first + 1 }, (_, index) => article.first + index)))];
      const groups: PrintedNote[][] = [];
      for (const note of pages.flatMap((page) => pageNotes(pack.pages[page - 1]!))) {
        if (note.number === 1) groups.push([]);
        groups.at(-1)!.push(note);
      }
      const withNotes = json.articles.map((article, index) => ({ id: article.id, number: index + 1, expected: html.get(article.id) ?? [] })).filter((article) => article.expected.length > 0);
      expect(groups.length, 'articles with notes').toBe(withNotes.length);
      let checked = 0;
      withNotes.forEach(({ id, number, expected }, index) => {
        const printed = groups[index]!;
        const article = pack.articles[number - 1]!;
        expect(printed.map((note) => note.number), `article ${number}'s notes`).toEqual(expected.map((_, note) => note + 1));
        for (const note of printed) {
          expect(note.targets.map((target) => target.title), `article ${number}, note ${note.number}`).toEqual(expected[note.number - 1]);
          expect(epub.get(id)?.get(note.number), `article ${number}, EPUB note ${note.number}`).toEqual(expected[note.number - 1]);
          for (const target of note.targets) {
            const other = articleByTitle(pack.articles, target.title);
            expect(other, target.title).toBeDefined();
            expect(target.page, `note ${note.number} of article ${article.number}: ${target.title}`).toBeGreaterThanOrEqual(other!.first);
            expect(target.page, `note ${note.number} of article ${article.number}: ${target.title}`).toBeLessThanOrEqual(other!.last);
            checked++;
          }
        }
        expect(epub.get(id)?.size ?? 0).toBe(expected.length);
      });
      expect(checked, 'the pack has notes to check').toBeGreaterThan(10);
    });

    it('puts the briefing on the page after the cover, whole, and each page it gives is where the article says it', async () => {
      const briefing = pack.sections.find((section) => section.title === 'Briefing')!;
      expect([briefing.first, briefing.last]).toEqual([2, 2]);
      expect(pack.pages[1]!.head).toBe('Briefing');
      const document = new JSDOM(await readFile(path.join(out, 'dossier.html'), 'utf8')).window.document;
      for (const call of document.querySelectorAll('sup')) call.remove();
      // "In 9 articles: pp. 4, 5, 7" under each claim, then a key date's pages at the end of its row: in the order of the JSON;
      // past eight articles, the first eight and "and 4 more".
      const found = pack.pages[1]!.body.map(plain).flatMap((line) => {
        const match = /(?:^| )pp?\. (\d+(?:, \d+)*)(?: and (\d+) more)?$/.exec(line);
        return match ? [{ pages: match[1]!.split(', ').map(Number), more: Number(match[2] ?? 0) }] : [];
      });
      const lists = found.map((list) => list.pages);
      const entries = [...json.briefing.claims, ...json.briefing.keyDates];
      const reporters = entries.map((entry) => new Set(entry.occurrences.map((occurrence) => occurrence.article)).size);
      expect(found.map((list) => [list.pages.length, list.more])).toEqual(reporters.map((count) => [Math.min(count, 8), Math.max(0, count - 8)]));
      let checked = 0;
      entries.forEach((entry, index) => {
        lists[index]!.forEach((page, at) => {
          const occurrence = entry.occurrences[at]!;
          const article = pack.articles[json.articles.findIndex((candidate) => candidate.id === occurrence.article)]!;
          expect(page, `${occurrence.article}`).toBeGreaterThanOrEqual(article.first);
          expect(page, `${occurrence.article}`).toBeLessThanOrEqual(article.last);
          if (occurrence.paragraph) {
            // The paragraph starts on the page given.
            const words = plain(document.getElementById(`${occurrence.article}-p${occurrence.paragraph}`)!.textContent!).split(' ').slice(0, 4).join(' ');
            expect(bodyText(pack.pages[page - 1]!), `${occurrence.article} paragraph ${occurrence.paragraph} on page ${page}`).toContain(words);
          }
          checked++;
        });
      });
      expect(checked, 'the briefing has pages to check').toBeGreaterThan(4);
    });

    it('gives each event one chronology row, and leaves decades out', () => {
      const rows = json.chronology.filter((entry) => entry.kind === 'mentioned');
      const seen = new Set<string>();
      for (const entry of rows) {
        expect(entry.text, entry.sentence).not.toMatch(/\b\d{3}0s\b/);
        // The same sentence about the same date in two rows is one event shown twice.
        const keys = new Set(entry.occurrences.map((occurrence) => `${entry.date}|${plain(occurrence.sentence)}`));
        for (const key of keys) expect(seen.has(key), key).toBe(false);
        for (const key of keys) seen.add(key);
      }
    });

    it('gives every page each person is mentioned on in the people pages, and only those', () => {
      const people = pack.sections.find((section) => section.title === 'People involved')!;
      const lines = pack.pages.slice(people.first - 1, people.last).flatMap((page) => page.body.map(plain));
      const articlePages = new Set(pack.articles.flatMap((article) => Array.from({ length: article.last - article.first + 1 }, (_, index) => article.first + index)));
      let checked = 0;
      for (const person of json.people) {
        const start = lines.findIndex((line) => line === plain(person.name) || line.startsWith(`${plain(person.name)} also `));
        expect(start, person.name).toBeGreaterThanOrEqual(0);
        const at = lines.findIndex((line, index) => index > start && /^Pages? \d/.test(line));
        expect(at, `${person.name}'s pages`).toBeGreaterThan(start);
        // A long list runs on over the next lines.
        const more = lines.slice(at + 1).findIndex((line) => !/^\d[\d–, ]*$/.test(line));
        const listed = lines.slice(at, more < 0 ? undefined : at + 1 + more).join(' ');
        const pages = pageList(listed.replace(/^Pages? /, ''));
        const forms = [person.name, ...person.aliases].map(plain);
        const named = (text: string) => forms.some((form) => new RegExp(`(?<!\\p{L})${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text));
        // A name may begin at the foot of the page and end at the top of the next.
        const names = (page: PrintedPage) => {
          const next = pack.pages[page.number];
          return named(bodyText(page)) || (next !== undefined && named(`${bodyText(page).slice(-40)} ${bodyText(next).slice(0, 40)}`));
        };
        for (const number of pages) {
          expect(articlePages.has(number) && names(pack.pages[number - 1]!), `${person.name} on page ${number}`).toBe(true);
          checked++;
        }
        for (const number of articlePages) {
          const page = pack.pages[number - 1]!;
          if (bodyText(page).includes(plain(person.name))) expect(pages, `${person.name} is named on page ${number}`).toContain(number);
        }
      }
      expect(checked).toBeGreaterThan(json.people.length);
    });
  });
}

/** Builds a folder in every format the checks read; the out folder. */
async function buildPack(input: string): Promise<string> {
  const out = await tempDir();
  const result = await runCli(['--input', input, '--out', out, '--formats', 'pdf,html,epub,json']);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

/** The generated council dossier, with the settings given. */
async function councilInput(settings?: string): Promise<string> {
  const input = await tempDir();
  await writeCouncilDossier(input, 60);
  if (settings) await writeFile(path.join(input, 'dossier.yaml'), settings);
  return input;
}

const STORY = path.join(CORPUS, 'story');
describe.skipIf(!existsSync(STORY))('the BBC story cluster, printed', () => {
  checkPack('18 articles of real coverage', () => buildPack(STORY));
});

checkPack('a generated dossier of 60 articles', async () => buildPack(await councilInput()));

checkPack('the same 60 articles run on, one after another (article-break: run-on)', async () => {
  const out = await buildPack(await councilInput('title: Council row\narticle-break: run-on\n'));
  // Articles begin part-way down the page the one before ends on.
  const pages = (await pdfPages(path.join(out, 'dossier.pdf'))).map((page) => page.split('\n').filter((line) => line.trim()));
  const midPage = pages.filter((lines) => lines.slice(2).some((line) => /^\s*ARTICLE \d+\s*$/.test(line)));
  // Over half: the generated articles are so alike that most are marked as another version of an earlier one, a line more in their headers, which are kept whole.
  expect(midPage.length, 'pages where an article begins below another').toBeGreaterThan(30);
  return out;
});

it('reads a page that a section starts part-way down as the previous section’s', () => {
  const page: PrintedPage = { number: 5, head: '', body: ['end of the people list', 'Organisations', 'BBC'] };
  const sections: PrintedSection[] = [
    { title: 'People involved', first: 4, last: 5 },
    { title: 'Organisations', first: 5, last: 5 },
  ];
  expect(startsAtTop(page, sections[1]!)).toBe(false);
  expect(sectionAtTop(sections, page)?.title).toBe('People involved');
  expect(sectionAtTop(sections, { ...page, body: ['Organisations', 'BBC'] })?.title).toBe('Organisations');
});
