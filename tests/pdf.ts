// Reading a printed dossier back with poppler, page by page, as a reader
// would turn its pages, and its links with the PDF reader.
import { PdfName, PdfRef, PdfString, type PdfDict, type PdfFile } from '../src/render/pdf/pdf-file.js';
import { runTool } from './helpers.js';

/** The text of each page, in order. */
export async function pdfPages(file: string): Promise<string[]> {
  const text = (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

export interface ContentsEntry {
  /** The article's number, or undefined for a section such as People involved. */
  number?: number;
  title: string;
  page: number;
}

/**
 * The entries of the contents pages: "2   Headline ......... 4", a long
 * headline perhaps wrapped over two lines with the page number on the last.
 */
export function contentsEntries(pages: string[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  // The contents run from the page labelled CONTENTS to the first article.
  const first = pages.findIndex((page) => /^\s*CONTENTS\s*$/m.test(page));
  const end = pages.findIndex((page) => /^\s*ARTICLE 1\s*$/m.test(page));
  const contents = first < 0 ? [] : pages.slice(first, end > first ? end : first + 1);
  let pending: { number?: number; title: string } | undefined;
  for (const line of contents.join('\n').split('\n')) {
    const start = /^\s*(\d+)\s+(\S.*)$/.exec(line);
    const section = /^\s{4,}(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
    if (start) pending = { number: Number(start[1]), title: start[2]!.trim() };
    else if (section && !pending) {
      entries.push({ title: section[1]!.trim(), page: Number(section[2]) });
      continue;
    } else if (pending) pending.title += ` ${line.trim()}`;
    const end = pending && /^(.*?)\s{2,}(\d+)\s*$/.exec(pending.title);
    if (pending && end) {
      entries.push({ ...(pending.number !== undefined ? { number: pending.number } : {}), title: end[1]!.trim(), page: Number(end[2]) });
      pending = undefined;
    }
  }
  return entries;
}

/** Each link annotation of each page: the page (from 0) it goes to, or the URI it opens. */
export function pdfLinks(file: PdfFile): { from: number; to?: number; uri?: string }[] {
  const pages = file.pages();
  const index = new Map(pages.map((num, at) => [num, at]));
  const named = file.destinationPages();
  return pages.flatMap((num, from) => {
    const annotations = file.resolve(file.dict(new PdfRef(num))!.get('Annots') ?? null);
    return (Array.isArray(annotations) ? annotations : []).map((annotation) => {
      const dict = file.dict(annotation) as PdfDict;
      const action = file.dict(dict.get('A'));
      if (action && (action.get('S') as PdfName).raw === 'URI') return { from, uri: (action.get('URI') as PdfString).bytes };
      const dest = file.resolve(dict.get('Dest') ?? action?.get('D') ?? null);
      if (Array.isArray(dest) && dest[0] instanceof PdfRef) return { from, to: index.get(dest[0].num) };
      if (dest instanceof PdfName) return { from, to: named.get(dest.raw) };
      if (dest instanceof PdfString) return { from, to: named.get(dest.text()) };
      return { from };
    });
  });
}
