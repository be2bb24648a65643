// Timing processes from spawn to exit: our builds (through the runner) and the
// tools we compare them with.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildFigures, BuildRequest, BuildRun, JsdomReadFigures, WatchFigures } from './figures.js';
import { watchProcessMemory, type ProcessPeak } from './process-memory.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TimedProcess {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The process's and each of its children's peak resident memory, highest first. */
  processPeaks: ProcessPeak[];
}

const BENCH_RUNNERS = ['run-build.ts', 'watch-rebuild.ts', 'read-jsdom.ts'].map((name) => path.join(ROOT, 'scripts', 'bench', name));
const RUNNER_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'dossier-bench');
let bundled: Promise<string> | undefined;

/**
 * The runners bundled as scripts/setup.sh bundles the command for `npm run
 * build`: our builds are timed as users run them, not through tsx.
 */
function bundleRunners(): Promise<string> {
  bundled ??= (async () => {
    const result = await timeProcess('bash', [path.join(ROOT, 'scripts', 'bundle.sh'), RUNNER_BUNDLE, ...BENCH_RUNNERS]);
    if (result.code !== 0) throw new Error(`esbuild could not bundle the bench runners:\n${tail(result.stderr)}`);
    return RUNNER_BUNDLE;
  })();
  return bundled;
}

/**
 * Empties the folder where the bundled runner keeps finished cover pictures
 * (src/render/epub/cover-cache.ts), so that the next build draws its cover cold.
 */
export async function forgetKeptCovers(): Promise<void> {
  await rm(path.join(await bundleRunners(), 'covers'), { recursive: true, force: true });
}

/** Runs a bundled runner with a JSON request; its last line of output is its JSON answer. */
async function runRunner<T>(runner: string, label: string, request: object): Promise<T> {
  const result = await timeProcess(process.execPath, [path.join(await bundleRunners(), runner), JSON.stringify(request)]);
  const line = result.stdout.trimEnd().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !line.startsWith('{')) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
    throw new Error(`${label} ${how}:\n${tail(result.stderr || result.stdout)}`);
  }
  return { ...(JSON.parse(line) as T), wallMs: result.ms, processPeaks: result.processPeaks };
}

/** One watch session on a copy of the seeds: HTML rebuilds after edits (see watch-rebuild.ts). */
export async function runWatchSession(request: { input: string; out: string; edits: number }): Promise<WatchFigures> {
  return runRunner<WatchFigures>('watch-rebuild.js', 'the watch session', request);
}

/** The saved pages under `input` read by jsdom and Readability, as the reader read them before linkedom (see read-jsdom.ts). */
export async function runJsdomRead(input: string): Promise<JsdomReadFigures> {
  return runRunner<JsdomReadFigures>('read-jsdom.js', 'reading with jsdom', { input });
}

/** Runs a command and times it from spawn to exit. */
export function timeProcess(command: string, args: readonly string[], options: { cwd?: string } = {}): Promise<TimedProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = child.pid === undefined ? undefined : watchProcessMemory(child.pid);
    let processPeaks: ProcessPeak[] = [];
    let ms = 0;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('exit', () => {
      ms = performance.now() - started;
      processPeaks = memory?.stop() ?? [];
    });
    // 'close' comes after 'exit', once the output is all read.
    child.on('close', (code, signal) => {
      resolve({ ms, code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), processPeaks });
    });
  });
}

/** The last lines of a tool's output, for an error message. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** One build in a fresh Node process (see run-build.ts). */
export async function runBuild(label: string, request: BuildRequest): Promise<BuildRun> {
  const figures = await runRunner<BuildFigures & { wallMs: number; processPeaks: ProcessPeak[] }>('run-build.js', `the build of ${label}`, request);
  return { label, formats: request.formats, ...figures };
}
