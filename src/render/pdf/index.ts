// The PDF writer: the print document laid out (Paged.js, or Chromium's own
// layout when asked for), printed by the build's Chromium, finished.
import type { Dossier } from '../../model.js';
import { htmlPage } from '../html/index.js';
import { kilobytes, type WriteContext, type Writer } from '../writer.js';
import { renderBrowserPdf } from './browser-layout.js';
import { choosePrintLayout } from './layout.js';
import { renderPagedPdf } from './paged.js';
import { renderPrintHtml } from './print-document.js';

/** The document Chromium prints: the print document for Paged.js, or the HTML page itself. */
function printDocument(dossier: Dossier, context: WriteContext): Promise<string> {
  if (choosePrintLayout(context.printLayout) === 'browser') return htmlPage(dossier, context);
  return context.shared('print document', () => renderPrintHtml(dossier, context.templates, context.paper));
}

export const pdfWriter: Writer = {
  format: 'pdf',
  // Made before the other formats take the processor, so that Chromium can start on it at once.
  prepare: async (dossier, context) => {
    const started = performance.now();
    await printDocument(dossier, context);
    context.onStep('pdf document', performance.now() - started);
  },
  async write(dossier, context) {
    const document = await printDocument(dossier, context);
    const onStep = (step: string, ms: number) => context.onStep(`pdf ${step}`, ms);
    const start = performance.now();
    const browser = await context.browser();
    onStep('waiting for Chromium', performance.now() - start);
    const printed =
      choosePrintLayout(context.printLayout) === 'paged'
        ? await renderPagedPdf(document, dossier, browser, onStep)
        : await renderBrowserPdf(document, dossier, browser, { paper: context.paper, templates: context.templates, onStep });
    return { outputs: [{ file: 'dossier.pdf', data: printed.pdf }], warnings: printed.warnings, summary: kilobytes(printed.pdf) };
  },
};
