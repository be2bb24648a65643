// The EPUB writer: the book, with a cover picture when one can be drawn.
import type { Warning } from '../../model.js';
import { renderCover } from '../cover.js';
import { kilobytes, type Writer } from '../writer.js';
import { renderEpub } from './book.js';

export const epubWriter: Writer = {
  format: 'epub',
  async write(dossier, context) {
    const warnings: Warning[] = [];
    const cover = await renderCover(dossier, context.templates).catch((error: unknown) => {
      warnings.push({ file: 'dossier.epub', message: `the book has no cover picture: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    });
    const book = await renderEpub(dossier, context.templates, cover);
    return { outputs: [{ file: 'dossier.epub', data: book }], warnings, summary: kilobytes(book) };
  },
};
