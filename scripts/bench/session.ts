// What every part of a bench run shares: progress lines on stderr, and the
// problems met on the way (the bench carries on with what it can still
// measure and exits 1 at the end).
import { mkdir, rm } from 'node:fs/promises';
import type { BuildRequest, BuildRun } from './figures.js';
import { runBuild } from './measure.js';
import { formatMs, MIB } from './report.js';

/** A progress line on stderr; the report goes to stdout. */
export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

const megabytes = (bytes: number) => `${Math.round(bytes / MIB)} MiB`;

/** Problems met on the way, for the report and the exit code. */
export const problems: string[] = [];

/** Runs `run`; a failure becomes a problem and undefined. */
export async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push(`${what}: ${message}`);
    log(`${what} failed: ${message}`);
    return undefined;
  }
}

/** A build, with a line on progress; failed formats count as problems. */
export async function build(label: string, request: BuildRequest): Promise<BuildRun | undefined> {
  log(`${label}: building ${request.formats.join(',')}…`);
  const run = await attempt(label, () => runBuild(label, request));
  if (!run) return undefined;
  log(`${label}: ${run.articles} articles in ${formatMs(run.wallMs)}, peak ${megabytes(run.peakRssBytes)}`);
  for (const failure of run.failed) problems.push(`${label}: ${failure.format} failed: ${failure.message}`);
  return run;
}

/** An empty folder at `dir`. */
export async function freshDir(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}
