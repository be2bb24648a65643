// The fonts the cover picture is set in: the installed faces of the families
// its CSS names, found through fontconfig (or, without it, by reading the
// usual font folders), and which characters each face has.
import { execFile } from 'node:child_process';
import { open, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface FaceInfo {
  /** Family names, lower case (fontconfig lists translations too). */
  families: string[];
  /** CSS weight, 100–900; for a variable font, its default. */
  weight: number;
  /** The weights a variable font can take, CSS scale. */
  weightRange?: [number, number];
  italic: boolean;
  file: string;
  /** The face's index in a collection (.ttc). */
  index: number;
  /** Colour pictures (emoji) rather than outlines. */
  colour?: boolean;
  /** Width, as a percentage of normal (condensed faces share their family's name in fontconfig's list). */
  stretch?: number;
}

interface FontIndex {
  byFamily: Map<string, FaceInfo[]>;
  /** Fontconfig's choice of a face for a character no named family has (in colour, for an emoji). */
  fallback?: (codePoint: number, colour: boolean) => Promise<FaceInfo | undefined>;
}

/** What the generic families stand for: Chromium's defaults (Times New Roman, Arial, Courier New), or the fonts metric-compatible with them, or else common ones. */
const GENERIC: Record<string, string[]> = {
  serif: ['Times New Roman', 'Liberation Serif', 'Tinos', 'Times', 'Nimbus Roman', 'DejaVu Serif', 'Noto Serif', 'Georgia'],
  'sans-serif': ['Arial', 'Liberation Sans', 'Arimo', 'Helvetica', 'Nimbus Sans', 'DejaVu Sans', 'Noto Sans'],
  'system-ui': ['Segoe UI', 'Helvetica Neue', 'Arial', 'Liberation Sans', 'DejaVu Sans', 'Noto Sans'],
  'ui-sans-serif': ['Arial', 'Liberation Sans', 'Arimo', 'Helvetica', 'DejaVu Sans', 'Noto Sans'],
  'ui-serif': ['Times New Roman', 'Liberation Serif', 'Tinos', 'Times', 'DejaVu Serif', 'Noto Serif'],
  monospace: ['Courier New', 'Liberation Mono', 'Cousine', 'Courier', 'Nimbus Mono PS', 'DejaVu Sans Mono', 'Noto Sans Mono', 'Menlo', 'Consolas'],
  'ui-monospace': ['Courier New', 'Liberation Mono', 'Cousine', 'DejaVu Sans Mono', 'Noto Sans Mono', 'Menlo', 'Consolas'],
  cursive: ['Comic Sans MS', 'Liberation Serif', 'DejaVu Serif'],
  fantasy: ['Impact', 'Liberation Serif', 'DejaVu Serif'],
};

let fontIndex: Promise<FontIndex> | undefined;
const fileData = new Map<string, Promise<Buffer | undefined>>();
const characterMaps = new Map<string, Promise<CharacterMap | undefined>>();

/** Starts reading the list of installed fonts (once per process). */
export function installedFonts(): Promise<FontIndex> {
  return (fontIndex ??= loadFontIndex());
}

/** The installed faces of a family; a generic family (`serif`) is the first of its usual faces installed. */
export function familyFaces(index: FontIndex, family: string): FaceInfo[] {
  const name = family.toLowerCase();
  const faces = index.byFamily.get(name);
  if (faces) return faces;
  for (const candidate of GENERIC[name] ?? []) {
    const found = index.byFamily.get(candidate.toLowerCase());
    if (found) return found;
  }
  return [];
}

/** CSS font matching: the style first, then the nearest weight in the direction CSS says. */
export function bestFace(faces: FaceInfo[], weight: number, italic: boolean): FaceInfo | undefined {
  const sameStyle = faces.filter((face) => face.italic === italic);
  return byCloseness(sameStyle.length > 0 ? sameStyle : faces, weight, italic)[0];
}

/** Faces from the closest to a weight and style to the farthest. */
export function byCloseness(faces: FaceInfo[], weight: number, italic: boolean): FaceInfo[] {
  const distance = (face: FaceInfo) => {
    const style = face.italic === italic ? 0 : 10_000;
    const [low, high] = face.weightRange ?? [face.weight, face.weight];
    if (weight >= low && weight <= high) return style;
    const w = weight < low ? low : high;
    if (weight >= 400 && weight <= 500) {
      if (w > weight && w <= 500) return style + w - weight;
      if (w < weight) return style + 1000 + (weight - w);
      return style + 2000 + (w - weight);
    }
    if (weight < 400) return style + (w < weight ? weight - w : 1000 + (w - weight));
    return style + (w > weight ? w - weight : 1000 + (weight - w));
  };
  return [...faces].sort((a, b) => distance(a) - distance(b) || compare(a.file, b.file) || a.index - b.index);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The bytes of a font file (all its faces), read once. */
export function fontFile(file: string): Promise<Buffer | undefined> {
  let data = fileData.get(file);
  if (!data) {
    data = readFile(file).catch(() => undefined);
    fileData.set(file, data);
  }
  return data;
}

// ---------------------------------------------------------------------------
// Which characters a face has, from its `cmap` table, without parsing the rest.

export interface CharacterMap {
  has(codePoint: number): boolean;
}

export function characterMap(face: FaceInfo): Promise<CharacterMap | undefined> {
  const key = `${face.file}\n${face.index}`;
  let map = characterMaps.get(key);
  if (!map) {
    map = fontFile(face.file).then((data) => {
      if (!data) return undefined;
      const start = faceOffset(data, face.index);
      return start === undefined ? undefined : readCharacterMap(data, start);
    });
    characterMaps.set(key, map);
  }
  return map;
}

/** Where a face's table directory starts: 0, or its offset in a collection. */
function faceOffset(data: Buffer, index: number): number | undefined {
  if (data.length < 12) return undefined;
  if (data.toString('latin1', 0, 4) !== 'ttcf') return index === 0 ? 0 : undefined;
  if (index >= data.readUInt32BE(8) || 16 + 4 * index > data.length) return undefined;
  return data.readUInt32BE(12 + 4 * index);
}

/**
 * Ascent, descent and line gap as fractions of the em, as Chromium takes
 * them on Linux: the OS/2 table's typographic values when the font asks for
 * them (USE_TYPO_METRICS), else the hhea table's.
 */
export function verticalMetrics(data: Buffer, index: number): { ascent: number; descent: number; lineGap: number } {
  const fallback = { ascent: 0.9, descent: 0.25, lineGap: 0 };
  const start = faceOffset(data, index);
  if (start === undefined) return fallback;
  const tables = tableRecords(data, start);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const os2 = tables.get('OS/2');
  if (!head || head.offset + 20 > data.length) return fallback;
  const upem = data.readUInt16BE(head.offset + 18) || 1000;
  if (os2 && os2.length >= 74 && os2.offset + 74 <= data.length && (data.readUInt16BE(os2.offset + 62) & 0x80) !== 0) {
    return { ascent: data.readInt16BE(os2.offset + 68) / upem, descent: -data.readInt16BE(os2.offset + 70) / upem, lineGap: data.readInt16BE(os2.offset + 72) / upem };
  }
  if (hhea && hhea.offset + 10 <= data.length && (data.readInt16BE(hhea.offset + 4) !== 0 || data.readInt16BE(hhea.offset + 6) !== 0)) {
    return { ascent: data.readInt16BE(hhea.offset + 4) / upem, descent: -data.readInt16BE(hhea.offset + 6) / upem, lineGap: data.readInt16BE(hhea.offset + 8) / upem };
  }
  if (os2 && os2.length >= 78 && os2.offset + 78 <= data.length) {
    return { ascent: data.readUInt16BE(os2.offset + 74) / upem, descent: data.readUInt16BE(os2.offset + 76) / upem, lineGap: 0 };
  }
  return fallback;
}

/** A glyph's picture in a colour bitmap font (CBDT/CBLC): the PNG and where it sits, in pixels of its strike. */
export interface ColourGlyph {
  png: Buffer;
  ppem: number;
  width: number;
  height: number;
  bearingX: number;
  bearingY: number;
}

/** The glyph's picture from the largest strike that has it. */
export function colourGlyph(data: Buffer, index: number, glyph: number): ColourGlyph | undefined {
  const start = faceOffset(data, index);
  if (start === undefined) return undefined;
  const tables = tableRecords(data, start);
  const cblc = tables.get('CBLC');
  const cbdt = tables.get('CBDT');
  if (!cblc || !cbdt || cblc.offset + 8 > data.length) return undefined;
  const sizes = data.readUInt32BE(cblc.offset + 4);
  const strikes: number[] = [];
  for (let at = 0; at < sizes; at++) {
    const record = cblc.offset + 8 + at * 48;
    if (record + 48 > data.length) break;
    if (glyph >= data.readUInt16BE(record + 40) && glyph <= data.readUInt16BE(record + 42)) strikes.push(record);
  }
  strikes.sort((a, b) => data[b + 45]! - data[a + 45]!);
  for (const record of strikes) {
    const arrayAt = cblc.offset + data.readUInt32BE(record);
    const subtables = data.readUInt32BE(record + 8);
    for (let at = 0; at < subtables; at++) {
      const entry = arrayAt + at * 8;
      if (entry + 8 > data.length) break;
      const first = data.readUInt16BE(entry);
      const last = data.readUInt16BE(entry + 2);
      if (glyph < first || glyph > last) continue;
      const subtable = arrayAt + data.readUInt32BE(entry + 4);
      const indexFormat = data.readUInt16BE(subtable);
      const imageFormat = data.readUInt16BE(subtable + 2);
      const imageData = cbdt.offset + data.readUInt32BE(subtable + 4);
      let offset: number | undefined;
      let bigMetrics: number | undefined;
      if (indexFormat === 1) offset = imageData + data.readUInt32BE(subtable + 8 + (glyph - first) * 4);
      else if (indexFormat === 3) offset = imageData + data.readUInt16BE(subtable + 8 + (glyph - first) * 2);
      else if (indexFormat === 2) {
        offset = imageData + data.readUInt32BE(subtable + 8) * (glyph - first);
        bigMetrics = subtable + 12;
      } else if (indexFormat === 4 || indexFormat === 5) {
        const [countAt, arrayStart] = indexFormat === 4 ? [subtable + 8, subtable + 12] : [subtable + 20, subtable + 24];
        const count = data.readUInt32BE(countAt);
        for (let n = 0; n < count; n++) {
          if (indexFormat === 4 && data.readUInt16BE(arrayStart + n * 4) === glyph) offset = imageData + data.readUInt16BE(arrayStart + n * 4 + 2);
          if (indexFormat === 5 && data.readUInt16BE(arrayStart + n * 2) === glyph) {
            offset = imageData + data.readUInt32BE(subtable + 8) * n;
            bigMetrics = subtable + 12;
          }
        }
      }
      if (offset === undefined || offset + 9 > data.length) continue;
      const ppem = data[record + 45]!;
      // Formats 17 and 18: metrics, then the PNG's length and the PNG; 19: metrics from the index.
      const metricsAt = imageFormat === 19 ? bigMetrics : offset;
      if (metricsAt === undefined || ![17, 18, 19].includes(imageFormat)) continue;
      const lengthAt = imageFormat === 17 ? offset + 5 : imageFormat === 18 ? offset + 8 : offset;
      const length = data.readUInt32BE(lengthAt);
      const png = data.subarray(lengthAt + 4, lengthAt + 4 + length);
      if (png.length !== length) continue;
      return { png, ppem, height: data[metricsAt]!, width: data[metricsAt + 1]!, bearingX: data.readInt8(metricsAt + 2), bearingY: data.readInt8(metricsAt + 3) };
    }
  }
  return undefined;
}

function tableRecords(data: Buffer, start: number): Map<string, { offset: number; length: number }> {
  const tables = new Map<string, { offset: number; length: number }>();
  if (start + 12 > data.length) return tables;
  const count = data.readUInt16BE(start + 4);
  for (let at = 0; at < count; at++) {
    const record = start + 12 + at * 16;
    if (record + 16 > data.length) break;
    tables.set(data.toString('latin1', record, record + 4), { offset: data.readUInt32BE(record + 8), length: data.readUInt32BE(record + 12) });
  }
  return tables;
}

function readCharacterMap(font: Buffer, start: number): CharacterMap | undefined {
  const tables = tableRecords(font, start);
  // Glyph outlines (TrueType or CFF), or colour pictures in PNG (CBDT, as Noto Color Emoji has).
  if (!tables.has('glyf') && !tables.has('CFF ') && !tables.has('CFF2') && !(tables.has('CBDT') && tables.has('CBLC'))) return undefined;
  const cmap = tables.get('cmap');
  if (!cmap || cmap.offset + 4 > font.length) return undefined;
  const table = font.subarray(cmap.offset, Math.min(font.length, cmap.offset + cmap.length));
  const subtables: { platform: number; encoding: number; format: number; offset: number }[] = [];
  for (let at = 0; at < table.readUInt16BE(2); at++) {
    const record = 4 + at * 8;
    if (record + 8 > table.length) break;
    const offset = table.readUInt32BE(record + 4);
    if (offset + 2 > table.length) continue;
    subtables.push({ platform: table.readUInt16BE(record), encoding: table.readUInt16BE(record + 2), format: table.readUInt16BE(offset), offset });
  }
  const unicode = (entry: { platform: number; encoding: number }) => entry.platform === 0 || (entry.platform === 3 && (entry.encoding === 1 || entry.encoding === 10));
  const full = subtables.find((entry) => entry.format === 12 && unicode(entry));
  if (full && full.offset + 16 <= table.length) {
    const groups = Math.min(table.readUInt32BE(full.offset + 12), Math.floor((table.length - full.offset - 16) / 12));
    return {
      has(code) {
        let low = 0;
        let high = groups - 1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          const group = full.offset + 16 + middle * 12;
          const first = table.readUInt32BE(group);
          if (code < first) high = middle - 1;
          else if (code > table.readUInt32BE(group + 4)) low = middle + 1;
          else return table.readUInt32BE(group + 8) + (code - first) !== 0;
        }
        return false;
      },
    };
  }
  const basic = subtables.find((entry) => entry.format === 4 && unicode(entry));
  if (!basic || basic.offset + 14 > table.length) return undefined;
  const segments = table.readUInt16BE(basic.offset + 6) / 2;
  const ends = basic.offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  if (rangeOffsets + segments * 2 > table.length) return undefined;
  return {
    has(code) {
      if (code > 0xffff) return false;
      let low = 0;
      let high = segments - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (table.readUInt16BE(ends + middle * 2) < code) low = middle + 1;
        else high = middle;
      }
      const segment = low;
      if (code > table.readUInt16BE(ends + segment * 2)) return false;
      const first = table.readUInt16BE(starts + segment * 2);
      if (code < first) return false;
      const rangeOffset = table.readUInt16BE(rangeOffsets + segment * 2);
      if (rangeOffset === 0) return ((code + table.readUInt16BE(deltas + segment * 2)) & 0xffff) !== 0;
      const glyphAt = rangeOffsets + segment * 2 + rangeOffset + (code - first) * 2;
      return glyphAt + 2 <= table.length && table.readUInt16BE(glyphAt) !== 0;
    },
  };
}

// ---------------------------------------------------------------------------
// The list of installed fonts: fontconfig's when there is one, or else the
// usual font folders read directly.

const FORMAT = '%{family}\t%{weight}\t%{slant}\t%{index}\t%{fontformat}\t%{color}\t%{variable}\t%{width}\t%{file}\n';

async function loadFontIndex(): Promise<FontIndex> {
  const listed = await run('fc-list', ['--format', FORMAT]);
  const faces: FaceInfo[] = [];
  if (listed !== undefined) {
    for (const line of listed.split('\n')) {
      const face = fontconfigFace(line);
      if (face) faces.push(face);
    }
  } else {
    faces.push(...(await scanFontFolders()));
  }
  // A fixed order, so the same fonts give the same picture whatever order they were listed in;
  // faces of normal width first, so that they, not condensed ones, stand for their family.
  const widthOff = (face: FaceInfo) => Math.abs((face.stretch ?? 100) - 100);
  faces.sort((a, b) => widthOff(a) - widthOff(b) || compare(a.file, b.file) || a.index - b.index);
  const byFamily = new Map<string, FaceInfo[]>();
  for (const face of faces) {
    for (const family of face.families) {
      const list = byFamily.get(family) ?? [];
      if (!list.some((other) => other.weight === face.weight && other.italic === face.italic)) list.push(face);
      byFamily.set(family, list);
    }
  }
  if (listed === undefined) return { byFamily };
  return {
    byFamily,
    fallback: async (codePoint, colour) => {
      const line = await run('fc-match', ['--format', FORMAT, `:charset=${codePoint.toString(16)}:color=${colour}`]);
      return line === undefined ? undefined : fontconfigFace(line.split('\n')[0] ?? '');
    },
  };
}

/** One line of `fc-list`: outline fonts only (no bitmap, colour-bitmap or Type 1 faces). */
function fontconfigFace(line: string): FaceInfo | undefined {
  const [families = '', weight = '', slant = '', index = '', format = '', color = '', variable = '', width = '', file = ''] = line.split('\t');
  if (!file || !/^(TrueType|CFF)$/.test(format)) return undefined;
  const faceIndex = Number(index);
  // Named instances of a variable font share its file: the font itself is listed too.
  if (!Number.isInteger(faceIndex) || faceIndex >= 0x10000) return undefined;
  const numbers = [...weight.matchAll(/-?[\d.]+/g)].map((match) => fontconfigToCssWeight(Number(match[0])));
  const range: [number, number] | undefined = variable === 'True' && numbers.length === 2 ? [numbers[0]!, numbers[1]!] : undefined;
  return {
    families: families
      .split(/(?<!\\),/)
      .map((name) => name.replace(/\\(.)/g, '$1').trim().toLowerCase())
      .filter(Boolean),
    weight: range ? Math.min(Math.max(400, range[0]), range[1]) : (numbers[0] ?? 400),
    ...(range ? { weightRange: range } : {}),
    italic: Number(/-?[\d.]+/.exec(slant)?.[0] ?? 0) > 0,
    file,
    index: faceIndex,
    ...(color === 'True' ? { colour: true } : {}),
    ...(Number(/[\d.]+/.exec(width)?.[0] ?? 100) !== 100 ? { stretch: Number(/[\d.]+/.exec(width)![0]) } : {}),
  };
}

// Fontconfig's weight scale against CSS's (fontconfig's FcWeightToOpenType table).
const WEIGHTS: [fontconfig: number, css: number][] = [
  [0, 100], [40, 200], [50, 300], [55, 350], [75, 380], [80, 400], [100, 500], [180, 600], [200, 700], [205, 800], [210, 900],
];

function fontconfigToCssWeight(value: number): number {
  if (!Number.isFinite(value)) return 400;
  let css = WEIGHTS[WEIGHTS.length - 1]![1];
  for (let at = 0; at < WEIGHTS.length; at++) {
    const [fc, weight] = WEIGHTS[at]!;
    if (value <= fc) {
      const [fc0, weight0] = WEIGHTS[Math.max(0, at - 1)]!;
      css = at === 0 || fc === fc0 ? weight : weight0 + ((value - fc0) * (weight - weight0)) / (fc - fc0);
      break;
    }
  }
  return Math.min(900, Math.max(100, Math.round(css / 100) * 100));
}

/** Where fonts usually are on Linux, macOS and Windows, for machines without fontconfig. */
function fontFolders(): string[] {
  const home = os.homedir();
  const windows = process.env.WINDIR ?? 'C:\\Windows';
  return [
    path.join(home, '.local/share/fonts'),
    path.join(home, '.fonts'),
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, 'Library/Fonts'),
    '/Library/Fonts',
    '/System/Library/Fonts',
    path.join(windows, 'Fonts'),
    ...(process.env.LOCALAPPDATA ? [path.join(process.env.LOCALAPPDATA, 'Microsoft/Windows/Fonts')] : []),
  ];
}

async function scanFontFolders(): Promise<FaceInfo[]> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) await walk(full, depth + 1);
      else if (/\.(ttf|otf|ttc|otc)$/i.test(entry.name)) files.push(full);
    }
  };
  for (const dir of fontFolders()) await walk(dir, 0);
  const faces: FaceInfo[] = [];
  for (const file of files.sort().slice(0, 4000)) faces.push(...(await describeFontFile(file).catch(() => [])));
  return faces;
}

/** Family, weight and style of each face in a font file, from its `name`, `OS/2` and `fvar` tables. */
async function describeFontFile(file: string): Promise<FaceInfo[]> {
  const handle = await open(file, 'r');
  try {
    const read = async (offset: number, length: number) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, 1 << 20)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    };
    const header = await read(0, 12);
    if (header.length < 12) return [];
    const collection = header.toString('latin1', 0, 4) === 'ttcf';
    const starts: number[] = [];
    if (collection) {
      const offsets = await read(12, 4 * Math.min(header.readUInt32BE(8), 64));
      for (let at = 0; at + 4 <= offsets.length; at += 4) starts.push(offsets.readUInt32BE(at));
    } else {
      starts.push(0);
    }
    const faces: FaceInfo[] = [];
    for (const [index, start] of starts.entries()) {
      const head = await read(start, 12);
      if (head.length < 12) continue;
      const directory = Buffer.concat([head, await read(start + 12, 16 * head.readUInt16BE(4))]);
      const tables = tableRecords(directory, 0);
      const colour = tables.has('CBDT') && tables.has('CBLC');
      if (!tables.has('glyf') && !tables.has('CFF ') && !tables.has('CFF2') && !colour) continue;
      const nameTable = tables.get('name');
      if (!nameTable) continue;
      const families = fontNames(await read(nameTable.offset, nameTable.length));
      if (families.length === 0) continue;
      let weight = 400;
      let italic = false;
      let stretch = 100;
      const os2 = tables.get('OS/2');
      if (os2 && os2.length >= 64) {
        const table = await read(os2.offset, 64);
        weight = Math.min(900, Math.max(100, Math.round(table.readUInt16BE(4) / 100) * 100));
        stretch = [50, 62.5, 75, 87.5, 100, 112.5, 125, 150, 200][table.readUInt16BE(6) - 1] ?? 100;
        italic = (table.readUInt16BE(62) & 0x201) !== 0;
      }
      let weightRange: [number, number] | undefined;
      const fvar = tables.get('fvar');
      if (fvar) {
        const table = await read(fvar.offset, Math.min(fvar.length, 16 + 20 * 16));
        const axesAt = table.readUInt16BE(4);
        for (let axis = 0; axis < table.readUInt16BE(8) && axesAt + axis * 20 + 20 <= table.length; axis++) {
          const record = axesAt + axis * 20;
          if (table.toString('latin1', record, record + 4) !== 'wght') continue;
          weightRange = [table.readInt32BE(record + 4) / 65536, table.readInt32BE(record + 12) / 65536];
          weight = Math.round(table.readInt32BE(record + 8) / 65536);
        }
      }
      faces.push({ families, weight, ...(weightRange ? { weightRange } : {}), italic, file, index, ...(colour ? { colour } : {}), ...(stretch !== 100 ? { stretch } : {}) });
    }
    return faces;
  } finally {
    await handle.close();
  }
}

/** Family names (typographic, else legacy) in every language the `name` table has, lower case. */
function fontNames(table: Buffer): string[] {
  if (table.length < 6) return [];
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const byId = new Map<number, Set<string>>();
  for (let at = 0; at < count && 6 + at * 12 + 12 <= table.length; at++) {
    const record = 6 + at * 12;
    const platform = table.readUInt16BE(record);
    const nameId = table.readUInt16BE(record + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const length = table.readUInt16BE(record + 8);
    const start = storage + table.readUInt16BE(record + 10);
    const bytes = table.subarray(start, start + length);
    const text = platform === 0 || platform === 3 ? utf16be(bytes) : bytes.toString('latin1');
    const names = byId.get(nameId) ?? new Set<string>();
    if (text.trim()) names.add(text.trim().toLowerCase());
    byId.set(nameId, names);
  }
  return [...(byId.get(16) ?? byId.get(1) ?? [])];
}

function utf16be(bytes: Buffer): string {
  const swapped = Buffer.alloc(bytes.length & ~1);
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    swapped[at] = bytes[at + 1]!;
    swapped[at + 1] = bytes[at]!;
  }
  return swapped.toString('utf16le');
}

/** Runs a command and gives its output, or undefined when it is not there or fails. */
function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
