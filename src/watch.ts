// `--watch`: build, then build again whenever an article, the settings or a
// template changes. Unchanged articles are not read again (incremental.ts),
// only the formats asked for are made, and one Chromium serves every
// rebuild that makes a PDF.
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { ArticleCache } from './incremental.js';
import { browserSession } from './render/browser-session.js';
import { DEFAULT_TEMPLATES } from './render/view/templates.js';

export interface WatchEvents {
  /** A build finished; `changed` are the paths that started it (none for the first). */
  built(result: BuildResult, milliseconds: number, stats: ArticleCache['stats'], changed: string[]): void;
  /** A build failed; watching goes on. */
  failed(error: unknown, changed: string[]): void;
}

export interface WatchSession {
  /** The folders watched. */
  folders: string[];
  /** Resolves when the build in progress (if any) and any queued one are done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** How long to wait after a change for the rest of a save (editors write in several steps). */
const SETTLE_MS = 40;

export async function watchBuild(options: BuildOptions, events: WatchEvents): Promise<WatchSession> {
  const cache = new ArticleCache();
  // One Chromium serves every rebuild.
  const browser = browserSession();

  let running: Promise<void> | undefined;
  let pending: string[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  const run = (changed: string[]): Promise<void> => {
    cache.reset();
    const start = performance.now();
    return build({ ...options, cache, browser })
      .then((result) => events.built(result, performance.now() - start, cache.stats, changed))
      .catch((error: unknown) => events.failed(error, changed));
  };
  const next = (): void => {
    if (running || !pending) return;
    const changed = pending;
    pending = undefined;
    running = run(changed).finally(() => {
      running = undefined;
      next();
    });
  };

  await run([]);

  const out = path.resolve(options.out);
  const folders = [path.resolve(options.input), ...(options.templates ? [path.resolve(options.templates)] : []), path.resolve(DEFAULT_TEMPLATES)];
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(folders)) {
    watchers.push(
      watchFolder(folder, { recursive: true }, (_event, name) => {
        const changed = path.join(folder, name ? String(name) : '');
        // The dossier's own output, when it is written inside the input folder, is not a change to build from.
        if (changed === out || changed.startsWith(out + path.sep)) return;
        (pending ??= []).includes(changed) || pending.push(changed);
        clearTimeout(timer);
        scheduled = true;
        timer = setTimeout(() => {
          scheduled = false;
          next();
        }, SETTLE_MS);
      }),
    );
  }

  return {
    folders: [...new Set(folders)],
    async settled() {
      while (scheduled || running) await (running ?? new Promise((resolve) => setTimeout(resolve, SETTLE_MS)));
    },
    async close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      await browser.close();
    },
  };
}
