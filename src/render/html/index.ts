// The HTML writer: one self-contained page.
import type { Dossier } from '../../model.js';
import { kilobytes, type WriteContext, type Writer } from '../writer.js';
import { renderHtml } from './page.js';

/** The page, made once per build: the PDF of a very long dossier prints it too. */
export function htmlPage(dossier: Dossier, context: WriteContext): Promise<string> {
  return context.shared('html page', () => renderHtml(dossier, context.templates));
}

export const htmlWriter: Writer = {
  format: 'html',
  async write(dossier, context) {
    const page = await htmlPage(dossier, context);
    return { outputs: [{ file: 'dossier.html', data: page }], warnings: [], summary: kilobytes(page) };
  },
};
