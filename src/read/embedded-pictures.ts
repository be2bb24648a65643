// Pictures a document carries inside it (a Word file's), made files the
// formats can embed as they embed the input folder's: each is written once,
// named by its content, into a folder of this process's own under the
// system's temporary folder, removed when the process ends (and, after a
// build that was killed, by the next one). The bytes are the document's:
// nothing is fetched, and only what is a picture by its first bytes is kept.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../processes.js';
import { MAX_PICTURE_BYTES, type PictureData } from './pictures.js';

/** How each kept kind of picture begins, and the name its file is given. */
const KINDS: Record<string, { extension: string; starts: (bytes: Uint8Array) => boolean }> = {
  'image/png': { extension: 'png', starts: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  'image/jpeg': { extension: 'jpg', starts: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/gif': { extension: 'gif', starts: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8' },
  'image/webp': { extension: 'webp', starts: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
};

const PREFIX = 'dossier-pictures-';
let folder: string | undefined;

/** The picture as a file the formats embed, or why it cannot be one. */
export function keepEmbeddedPicture(bytes: Uint8Array, mime: string): PictureData | { refused: string } {
  const kind = KINDS[mime.toLowerCase()];
  if (!kind) return { refused: `it is ${mime || 'of no stated kind'}, and only PNG, JPEG, GIF and WebP pictures are embedded` };
  if (bytes.length > MAX_PICTURE_BYTES) return { refused: `it is larger than ${MAX_PICTURE_BYTES / 1024 / 1024} MB` };
  if (!kind.starts(bytes)) return { refused: `it says it is ${mime} but its data is not` };
  const file = path.join(ownFolder(), `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${kind.extension}`);
  if (!existsSync(file)) writeFileSync(file, bytes, { mode: 0o600 });
  return { path: file, mime: mime.toLowerCase() };
}

/** This process's folder, made on first use (mkdtemp: private, never one another process made). */
function ownFolder(): string {
  if (folder && existsSync(folder)) return folder;
  removeFoldersOfEndedBuilds();
  const made = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  folder = made;
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return made;
}

/** Folders left by builds that were killed before they could remove theirs: the process that made one is gone. */
function removeFoldersOfEndedBuilds(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir()).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^dossier-pictures-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}
