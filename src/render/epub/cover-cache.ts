// Finished cover pictures, kept beside the bundled command
// (node_modules/.cache/dossier/covers/), so that building the same dossier
// again costs no drawing: the key is a hash of the page's HTML, its size and
// the data of every font it is set in, so any change to what the picture
// shows draws it again. Bundling again empties the folder, so a change to
// the drawing code does too. A picture from here is the same bytes as one drawn.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Font } from 'satori';

/** How many pictures the folder keeps; the ones written longest ago go first. */
const KEEP = 16;

export function coverKey(html: string, size: { width: number; height: number; scale: number }, fonts: Font[]): string {
  const hash = createHash('sha256').update(`cover 1\0${size.width}x${size.height}@${size.scale}\0${html}\0`);
  for (const font of fonts) hash.update(`${font.name}\0${font.weight}\0${font.style}\0${font.data.byteLength}\0`).update(font.data instanceof ArrayBuffer ? new Uint8Array(font.data) : font.data);
  return hash.digest('hex');
}

/** The picture kept under `key`, if there is one that is whole. */
export function cachedCover(dir: string, key: string): Uint8Array | undefined {
  try {
    const png = readFileSync(path.join(dir, `${key}.png`));
    return png.length > 8 && png.readUInt32BE(0) === 0x89504e47 ? png : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the folder keeps any picture: a build may then find its own there and draw nothing. */
export function hasKeptCovers(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.png'));
  } catch {
    return false;
  }
}

/** Keeps a picture; a folder that cannot be written only means no picture is kept. */
export function keepCover(dir: string, key: string, png: Uint8Array): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name first, so that a picture is never read half written.
    const partial = path.join(dir, `${key}.${process.pid}.part`);
    writeFileSync(partial, png);
    renameSync(partial, path.join(dir, `${key}.png`));
    const files = readdirSync(dir).map((name) => ({ name, time: statSync(path.join(dir, name)).mtimeMs }));
    files.sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(KEEP)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // Read-only or full: the next build draws it again.
  }
}
