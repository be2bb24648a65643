// Timing processes from spawn to exit: our builds (through the runner) and the
// tools we compare them with.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildFigures, BuildRequest, BuildRun } from './figures.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNNER_SOURCE = path.join(ROOT, 'scripts', 'bench', 'run-build.ts');
const RUNNER_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'dossier-bench');
let bundled: Promise<string> | undefined;

/**
 * The runner bundled as scripts/setup.sh bundles the command for `npm run
 * build`: our builds are timed as users run them, not through tsx.
 */
function bundleRunner(): Promise<string> {
  bundled ??= (async () => {
    await rm(RUNNER_BUNDLE, { recursive: true, force: true });
    const esbuild = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
    const flags = ['--bundle', '--splitting', '--platform=node', '--format=esm', '--target=node20', '--packages=external', `--outdir=${RUNNER_BUNDLE}`, '--log-level=warning'];
    const result = await timeProcess(esbuild, [RUNNER_SOURCE, ...flags]);
    if (result.code !== 0) throw new Error(`esbuild could not bundle the bench runner:\n${tail(result.stderr)}`);
    return path.join(RUNNER_BUNDLE, 'run-build.js');
  })();
  return bundled;
}

export interface TimedProcess {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command and times it from spawn to exit. */
export function timeProcess(command: string, args: readonly string[], options: { cwd?: string } = {}): Promise<TimedProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let ms = 0;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('exit', () => {
      ms = performance.now() - started;
    });
    // 'close' comes after 'exit', once the output is all read.
    child.on('close', (code, signal) => {
      resolve({ ms, code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** The last lines of a tool's output, for an error message. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** One build in a fresh Node process (see run-build.ts). */
export async function runBuild(label: string, request: BuildRequest): Promise<BuildRun> {
  const result = await timeProcess(process.execPath, [await bundleRunner(), JSON.stringify(request)]);
  const line = result.stdout.trimEnd().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !line.startsWith('{')) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
    throw new Error(`the build of ${label} ${how}:\n${tail(result.stderr || result.stdout)}`);
  }
  const figures = JSON.parse(line) as BuildFigures;
  return { label, formats: request.formats, wallMs: result.ms, ...figures };
}
