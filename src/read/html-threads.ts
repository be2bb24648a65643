// Saved pages are read in threads of their own, as many at once as there are
// cores and the memory budget allows: the DOM and Readability take most
// of a saved page's reading time, and one page cannot use a second core. A
// thread is started when there is a page for it and stops keeping the
// process alive when it has none. A page too big for a thread's heap is read
// again on the main thread, which has Node's whole heap.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ReadArticle, Warning } from '../model.js';
import { startWorker } from '../threads.js';
import type { PictureData } from './pictures.js';

export interface PageRequest {
  id: number;
  html: string;
  file: string;
  root: string;
  embedded?: Record<string, PictureData>;
}

export type PageReply = { id: number; warnings: Warning[] } & ({ article: ReadArticle } | { noArticle: string } | { failure: string });

/** What all reading threads together may hold, and what one may: a DOM of a large saved page and the reader itself fit in a thread's share. */
const MEMORY_BUDGET_MB = 384;
const THREAD_HEAP_MB = 192;

/**
 * How many reading threads: `DOSSIER_READ_THREADS` when set (0 reads on the
 * main thread), else the cores other work leaves idle, within the memory
 * budget. Each thread loads the reader and warms it up on its own: on
 * cores that are already busy, threads only add that (the bench's 36 saved
 * pages read no faster in two threads than on one), and the pages are read
 * on the main thread. The result is the same either way.
 */
export function readingThreads(): number {
  const stated = process.env.DOSSIER_READ_THREADS;
  if (stated !== undefined && /^\d+$/.test(stated.trim())) return Number(stated);
  const idle = Math.floor(os.availableParallelism() - os.loadavg()[0]!);
  const threads = Math.min(idle, Math.floor(MEMORY_BUDGET_MB / THREAD_HEAP_MB));
  return threads >= 2 ? threads : 0;
}

interface Thread {
  worker: Worker;
  busy: boolean;
}

interface Job {
  request: PageRequest;
  settle: (reply: PageReply | undefined) => void;
}

const threads: Thread[] = [];
const queue: Job[] = [];
const running = new Map<number, { thread: Thread; job: Job }>();
let requests = 0;

/**
 * Reads the page in a thread. Undefined when no thread could read it (it ran
 * out of the thread's memory, or the thread stopped): the caller reads it itself.
 */
export function readInThread(html: string, file: string, root: string, embedded?: Record<string, PictureData>): Promise<PageReply | undefined> {
  return new Promise((settle) => {
    queue.push({ request: { id: ++requests, html, file, root, ...(embedded ? { embedded } : {}) }, settle });
    dispatch();
  });
}

function dispatch(): void {
  while (queue.length > 0) {
    let thread = threads.find((candidate) => !candidate.busy);
    if (!thread && threads.length < readingThreads()) thread = start();
    if (!thread) return;
    const job = queue.shift()!;
    thread.busy = true;
    thread.worker.ref();
    running.set(job.request.id, { thread, job });
    thread.worker.postMessage(job.request);
  }
}

function start(): Thread {
  const worker = startWorker(import.meta.url, 'html-worker', { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
  const thread: Thread = { worker, busy: false };
  worker.on('message', (reply: PageReply) => {
    const entry = running.get(reply.id);
    running.delete(reply.id);
    thread.busy = false;
    if (queue.length === 0) worker.unref();
    entry?.job.settle(reply);
    dispatch();
  });
  const stop = () => {
    const index = threads.indexOf(thread);
    if (index === -1) return;
    threads.splice(index, 1);
    for (const [id, entry] of running) {
      if (entry.thread !== thread) continue;
      running.delete(id);
      entry.job.settle(undefined);
    }
    dispatch();
  };
  worker.on('error', stop);
  worker.on('exit', stop);
  threads.push(thread);
  return thread;
}
