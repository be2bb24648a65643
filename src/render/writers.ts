// The writer of each format, loaded only when a build asks for that format,
// so that `--formats html,json` never loads the EPUB or PDF code.
import type { Format, Writer } from './writer.js';

export const WRITERS: Record<Format, { needsBrowser: boolean; load: () => Promise<Writer> }> = {
  html: { needsBrowser: false, load: async () => (await import('./html/index.js')).htmlWriter },
  pdf: { needsBrowser: true, load: async () => (await import('./pdf/index.js')).pdfWriter },
  epub: { needsBrowser: false, load: async () => (await import('./epub/index.js')).epubWriter },
  md: { needsBrowser: false, load: async () => (await import('./markdown/index.js')).markdownWriter },
  json: { needsBrowser: false, load: async () => (await import('./json/index.js')).jsonWriter },
};
