// One watch session, in a process of its own: the seeds built to HTML, then
// one article edited several times, timing each edit from the save to the
// rewritten page:
//   node node_modules/.cache/dossier-bench/watch-rebuild.js '{"input":…,"out":…,"edits":3}'
// Prints one JSON line (a WatchFigures) to stdout.
import '../../src/regexp-tiering.js';
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { WatchFigures } from './figures.js';

const request = JSON.parse(process.argv[2] ?? '{}') as { input: string; out: string; edits: number };
const { watchBuild } = await import('../../src/watch.js');

let arrived: ((value: { ms: number; read: number; reused: number }) => void) | undefined;
const session = await watchBuild(
  { input: request.input, out: request.out, formats: ['html'] },
  {
    built: (_result, ms, stats) => arrived?.({ ms, read: stats.read, reused: stats.reused }),
    failed: (error) => {
      throw error;
    },
  },
);
const [article] = (await readdir(request.input)).filter((name) => /\.(txt|md|html?)$/.test(name)).sort();
const rebuilds: WatchFigures['rebuilds'] = [];
for (let edit = 1; edit <= request.edits; edit++) {
  const built = new Promise<{ ms: number; read: number; reused: number }>((resolve) => (arrived = resolve));
  const saved = performance.now();
  await appendFile(path.join(request.input, article!), `\nEdit ${edit}: the council will meet again next week.\n`);
  const result = await built;
  rebuilds.push({ saveToPageMs: performance.now() - saved, buildMs: result.ms, read: result.read, reused: result.reused });
}
await session.close();
process.stdout.write(`${JSON.stringify({ rebuilds } satisfies WatchFigures)}\n`);
