// After Chromium prints: bookmark titles as the headings read (Chromium
// drops the space at every line wrap, "vote forLabour", and takes
// CSS-uppercased text as printed), and document metadata Chromium does not
// write (author, subject, language).
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Dossier } from '../model.js';
import { buildTimestamp } from './timestamp.js';

export async function finishPdf(pdf: Uint8Array, html: string, dossier: Dossier): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  fixOutlineTitles(document, headingTexts(html));
  document.setTitle(dossier.title);
  if (dossier.compiledBy) document.setAuthor(dossier.compiledBy);
  document.setSubject(dossier.description);
  document.setLanguage(dossier.language);
  document.setCreator('dossier');
  document.setProducer('dossier with Chromium');
  const made = buildTimestamp(dossier);
  document.setCreationDate(made);
  document.setModificationDate(made);
  return document.save({ useObjectStreams: false });
}

/** The text of every heading in the page, in order. */
export function headingTexts(html: string): string[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const texts: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) texts.push(toString(node).replace(/\s+/g, ' ').trim());
  });
  return texts;
}

const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, '');

function fixOutlineTitles(document: PDFDocument, headings: string[]): void {
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return;
  let next = 0;
  const visitItem = (item: PDFDict | undefined): void => {
    for (let current = item; current; current = current.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = current.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      if (title !== undefined) {
        // Bookmarks follow the headings in document order.
        const index = headings.findIndex((heading, position) => position >= next && comparable(heading) === comparable(title));
        if (index !== -1) {
          current.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!));
          next = index + 1;
        }
      }
      visitItem(current.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visitItem(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
}

