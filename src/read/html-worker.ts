// A thread that reads saved pages (html-threads.ts starts it): the DOM and
// Readability run here, one page at a time, and each page's DOM is let go
// before the next comes, so the thread's memory is one page's.
import { parentPort } from 'node:worker_threads';
import type { Warning } from '../model.js';
import { NoArticleError, readHtmlHere } from './html.js';
import type { PageReply, PageRequest } from './html-threads.js';

parentPort!.on('message', async ({ id, html, file, root, embedded }: PageRequest) => {
  const warnings: Warning[] = [];
  let reply: PageReply;
  try {
    reply = { id, warnings, article: await readHtmlHere(html, file, warnings, root, embedded) };
  } catch (error) {
    reply = error instanceof NoArticleError ? { id, warnings, noArticle: error.message } : { id, warnings, failure: String(error) };
  }
  parentPort!.postMessage(reply);
});
