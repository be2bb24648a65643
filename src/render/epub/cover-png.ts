// The cover's SVG painted by resvg, and the pixels written as a PNG: 8-bit
// RGB, rows unfiltered, so the same pixels always give the same bytes.
import { createRequire } from 'node:module';
import os from 'node:os';
import zlib from 'node:zlib';

/**
 * resvg paints the SVG at `scale` times its size, on white where the page
 * paints nothing (as a browser's canvas is), with no fonts of its own:
 * satori has turned the text into outlines.
 */
export function rasterise(svg: string, scale: number): { width: number; height: number; pixels: Uint8Array } {
  const options = JSON.stringify({ fitTo: { mode: 'zoom', value: scale }, background: '#ffffff', font: { loadSystemFonts: false }, logLevel: 'off' });
  return new (resvgBinding())(svg, options).render();
}

type ResvgClass = new (svg: string, options: string) => { render(): { width: number; height: number; pixels: Uint8Array } };

/**
 * resvg's native module for this platform. Straight from its package:
 * @resvg/resvg-js finds it by asking Node for a diagnostic report (to tell
 * glibc from musl), which takes tens of milliseconds.
 */
function resvgBinding(): ResvgClass {
  const require = createRequire(import.meta.url);
  const names: Record<string, string[]> = {
    'linux-x64': ['linux-x64-gnu', 'linux-x64-musl'],
    'linux-arm64': ['linux-arm64-gnu', 'linux-arm64-musl'],
    'linux-arm': ['linux-arm-gnueabihf'],
    'darwin-x64': ['darwin-x64'],
    'darwin-arm64': ['darwin-arm64'],
    'win32-x64': ['win32-x64-msvc'],
    'win32-arm64': ['win32-arm64-msvc'],
    'win32-ia32': ['win32-ia32-msvc'],
  };
  for (const name of names[`${process.platform}-${process.arch}`] ?? []) {
    try {
      return (require(`@resvg/resvg-js-${name}`) as { Resvg: ResvgClass }).Resvg;
    } catch {
      // Not installed here, or built for the other C library: the next one.
    }
  }
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return class extends Resvg {
    constructor(svg: string, options: string) {
      super(svg, JSON.parse(options) as ConstructorParameters<typeof Resvg>[1]);
    }
  };
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.allocUnsafe(stride * height);
  // Four pixels at a time: four 32-bit RGBA words become three of RGB.
  const quads = os.endianness() === 'LE' ? Math.floor(width / 4) : 0;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, Math.floor(rgba.byteLength / 4));
  const row = new Uint32Array(quads * 3);
  const rowBytes = new Uint8Array(row.buffer);
  for (let y = 0; y < height; y++) {
    const start = y * width;
    for (let quad = 0, from = start, to = 0; quad < quads; quad++, from += 4, to += 3) {
      const p0 = pixels[from]!;
      const p1 = pixels[from + 1]!;
      const p2 = pixels[from + 2]!;
      const p3 = pixels[from + 3]!;
      row[to] = (p0 & 0xffffff) | (p1 << 24);
      row[to + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
      row[to + 2] = ((p2 >>> 16) & 0xff) | (p3 << 8);
    }
    const at = y * stride;
    raw[at] = 0;
    raw.set(rowBytes, at + 1);
    for (let x = quads * 4; x < width; x++) {
      const from = (start + x) * 4;
      const to = at + 1 + x * 3;
      raw[to] = rgba[from]!;
      raw[to + 1] = rgba[from + 1]!;
      raw[to + 2] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Level 3: a third of level 6's time, for a file about the size Chromium's screenshot was.
    chunk('IDAT', zlib.deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let crcTable: Uint32Array | undefined;

/** zlib's CRC-32 (Node 20.15 and later), or the same in JavaScript. */
function crc32(bytes: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(bytes);
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
