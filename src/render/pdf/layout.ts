// How the PDF is laid out, and how long laying out and printing may take.
// Paged.js lays out the print document (print-document.ts), whole or, for a
// long dossier, part by part (paged-parts.ts), and Chromium prints it
// (paged.ts). Chromium's own layout of the HTML page's print stylesheet
// (browser-layout.ts) is there for a user who asks for it: quicker, with
// less in it. Both have bookmarks from the headings (`outline`) and a tagged
// structure.
import type { Dossier } from '../../model.js';
import { DEFAULT_TIMEOUT_MS } from '../browser.js';
import type { PrintLayout } from '../writer.js';

/** `auto` is the full layout at any length: a long dossier is never given less without being asked. */
export function choosePrintLayout(layout: PrintLayout = 'auto'): 'paged' | 'browser' {
  return layout === 'browser' ? 'browser' : 'paged';
}

/**
 * How long laying out and printing may take, sized to the dossier: a hung or
 * crashed browser ends the build with an error, a long dossier still gets
 * printed (1,000 articles take about a minute and a half on two cores).
 */
export function printTimeout(dossier: Dossier): number {
  return Math.max(DEFAULT_TIMEOUT_MS, dossier.articles.length * 500);
}
