// The EPUB's cover picture, drawn without a browser: a 1600 × 2560 PNG, the
// same bytes every time, whatever script the title is in, and nothing from
// the articles ever more than text on it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { Dossier } from '../../src/model.js';
import { renderCover } from '../../src/render/cover.js';
import { Templates } from '../../src/render/view/templates.js';
import { memoryDossier } from '../helpers.js';

// Anything that reached for Chromium would fail here.
vi.mock('puppeteer', () => {
  throw new Error('the cover picture must not need a browser');
});
process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';

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
  return { width, height, rgb };
}

describe('the cover picture', () => {
  it('is a 1600 × 2560 PNG of the cover design, drawn without a browser', async () => {
    const png = readPng(await renderCover(dossier(), new Templates()));
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
    const [first, second] = [await renderCover(dossier(), templates), await renderCover(dossier(), new Templates())];
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('wraps a long title with names in Hebrew, Arabic and Chinese', async () => {
    const title =
      'Netanyahu (בנימין נתניהו), Abbas (محمود عباس) and Xi Jinping (习近平) meet in Jerusalem over water, trade and the borders of the region';
    const png = readPng(await renderCover(dossier({ title, marking: 'OFFICIAL-SENSITIVE' }), new Templates()));
    expect([png.width, png.height]).toEqual([1600, 2560]);
    const short = readPng(await renderCover(dossier({ marking: 'OFFICIAL-SENSITIVE' }), new Templates()));
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

  it('draws markup in a title as text', async () => {
    const title = '<img src="https://example.com/x.png"> </h1></section><style>* { background: url(https://example.com/) }</style> & more';
    const png = readPng(await renderCover(dossier({ title, subtitle: '<script>alert(1)</script>', compiledBy: '</dd><img src=x>' }), new Templates()));
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
    expect(readPng(await renderCover(dossier(), new Templates(dir))).rgb(800, 2500)).toBe('#ffffff');
    expect(fetches).not.toHaveBeenCalled();
    // An element that is more than text and boxes is refused, with what the cover can be made of.
    await writeFile(path.join(dir, 'cover-image.njk'), '<html><body><img src="https://example.com/x.png"><p>{{ title }}</p></body></html>');
    await expect(renderCover(dossier(), new Templates(dir))).rejects.toThrow(/<img> cannot be drawn on the cover picture/);
  });
});
