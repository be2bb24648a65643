// The writer of each format, loaded only when a build asks for that format,
// so that `--formats html,json` never loads the EPUB or PDF code.
import type { Templates } from './view/templates.js';
import type { Format, Writer } from './writer.js';

export interface WriterEntry {
  /** Whether it prints with Chromium, which the build then starts at once. */
  needsBrowser: boolean;
  load: () => Promise<Writer>;
  /** Starts, at the very start of a build, what the writer will need and takes long to load. */
  warmUp?: (templates: Templates) => void;
}

export const WRITERS: Record<Format, WriterEntry> = {
  html: { needsBrowser: false, load: async () => (await import('./html/index.js')).htmlWriter },
  pdf: { needsBrowser: true, load: async () => (await import('./pdf/index.js')).pdfWriter },
  epub: {
    needsBrowser: false,
    load: async () => (await import('./epub/index.js')).epubWriter,
    // The cover's drawing thread loads satori and the fonts while the articles are read and enriched.
    warmUp: (templates) => void import('./epub/cover.js').then(({ prepareCover }) => prepareCover(templates), () => undefined),
  },
  md: { needsBrowser: false, load: async () => (await import('./markdown/index.js')).markdownWriter },
  json: { needsBrowser: false, load: async () => (await import('./json/index.js')).jsonWriter },
};
