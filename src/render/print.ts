// The print document: the dossier laid out for paper by Paged.js inside the
// page Chromium prints. Page numbers in the contents and the index, running
// heads with the article's headline, the protective marking on every page,
// notes at the foot of the page: what a browser's own printing cannot do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dossier } from '../model.js';
import type { Paper } from './pdf.js';
import type { Templates } from './templates.js';
import { dossierView } from './view.js';

const require = createRequire(import.meta.url);
let pagedjs: string | undefined;

/**
 * Paged.js names its notes and fragments with ids made from the clock and
 * Math.random, and they end up in the PDF. In the print page, the clock
 * stands still and the random numbers are always the same ones, so the same
 * dossier prints to the same bytes.
 */
const STEADY_CLOCK = `(function () {
  var seed = 20240101;
  Math.random = function () { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
  var RealDate = Date;
  function SteadyDate() { return arguments.length ? new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))() : new RealDate(0); }
  SteadyDate.prototype = RealDate.prototype;
  SteadyDate.now = function () { return 0; };
  SteadyDate.UTC = RealDate.UTC;
  SteadyDate.parse = RealDate.parse;
  window.Date = SteadyDate;
  performance.now = function () { return 0; };
})();`;

/** Set by the page once Paged.js has laid it out. */
export const LAID_OUT = '__dossierLaidOut';

export async function renderPrintHtml(dossier: Dossier, templates: Templates, paper: Paper): Promise<string> {
  // The package exports no path to its browser build; it sits beside the entry point.
  pagedjs ??= readFileSync(path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js'), 'utf8');
  const [css, printCss] = await Promise.all([templates.file('dossier.css'), templates.file('print.css')]);
  return templates.render('print.njk', {
    ...dossierView(dossier, { headlineLevel: 2, format: 'print', paper }),
    css,
    printCss,
    pagedConfig: `${STEADY_CLOCK}\nwindow.PagedConfig = { auto: true, after: function () { window.${LAID_OUT} = true; } };`,
    // Inside a <script>, "</script" would end it early.
    pagedjs: pagedjs.replace(/<\/script/gi, '<\\/script'),
  });
}
