// What every reader is given and returns. A reader turns the bytes of one
// input file into the articles it holds: one for most formats, one per item
// of a feed, one per e-mail and one per article attached to it.
import type { ReadArticle, Warning } from '../model.js';

export interface ReadContext {
  /** The input folder. */
  root: string;
  /** The file's path relative to the input folder, with `/` separators. */
  file: string;
  warnings: Warning[];
  /**
   * Reads a file carried inside this one (an e-mail's attachment) with the
   * reader for its name, as an article of its own; its problems are reported
   * as warnings on this file naming the attachment. Undefined for files
   * inside files: an attachment's attachments are not read.
   */
  readInner?: (name: string, bytes: Buffer) => Promise<ReadArticle[]>;
}

export type Reader = (bytes: Buffer, context: ReadContext) => Promise<ReadArticle[]>;
