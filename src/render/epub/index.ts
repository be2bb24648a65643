// The EPUB writer: the book, with a cover picture when one can be drawn.
// The cover is drawn in a thread of its own while the chapters are written;
// its page is sent there first, before the book's libraries load.
import type { Warning } from '../../model.js';
import { kilobytes, type Writer } from '../writer.js';
import { renderCover } from './cover.js';

export const epubWriter: Writer = {
  format: 'epub',
  async write(dossier, context) {
    const warnings: Warning[] = [];
    let sent!: () => void;
    const pageSent = new Promise<void>((resolve) => (sent = resolve));
    const cover = renderCover(dossier, context.templates, sent).then(
      (drawn) => {
        warnings.push(...drawn.warnings);
        return drawn.png;
      },
      (error: unknown) => {
        warnings.push({ file: 'dossier.epub', message: `the book has no cover picture: ${error instanceof Error ? error.message : String(error)}` });
        return undefined;
      },
    );
    // A page that could not be made settles `cover` (with a warning) without being sent.
    await Promise.race([pageSent, cover]);
    const { renderEpub } = await import('./book.js');
    const book = await renderEpub(dossier, context.templates, cover);
    return { outputs: [{ file: 'dossier.epub', data: book }], warnings, summary: kilobytes(book) };
  },
};
