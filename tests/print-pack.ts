// Reading a printed pack as its reader checks it, page by page: what each
// page's running head says, which article or section each page belongs to,
// the notes at the foot of each page and the people pages' page lists.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { contentsEntries, pdfPages } from './pdf.js';

export interface PrintedSection {
  /** The article's number; undefined for a reference section. */
  number?: number;
  title: string;
  /** First and last page, from 1. */
  first: number;
  last: number;
}

export interface PrintedPage {
  number: number;
  /** The running head's left part: the section it names. */
  head: string;
  /** The lines between the running head and the running foot. */
  body: string[];
}

export interface PrintedNote {
  number: number;
  /** The other articles named, with the page given for each. */
  targets: { title: string; page: number }[];
}

/** Quotation marks and spaces as a comparison should see them. */
export const plain = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

export async function readPrintedPack(file: string) {
  const texts = await pdfPages(file);
  const pages: PrintedPage[] = texts.map((text, index) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    // The cover has no running head, only the marking, if any, at its foot.
    if (index === 0) return { number: 1, head: '', body: lines };
    return { number: index + 1, head: lines[0]!.trim().split(/\s{2,}/)[0]!, body: lines.slice(1, -1) };
  });
  const entries = contentsEntries(texts);
  const contentsPage = texts.findIndex((text) => /^\s*CONTENTS\s*$/m.test(text)) + 1;
  const starts = [{ title: 'Contents', page: contentsPage }, ...entries].sort((a, b) => a.page - b.page);
  const sections: PrintedSection[] = starts.map((entry, index) => ({
    ...('number' in entry && entry.number !== undefined ? { number: entry.number } : {}),
    title: entry.title,
    first: entry.page,
    last: index + 1 < starts.length ? Math.max(entry.page, starts[index + 1]!.page - (startsAtTop(pages[starts[index + 1]!.page - 1]!, starts[index + 1]!) ? 1 : 0)) : pages.length,
  }));
  return { pages, sections, articles: sections.filter((section) => section.number !== undefined) };
}

/** Whether a section begins at the top of the page: its label or heading is the page's first line. */
export function startsAtTop(page: PrintedPage, section: { number?: number; title: string }): boolean {
  const first = plain(page.body[0] ?? '');
  if (section.number !== undefined) return new RegExp(`^ARTICLE ${section.number}$`).test(first);
  return first.toLowerCase() === plain(section.title).toLowerCase();
}

/** The section in force at the top of a page: the one that began at its top, or the one running on into it. */
export function sectionAtTop(sections: PrintedSection[], page: PrintedPage): PrintedSection | undefined {
  const starting = sections.find((section) => section.first === page.number && startsAtTop(page, section));
  return starting ?? sections.filter((section) => section.first < page.number).at(-1);
}

/** The notes at the foot of a page: "3. Also in: Title (p. 7), Other title (p. 9)." over one or more lines. */
export function pageNotes(page: PrintedPage): PrintedNote[] {
  const notes: { number: number; text: string }[] = [];
  for (const line of page.body) {
    const start = /^\s*(\d+)\. (Also in[: ].*)$/.exec(line);
    if (start) notes.push({ number: Number(start[1]), text: start[2]! });
    else if (notes.length) notes.at(-1)!.text += ` ${line.trim()}`;
  }
  return notes.map((note) => ({
    number: note.number,
    // "Also in: A (p. 4), B (p. 9)." or, past a few articles, "Also in 12 other articles, among them: A (p. 4), … and 7 more."
    targets: [...note.text.replace(/^Also in(?: \d+ other articles, among them)?: /, '').replace(/ and \d+ more\.$/, '').matchAll(/(.+?) \(p\. (\d+)\)(?:, |\.?$)/g)].map((match) => ({
      title: plain(match[1]!),
      page: Number(match[2]),
    })),
  }));
}

/** The body text of a page, without its notes, with words broken over lines joined again. */
export function bodyText(page: PrintedPage): string {
  const lines: string[] = [];
  for (const line of page.body) {
    if (/^\s*\d+\. Also in[: ]/.test(line)) break;
    lines.push(line.trim());
  }
  return plain(lines.join('\n').replace(/(\p{L})-\n/gu, '$1'));
}

/** Pages in "Pages 3–5, 9" or "Page 12". */
export function pageList(text: string): number[] {
  return text.split(/,\s*/).flatMap((part) => {
    const [from, to] = part.split('–').map(Number);
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, index) => from! + index);
  });
}

/** Each article's notes in the HTML page, in order: the titles of the other articles each names. */
export async function htmlNotes(file: string): Promise<Map<string, string[][]>> {
  const document = new JSDOM(await readFile(file, 'utf8')).window.document;
  const notes = new Map<string, string[][]>();
  for (const article of document.querySelectorAll('article.article')) {
    const items = [...article.querySelectorAll('section[data-footnotes] li')];
    notes.set(article.id, items.map((item) => [...item.querySelectorAll('a[href^="#article-"]:not([data-footnote-backref])')].map((link) => plain(link.textContent!))));
  }
  return notes;
}

/** Each chapter's notes in the EPUB, by the number each shows. */
export async function epubNotes(file: string): Promise<Map<string, Map<number, string[]>>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const notes = new Map<string, Map<number, string[]>>();
  for (const name of Object.keys(zip.files).filter((entry) => /article-[^/]*\.xhtml$/.test(entry))) {
    const document = new JSDOM(await zip.file(name)!.async('string'), { contentType: 'application/xhtml+xml' }).window.document;
    const chapter = new Map<number, string[]>();
    for (const aside of document.querySelectorAll('aside')) {
      const number = Number(/^(\d+)\./.exec(aside.querySelector('.note-number')?.textContent ?? '')?.[1]);
      chapter.set(number, [...aside.querySelectorAll('a[href*="article-"]')].filter((link) => !link.classList.contains('backlink')).map((link) => plain(link.textContent!)));
    }
    notes.set(path.basename(name, '.xhtml'), chapter);
  }
  return notes;
}
