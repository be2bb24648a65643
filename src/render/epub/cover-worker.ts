// The thread the cover picture is drawn in (cover-thread.ts starts it): the
// fonts, satori and resvg load here while the main thread loads the pipeline
// and reads and enriches the articles, and the picture is drawn while it
// writes the book's chapters.
import { parentPort } from 'node:worker_threads';
import { drawCover, pageComing, warmUp, type CoverRequest } from './cover-draw.js';

// One warm-up after another, and a page after them all. Whatever failed fails again, with its message, when a page comes.
let warming = warmUp().catch(() => {});

parentPort!.on('message', async ({ id, request, css, cache }: { id?: number; request?: CoverRequest; css?: string; cache?: string }) => {
  // The template's stylesheet, before its page.
  if (!request) return void (warming = warming.then(() => warmUp(css, cache)).catch(() => {}));
  pageComing();
  await warming;
  try {
    parentPort!.postMessage({ id, picture: await drawCover(request) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
