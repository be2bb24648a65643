// Pictures an article refers to. A picture in the input folder is kept and
// embedded in every format; anything else is left out with a warning and its
// description stays as text: nothing is fetched from the network, nothing is
// read from outside the input folder (no `../`, no absolute paths, no links
// that lead out), and no `data:`, `file:` or `javascript:` address is used.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Image, PhrasingContent, Root } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import type { Warning } from '../model.js';
import { InputFileError, InputFolder } from './input-folder.js';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
/** Pictures larger than this are left out: a briefing pack is not a photo archive. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;

export interface PictureData {
  /** Absolute path of the file, inside the input folder. */
  path: string;
  mime: string;
}

declare module 'mdast' {
  interface ImageData {
    /** Set on pictures that may be embedded: the file to embed. */
    picture?: PictureData;
  }
}

export interface PictureContext {
  /** The input folder. */
  root: string;
  /** The article's path relative to the root. */
  file: string;
  warnings: Warning[];
  /**
   * Pictures the file carries inside it (a Word document's), by the address
   * its HTML gives each (`picture-1`): embedded as the folder's are.
   */
  embedded?: Record<string, PictureData>;
}

/**
 * An image node for a picture the article refers to by `src` (as written in
 * the file, relative to it), or the picture's description as text when it
 * cannot be used (its caption, when it has one, else its description).
 */
export function picture(src: string, alt: string, context: PictureContext, caption = ''): PhrasingContent | undefined {
  // A caption is written for the reader; a description (alt) for those who cannot see the picture. Left out, one of them is said.
  const said = caption.trim() || alt.trim();
  const fallback = said ? ({ type: 'text', value: `[Picture: ${said}]` } as const) : undefined;
  const inside = context.embedded && Object.hasOwn(context.embedded, src) ? context.embedded[src] : undefined;
  // Named by the file it is inside: `report.docx#picture-1`.
  if (inside) return { type: 'image', url: `${context.file}#${src}`, alt: alt.trim() || `Picture from ${path.basename(context.file)}`, data: { picture: inside } };
  const reason = refusal(src);
  if (reason) {
    context.warnings.push({ file: context.file, message: `a picture was left out: ${reason}` });
    return fallback;
  }
  const leave = (why: string) => {
    context.warnings.push({ file: context.file, message: `the picture ${src} was left out: ${why}` });
    return fallback;
  };
  let relative: string;
  try {
    relative = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return leave('its address is not valid percent-encoding (such as %20 for a space).');
  }
  const resolved = path.resolve(context.root, path.dirname(context.file), relative);
  const mime = TYPES[path.extname(resolved).toLowerCase()];
  if (!mime) return leave('only PNG, JPEG, GIF and WebP pictures are embedded.');
  const folder = InputFolder.openSync(context.root);
  const inFolder = path.relative(context.root, resolved);
  if (inFolder.startsWith('..') || path.isAbsolute(inFolder)) return leave('it is outside the input folder.');
  let real: string;
  try {
    real = folder.regularFileSync(inFolder);
  } catch (error) {
    if (error instanceof InputFileError) return leave(`${error.message}.`);
    return leave('there is no such file in the input folder.');
  }
  const size = statSync(real).size;
  if (size > MAX_PICTURE_BYTES) return leave(`it is larger than ${MAX_PICTURE_BYTES / 1024 / 1024} MB.`);
  const image: Image = {
    type: 'image',
    url: path.relative(context.root, resolved).split(path.sep).join('/'),
    alt: alt.trim() || `Picture from ${path.basename(context.file)}`,
    data: { picture: { path: real, mime } },
  };
  return image;
}

/** Why an address cannot be a picture of the article's own, or undefined when it can. */
function refusal(src: string): string | undefined {
  const trimmed = src.trim();
  if (/^https?:\/\//i.test(trimmed) || trimmed.startsWith('//')) return `${trimmed} is on the web, and the build never fetches anything.`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return `${trimmed.slice(0, 40)} is not a file in the input folder.`;
  if (trimmed.startsWith('/') || trimmed.startsWith('\\')) return `${trimmed} is an absolute path, not a file in the input folder.`;
  if (trimmed === '') return 'it has no address.';
  return undefined;
}

/** Whether a tree holds a picture to embed: the EPUB then declares them in its package. */
export function hasPicture(tree: Root): boolean {
  let found = false;
  visit(tree, 'image', (node) => {
    if (node.data?.picture) found = true;
    return found ? EXIT : undefined;
  });
  return found;
}
