// The EPUB writer: the book, with a cover picture when one can be drawn.
// The cover is drawn in a thread of its own while the chapters are written.
import type { Warning } from '../../model.js';
import { kilobytes, type Writer } from '../writer.js';
import { renderEpub } from './book.js';
import { renderCover } from './cover.js';

export const epubWriter: Writer = {
  format: 'epub',
  async write(dossier, context) {
    const warnings: Warning[] = [];
    const cover = renderCover(dossier, context.templates).then(
      (drawn) => {
        warnings.push(...drawn.warnings);
        return drawn.png;
      },
      (error: unknown) => {
        warnings.push({ file: 'dossier.epub', message: `the book has no cover picture: ${error instanceof Error ? error.message : String(error)}` });
        return undefined;
      },
    );
    const book = await renderEpub(dossier, context.templates, cover);
    return { outputs: [{ file: 'dossier.epub', data: book }], warnings, summary: kilobytes(book) };
  },
};
