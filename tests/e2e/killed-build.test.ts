// A build that is killed takes its Chromium with it, whenever it is killed,
// and leaves the dossier.pdf of the build before it as it was. The build's
// Chromium processes are told apart from any other Chromium by their profile
// folder, which the build makes in its TMPDIR, given here a folder of the test's own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTool, tempDir } from '../helpers.js';

const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'dossier', 'cli.js');

/** The command lines of running processes that mention `marker`. */
function processesMentioning(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // It ended while we looked.
    }
    if (commandLine.includes(marker)) found.push(`${pid}: ${commandLine.slice(0, 160)}`);
  }
  return found;
}

/** Polls until `test` holds; false if it never did within the bound (a bound against hanging, not a timing check). */
async function eventually(test: () => boolean, boundMs = 20_000): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < boundMs; await new Promise((resolve) => setTimeout(resolve, 25))) {
    if (test()) return true;
  }
  return test();
}

interface Build {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<void>;
}

function startBuild(out: string, tmp: string): Build {
  const child = spawn(process.execPath, [BUNDLE, '--input', path.join(ROOT, 'seeds'), '--out', out, '--formats', 'pdf'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, stderr: () => stderr, exited };
}

let root: string;
let out: string;
let tmp: string;

beforeAll(async () => {
  const bundled = await runTool('bash', [path.join(ROOT, 'scripts', 'bundle.sh')]);
  expect(bundled.code, bundled.stderr).toBe(0);
  root = await tempDir('dossier-killed-');
  out = path.join(root, 'out');
  tmp = path.join(root, 'tmp');
  await runTool('mkdir', ['-p', tmp]);
  // The good dossier.pdf every killed build must leave alone.
  const build = startBuild(out, tmp);
  await build.exited;
  expect(build.child.exitCode, build.stderr()).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a build stopped while it makes the PDF', () => {
  it('leaves no Chromium and no profile behind when it ends normally', () => {
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  const started = (marker: string) => processesMentioning(marker).length > 0;
  const moments: { name: string; reached: (build: Build, marker: string) => boolean; signal: NodeJS.Signals }[] = [
    // setpriv or Chromium itself has just been started.
    { name: 'as Chromium starts', reached: (_build, marker) => started(marker), signal: 'SIGKILL' },
    // A renderer exists: Chromium is up and Puppeteer has opened a tab.
    { name: 'once Chromium runs a page', reached: (_build, marker) => processesMentioning(marker).some((line) => line.includes('--type=renderer')), signal: 'SIGKILL' },
    // Enriching is the last stage before the PDF: Paged.js lays out, then Chromium prints.
    { name: 'while it lays out and prints', reached: (build) => /dossier: enrich/.test(build.stderr()), signal: 'SIGKILL' },
    { name: 'while it lays out and prints', reached: (build) => /dossier: enrich/.test(build.stderr()), signal: 'SIGTERM' },
    { name: 'as Chromium starts', reached: (_build, marker) => started(marker), signal: 'SIGINT' },
  ];

  moments.forEach((moment, n) => {
    it(`takes every Chromium process with it when stopped ${moment.name} (${moment.signal})`, async () => {
      // A TMPDIR of this run's own: its Chromium processes, and only they, name it.
      const marker = path.join(tmp, `run-${n}`);
      await runTool('mkdir', ['-p', marker]);
      const build = startBuild(out, marker);
      expect(await eventually(() => moment.reached(build, marker) || build.child.exitCode !== null), build.stderr()).toBe(true);
      expect(build.child.exitCode, `the build ended before the moment: ${build.stderr()}`).toBeNull();
      build.child.kill(moment.signal);
      await build.exited;
      // Chromium's processes are gone within a few seconds (the bound is generous, against hanging).
      await eventually(() => processesMentioning(marker).length === 0, 10_000);
      expect(processesMentioning(marker)).toEqual([]);
      const pdf = await runTool('pdfinfo', [path.join(out, 'dossier.pdf')]);
      expect(pdf.code, pdf.stderr).toBe(0);
      expect(pdf.stdout).toMatch(/^Pages:\s+11$/m);
    });
  });
});
