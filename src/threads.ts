// Starting a worker thread from its module, the same way from the bundle and
// from the sources: the bundle (scripts/bundle.sh) puts each worker beside
// the chunks that start it as `NAME.js`; from the sources (tests, tsx) the
// thread registers tsx first and compiles `NAME.ts`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker `name` that sits beside the module at `moduleUrl` (its `import.meta.url`). */
export function startWorker(moduleUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const source = moduleUrl.endsWith('.ts');
  const url = new URL(`./${name}.${source ? 'ts' : 'js'}`, moduleUrl);
  return source
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, {
        ...options,
        eval: true,
      })
    : new Worker(url, options);
}

/** tsx's module for registering itself in a thread, as `import` finds it (vitest's module runner has no `import.meta.resolve`). */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}
