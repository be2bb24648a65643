// The cover page drawn: its HTML as satori's tree (cover-tree.ts), set in the
// fonts installed here (cover-fonts.ts) by satori, which lays out the boxes
// (flex, block), shapes the text with HarfBuzz, orders Hebrew and Arabic
// right to left and breaks Chinese between characters, and gives an SVG of
// outlines; resvg paints it and the PNG is written (cover-png.ts).
import os from 'node:os';
import type { Font } from 'satori';
import { cachedCover, coverKey, hasKeptCovers, keepCover } from './cover-cache.js';
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

// satori is most of this thread's code: it loads when the warm-up asks for it or a page is to be set.
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

/** Letters, figures and marks most covers are set in: the sample page sets each in every face the cover uses. */
const SAMPLE = 'The quick brown fox jumps over the lazy dog; THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG: 0123456789, 1 January 2026 (“a–z”)?';

let warmed: string | undefined;
let realPage = false;

/** A page is on its way: a warm-up not yet at its sample page leaves it out, as the real one does the same and more. */
export function pageComing(): void {
  realPage = true;
}

/**
 * Loads what drawing needs before the first page comes, while the main
 * thread reads and enriches the articles: the list of fonts and, given the
 * template's stylesheet, the font files it names, satori and resvg loaded
 * and the fonts parsed (satori keeps them parsed by their data, which
 * cover-fonts.ts reads once). A cold page needs all of that, so it is done
 * whether or not a core is free, unless pictures are kept from earlier
 * builds (`cache`), one of which may be this page's. With a free core, also a page like the cover,
 * which compiles satori's layout code: the real page then takes about a
 * third of its cold time (some 0.2 s less), but the sample costs as much
 * CPU as it saves, so on a busy machine it would only slow the build.
 */
export async function warmUp(css?: string, cache?: string): Promise<void> {
  await installedFaces();
  if (css === undefined || css === warmed) return;
  warmed = css;
  const { fonts } = await coverFonts(css, '');
  const [load = 0] = os.loadavg();
  const coreFree = load < os.availableParallelism();
  // With pictures kept from earlier builds, this one may need no drawing: then only a free core loads satori early.
  if (fonts.length === 0 || (!coreFree && cache !== undefined && hasKeptCovers(cache))) return;
  const { default: satori } = await loadSatori();
  rasterise('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 1);
  await satori({ type: 'div', props: {} }, { width: 1, height: 1, fonts });
  if (realPage || !coreFree) return;
  await coverSvg(
    `<html><head><style>${css}</style></head><body class="title-medium"><section class="cover"><p class="marking">${SAMPLE}</p><p class="kicker">${SAMPLE}</p><h1 class="cover-title">${SAMPLE}</h1><p class="subtitle">${SAMPLE}</p><dl class="facts"><div><dt>${SAMPLE}</dt><dd>${SAMPLE}</dd></div></dl></section></body></html>`,
    PAGE_SAMPLE.width,
    PAGE_SAMPLE.height,
  );
}

const PAGE_SAMPLE = { width: 800, height: 1280 };
