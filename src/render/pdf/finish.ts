// After Chromium prints: bookmark titles as the headings read (Chromium
// drops the space at every line wrap, "vote forLabour", and takes
// CSS-uppercased text as printed), document metadata Chromium does not
// write (author, subject, fixed dates for a reproducible file), and, for
// the browser layout, the front pages printed again with page numbers.
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Dossier } from '../../model.js';
import { PdfFile, PdfLayoutError, PdfRef, PdfString, mapRefs, type PdfDict, type PdfObject, type PdfValue } from './pdf-file.js';
import { buildTimestamp } from '../view/timestamp.js';

export interface FinishOptions {
  /** The text of every heading in the printed page, in order. */
  headings: string[];
  /** Pages that replace the first pages of the PDF, drawn the same but for their page numbers. */
  frontPages?: PdfFile;
}

export async function finishPdf(printed: Uint8Array | PdfFile, dossier: Dossier, options: FinishOptions): Promise<Uint8Array> {
  let file: PdfFile;
  try {
    file = printed instanceof PdfFile ? printed : new PdfFile(Buffer.from(printed.buffer, printed.byteOffset, printed.byteLength));
  } catch (error) {
    // Not laid out as Chromium writes PDFs today (cross-reference streams): pdf-lib reads it, more slowly.
    if (!(error instanceof PdfLayoutError)) throw error;
    const { finishWithPdfLib } = await import('./finish-fallback.js');
    return finishWithPdfLib(printed instanceof PdfFile ? printed.bytes : printed, dossier, options.headings);
  }
  const changed = new Map<number, PdfObject>();
  fixOutlineTitles(file, options.headings, changed);
  setMetadata(file, dossier, changed);
  if (options.frontPages) replaceFrontPages(file, options.frontPages, changed);
  return file.rewrite(changed);
}

function setMetadata(file: PdfFile, dossier: Dossier, changed: Map<number, PdfObject>): void {
  const date = new PdfString(pdfDate(buildTimestamp(dossier)));
  const info: PdfDict = new Map<string, PdfValue>([
    ['Title', PdfString.fromText(dossier.title)],
    ...(dossier.compiledBy ? [['Author', PdfString.fromText(dossier.compiledBy)] as [string, PdfValue]] : []),
    ['Subject', PdfString.fromText(dossier.description)],
    ['Creator', PdfString.fromText('dossier')],
    ['Producer', PdfString.fromText('dossier with Chromium')],
    ['CreationDate', date],
    ['ModDate', date],
  ]);
  const infoRef = file.trailer.get('Info');
  changed.set(infoRef instanceof PdfRef ? infoRef.num : file.size, { value: info });
  const root = file.trailer.get('Root');
  if (root instanceof PdfRef) {
    const catalog = new Map(file.catalog);
    catalog.set('Lang', PdfString.fromText(dossier.language));
    changed.set(root.num, { value: catalog });
  }
}

/** `D:20120321112700Z`, as PDF dates are written. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, '');

function fixOutlineTitles(file: PdfFile, headings: string[], changed: Map<number, PdfObject>): void {
  const outlines = file.dict(file.catalog.get('Outlines'));
  // Each heading made comparable once, and searched from the last match on: from the start, for each bookmark, was quadratic.
  const comparables = headings.map(comparable);
  let next = 0;
  const visitItem = (ref: PdfValue | undefined): void => {
    for (let current = ref; current instanceof PdfRef; ) {
      const item = file.dict(current);
      if (!item) return;
      const title = item.get('Title');
      if (title instanceof PdfString) {
        // Bookmarks follow the headings in document order.
        const text = comparable(title.text());
        const index = comparables.indexOf(text, next);
        if (index !== -1) {
          const fixed = new Map(item);
          fixed.set('Title', PdfString.fromText(headings[index]!));
          changed.set(current.num, { value: fixed });
          next = index + 1;
        }
      }
      visitItem(item.get('First'));
      current = item.get('Next');
    }
  };
  visitItem(outlines?.get('First'));
}

/**
 * Gives the first pages of `file` the drawing of the pages of `front`:
 * their contents and resources are copied in, while each page keeps its
 * links, its place in the tagged structure and its bookmarks. Both files
 * lay out the same text in the same places, so the marked-content ids the
 * structure points at are the same.
 */
function replaceFrontPages(file: PdfFile, front: PdfFile, changed: Map<number, PdfObject>): void {
  const pages = file.pages();
  const frontPages = front.pages();
  let nextNumber = Math.max(file.size, ...[...changed.keys()].map((num) => num + 1));
  const copied = new Map<number, number>();
  const copy = (num: number): number => {
    let mapped = copied.get(num);
    if (mapped !== undefined) return mapped;
    mapped = nextNumber++;
    copied.set(num, mapped);
    const object = front.object(num);
    changed.set(mapped, { value: mapRefs(object.value, copy), ...(object.stream ? { stream: object.stream } : {}) });
    return mapped;
  };
  frontPages.forEach((frontNum, index) => {
    const pageNum = pages[index];
    const source = front.dict(new PdfRef(frontNum));
    const target = pageNum === undefined ? undefined : file.dict(new PdfRef(pageNum));
    if (!source || !target || pageNum === undefined) return;
    const page = new Map(target);
    for (const key of ['Contents', 'Resources']) {
      const value = source.get(key);
      if (value !== undefined) page.set(key, mapRefs(value, copy));
    }
    changed.set(pageNum, { value: page });
  });
}

/**
 * The text of every heading in an HTML page, in order: what bookmark titles
 * should read. Only the headings are parsed, not the whole page (a long
 * dossier's is megabytes, and the print page carries Paged.js).
 */
export function headingTexts(html: string): string[] {
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const headings = [...withoutScripts.matchAll(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/gi)].map((match) => match[0]).join('\n');
  const tree = unified().use(rehypeParse, { fragment: true }).parse(headings) as Root;
  return tree.children.flatMap((node) => (node.type === 'element' ? [toString(node).replace(/\s+/g, ' ').trim()] : []));
}
