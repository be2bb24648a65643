// The thread the cover picture is drawn in (cover.ts starts it): the fonts
// (and satori and resvg, when a core is free) load here while the main thread
// reads and enriches the articles, and the picture is drawn while it writes
// the book's chapters.
import { parentPort } from 'node:worker_threads';
import { drawCover, warmUp, type CoverRequest } from './cover-draw.js';

const ready = warmUp().catch(() => {
  // Whatever failed fails again, with its message, when a page comes.
});

parentPort!.on('message', async ({ id, request, css }: { id?: number; request?: CoverRequest; css?: string }) => {
  await ready;
  // The template's stylesheet, before its page: a page like it is drawn meanwhile.
  if (!request) return void warmUp(css).catch(() => {});
  try {
    parentPort!.postMessage({ id, picture: await drawCover(request) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
