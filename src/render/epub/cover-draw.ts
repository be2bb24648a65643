// The cover page drawn: its HTML as satori's tree (cover-tree.ts), set in the
// fonts installed here (cover-fonts.ts) by satori, which lays out the boxes
// (flex, block), shapes the text with HarfBuzz, orders Hebrew and Arabic
// right to left and breaks Chinese between characters, and gives an SVG of
// outlines; resvg paints it and the PNG is written (cover-png.ts).
import os from 'node:os';
import type { Font } from 'satori';
import { cachedCover, coverKey, keepCover } from './cover-cache.js';
import { coverFonts, installedFaces } from './cover-fonts.js';
import { encodePng, rasterise } from './cover-png.js';
import { coverTree, type CoverNode } from './cover-tree.js';

export interface CoverRequest {
  html: string;
  /** The page's size in CSS pixels, and how many pixels of the picture make one. */
  width: number;
  height: number;
  scale: number;
  /** A folder of finished pictures (cover-cache.ts), when there is one to keep them in. */
  cache?: string;
}

export interface CoverPicture {
  png: Uint8Array;
  /** Characters of the page no installed font has: drawn as empty boxes. */
  missing: string[];
}

export async function drawCover({ html, width, height, scale, cache }: CoverRequest): Promise<CoverPicture> {
  const page = await coverPage(html);
  const key = cache === undefined ? undefined : coverKey(html, { width, height, scale }, page.fonts);
  const kept = key === undefined ? undefined : cachedCover(cache!, key);
  if (kept) return { png: kept, missing: page.missing };
  const image = rasterise(await pageSvg(page, width, height), scale);
  const png = encodePng(image.width, image.height, image.pixels);
  if (key !== undefined) keepCover(cache!, key, png);
  return { png, missing: page.missing };
}

/** The page as satori draws it: an SVG of outlines and boxes. */
export async function coverSvg(html: string, width: number, height: number): Promise<{ svg: string; missing: string[] }> {
  const page = await coverPage(html);
  return { svg: await pageSvg(page, width, height), missing: page.missing };
}

interface Page {
  root: CoverNode;
  fonts: Font[];
  missing: string[];
}

async function coverPage(html: string): Promise<Page> {
  const { root, css, text } = coverTree(html);
  const { fonts, missing } = await coverFonts(css, text);
  if (fonts.length === 0) throw new Error('no font the cover can use is installed (fontconfig lists none): install fonts-liberation');
  return { root, fonts, missing };
}

// satori (most of this thread's code) loads only when a page is to be set, so a picture kept from an earlier build needs none of it.
let satoriModule: Promise<typeof import('satori')> | undefined;
const loadSatori = () => (satoriModule ??= import('satori'));

async function pageSvg({ root, fonts }: Page, width: number, height: number): Promise<string> {
  const { default: satori } = await loadSatori();
  const svg = await satori(root, {
    width,
    height,
    fonts,
    // Characters no font has stay empty boxes: nothing is fetched for them.
    loadAdditionalAsset: async () => [],
    // A declaration satori does not know is left out, as a browser leaves it out.
    onStyleError: () => {},
  });
  // The tree and the CSS have nothing that shows a picture; this makes sure.
  if (/<image\b/i.test(svg)) throw new Error('the cover picture would show a picture, and it draws only text and boxes');
  return svg;
}

/**
 * Loads what drawing needs before the first page comes. The list of fonts
 * and, given the template's stylesheet, the font files it names: work the
 * cover needs anyway, kept picture or not. When a core is free, also
 * satori, resvg and the fonts parsed, and a page like a cover set, which
 * makes the real one about 0.1 s quicker; on a busy machine that work would
 * only take CPU from the build, and a kept picture needs none of it.
 */
export async function warmUp(css?: string): Promise<void> {
  await installedFaces();
  if (css === undefined) return;
  const { fonts } = await coverFonts(css, '');
  const [load = 0] = os.loadavg();
  if (fonts.length === 0 || load >= os.availableParallelism()) return;
  const { default: satori } = await loadSatori();
  rasterise('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 1);
  // satori parses the fonts once, for this page and the ones after it.
  await satori({ type: 'div', props: {} }, { width: 1, height: 1, fonts });
  await coverSvg(
    `<html><head><style>${css}</style></head><body class="title-medium"><section class="cover"><p class="marking">Marking</p><p class="kicker">Kicker</p><h1 class="cover-title">A title on a page like the cover</h1><p class="subtitle">Its subtitle</p><dl class="facts"><div><dt>Fact</dt><dd>Its value, 1,234</dd></div></dl></section></body></html>`,
    400,
    640,
  );
}
