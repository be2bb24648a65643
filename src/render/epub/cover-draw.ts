// The cover page drawn: its HTML as satori's tree (cover-tree.ts), set in the
// fonts installed here (cover-fonts.ts) by satori, which lays out the boxes
// (flex, block), shapes the text with HarfBuzz, orders Hebrew and Arabic
// right to left and breaks Chinese between characters, and gives an SVG of
// outlines; resvg paints it and the PNG is written (cover-png.ts).
import satori from 'satori';
import { coverFonts, installedFaces } from './cover-fonts.js';
import { encodePng, rasterise } from './cover-png.js';
import { coverTree } from './cover-tree.js';

export interface CoverRequest {
  html: string;
  /** The page's size in CSS pixels, and how many pixels of the picture make one. */
  width: number;
  height: number;
  scale: number;
}

export interface CoverPicture {
  png: Uint8Array;
  /** Characters of the page no installed font has: drawn as empty boxes. */
  missing: string[];
}

export async function drawCover({ html, width, height, scale }: CoverRequest): Promise<CoverPicture> {
  const svg = await coverSvg(html, width, height);
  const image = rasterise(svg.svg, scale);
  return { png: encodePng(image.width, image.height, image.pixels), missing: svg.missing };
}

/** The page as satori draws it: an SVG of outlines and boxes. */
export async function coverSvg(html: string, width: number, height: number): Promise<{ svg: string; missing: string[] }> {
  const { root, css, text } = coverTree(html);
  const { fonts, missing } = await coverFonts(css, text);
  if (fonts.length === 0) throw new Error('no font the cover can use is installed (fontconfig lists none): install fonts-liberation');
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
  return { svg, missing };
}

/**
 * Loads what drawing needs before the first page comes: the list of fonts
 * and satori's WebAssembly. Given the template's stylesheet, it draws a
 * page like a cover with it, so that the fonts it names are read (satori
 * reads a font once for all pages) and satori's and resvg's code is ready.
 */
export async function warmUp(css?: string): Promise<void> {
  await installedFaces();
  if (css === undefined) return;
  await drawCover({
    html: `<html><head><style>${css}</style></head><body class="title-medium"><section class="cover"><p class="marking">Marking</p><p class="kicker">Kicker</p><h1 class="cover-title">A title on a page like the cover</h1><p class="subtitle">Its subtitle</p><dl class="facts"><div><dt>Fact</dt><dd>Its value, 1,234</dd></div></dl></section></body></html>`,
    width: 400,
    height: 640,
    scale: 1,
  });
}
