// Finishing a PDF that pdf-file.ts cannot read: one with cross-reference
// streams, as a future Chromium might write. pdf-lib reads any PDF, but is
// some twenty times slower on a long one, so it is only the fallback: the
// same metadata and bookmark titles, without the browser layout's
// renumbered front pages.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { Dossier } from '../../model.js';
import { buildTimestamp } from '../view/timestamp.js';

const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, '');

export async function finishWithPdfLib(printed: Uint8Array, dossier: Dossier, headings: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(printed, { updateMetadata: false });
  const date = buildTimestamp(dossier);
  document.setTitle(dossier.title);
  if (dossier.compiledBy) document.setAuthor(dossier.compiledBy);
  document.setSubject(dossier.description);
  document.setCreator('dossier');
  document.setProducer('dossier with Chromium');
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.catalog.set(PDFName.of('Lang'), PDFHexString.fromText(dossier.language));

  // Bookmarks follow the headings in document order; each takes the heading's own words.
  const lookup = (value: unknown) => (value instanceof PDFRef ? document.context.lookup(value) : value);
  let next = 0;
  const visit = (first: unknown): void => {
    for (let item = lookup(first); item instanceof PDFDict; item = lookup(item.get(PDFName.of('Next')))) {
      const title = item.get(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = comparable(title.decodeText());
        const index = headings.findIndex((heading, position) => position >= next && comparable(heading) === text);
        if (index !== -1) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!));
          next = index + 1;
        }
      }
      visit(item.get(PDFName.of('First')));
    }
  };
  const outlines = lookup(document.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) visit(outlines.get(PDFName.of('First')));
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
