// The EPUB's cover picture, so e-readers' shelves show the dossier's title:
// a 1600 × 2560 PNG of templates/cover-image.njk.
//
// No browser draws it, but satori (cover-draw.ts), in a thread of its own
// (cover-thread.ts, cover-worker.ts): the command starts the thread first,
// and a build that makes an EPUB sends it the template's stylesheet
// (prepareCover), so that satori, resvg and the fonts load while the
// articles are read and enriched; the page is sent as soon as the writer
// starts and drawn while the book's chapters are written. The same dossier
// and fonts give the same bytes; from the bundle, a picture once drawn is
// kept (cover-cache.ts).
//
// Everything from articles and settings reaches the page through Nunjucks,
// which escapes it, and the page can only draw text and boxes: nothing in it
// is fetched or run, and no input is ever more than text on the picture.
import { fileURLToPath } from 'node:url';
import type { Dossier, Warning } from '../../model.js';
import { drawInThread, sendCoverStylesheet, startCoverThread } from './cover-thread.js';
import type { Templates } from '../view/templates.js';
import { dossierView } from '../view/dossier-view.js';

export const TEMPLATE = 'cover-image.njk';
/** The page, in CSS pixels, drawn at twice its size: 1600 × 2560 pixels, the 1:1.6 cover Kindle, Kobo and Apple Books ask for. */
export const PAGE = { width: 800, height: 1280, scale: 2 };
/** Finished pictures are kept beside the bundled command (node_modules/.cache/dossier/covers/); from the sources (tests), none are. */
const CACHE = import.meta.url.endsWith('.ts') ? undefined : fileURLToPath(new URL('./covers/', import.meta.url));

/**
 * The cover picture, with a warning for any character no installed font has
 * (the writer reports it). `sent` settles once the page is in the drawing
 * thread's hands, so that the writer loads the book's libraries only then.
 */
export async function renderCover(dossier: Dossier, templates: Templates, sent?: () => void): Promise<{ png: Uint8Array; warnings: Warning[] }> {
  const css = await templates.file('dossier.css');
  // The articles without their text, which a cover does not show and which takes long to render for a big dossier.
  const articles = dossier.articles.map((article) => ({ ...article, content: { type: 'root' as const, children: [] } }));
  const html = templates.render(TEMPLATE, {
    ...dossierView({ ...dossier, articles }, { headlineLevel: 1, format: 'epub' }),
    // The stylesheet's custom properties (font stacks, colours), so the cover follows it.
    cssVariables: rootRule(css),
    // The whole stylesheet, for a template that wants more of it.
    css,
    // The title's length in characters, Chinese, Japanese and Korean ones counting double, as they are twice as wide.
    titleLength: [...dossier.title].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0),
    width: PAGE.width,
    height: PAGE.height,
  });
  const drawing = drawInThread({ html, ...PAGE, ...(CACHE === undefined ? {} : { cache: CACHE }) });
  sent?.();
  const { png, missing } = await drawing;
  const warnings =
    missing.length > 0 ? [{ file: 'dossier.epub', message: `no font installed here has ${missing.join(' ')}: the cover picture shows empty boxes for them.` }] : [];
  return { png, warnings };
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u;

/** The stylesheet's first top-level `:root { … }` rule: its custom properties. */
function rootRule(css: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const match = /(?:^|\})\s*:root\s*\{([^{}]*)\}/.exec(withoutComments);
  return match ? `:root {${match[1]}}` : '';
}

/**
 * Starts the drawing thread (once per process) and sends it the stylesheet
 * of the templates' cover, so that it reads and parses the fonts it names.
 */
export function prepareCover(templates: Templates): void {
  startCoverThread();
  Promise.all([templates.file('dossier.css'), templates.file(TEMPLATE)]).then(([css, template]) => {
    // The template's <style>, without its Nunjucks.
    const style = (/<style>([\s\S]*?)<\/style>/.exec(template)?.[1] ?? '')
      .replace(/\{\{\s*cssVariables\s*\|\s*safe\s*\}\}/, rootRule(css))
      .replace(/\{\{\s*(width|height)\s*\}\}/g, (_, side: 'width' | 'height') => String(PAGE[side]))
      .replace(/\{[{%#][\s\S]*?[}%#]\}/g, '');
    sendCoverStylesheet(style, CACHE);
  }, () => undefined);
}
