// The thread the cover picture is drawn in (cover-worker.ts): one per
// process, kept for the next build of a watch session, and never what keeps
// the process running when nothing is asked of it. This module loads nothing
// heavy, so that the command can start the thread first thing, as it starts
// Chromium for a PDF: the thread's start-up, satori, resvg and the fonts then
// load while Node loads the pipeline and reads and enriches the articles.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../threads.js';
import type { CoverPicture, CoverRequest } from './cover-draw.js';

type Reply = { picture: CoverPicture; error?: undefined } | { error: string; picture?: undefined };

let thread: { worker: Worker; pending: Map<number, (reply: Reply) => void> } | undefined;
let requests = 0;

/** Starts the drawing thread, once per process. */
export function startCoverThread(): void {
  if (thread) return;
  const worker = startWorker(import.meta.url, 'cover-worker');
  worker.unref();
  const pending = new Map<number, (reply: Reply) => void>();
  const fail = (message: string) => {
    if (thread?.worker === worker) thread = undefined;
    for (const settle of pending.values()) settle({ error: message });
    pending.clear();
  };
  worker.on('message', ({ id, ...reply }: Reply & { id: number }) => {
    pending.get(id)?.(reply);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => fail(`the cover's drawing thread failed: ${error.message}`));
  worker.on('exit', (code) => fail(`the cover's drawing thread stopped (exit code ${code})`));
  thread = { worker, pending };
}

/** The cover template's stylesheet, ahead of its page, and where finished pictures are kept: the thread reads and parses the fonts it names. */
export function sendCoverStylesheet(css: string, cache: string | undefined): void {
  startCoverThread();
  thread!.worker.postMessage({ css, ...(cache === undefined ? {} : { cache }) });
}

export async function drawInThread(request: CoverRequest): Promise<CoverPicture> {
  startCoverThread();
  const { worker, pending } = thread!;
  const id = ++requests;
  const reply = await new Promise<Reply>((resolve) => {
    pending.set(id, resolve);
    // While a picture is being drawn, the process waits for it.
    worker.ref();
    worker.postMessage({ id, request });
  });
  if (reply.error !== undefined) throw new Error(reply.error);
  return { png: new Uint8Array(reply.picture.png), missing: reply.picture.missing };
}
