// The briefing page in all three formats, on a dossier with known answers
// (tests/fixtures/briefing/dated): after the cover, with the title made from
// the articles everywhere the title is, links that lead where they say on
// screen and in the EPUB, and pages that are right on paper.
import { appendFile, cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, epubCheck, runCli, runTool, tempDir } from '../helpers.js';
import { bodyText, plain, readPrintedPack } from '../print-pack.js';

const TITLE = 'Mara Lind and Tomas Brandt: 5 articles, March 2025';
let out: string;
let json: { title: string; articles: { id: string; title: string; versionOf?: string }[]; briefing: { claims: { occurrences: { article: string; paragraph: number }[] }[] } };

beforeAll(async () => {
  out = await tempDir('dossier-briefing-');
  const result = await runCli(['--input', path.join(FIXTURES, 'briefing', 'dated', 'input'), '--out', out, '--formats', 'html,pdf,epub,json']);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
}, 120_000);

describe('the briefing page', () => {
  it('in the HTML page: after the title, every link leading to its element, the title marked as made', async () => {
    const document = new JSDOM(await readFile(path.join(out, 'dossier.html'), 'utf8')).window.document;
    expect(document.title).toBe(TITLE);
    const h1 = document.querySelector('h1')!;
    expect(h1.textContent).toBe(TITLE);
    expect(h1.classList.contains('title-derived')).toBe(true);
    const briefing = document.getElementById('briefing')!;
    expect(briefing.previousElementSibling?.classList.contains('title-block')).toBe(true);
    const links = [...briefing.querySelectorAll('a[href^="#"]')].map((link) => link.getAttribute('href')!.slice(1));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((id) => !document.getElementById(id))).toEqual([]);
    // The quotation three articles repeat: linked at its paragraph in each.
    const claim = briefing.querySelector('.briefing-claims li')!;
    expect(plain(claim.querySelector('blockquote')!.textContent!)).toContain('We have an agreement that protects every job on the quay');
    expect([...claim.querySelectorAll('.briefing-refs a')].map((link) => link.getAttribute('href'))).toEqual(
      json.briefing.claims[0]!.occurrences.map((occurrence) => `#${occurrence.article}-p${occurrence.paragraph}`),
    );
    expect(plain(briefing.textContent!)).toContain('Published 3 March 2025 – 6 March 2025; 1 article undated.');
    expect(plain(briefing.textContent!)).toContain('Coast Gazette (2), Harbour Daily (1), Northern Wire (1); not given for 1 article.');
    // The update is another version of the wire's first report, under its headline and in the briefing.
    const [, first, update] = json.articles;
    expect(plain(document.getElementById(update!.id)!.querySelector('.version-note')!.textContent!)).toBe(
      `Another version of ${plain(first!.title)} (article 2): the two share most of their text.`,
    );
    expect(plain(briefing.querySelector('.briefing-versions')!.textContent!)).toBe(`3 ${plain(update!.title)} is another version of 2 ${plain(first!.title)}.`);
    expect(plain(document.getElementById('about')!.textContent!)).toContain(
      'The articles are in order of publication, the 1 undated last: the default when at least half the articles are dated (4 of 5 here).',
    );
  });

  it('in the EPUB: a chapter after the title page, in the contents and the landmarks, links leading to their chapters; EPUBCheck passes', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const files = new Map<string, string>();
    for (const [name, entry] of Object.entries(zip.files)) if (name.endsWith('.xhtml') || name.endsWith('.opf')) files.set(path.basename(name), await entry.async('string'));
    const nav = files.get('toc.xhtml')!;
    expect(nav).toMatch(/<li><a href="briefing\.xhtml">Briefing<\/a>/);
    expect(nav).toMatch(/<a epub:type="preface" href="briefing\.xhtml">Briefing<\/a>/);
    expect(files.get('content.opf')!).toContain(`<dc:title id="title">${TITLE}</dc:title>`);
    const opf = files.get('content.opf')!;
    const idOf = (file: string) => new RegExp(`<item id="([^"]+)" href="${file}"`).exec(opf)?.[1];
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1]);
    expect(spine.indexOf(idOf('briefing.xhtml'))).toBe(spine.indexOf(idOf('title.xhtml')) + 1);
    const briefing = files.get('briefing.xhtml')!;
    const idsOf = (text: string) => new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
    const links = [...briefing.matchAll(/href="([^"#]*)#([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(10);
    const dead = links.filter(([, file, id]) => !idsOf(file ? (files.get(file!) ?? '') : briefing).has(id!)).map(([link]) => link);
    expect(dead).toEqual([]);
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });

  it('in the PDF: page 2, with the pages the articles are on, and the title in the metadata', async () => {
    const info = await runTool('pdfinfo', ['-enc', 'UTF-8', path.join(out, 'dossier.pdf')]);
    expect(info.stdout).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'));
    const pack = await readPrintedPack(path.join(out, 'dossier.pdf'));
    expect(plain(pack.pages[0]!.body.join(' '))).toContain(`${TITLE} No title was given; this one is made from the articles.`);
    const briefing = pack.sections.find((section) => section.title === 'Briefing')!;
    expect([briefing.first, briefing.last]).toEqual([2, 2]);
    const text = plain(pack.pages[1]!.body.join(' '));
    const [one, two, three] = pack.articles;
    // The quotation's three articles, at the pages they start on (each short article takes one page).
    expect(text).toContain(`In 3 articles: pp. ${one!.first}, ${two!.first}, ${three!.first}`);
    expect(text).toMatch(new RegExp(`3 Dock strike over: Northport deal keeps night shift \\(p\\. ${three!.first}\\) is another version of 2 Northport dock strike ends with deal on night shift \\(p\\. ${two!.first}\\)`));
    expect(bodyText(pack.pages[three!.first - 1]!)).toContain(`Another version of Northport dock strike ends with deal on night shift (article 2, p. ${two!.first})`);
  });

  it('with versions: fold, names the version taken in, and the kept one gives what it adds', async () => {
    const input = path.join(await tempDir('dossier-fold-'), 'input');
    await cp(path.join(FIXTURES, 'briefing', 'dated', 'input'), input, { recursive: true });
    await appendFile(path.join(input, 'dossier.yaml'), '\nversions: fold\n');
    const folded = await tempDir('dossier-fold-out-');
    const result = await runCli(['--input', input, '--out', folded, '--formats', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const document = new JSDOM(await readFile(path.join(folded, 'dossier.html'), 'utf8')).window.document;
    expect(document.querySelectorAll('article.article')).toHaveLength(4);
    expect(plain(document.querySelector('.briefing-versions')!.textContent!)).toBe(
      '2 Northport dock strike ends with deal on night shift takes in another version, Dock strike over: Northport deal keeps night shift (Harbour Daily, 5 March 2025), with what it adds.',
    );
    const aside = document.querySelector('article.article:nth-of-type(2) .folded-version')!;
    expect(plain(aside.querySelector('.folded-heading')!.textContent!)).toMatch(/^Another version of this report, Dock strike over: .* is folded into this one: \d+% of its words are here\. It adds:$/);
    expect([...aside.querySelectorAll('li')].map((item) => plain(item.textContent!))).toEqual(['The first container ship in nine days berthed at the quay on Wednesday afternoon.']);
  });
});

describe('an event and a claim most of thirty articles report', () => {
  it('names the first of the articles and counts the rest, in the briefing and the chronology', async () => {
    const input = await tempDir();
    const towns = ['Arden', 'Belmont', 'Carrow', 'Dunmore', 'Elmstead'];
    const { writeFile } = await import('node:fs/promises');
    for (let index = 1; index <= 30; index++) {
      const town = towns[index % towns.length]!;
      await writeFile(
        path.join(input, `${String(index).padStart(2, '0')}.md`),
        `# ${town} reacts to the harbour fees, report ${index}\n\n` +
          `People in ${town} spoke about report ${index} of the fees at the quay this week.\n\n` +
          // Enough words of its own that no article is another version of one before it.
          `${town} fishermen, ${index * 3} of them, said the ${['old', 'new', 'north', 'south'][index % 4]} pier had been ${['quiet', 'busy', 'closed', 'crowded'][index % 4]} since ${['spring', 'winter', 'autumn'][index % 3]}, and that ${index + 7} boats would leave for ${['Leith', 'Hull', 'Whitby', 'Oban', 'Wick'][index % 5]} before the ${['festival', 'regatta', 'market'][index % 3]} unless the council stepped in with help for crew number ${index}.\n\n` +
          'On 4 March 2005 the harbour board met in Carrow and agreed to double the mooring fees for every boat in the bay.\n',
      );
    }
    const out20 = await tempDir();
    const result = await runCli(['--input', input, '--out', out20, '--formats', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const document = new JSDOM(await readFile(path.join(out20, 'dossier.html'), 'utf8')).window.document;
    const claim = document.querySelector('.briefing-claims .briefing-where')!;
    expect(claim.querySelectorAll('a')).toHaveLength(8);
    const repeatedIn = Number(/^In (\d+) articles/.exec(claim.parentElement!.textContent!)?.[1]);
    expect(repeatedIn).toBeGreaterThan(8);
    expect(claim.textContent).toMatch(new RegExp(` and ${repeatedIn - 8} more$`));
    const row = [...document.querySelectorAll('.chronology-table tr')].find((tr) => tr.textContent!.includes('4 March 2005') && !tr.textContent!.includes('Published'))!;
    const cell = row.querySelector('.chronology-article')!;
    const reportedIn = row.querySelectorAll('.chronology-article a').length;
    expect(reportedIn).toBe(12);
    expect(cell.textContent).toMatch(/ and \d+ more$/);
  });
});
