// The default dossier, built from seeds/ as a user would, and checked with
// the real tools: EPUBCheck, poppler, qpdf, and the HTML's own links.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, epubCheck, runCli, runTool, tempDir } from '../helpers.js';
import { contentsEntries, pdfPages } from '../pdf.js';

let out: string;
let stderr: string;
let json: {
  title: string;
  people: { id: string; name: string; aliases: string[]; roles: { text: string; article?: string }[]; mentions: { article: string; count: number }[] }[];
  organisations: { name: string; aliases: string[] }[];
  chronology: { date: string; kind: string; text: string; article: string }[];
  sharedPassages: { id: string; text: string; occurrences: { article: string; paragraph: number }[] }[];
  articles: {
    id: string;
    file: string;
    title: string;
    titleDerived: boolean;
    date?: string;
    source?: string;
    words: number;
    relatedLinks: string[];
    caption?: string;
    markdown: string;
  }[];
  warnings: unknown[];
};

const HEADLINE_001 = 'Ken Livingstone Provokes Fury With Rich Jews Won\'t Vote Labour Remark';
const HEADLINE_002 = 'Ken Livingstone: what he really thinks about Jews';

beforeAll(async () => {
  out = await tempDir();
  const result = await runCli(['--input', path.join(ROOT, 'seeds'), '--out', out]);
  stderr = result.stderr;
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
});

const seed = (prefix: string) => json.articles.find((article) => article.file.startsWith(prefix))!;

describe('the default build', () => {
  it('writes all five outputs', async () => {
    for (const file of ['dossier.html', 'dossier.pdf', 'dossier.epub', 'dossier.json']) {
      expect((await stat(path.join(out, file))).size, file).toBeGreaterThan(1000);
    }
    const markdown = (await readdir(path.join(out, 'markdown'))).sort();
    expect(markdown).toEqual(json.articles.map((article) => `${article.id.replace(/^article-/, '')}.md`));
    expect(markdown).toHaveLength(3);
    expect(markdown[0]).toMatch(/^01-[a-z0-9-]+\.md$/);
  });

  it('reports each stage with its time on stderr', () => {
    for (const stage of ['read', 'normalise', 'enrich', 'render html', 'render pdf', 'render epub']) {
      expect(stderr).toMatch(new RegExp(`dossier: ${stage}\\s.*\\d+ (ms|s)`));
    }
  });

  it('finds the headlines, the dateline and the derived headline', () => {
    expect(seed('001').title).toBe(HEADLINE_001);
    expect(seed('001').date).toBe('2012-03-21');
    expect(seed('001').source).toBe('HuffPost UK');
    expect(seed('002').title).toBe(HEADLINE_002);
    expect(seed('002').titleDerived).toBe(false);
    const derived = seed('000');
    expect(derived.titleDerived).toBe(true);
    expect(derived.title.split(/\s+/).length).toBeLessThanOrEqual(12);
    expect(derived.title).toMatch(/Livingstone/);
  });

  it('takes picture captions and trailing link lines out of the body', async () => {
    expect(seed('002').caption).toMatch(/^One of these men/);
    expect(seed('000').relatedLinks).toEqual(["Ken Livingstone's Rich Jews Letter: Full Text"]);
    for (const article of json.articles) {
      const markdown = await readFile(path.join(out, article.markdown), 'utf8');
      const body = markdown.slice(markdown.indexOf('\n---\n', 4) + 5);
      expect(body).not.toMatch(/Full Text/);
      expect(body).not.toMatch(/One of these men/);
      expect(body).not.toMatch(/GMT \| Updated/);
    }
  });

  it('writes markdown with front matter naming title, source, date and original file', async () => {
    const markdown = await readFile(path.join(out, seed('001').markdown), 'utf8');
    const front = parseYaml(markdown.split('\n---\n')[0]!.replace(/^---\n/, ''));
    expect(front).toMatchObject({ title: HEADLINE_001, source: 'HuffPost UK', date: '2012-03-21', file: '001_e21c6e5f6e032f88.txt' });
  });
});

describe('who is involved and where the articles repeat each other', () => {
  const person = (name: string) => json.people.find((entry) => entry.name === name);

  it('folds the forms of a name into one person, with roles in the articles’ words', () => {
    expect(person('Ken Livingstone')?.aliases).toEqual(['Ken', 'Livingstone', 'Mr Livingstone']);
    expect(person('Ken Livingstone')?.roles.map((role) => role.text)).toContain('London mayoral candidate');
    expect(person('Ken Livingstone')?.mentions.map((mention) => mention.article)).toEqual(json.articles.map((article) => article.id));
    expect(person('Ed Miliband')?.aliases).toContain('Miliband');
    expect(person('Ed Miliband')?.roles.map((role) => role.text)).toContain('party leader');
    expect(person('Danny Rich')?.roles.map((role) => role.text)).toEqual(['leading Liberal Rabbi']);
    expect(person('Andrew Gilber')?.roles.map((role) => role.text)).toEqual(['former Limmud chair']);
    expect(person('Val Shawcross')?.roles.map((role) => role.text)).toEqual(['his own running-mate']);
    expect(person('Yusuf al-Qaradawi')?.aliases).toContain('al-Qaradawi');
    const names = json.people.map((entry) => entry.name);
    for (const notAPerson of ['Rich', 'Chatham House', 'Jewish Chronicle', 'Victoria Street', 'Labour', 'London']) expect(names).not.toContain(notAPerson);
    expect(json.organisations.map((entry) => entry.name)).toEqual(expect.arrayContaining(['Jewish Chronicle', 'Labour Party', 'Muslim Brotherhood']));
  });

  it('puts dates from the text in a chronology, with no year the undated article does not give', () => {
    const dates = json.chronology.map((entry) => `${entry.date} ${entry.kind} ${entry.text}`);
    // The first article is undated: its "March 1" and "May 3" keep no year rather than borrow the others' 2012.
    expect(dates).toEqual(['2008 mentioned in 2008', expect.stringMatching(/^2012-03-21 published/), '--03-01 mentioned March 1', '--05-03 mentioned May 3']);
  });

  it('finds the letter’s sentence in all three articles despite their differences', () => {
    const quote = json.sharedPassages.find((passage) => /inversely proportional/.test(passage.text));
    expect(quote?.occurrences.map((occurrence) => occurrence.article)).toEqual(json.articles.map((article) => article.id));
    expect(json.sharedPassages.some((passage) => /harder and harder to consider voting for Ken/.test(passage.text))).toBe(true);
  });

  it('keeps the first names of the chronology and the shared passages for older scripts', () => {
    const raw = json as unknown as Record<string, unknown>;
    expect(raw.timeline).toEqual(json.chronology);
    expect(raw.crossrefs).toEqual(json.sharedPassages);
  });

  it('links mentions to people and puts cross-reference footnotes in the HTML', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    expect(html).toContain('<section class="reference people" id="people"');
    for (const entry of json.people) expect(html).toContain(`id="${entry.id}"`);
    expect(html).toMatch(/<a href="#person-ken-livingstone" class="person-mention" id="article-01-[a-z-]+-person-ken-livingstone">Ken Livingstone<\/a>/);
    expect(html).toMatch(/data-footnote-ref[^>]*>1<\/a><\/sup>/);
    expect(html).toMatch(/Also in: <a href="#article-02-[a-z-]+-p3">Ken Livingstone Provokes Fury/);
  });
});

describe('dossier.epub', () => {
  it('stores its pictures as they are, compressed already, and deflates its text', async () => {
    const methods = zipMethods(await readFile(path.join(out, 'dossier.epub')));
    expect(methods.get('OEBPS/images/picture-1.png')).toBe(STORED);
    expect(methods.get('mimetype')).toBe(STORED);
    for (const [name, method] of methods) if (/\.(xhtml|opf|ncx|css)$/.test(name)) expect(method, name).toBe(DEFLATED);
  });

  it('has a cover, landmarks, a contents entry per article and accessibility metadata', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toMatch(/<item [^>]*href="images\/picture-1\.png"[^>]*properties="cover-image"/);
    for (const metadata of [
      /<meta property="schema:accessMode">textual<\/meta>/,
      /<meta property="schema:accessModeSufficient">textual<\/meta>/,
      /<meta property="schema:accessibilityFeature">tableOfContents<\/meta>/,
      /<meta property="schema:accessibilityFeature">readingOrder<\/meta>/,
      /<meta property="schema:accessibilityFeature">structuralNavigation<\/meta>/,
      /<meta property="schema:accessibilityHazard">none<\/meta>/,
      /<meta property="schema:accessibilitySummary">\S/,
      /<meta property="dcterms:conformsTo">EPUB Accessibility 1\.1 - WCAG 2\.1 Level AA<\/meta>/,
      /<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/,
    ]) {
      expect(opf).toMatch(metadata);
    }
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    for (const article of json.articles) expect(nav).toContain(`href="${article.id}.xhtml"`);
    for (const landmark of ['cover', 'titlepage', 'toc', 'bodymatter']) expect(nav).toMatch(new RegExp(`epub:type="${landmark}"`));
    expect(nav).toContain('href="people.xhtml"');
    expect(nav).toContain('href="chronology.xhtml"');
  });

  it('is made the way Send to Kindle wants it', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const documents = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml'));
    const bodyIds = new Set<string>();
    const texts = await Promise.all(documents.map((name) => zip.file(name)!.async('string')));
    for (const text of texts) {
      for (const match of text.matchAll(/<body[^>]*\sid="([^"]+)"/g)) bodyIds.add(match[1]!);
    }
    texts.forEach((text, index) => {
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), documents[index]).toBe(true);
      expect(text, documents[index]).not.toMatch(/\ssrc=""/);
      for (const match of text.matchAll(/href="[^"#]*#([^"]+)"/g)) expect(bodyIds.has(match[1]!)).toBe(false);
    });
  });

  it('has pop-up footnotes and chapters for people and the chronology', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const first = await zip.file(`OEBPS/${json.articles[0]!.id}.xhtml`)!.async('string');
    expect(first).toMatch(/<a [^>]*epub:type="noteref"[^>]*>/);
    expect(first).toMatch(/<aside [^>]*epub:type="footnote"[^>]*>/);
    expect(first).toMatch(/href="article-02-[a-z-]+\.xhtml#article-02-[a-z-]+-p3"/);
    expect(zip.file('OEBPS/people.xhtml')).not.toBeNull();
    expect(zip.file('OEBPS/chronology.xhtml')).not.toBeNull();
  });

  it('numbers each EPUB note as its call is numbered, for readers without pop-ups', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const first = await zip.file(`OEBPS/${json.articles[0]!.id}.xhtml`)!.async('string');
    const calls = [...first.matchAll(/epub:type="noteref"[^>]*><sup>(\d+)<\/sup>/g)].map((match) => Number(match[1]));
    const notes = [...first.matchAll(/<aside [^>]*epub:type="footnote"[^>]*>\s*<p><span class="note-number">(\d+)\. <\/span>/g)].map((match) => Number(match[1]));
    expect(calls.length).toBeGreaterThan(0);
    expect(notes).toEqual([...new Set(calls)].sort((a, b) => a - b));
  });

  it('passes EPUBCheck 4.2.6 with no errors and no warnings, and its usage mode with one note', async () => {
    const report = path.join(out, 'epubcheck.json');
    const result = await epubCheck(path.join(out, 'dossier.epub'), report, ['-u']);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    // The one usage note left is the NCX's DAISY namespace (HTM-010): the NCX is there for EPUB 2 readers.
    const problems = checked.messages.filter((message: { severity: string; ID: string }) => message.severity !== 'INFO' && message.ID !== 'HTM-010');
    expect(problems, result.stderr).toEqual([]);
    expect(checked.checker.nError + checked.checker.nFatal + checked.checker.nWarning).toBe(0);
    expect(checked.publication.language).toBe('en-GB');
    expect(checked.publication.description).toMatch(/\S/);
  });
});

describe('dossier.pdf', () => {
  it('is A4, tagged, titled, with a page per article', async () => {
    const info = (await runTool('pdfinfo', [path.join(out, 'dossier.pdf')])).stdout;
    expect(info).toMatch(/^Title:\s+Ken Livingstone and the “rich Jews” letter$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Author:\s+dossier seed pack$/m);
    expect(info).toMatch(/^Subject:\s+A briefing dossier of 3 news articles/m);
    expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it('numbers every page but the cover, and gives each article’s page in the contents', async () => {
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((page, index) => expect(page, `page ${index + 2}`).toMatch(new RegExp(`Page ${index + 2} of ${pages.length}`)));
    const entries = contentsEntries(pages);
    expect(entries.filter((entry) => entry.number !== undefined)).toHaveLength(json.articles.length);
    for (const entry of entries) {
      const page = pages[entry.page - 1]!;
      if (entry.number !== undefined) {
        // The article starts on that page: its label, its headline, and the headline in the running head.
        expect(page, entry.title).toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
        expect(page.replace(/\s+/g, ' ')).toContain(entry.title.slice(0, 30));
        expect(pages[entry.page - 2]!, `the page before ${entry.title}`).not.toMatch(new RegExp(`ARTICLE ${entry.number}\\b`));
      } else {
        expect(page, entry.title).toContain(entry.title);
      }
    }
    expect(entries.map((entry) => entry.title)).toEqual(expect.arrayContaining(['People involved', 'Chronology', 'About this dossier']));
  });

  it('puts the cross-reference notes at the foot of the page that calls them, with page numbers', async () => {
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    const first = pages.find((page) => /ARTICLE 1\b/.test(page))!;
    const lines = first.split('\n').filter((line) => line.trim());
    const note = lines.findIndex((line) => /^\s*1\. Also in: /.test(line));
    expect(note, 'a note on the first article’s page').toBeGreaterThan(lines.length / 2);
    const call = /Also in: Ken Livingstone Provokes Fury .*?\(p\. (\d+)\)/.exec(lines.slice(note).join(' '));
    expect(call, 'a note naming the other article and its page').not.toBeNull();
    // The page named is inside that other article.
    const entries = contentsEntries(pages).filter((entry) => entry.number !== undefined);
    const other = entries.findIndex((entry) => entry.title.startsWith('Ken Livingstone Provokes Fury'));
    const page = Number(call![1]);
    expect(page).toBeGreaterThanOrEqual(entries[other]!.page);
    if (entries[other + 1]) expect(page).toBeLessThan(entries[other + 1]!.page);
  });

  it('lists the pages where each person is mentioned', async () => {
    const pages = await pdfPages(path.join(out, 'dossier.pdf'));
    const people = pages.find((page) => /^\s*People involved\s*$/m.test(page) && /Pages \d/.test(page))!;
    const entries = contentsEntries(pages);
    const articlePages = entries.filter((entry) => entry.number !== undefined).map((entry) => entry.page);
    // Every page he is mentioned on, runs of pages as ranges ("3–4").
    const ken = /Ken Livingstone[\s\S]*?Pages? ([\d,– ]+)/
      .exec(people)![1]!
      .split(',')
      .flatMap((part) => {
        const [from, to = from] = part.trim().split('–').map(Number);
        return Array.from({ length: to! - from! + 1 }, (_, index) => from! + index);
      });
    // Each of the three articles that mention him has a page in the list, and every page listed names him.
    articlePages.forEach((start, index) => {
      const end = articlePages[index + 1] ?? pages.length;
      expect(ken.some((page) => page >= start && page < end), `article ${index + 1}`).toBe(true);
    });
    ken.forEach((page) => expect(pages[page - 1]).toMatch(/Livingstone/));
    // And no page that names him in an article is missing.
    const peoplePage = entries.find((entry) => entry.title === 'People involved')!.page;
    pages.forEach((page, index) => {
      const inArticles = index + 1 >= articlePages[0]! && index + 1 < peoplePage;
      if (inArticles && /Ken\s+Livingstone/.test(page.split('\n').slice(1).join('\n'))) expect(ken).toContain(index + 1);
    });
  });

  it('has a bookmark for every article, titled as its headline reads', async () => {
    const result = await runTool('qpdf', ['--json', '--json-key=outlines', path.join(out, 'dossier.pdf')]);
    const titles: string[] = [];
    const walk = (items: { title: string; kids: unknown[] }[]) =>
      items.forEach((item) => {
        titles.push(item.title);
        walk(item.kids as never);
      });
    walk(JSON.parse(result.stdout).outlines);
    for (const article of json.articles) {
      expect(titles, article.title).toContain(article.title.replace(/'/g, '’'));
    }
    expect(titles).toContain('Contents');
  });

  it('renders its pages as pictures', async () => {
    const prefix = path.join(out, 'page');
    const result = await runTool('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '2', path.join(out, 'dossier.pdf'), prefix]);
    expect(result.code, result.stderr).toBe(0);
    const pictures = (await readdir(out)).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(pictures).toHaveLength(2);
  });
});

describe('dossier.html', () => {
  let html: string;
  beforeAll(async () => {
    html = await readFile(path.join(out, 'dossier.html'), 'utf8');
  });

  it('has no broken internal links and links every article from the contents', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/\shref="#([^"]*)"/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) expect(ids.has(target), `#${target}`).toBe(true);
    for (const article of json.articles) expect(targets).toContain(article.id);
  });

  it('is self-contained, script-free and accessible in structure', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\s/i);
    expect(html).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//);
    expect(html).toContain('Content-Security-Policy');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<main[\s>]/);
    expect(html).toMatch(/<nav[\s>]/);
    // Heading levels never skip one going down.
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    levels.reduce((previous, level) => {
      expect(level).toBeLessThanOrEqual(previous + 1);
      return level;
    });
  });

  it('sets the typography and keeps the text', () => {
    expect(html).toContain('Won’t Vote Labour Remark');
    expect(html).toContain('Chatham House rules – where');
    expect(html).toContain('Ken Livingstone’s Rich Jews Letter: Full Text');
  });
});

const STORED = 0;
const DEFLATED = 8;

/** Each entry's compression method, from the zip's central directory. */
function zipMethods(zip: Buffer): Map<string, number> {
  const methods = new Map<string, number>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < zip.readUInt16LE(end + 10); entry++) {
    const nameLength = zip.readUInt16LE(at + 28);
    methods.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt16LE(at + 10));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return methods;
}
