// Saved web pages in Japanese, Chinese, French, Brazilian Portuguese, German,
// Arabic and Hebrew, built as a user would: every page is an article, dated
// from its own metadata, its furniture dropped, in its own language and
// direction in every format (the markdown's front matter too),
// with clean bylines, CJK word counts that are words, Unicode file names, an
// EPUB EPUBCheck passes and no internal link to nowhere. The pages are the
// normalise fixtures (text written for the tests), saved under sites' names.
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubChapterFileName } from '../../src/ids.js';
import { FIXTURES, epubCheck, runCli, runTool, tempDir } from '../helpers.js';

interface Expected {
  fixture: string;
  date: string;
  language: string;
  direction: 'ltr' | 'rtl';
  byline?: string;
}

const PAGES: Record<string, Expected> = {
  'yahoo-japan-bus.html': { fixture: 'saved-page-ja/input.html', date: '2016-10-14', language: 'ja', direction: 'ltr' },
  'portal-bikes.html': { fixture: 'saved-page-zh-dateline/input.html', date: '2016-10-14', language: 'zh', direction: 'ltr' },
  'lyon-bibliotheques.html': { fixture: 'saved-page-fr/input.html', date: '2019-11-05', language: 'fr', direction: 'ltr', byline: 'Claire Dubois' },
  'folha-feira.html': { fixture: 'saved-page-pt-br/input.html', date: '2021-08-19', language: 'pt-BR', direction: 'ltr', byline: 'João Pereira dos Santos' },
  'heise-laternen.html': { fixture: 'saved-page-de/input.html', date: '2018-03-07', language: 'de-DE', direction: 'ltr', byline: 'Katrin Hoffmann' },
  'maktaba.html': { fixture: 'saved-page-ar/input.html', date: '2020-02-11', language: 'ar', direction: 'rtl', byline: 'سارة الأحمد' },
  'gan.md': { fixture: 'markdown-hebrew/input.md', date: '2021-05-03', language: 'he', direction: 'rtl', byline: 'דנה כהן' },
  'airline.html': { fixture: 'saved-page-byline-glued/input.html', date: '2016-12-22', language: 'en-US', direction: 'ltr', byline: 'Mark Dolan' },
  'snowstorm.html': { fixture: 'saved-page-byline-shouting/input.html', date: '2016-12-22', language: 'en', direction: 'ltr', byline: "Gillian McKenna-O'Brien" },
  // Pages whose article Readability returns with the site's furniture in it.
  'coastal-ferry.html': { fixture: 'saved-page-furniture-en/input.html', date: '2021-06-18', language: 'en-US', direction: 'ltr', byline: 'Maria Lopez' },
  'weser-fernwaerme.html': { fixture: 'saved-page-furniture-de/input.html', date: '2023-01-12', language: 'de', direction: 'ltr' },
  'echo-piscines.html': { fixture: 'saved-page-furniture-fr/input.html', date: '2022-07-04', language: 'fr', direction: 'ltr' },
  'minato-bus.html': { fixture: 'saved-page-furniture-ja/input.html', date: '2020-09-01', language: 'ja', direction: 'ltr' },
};

interface ArticleRecord {
  id: string;
  file: string;
  date?: string;
  byline?: string;
  language?: string;
  direction?: string;
  words: number;
  markdown: string;
}

let out: string;
let json: { articles: ArticleRecord[]; warnings: { file: string; message: string }[] };
let html: string;
let epub: JSZip;
let input: string;

beforeAll(async () => {
  input = await tempDir('dossier-saved-');
  out = await tempDir('dossier-saved-out-');
  for (const [name, page] of Object.entries(PAGES)) await copyFile(path.join(FIXTURES, 'normalise', page.fixture), path.join(input, name));
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json,md']);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
  html = await readFile(path.join(out, 'dossier.html'), 'utf8');
  epub = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
}, 120_000);

const record = (file: string) => json.articles.find((article) => article.file === file)!;

/** The EPUB's XHTML writes letters beyond ASCII as character references: read them back. */
const decoded = (markup: string) =>
  markup.replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (_, hex: string | undefined, decimal: string | undefined) => String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(decimal)));

/** The attributes of the article element with this id, in markup of HTML or XHTML. */
function attributesOf(markup: string, id: string): Record<string, string> {
  const tag = new RegExp(`<article\\s[^>]*\\bid="${id}"[^>]*>`).exec(decoded(markup))?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
}

const idsIn = (markup: string) => new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));

describe('a folder of saved pages', () => {
  it('makes every page an article, with no page skipped', () => {
    expect(json.articles.map((article) => article.file).sort()).toEqual(Object.keys(PAGES).sort());
    expect(json.warnings.filter((warning) => /skipped/.test(warning.message))).toEqual([]);
  });

  it('dates each article from what its page states', () => {
    for (const [file, page] of Object.entries(PAGES)) expect(record(file).date, file).toBe(page.date);
  });

  it('keeps each article’s language and direction in dossier.json', () => {
    for (const [file, page] of Object.entries(PAGES)) {
      expect({ language: record(file).language, direction: record(file).direction }, file).toEqual({ language: page.language, direction: page.direction });
    }
  });

  it('gives each article’s language and direction in its markdown file’s front matter', async () => {
    for (const [file, page] of Object.entries(PAGES)) {
      const markdown = await readFile(path.join(out, record(file).markdown), 'utf8');
      const front = markdown.slice(0, markdown.indexOf('\n---\n'));
      expect({ language: /^language: (.+)$/m.exec(front)?.[1], direction: /^direction: (.+)$/m.exec(front)?.[1] }, file).toEqual({ language: page.language, direction: page.direction });
    }
  });

  it('marks each article’s section with its lang and dir in the HTML page', () => {
    for (const [file, page] of Object.entries(PAGES)) {
      const attributes = attributesOf(html, record(file).id);
      expect({ lang: attributes.lang, dir: attributes.dir }, file).toEqual({ lang: page.language, dir: page.direction });
    }
  });

  it('marks each EPUB chapter’s article with lang, xml:lang and dir', async () => {
    for (const [file, page] of Object.entries(PAGES)) {
      const { id } = record(file);
      const chapter = await epub.file(`OEBPS/${epubChapterFileName({ id })}`)?.async('string');
      expect(chapter, id).toBeDefined();
      const attributes = attributesOf(chapter!, id);
      expect({ lang: attributes.lang, xmlLang: attributes['xml:lang'], dir: attributes.dir }, file).toEqual({
        lang: page.language,
        xmlLang: page.language,
        dir: page.direction,
      });
    }
  });

  it('keeps each page’s text without its furniture, as the normalised fixture of the page has it', async () => {
    const body = (markdown: string) => markdown.slice(markdown.indexOf('\n---\n') + 5).trim();
    for (const [file, page] of Object.entries(PAGES)) {
      const expected = await readFile(path.join(FIXTURES, 'normalise', path.dirname(page.fixture), 'expected.md'), 'utf8');
      expect(body(await readFile(path.join(out, record(file).markdown), 'utf8')), file).toBe(body(expected));
    }
  });

  it('cleans the bylines', () => {
    for (const [file, page] of Object.entries(PAGES)) expect(record(file).byline, file).toBe(page.byline);
  });

  it('counts the words of unspaced Japanese and Chinese as words, not as runs of text', () => {
    for (const file of ['yahoo-japan-bus.html', 'portal-bikes.html']) {
      expect(record(file).words, file).toBeGreaterThan(150);
      expect(record(file).words, file).toBeLessThan(400);
    }
  });

  it('names files with the letters of the headline, in any script, and keeps ids ASCII', async () => {
    // Ids become the PDF's named destinations, which Chromium writes percent-encoded: past 127 bytes, readers choke.
    for (const file of ['yahoo-japan-bus.html', 'maktaba.html', 'gan.md']) expect(record(file).id).toMatch(/^article-\d\d$/);
    expect(record('yahoo-japan-bus.html').markdown).toMatch(/^markdown\/\d\d-山間-の-町/u);
    expect(record('maktaba.html').markdown).toMatch(/^markdown\/\d\d-افتتاح-مكتبة/u);
    expect(record('gan.md').markdown).toMatch(/^markdown\/\d\d-גן-ציבורי/u);
    const markdown = await readdir(path.join(out, 'markdown'));
    expect(markdown.map((name) => `markdown/${name}`).sort()).toEqual(json.articles.map((article) => article.markdown).sort());
    for (const name of markdown) expect(name, name).not.toMatch(/--|^\d+-\.md$/);
  });

  it('makes an EPUB that EPUBCheck passes with no error or warning', async () => {
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  }, 120_000);

  it('leads every internal link of the HTML page to an id on it', () => {
    const ids = idsIn(html);
    const targets = [...html.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(json.articles.length);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
  });

  it('leads every link between EPUB chapters to an id in the chapter it names', async () => {
    const chapters = new Map<string, string>();
    for (const name of Object.keys(epub.files).filter((name) => name.endsWith('.xhtml'))) {
      chapters.set(path.posix.basename(name), decoded(await epub.file(name)!.async('string')));
    }
    const broken: string[] = [];
    let links = 0;
    for (const [name, markup] of chapters) {
      for (const [, file, id] of markup.matchAll(/href="([^"#:]*)#([^"]+)"/g)) {
        links++;
        const target = chapters.get(decodeURIComponent(file || name));
        if (!target || !idsIn(target).has(decodeURIComponent(id!))) broken.push(`${name} → ${file}#${id}`);
      }
    }
    expect(links).toBeGreaterThan(json.articles.length);
    expect(broken).toEqual([]);
  });
});

describe('the PDF of saved pages in many scripts', () => {
  it('names every destination within the 127 bytes PDF readers hold, and tags each article with its language', async () => {
    const pdfOut = await tempDir('dossier-saved-pdf-');
    const result = await runCli(['--input', input, '--out', pdfOut, '--formats', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    const pdf = (await readFile(path.join(pdfOut, 'dossier.pdf'))).toString('latin1');
    const names = [...pdf.matchAll(/\/Dest \/([^\s/<>[\]()]+)/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => name.length > 127)).toEqual([]);
    // Each article's language is on its part of the tagged PDF's structure, for screen readers and text-to-speech.
    const plain = path.join(pdfOut, 'uncompressed.pdf');
    await runTool('qpdf', ['--qdf', '--object-streams=disable', path.join(pdfOut, 'dossier.pdf'), plain]);
    const languages = new Set([...(await readFile(plain, 'latin1')).matchAll(/\/Lang \(([^)]*)\)/g)].map((match) => match[1]!));
    expect([...new Set(Object.values(PAGES).map((page) => page.language))].filter((language) => !languages.has(language))).toEqual([]);
  }, 120_000);
});
