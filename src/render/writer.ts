// What every format's writer is: it reads the enriched dossier and returns
// the files it makes and any warnings, and never changes the dossier. The
// build runs the writers of the formats asked for side by side.
import type { Browser } from 'puppeteer';
import type { Dossier, Warning } from '../model.js';
import type { StepTimer } from '../timing.js';
import type { Templates } from './view/templates.js';

/** Kept free of any writer's code, so the command line can list formats without loading one. */
export const FORMATS = ['html', 'pdf', 'epub', 'md', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Paper = 'a4' | 'letter';

/** `paged`: Paged.js; `browser`: Chromium's own layout; `auto`: Paged.js, at any length. */
export type PrintLayout = 'auto' | 'paged' | 'browser';

export type { StepTimer } from '../timing.js';

export interface WriteContext {
  /** Every format this build makes. */
  formats: readonly Format[];
  templates: Templates;
  paper: Paper;
  printLayout: PrintLayout;
  /** The one Chromium of the build, started on first use. */
  browser: () => Promise<Browser>;
  /** Work two writers share (the HTML page, which the browser layout prints), done once. */
  shared: <T>(key: string, make: () => Promise<T>) => Promise<T>;
  onStep: StepTimer;
}

/** A file in the out folder, or a folder of files that replaces the old one whole. */
export type Output = { file: string; data: string | Uint8Array } | { folder: string; files: Map<string, string | Uint8Array> };

export interface Written {
  outputs: Output[];
  warnings: Warning[];
  /** What the stage line says: a size, a count. */
  summary: string;
}

export interface Writer {
  format: Format;
  /** Warnings known before anything is written (how the PDF will be laid out), so that every format carries them. */
  plan?(dossier: Dossier, context: Pick<WriteContext, 'printLayout'>): Warning[];
  /** Work to do before the other writers start, because something waits on it (Chromium, for the PDF's document). */
  prepare?(dossier: Dossier, context: WriteContext): Promise<void>;
  /** Set for a writer that lists the other writers' warnings: it runs after them. */
  reportsWarnings?: boolean;
  write(dossier: Dossier, context: WriteContext): Promise<Written>;
}

export function kilobytes(data: string | Uint8Array): string {
  return `${Math.round((typeof data === 'string' ? Buffer.byteLength(data) : data.length) / 1024)} KB`;
}
