// The fonts the cover picture is set in, found through fontconfig: for each
// font stack the page's CSS names, the first family installed here; and for
// every character of the page those lack, the first family that has it,
// among the ones the CSS names and then among all installed. satori takes the
// fonts as data, one face at a time: a face inside a collection (.ttc) is
// copied out into a font file of its own.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Font } from 'satori';

interface Face {
  /** Family names (fontconfig lists translations too), and the same in lower case. */
  families: string[];
  names: string[];
  /** CSS weight, 100–900. */
  weight: number;
  italic: boolean;
  file: string;
  /** The face's index in a collection (.ttc). */
  index: number;
  /** Code point ranges, [first, last] pairs. */
  ranges: number[];
}

export interface CoverFonts {
  /** For satori: each face under the name the CSS gives its family. */
  fonts: Font[];
  /** Characters of the text that no installed font has. */
  missing: string[];
}

const run = promisify(execFile);
const FORMAT = '%{family}\\t%{weight}\\t%{slant}\\t%{width}\\t%{fontformat}\\t%{color}\\t%{index}\\t%{file}\\t%{charset}\\n';
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji']);
/** fontconfig's weights and the CSS ones they stand for. */
const WEIGHTS: [number, number][] = [[0, 100], [40, 200], [50, 300], [80, 400], [100, 500], [180, 600], [200, 700], [205, 800], [210, 900]];

let installed: Promise<Face[]> | undefined;

/**
 * Every face installed here that satori can draw: outlines (TrueType or CFF,
 * not colour bitmaps such as emoji), normal width. In the order of their
 * files, so that the same fonts give the same choice every time.
 */
export function installedFaces(): Promise<Face[]> {
  return (installed ??= run('fc-list', ['--format', FORMAT], { maxBuffer: 64 << 20 }).then(({ stdout }) =>
    stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([family, , , width, format, colour, , file]) => family && file && width === '100' && colour !== 'True' && /^(TrueType|CFF)$/.test(format ?? '') && /\.(ttf|otf|ttc|otc|woff)$/i.test(file))
      .map(([family, weight, slant, , , , index, file, charset]) => ({
        families: family!.split(','),
        names: family!.split(',').map((name) => name.toLowerCase()),
        weight: WEIGHTS.reduce((best, pair) => (Math.abs(pair[0] - Number(weight)) < Math.abs(best[0] - Number(weight)) ? pair : best))[1],
        italic: slant !== '0',
        file: file!,
        index: Number(index) || 0,
        ranges: (charset ?? '').split(' ').flatMap((range) => {
          const [first, last = first] = range.split('-').map((hex) => parseInt(hex, 16));
          return Number.isFinite(first) ? [first!, last!] : [];
        }),
      }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index)),
  ));
}

/** The fonts for a page: its stylesheet says which, its text which characters they must have. */
export async function coverFonts(css: string, text: string): Promise<CoverFonts> {
  const faces = await installedFaces();
  const ofFamily = (name: string) => faces.filter((face) => face.names.includes(name.toLowerCase()));
  const stacks = fontStacks(css);
  const chosen = new Map<string, Face[]>();
  for (const stack of stacks) {
    for (const name of stack) {
      const found = GENERIC.has(name.toLowerCase()) ? await genericFaces(name, faces) : ofFamily(name);
      if (found.length > 0) {
        chosen.set(name, found);
        break;
      }
    }
  }
  // Characters some chosen family lacks: from the first family that has them, the CSS's own first.
  const candidates = [...new Set([...stacks.flat(), ...faces.map((face) => face.families[0]!)])].map((name) => [name, ofFamily(name)] as const);
  // Text the CSS gives no font it has is set in the default, as a browser's is.
  if (chosen.size === 0) chosen.set('serif', await genericFaces('serif', faces));
  const primaries = [...chosen.values()];
  const missing: string[] = [];
  for (const char of new Set(text.replace(/\s/g, ''))) {
    const code = char.codePointAt(0)!;
    if (primaries.every((family) => family.some((face) => has(face, code)))) continue;
    const found = candidates.find(([, family]) => family.some((face) => has(face, code)));
    if (!found) missing.push(char);
    else if (!chosen.has(found[0])) chosen.set(found[0], found[1]);
  }
  const fonts: Font[] = [];
  for (const [name, family] of chosen) {
    for (const face of styles(family)) fonts.push({ name, data: await faceData(face), weight: face.weight as Font['weight'], style: face.italic ? 'italic' : 'normal' });
  }
  return { fonts, missing };
}

function has(face: Face, code: number): boolean {
  for (let i = 0; i < face.ranges.length; i += 2) if (code >= face.ranges[i]! && code <= face.ranges[i + 1]!) return true;
  return false;
}

/** The faces a generic family (`serif`) stands for here: fontconfig's choice. */
async function genericFaces(name: string, faces: Face[]): Promise<Face[]> {
  const { stdout } = await run('fc-match', ['--format', '%{family[0]}', name.toLowerCase().replace(/^ui-/, '')]).catch(() => ({ stdout: '' }));
  return faces.filter((face) => face.names.includes(stdout.trim().toLowerCase()));
}

/** Of a family, the faces nearest to regular and bold, upright and italic: the four a page of text uses. */
function styles(family: Face[]): Face[] {
  const picked = new Set<Face>();
  for (const italic of [false, true]) {
    const faces = family.filter((face) => face.italic === italic);
    for (const weight of [400, 700]) {
      const nearest = faces.reduce<Face | undefined>((best, face) => (!best || Math.abs(face.weight - weight) < Math.abs(best.weight - weight) ? face : best), undefined);
      if (nearest) picked.add(nearest);
    }
  }
  return [...picked];
}

const data = new Map<string, Promise<Buffer>>();

/** A face's font file; one face of a collection, copied out into a font file of its own. */
function faceData(face: Face): Promise<Buffer> {
  const key = `${face.file}#${face.index}`;
  let loaded = data.get(key);
  if (!loaded) {
    loaded = readFile(face.file).then((file) => (file.toString('latin1', 0, 4) === 'ttcf' ? faceOfCollection(file, face.index) : file));
    data.set(key, loaded);
  }
  return loaded;
}

/**
 * Face `index` of a TrueType or OpenType collection as a font file: a
 * collection is a header with the offset of each face's table directory, the
 * directory lists its tables with their offsets in the file, and the font
 * file is that directory followed by the tables, their offsets made relative
 * to it. The tables are copied as they are (their checksums still hold).
 */
export function faceOfCollection(collection: Buffer, index: number): Buffer {
  const count = collection.readUInt32BE(8);
  if (index >= count) throw new Error(`the font collection has ${count} faces, not ${index + 1}`);
  const directory = collection.readUInt32BE(12 + 4 * index);
  const tables = collection.readUInt16BE(directory + 4);
  let size = 12 + 16 * tables;
  const placed = Array.from({ length: tables }, (_, table) => {
    const record = directory + 12 + 16 * table;
    const [offset, length] = [collection.readUInt32BE(record + 8), collection.readUInt32BE(record + 12)];
    const at = size;
    size += (length + 3) & ~3;
    return { record, offset, length, at };
  });
  const font = Buffer.alloc(size);
  collection.copy(font, 0, directory, directory + 12);
  placed.forEach(({ record, offset, length, at }, table) => {
    collection.copy(font, 12 + 16 * table, record, record + 16);
    font.writeUInt32BE(at, 12 + 16 * table + 8);
    collection.copy(font, at, offset, offset + length);
  });
  return font;
}

/**
 * The font stacks of a stylesheet: the families of each `font-family` and
 * `font`, custom properties (`var(--serif)`) put in, in the order written.
 */
export function fontStacks(css: string): string[][] {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const properties = new Map<string, string>();
  for (const [, name, value] of clean.matchAll(/(--[\w-]+)\s*:\s*([^;{}]*)/g)) if (!properties.has(name!)) properties.set(name!, value!);
  const resolve = (value: string, depth = 0): string =>
    value.replace(/var\(\s*(--[\w-]+)\s*(?:,([^()]*))?\)/g, (_, name: string, fallback?: string) => (depth < 8 ? resolve(properties.get(name) ?? fallback ?? '', depth + 1) : ''));
  const stacks: string[][] = [];
  for (const [, shorthand, value] of clean.matchAll(/(?:^|[{;\s])font(-family)?\s*:\s*([^;{}]*)/g)) {
    let families = resolve(value!).replace(/!important/i, '');
    // `font: italic 700 22px/1.2 Georgia, serif`: the families follow the size.
    if (!shorthand) families = families.replace(/^[^,"']*?[\d.]+(?:px|pt|pc|em|rem|ex|ch|%|vw|vh|q|mm|cm|in)(?:\s*\/\s*\S+)?\s+/i, '');
    const stack = families
      .split(',')
      .map((name) => name.trim().replace(/^(["'])(.*)\1$/, '$2').trim())
      .filter((name) => name && !/^(inherit|initial|unset|revert)$/i.test(name));
    if (stack.length > 0) stacks.push(stack);
  }
  return stacks;
}
