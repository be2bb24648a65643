// The EPUB's cover picture, drawn without a browser: a 1600 × 2560 PNG, the
// same bytes every time, whatever script the title is in, and nothing from
// the articles ever more than text on it.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import satori from 'satori';
import { describe, expect, it, vi } from 'vitest';
import type { Dossier } from '../../src/model.js';
import { drawCover } from '../../src/render/epub/cover-draw.js';
import { coverFonts } from '../../src/render/epub/cover-fonts.js';
import { encodePng, rasterise } from '../../src/render/epub/cover-png.js';
import { inertCss } from '../../src/render/epub/cover-tree.js';
import { PAGE, renderCover } from '../../src/render/epub/cover.js';
import { DEFAULT_TEMPLATES, Templates } from '../../src/render/view/templates.js';
import { memoryDossier } from '../helpers.js';

// Anything that reached for Chromium would fail here.
vi.mock('puppeteer', () => {
  throw new Error('the cover picture must not need a browser');
});
process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';

/** The cover's picture alone, without its warnings. */
const coverPng = async (...args: Parameters<typeof renderCover>) => (await renderCover(...args)).png;

const dossier = (fields: Partial<Dossier> = {}): Dossier =>
  memoryDossier(
    {
      title: 'Ken Livingstone and the “rich Jews” letter',
      subtitle: 'Press cuttings on the letter from Jewish Labour supporters to Ed Miliband',
      compiledBy: 'the test',
      date: '2012-03-22',
      language: 'en-GB',
      description: 'A test.',
      ...fields,
    },
    {
      source: 'The Guardian',
      words: 412,
      content: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Some words.' }] }] },
    },
  );

/** Width, height, and the RGB of a pixel, from a PNG (8-bit RGB or RGBA). */
function readPng(png: Uint8Array) {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colourType] = [bytes[24], bytes[25]];
  expect(depth).toBe(8);
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const corner = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return a <= b && a <= c ? left : b <= c ? up : corner;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter!]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgb = (x: number, y: number) => {
    const at = y * stride + x * channels;
    return `#${[...pixels.subarray(at, at + 3)].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
  };
  /** How dark a pixel is, 0 (white) to 255 (black). */
  const ink = (x: number, y: number) => 255 - pixels[y * stride + x * channels + 1]!;
  /** The dark ink of text (#1b1d1f), not the red or the greys. */
  const dark = (x: number, y: number) => Math.max(...pixels.subarray(y * stride + x * channels, y * stride + x * channels + 3)) < 0x50;
  return { width, height, rgb, ink, dark };
}

type Picture = ReturnType<typeof readPng>;

/** A region of a picture cut to its ink: where the ink is, and how dark each pixel of that box is. */
function inkOf(picture: Picture, region = { x: 0, y: 0, width: picture.width, height: picture.height }, threshold = 40) {
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      if (picture.ink(x, y) < threshold) continue;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  if (right < 0) return { left: 0, top: 0, width: 0, height: 0, at: () => 0, columns: [] as number[] };
  const width = right - left + 1;
  const height = bottom - top + 1;
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < width && y < height ? picture.ink(left + x, top + y) : 0);
  // How much ink each column holds: the gaps between words and letters are the empty ones.
  const columns = Array.from({ length: width }, (_, x) => Array.from({ length: height }, (_, y) => (at(x, y) >= threshold ? 1 : 0)).reduce<number>((a, b) => a + b, 0));
  return { left, top, width, height, at, columns };
}

/** How unlike two pictures of ink are: the ink that is in one and not the other, over the ink they hold (0 is the same picture). */
function difference(a: ReturnType<typeof inkOf>, b: ReturnType<typeof inkOf>, from = { a: 0, b: 0, width: Math.max(a.width, b.width) }): number {
  let [apart, total] = [0, 0];
  for (let y = 0; y < Math.max(a.height, b.height); y++) {
    for (let x = 0; x < from.width; x++) {
      const [p, q] = [a.at(from.a + x, y), b.at(from.b + x, y)];
      apart += Math.abs(p - q);
      total += Math.max(p, q);
    }
  }
  return total === 0 ? 0 : apart / total;
}

/** The column spans of ink (words, or letters) from left to right, split where at least `gap` columns are empty. */
function spans(picture: ReturnType<typeof inkOf>, gap: number): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  let empty = gap;
  picture.columns.forEach((count, x) => {
    if (count === 0) {
      empty++;
      return;
    }
    if (empty >= gap || found.length === 0) found.push({ from: x, to: x });
    else found[found.length - 1]!.to = x;
    empty = 0;
  });
  return found;
}

/**
 * A page of lines, one for each `|`-separated part of the title, in the
 * cover's own serif stack (dossier.css's), bold and large: each line is one
 * band of 160 pixels of the picture.
 */
async function linesTemplate(): Promise<Templates> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-cover-lines-'));
  await writeFile(
    path.join(dir, 'cover-image.njk'),
    `<html><head><style>{{ cssVariables | safe }}
body { margin: 0; width: {{ width }}px; height: {{ height }}px; display: flex; flex-direction: column; background: #fff; color: #000; font-family: var(--serif); font-size: 48px; font-weight: 700; }
p { margin: 0; height: 80px; padding: 0 40px; display: flex; align-items: center; white-space: nowrap; }
</style></head><body>{% for text in title.split('|') %}<p>{{ text }}</p>{% endfor %}</body></html>`,
  );
  return new Templates(dir);
}

const line = (picture: Picture, index: number, from = 0, to = picture.width) => inkOf(picture, { x: from, y: index * 160, width: to - from, height: 160 });

/** The words (or letters) of a line, each cut to its own ink, from left to right. */
function parts(picture: Picture, index: number, gap: number) {
  const whole = line(picture, index);
  return spans(whole, gap).map(({ from, to }) => line(picture, index, whole.left + from, whole.left + to + 1));
}

/** How many dark pixels each row of a picture has. */
const darkRows = (picture: Picture) =>
  Array.from({ length: picture.height }, (_, y) => {
    let count = 0;
    for (let x = 0; x < picture.width; x++) if (picture.dark(x, y)) count++;
    return count;
  });

describe('the cover picture', () => {
  it('is a 1600 × 2560 PNG of the cover design, drawn without a browser', async () => {
    const png = readPng(await coverPng(dossier(), new Templates()));
    expect([png.width, png.height]).toEqual([1600, 2560]);
    // The dark red rule down the left, on the cover's paper.
    expect(png.rgb(20, 1280)).toBe('#8c1d18');
    expect(png.rgb(1500, 40)).toBe('#f4f1ea');
    // Some ink where the title is.
    let ink = 0;
    for (let x = 240; x < 1440; x += 4) if (png.rgb(x, 560) !== '#f4f1ea') ink++;
    expect(ink).toBeGreaterThan(10);
  });

  it('is the same bytes every time', async () => {
    const templates = new Templates();
    const [first, second] = [await coverPng(dossier(), templates), await coverPng(dossier(), new Templates())];
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('wraps a long title with names in Hebrew, Arabic and Chinese', async () => {
    const title =
      'Netanyahu (בנימין נתניהו), Abbas (محمود عباس) and Xi Jinping (习近平) meet in Jerusalem over water, trade and the borders of the region';
    const png = readPng(await coverPng(dossier({ title, marking: 'OFFICIAL-SENSITIVE' }), new Templates()));
    expect([png.width, png.height]).toEqual([1600, 2560]);
    const short = readPng(await coverPng(dossier({ marking: 'OFFICIAL-SENSITIVE' }), new Templates()));
    // The long title takes more lines than the short one.
    const inkRows = (image: typeof png) => {
      let rows = 0;
      for (let y = 400; y < 1800; y += 8) {
        for (let x = 240; x < 1440; x += 6) {
          if (image.rgb(x, y) === '#1b1d1f') {
            rows++;
            break;
          }
        }
      }
      return rows;
    };
    expect(inkRows(png)).toBeGreaterThan(inkRows(short));
  });

  it('has a glyph for every character of names in Hebrew, Arabic and Chinese: no empty boxes', async () => {
    // A character no font has is drawn as an empty box, the same for every such character (U+E000 is one):
    // each of these must draw ink, and look unlike each other and unlike that box.
    const characters = ['习', '近', '平', 'ב', 'נ', 'ע', 'ب', 'ع', 'ž', '\uE000'];
    const book = dossier({ title: characters.join('|') });
    const drawn = await renderCover(book, await linesTemplate());
    const picture = readPng(drawn.png);
    const inks = characters.map((_, index) => line(picture, index));
    for (const [index, character] of characters.slice(0, -1).entries()) {
      expect(inks[index]!.width, character).toBeGreaterThan(20);
      for (let other = 0; other < index; other++) {
        expect(difference(inks[index]!, inks[other]!), `${character} and ${characters[other]}`).toBeGreaterThan(0.25);
      }
      expect(difference(inks[index]!, inks.at(-1)!), `${character} is not an empty box`).toBeGreaterThan(0.25);
    }
    // And the one character no installed font has is named, so that the user knows.
    expect(drawn.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^no font installed here has \uE000:/)]);
  });

  it('sets Arabic and Hebrew right to left, as satori sets the words by themselves', async () => {
    const lines = ['محمود عباس', 'محمود', 'عباس', 'שלום', 'ש', 'ל', 'ו', 'ם'];
    const picture = readPng(await coverPng(dossier({ title: lines.join('|') }), await linesTemplate()));
    // In the line, the first word (محمود) is on the right, the second on the left.
    const phrase = line(picture, 0);
    const space = spans(phrase, 1).slice(1).reduce((widest, span, index, all) => {
      const gap = span.from - (index === 0 ? spans(phrase, 1)[0]! : all[index - 1]!).to;
      return gap > widest.gap ? { gap, at: span.from } : widest;
    }, { gap: 0, at: 0 });
    const words = [line(picture, 0, phrase.left, phrase.left + space.at - space.gap + 1), line(picture, 0, phrase.left + space.at, phrase.left + phrase.width)];
    expect(difference(words[0]!, line(picture, 2)), 'عباس on the left').toBeLessThan(0.1);
    expect(difference(words[1]!, line(picture, 1)), 'محمود on the right').toBeLessThan(0.1);
    // Hebrew letters stand apart: from the left, ם ו ל ש.
    const letters = parts(picture, 3, 3);
    expect(letters).toHaveLength(4);
    for (const [index, expected] of [7, 6, 5, 4].entries()) {
      expect(difference(letters[index]!, line(picture, expected)), `${lines[expected]} is letter ${index + 1} from the left`).toBeLessThan(0.1);
    }
    // And each word, joined as Arabic is, is the picture satori draws of the line given it directly, in the same fonts.
    const root = /:root\s*\{[^}]*\}/.exec(await new Templates().file('dossier.css'))![0];
    const css = `${root} div { font-family: var(--serif); }`;
    const svg = await satori(
      {
        type: 'div',
        props: {
          style: { display: 'flex', flexDirection: 'column', width: PAGE.width, height: PAGE.height, backgroundColor: '#fff', color: '#000', fontSize: 48, fontWeight: 700 },
          children: [
            { type: 'style', props: { dangerouslySetInnerHTML: { __html: css } } },
            { type: 'div', props: { style: { display: 'flex', height: 80, padding: '0 40px', alignItems: 'center' }, children: lines[0] } },
          ],
        },
      },
      { width: PAGE.width, height: PAGE.height, fonts: (await coverFonts(css, lines[0]!)).fonts },
    );
    const image = rasterise(svg, PAGE.scale);
    const reference = readPng(encodePng(image.width, image.height, image.pixels));
    expect(difference(line(picture, 0), line(reference, 0))).toBeLessThan(0.05);
  });

  it('shows the whole of a long title, above the facts and inside the margins', async () => {
    const title =
      'Kommunalverwaltungsneuordnungsgesetzgebungsverfahren: the councils of Hamburg, Kraków, Tel Aviv (תל אביב), Cairo (القاهرة) and Shanghai (上海市) ' +
      'compare how their cities were governed between 1990 and 2020, with notes on water, transport, housing, schools, hospitals, policing and the budgets of each';
    const book = dossier({ title });
    const cover = readPng(await coverPng(book, new Templates()));
    // The same title alone on the page, with nothing to hide any of it: it must be on the cover line for line.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-cover-title-'));
    const template = (await readFile(path.join(DEFAULT_TEMPLATES, 'cover-image.njk'), 'utf8'))
      .replace('</style>', '.cover-title { max-height: none !important; overflow: visible !important; white-space: normal !important; } .cover { height: auto !important; }\n</style>')
      .replace('{% include "cover.njk" %}', '<section class="cover"><h1 class="cover-title">{{ title }}</h1></section>');
    await writeFile(path.join(dir, 'cover-image.njk'), template);
    const alone = darkRows(readPng(await coverPng(book, new Templates(dir))));
    const ours = darkRows(cover);
    const [first, last] = [alone.findIndex((count) => count > 0), alone.findLastIndex((count) => count > 0)];
    expect(last - first).toBeGreaterThan(400);
    const lines = alone.slice(first, last + 1);
    const ink = lines.reduce((sum, count) => sum + count, 0);
    let best = { offset: -1, apart: Infinity };
    for (let offset = 0; offset + lines.length <= ours.length; offset++) {
      let apart = 0;
      for (let row = 0; row < lines.length && apart < best.apart; row++) apart += Math.abs(lines[row]! - ours[offset + row]!);
      if (apart < best.apart) best = { offset, apart };
    }
    expect(best.apart / ink, 'the title, as it is alone').toBeLessThan(0.02);
    // Below it, after a gap, the facts; nothing in the margins at the foot and on the right.
    const below = ours.slice(best.offset + lines.length);
    expect(below.findIndex((count) => count > 0)).toBeGreaterThan(40);
    expect(below.some((count) => count > 0), 'the facts').toBe(true);
    for (let y = cover.height - 200; y < cover.height; y += 2) for (let x = 100; x < cover.width; x += 3) expect(cover.rgb(x, y), `${x},${y}`).toBe('#f4f1ea');
    for (let y = 0; y < cover.height; y += 3) for (let x = cover.width - 150; x < cover.width; x += 2) expect(cover.rgb(x, y), `${x},${y}`).toBe('#f4f1ea');
  });

  it('draws markup in a title as text', async () => {
    const title = '<img src="https://example.com/x.png"> </h1></section><style>* { background: url(https://example.com/) }</style> & more';
    const png = readPng(await coverPng(dossier({ title, subtitle: '<script>alert(1)</script>', compiledBy: '</dd><img src=x>' }), new Templates()));
    expect([png.width, png.height]).toEqual([1600, 2560]);
  });

  it('fetches nothing and draws nothing but text and boxes', async () => {
    const fetches = vi.spyOn(globalThis, 'fetch');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-cover-'));
    // CSS that would fetch in a browser is inert here: the cover has no images.
    await writeFile(
      path.join(dir, 'cover-image.njk'),
      '<html><head><style>@import url(https://example.com/a.css); @font-face { font-family: X; src: url(https://example.com/x.woff) } body { background: #fff url(https://example.com/x.png) }</style></head><body><p>{{ title }}</p></body></html>',
    );
    expect(readPng(await coverPng(dossier(), new Templates(dir))).rgb(800, 2500)).toBe('#ffffff');
    expect(fetches).not.toHaveBeenCalled();
    // Nor a picture written into the CSS, and an escape that could spell url( where the check cannot see it is refused.
    const red = Buffer.from(encodePng(1, 1, new Uint8Array([255, 0, 0, 255]))).toString('base64');
    await writeFile(
      path.join(dir, 'cover-image.njk'),
      `<html><head><style>html, body { margin: 0; width: 800px; height: 1280px; background: #fff url("data:image/png;base64,${red}") } p::before { content: url(data:image/png;base64,${red}) } p { background-image: URL( 'data:image/png;base64,${red}' ) }</style></head><body><p>{{ title }}</p></body></html>`,
    );
    const picture = readPng(await coverPng(dossier(), new Templates(dir)));
    for (let y = 0; y < 2560; y += 16) for (let x = 0; x < 1600; x += 16) expect(picture.rgb(x, y)).not.toBe('#ff0000');
    expect(() => inertCss('body { background: \\75 rl(https://example.com/x.png) }')).toThrow(/escape/);
    expect(inertCss('p::before { content: "\\201C" }')).toBe('p::before { content: "\\201C" }');
    expect(fetches).not.toHaveBeenCalled();
    // An element that is more than text and boxes is refused, with what the cover can be made of.
    await writeFile(path.join(dir, 'cover-image.njk'), '<html><body><img src="https://example.com/x.png"><p>{{ title }}</p></body></html>');
    await expect(coverPng(dossier(), new Templates(dir))).rejects.toThrow(/<img> cannot be drawn on the cover picture/);
  });

  it('keeps a finished picture, and gives it again for the same page and fonts', async () => {
    const cache = await mkdtemp(path.join(os.tmpdir(), 'dossier-covers-'));
    const page = (title: string) => `<html><head><style>body { margin: 0; width: 800px; height: 1280px; background: #fff; font-family: serif; }</style></head><body><p>${title}</p></body></html>`;
    const drawn = await drawCover({ html: page('A title'), ...PAGE });
    const kept = await drawCover({ html: page('A title'), ...PAGE, cache });
    expect(Buffer.compare(Buffer.from(kept.png), Buffer.from(drawn.png))).toBe(0);
    const files = await readdir(cache);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/)]);
    // The same page again is the picture kept, not a new drawing of it.
    const marker = encodePng(1, 1, new Uint8Array([255, 0, 0, 255]));
    await writeFile(path.join(cache, files[0]!), marker);
    expect(Buffer.compare(Buffer.from((await drawCover({ html: page('A title'), ...PAGE, cache })).png), Buffer.from(marker))).toBe(0);
    // Another page is drawn, and kept beside the first.
    const other = await drawCover({ html: page('Another title'), ...PAGE, cache });
    expect(readPng(other.png).width).toBe(1600);
    expect(await readdir(cache)).toHaveLength(2);
  });

  it('draws the picture when the folder for kept pictures cannot be made', async () => {
    // A file where the folder would be: it cannot be made, even by root.
    const cache = path.join(await mkdtemp(path.join(os.tmpdir(), 'dossier-covers-')), 'covers');
    await writeFile(cache, 'not a folder');
    const html = '<html><head><style>body { margin: 0; width: 800px; height: 1280px; background: #fff; font-family: serif; }</style></head><body><p>A title</p></body></html>';
    expect(readPng((await drawCover({ html, ...PAGE, cache })).png).width).toBe(1600);
    expect(await readFile(cache, 'utf8')).toBe('not a folder');
  });
});
