// How the PDF is laid out, and how long laying out and printing may take.
// Normally Paged.js lays out the print document (print-document.ts) and
// Chromium prints it (paged.ts). Paged.js slows down as the dossier grows
// (400 articles take under a minute, 2,000 over twenty), so a very long
// dossier is printed by Chromium's own layout instead (browser-layout.ts):
// the HTML page's print stylesheet, with page numbers in Chromium's footer.
// Both have bookmarks from the headings (`outline`) and a tagged structure.
import type { Dossier, Warning } from '../../model.js';
import { DEFAULT_TIMEOUT_MS } from '../browser.js';
import type { PrintLayout } from '../writer.js';

/** Beyond this many articles, Paged.js would take several minutes. */
export const PAGED_LAYOUT_LIMIT = 600;

export function choosePrintLayout(dossier: Dossier, layout: PrintLayout = 'auto'): 'paged' | 'browser' {
  if (layout !== 'auto') return layout;
  return dossier.articles.length > PAGED_LAYOUT_LIMIT ? 'browser' : 'paged';
}

/** The warning for a layout chosen by length rather than asked for: the pack has less in it. */
export function layoutWarnings(dossier: Dossier, layout: PrintLayout = 'auto'): Warning[] {
  if (layout !== 'auto' || choosePrintLayout(dossier, layout) !== 'browser') return [];
  return [
    {
      file: 'dossier.pdf',
      message:
        `${dossier.articles.length} articles are more than the ${PAGED_LAYOUT_LIMIT} the print layout handles in a few minutes, so Chromium laid out the PDF itself: ` +
        'the people list has no page numbers, notes follow each article, only the contents and the notes are links, and the running head is the dossier title. ' +
        'Use --print-layout paged to wait for the full layout (about 20 minutes for 2,000 articles).',
    },
  ];
}

/**
 * How long laying out and printing may take, sized to the dossier: a hung or
 * crashed browser ends the build with an error, a long dossier still gets
 * printed (600 articles take about two minutes on two cores).
 */
export function printTimeout(dossier: Dossier): number {
  return Math.max(DEFAULT_TIMEOUT_MS, dossier.articles.length * 500);
}
