// `npm run bench` is a script, not a timed test: here it only has to run on a
// small generated corpus and report what it measured. No figure is judged.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTool, tempDir } from '../helpers.js';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const BENCH = path.join(ROOT, 'scripts', 'bench.ts');

interface BenchFigures {
  corpus: { source: string; distinctArticles: number };
  scaling: {
    builds: {
      label: string;
      articles: number;
      wallMs: number;
      buildMs: number;
      peakRssBytes: number;
      processPeaks: { name: string; peakBytes: number }[];
      stages: { name: string; ms: number }[];
      failed: unknown[];
    }[];
    rows: { label: string; values: (number | null)[] }[];
  };
  targets: { target: string; result: string }[];
  savedPages: { pages: number } | null;
  coldEpub: { ratio?: number } | null;
  problems: string[];
}

describe('npm run bench on 10 generated articles', () => {
  let result: Awaited<ReturnType<typeof runTool>>;
  let figures: BenchFigures;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('dossier-bench-test-');
    const json = path.join(dir, 'figures', 'bench.json');
    result = await runTool(TSX, [BENCH, '--sizes', '10', '--no-pdf', '--no-seeds', '--saved-pages', '2', '--json', json]);
    expect(result.code, result.stderr).toBe(0);
    figures = JSON.parse(await readFile(json, 'utf8')) as BenchFigures;
  }, 90_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints a table that names the stages', () => {
    for (const stage of ['articles built', 'read', 'normalise', 'enrich', 'render html', 'render epub', 'total (wall)', 'peak RSS (MiB)']) {
      expect(result.stdout).toMatch(new RegExp(`^ *${stage.replace(/[()]/g, '\\$&')}  `, 'm'));
    }
    expect(result.stdout).toMatch(/^Targets$/m);
  });

  it('writes the figures for size 10 as JSON', () => {
    expect(figures.corpus).toMatchObject({ source: 'generated', distinctArticles: 10 });
    const build = figures.scaling.builds.find((entry) => entry.label === '10');
    expect(build).toBeDefined();
    expect(build!.articles).toBe(10);
    expect(build!.failed).toEqual([]);
    expect(build!.wallMs).toBeGreaterThan(0);
    expect(build!.buildMs).toBeGreaterThan(0);
    expect(build!.wallMs).toBeGreaterThan(build!.buildMs);
    expect(build!.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    // Read from /proc by the parent while the build ran: the build's own Node process among them.
    expect(build!.processPeaks.find((peak) => /node/.test(peak.name))?.peakBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(build!.stages.map((stage) => stage.name)).toEqual(expect.arrayContaining(['read', 'normalise', 'enrich', 'render html']));
    expect(figures.scaling.rows.find((row) => row.label === 'total (wall)')?.values).toEqual([build!.wallMs]);
    expect(figures.targets).toHaveLength(12);
    expect(figures.targets.filter((target) => /PDF/.test(target.target)).map((target) => target.result)).toEqual(['SKIP', 'SKIP', 'SKIP', 'SKIP', 'SKIP']);
    // Saved pages, read on one thread, in threads and by jsdom and Readability: all measured (no figure judged).
    expect(figures.savedPages).toMatchObject({
      pages: 2,
      oneThread: { readMs: expect.any(Number) },
      threads: { readMs: expect.any(Number) },
      jsdom: { readMs: expect.any(Number), peakRssBytes: expect.any(Number) },
      ratioToJsdom: expect.any(Number),
    });
    // --no-seeds: no watch session either.
    expect(figures.targets.find((target: { target: string }) => /--watch/.test(target.target))).toMatchObject({ result: 'SKIP', note: '--no-seeds' });
    // Nor the cold EPUB of the seeds.
    expect(figures.coldEpub).toBeNull();
    expect(figures.problems).toEqual([]);
  });

  it('rejects a size that is not a number, with its usage', async () => {
    const wrong = await runTool(TSX, [BENCH, '--sizes', '10,ten']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--sizes: "ten" is not a number of articles/);
    expect(wrong.stderr).toMatch(/Usage: npm run bench/);
  });
});
