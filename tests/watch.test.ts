// `--watch`: a rebuild after an edit reads only the file that changed, makes
// only the formats asked for, and a broken input does not end the session.
import { cp, readFile, readdir, writeFile, appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/build.js';
import { watchBuild, type WatchSession } from '../src/watch.js';
import { ROOT, tempDir } from './helpers.js';

interface Built {
  result?: BuildResult;
  error?: unknown;
  stats?: { read: number; reused: number; normalised: number };
  changed: string[];
}

/** A watch session whose builds arrive, one by one, through `nextBuild()`. */
async function session(input: string, out: string, formats: ('html' | 'md' | 'json')[]) {
  const builds: Built[] = [];
  let waiting: ((built: Built) => void) | undefined;
  const arrive = (built: Built) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(built);
    } else builds.push(built);
  };
  const watching = await watchBuild(
    { input, out, formats },
    {
      built: (result, _ms, stats, changed) => arrive({ result, stats: { ...stats }, changed }),
      failed: (error, changed) => arrive({ error, changed }),
    },
  );
  const nextBuild = () =>
    new Promise<Built>((resolve, reject) => {
      const ready = builds.shift();
      if (ready) return resolve(ready);
      waiting = resolve;
      setTimeout(() => reject(new Error('no rebuild within 20 s')), 20_000).unref();
    });
  return { watching, nextBuild };
}

describe('watch', () => {
  let watching: WatchSession | undefined;
  afterEach(async () => {
    await watching?.close();
    watching = undefined;
  });

  it('rebuilds after an edit, reading only the article that changed', async () => {
    const input = await tempDir('dossier-watch-in-');
    const out = await tempDir('dossier-watch-out-');
    await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
    const started = await session(input, out, ['html']);
    watching = started.watching;
    const first = await started.nextBuild();
    expect(first.result?.written).toEqual(['dossier.html']);
    expect(first.stats).toMatchObject({ read: 3, reused: 0 });

    const [file] = (await readdir(input)).filter((name) => name.endsWith('.txt')).sort();
    await appendFile(path.join(input, file!), '\nThe Zanzibar quokka society declined to comment on Tuesday.\n');
    const second = await started.nextBuild();
    expect(second.error).toBeUndefined();
    expect(second.changed.some((changed) => changed.endsWith(file!))).toBe(true);
    expect(second.stats).toMatchObject({ read: 1, reused: 2, normalised: 1 });
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toContain('Zanzibar quokka society');
    // Only the format asked for.
    expect(await readdir(out)).toEqual(['dossier.html']);
  }, 60_000);

  it('reports a build that fails and builds again once the input is fixed', async () => {
    const input = await tempDir('dossier-watch-in-');
    const out = await tempDir('dossier-watch-out-');
    await writeFile(path.join(input, 'one.txt'), 'Council approves budget\n\nThe council approved its budget on Monday after a long debate.\n');
    const started = await session(input, out, ['md', 'json']);
    watching = started.watching;
    expect((await started.nextBuild()).result?.dossier.articles).toHaveLength(1);

    await rm(path.join(input, 'one.txt'));
    const failed = await started.nextBuild();
    expect(String(failed.error)).toMatch(/no article files/);
    // The last good dossier stays where it was.
    expect(JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')).articles).toHaveLength(1);

    await writeFile(path.join(input, 'two.txt'), 'Mayor opens bridge\n\nThe mayor opened the new bridge on Friday.\n');
    const fixed = await started.nextBuild();
    expect(fixed.result?.dossier.articles.map((article) => article.title)).toEqual(['Mayor opens bridge']);
  }, 60_000);
});
