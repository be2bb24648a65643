// Shared by the tests: fixture folders, and running readers and normalisation
// on one file the way a build does.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeBriefing } from '../src/enrich/briefing.js';
import type { Article, Dossier, EnrichedArticle, Warning } from '../src/model.js';
import { normalise, type NormaliseOptions } from '../src/normalise/index.js';
import { readArticle } from '../src/read/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

/** The case folders under `tests/fixtures/<stage>`. */
export function fixtureCases(stage: string): { name: string; dir: string }[] {
  const dir = path.join(FIXTURES, stage);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: path.join(dir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The `input.*` file of a case folder. */
export function inputFile(dir: string): string {
  const name = readdirSync(dir).find((file) => file.startsWith('input.'));
  if (!name) throw new Error(`no input.* in ${dir}`);
  return name;
}

/**
 * Compares `actual` with the case's expected file. `UPDATE_FIXTURES=1`
 * rewrites expected files instead: review the diff before committing.
 */
export function expectedFile(dir: string, name: string, actual: string): string {
  const file = path.join(dir, name);
  if (process.env.UPDATE_FIXTURES || !existsSync(file)) {
    if (!process.env.UPDATE_FIXTURES) throw new Error(`missing ${file}; run with UPDATE_FIXTURES=1 and review it`);
    writeFileSync(file, actual);
  }
  return readFileSync(file, 'utf8');
}

/** Reads and normalises one file as the build does, with the id the build would give the first article. */
export async function articleFrom(
  dir: string,
  file: string,
  options: NormaliseOptions = {},
): Promise<{ article: Article; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const read = await readArticle(dir, file, warnings);
  if (!read) throw new Error(`${file} was skipped: ${warnings.map((w) => w.message).join('; ')}`);
  const article = { id: '01-fixture', ...normalise(read.articles[0]!, warnings, options) };
  return { article, warnings };
}

/** Runs a command (the CLI, EPUBCheck, poppler, qpdf) and returns its exit code and output. */
export async function runTool(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  /** Killed after this long, so that a hang fails the test instead of stalling the suite. */
  timeoutMs = 0,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error?.killed) {
        resolve({ code: -1, stdout, stderr: `${stderr}\n(killed: still running after ${timeoutMs} ms)` });
        return;
      }
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The bundled command `npm run build` runs, made from src/ by the tests' global
 * set-up: the tests run what users run, and each run starts in a third of the
 * CPU time tsx takes to compile the sources.
 */
export const CLI = path.join(ROOT, 'node_modules', '.cache', 'dossier', 'cli.js');

/** Runs the dossier command as a user would (`npm run build -- …` without the set-up). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 0) {
  return runTool(process.execPath, [CLI, ...args], env, timeoutMs);
}

/**
 * EPUBCheck 4.2.6 on `epub`, its JSON report written to `report`. The JVM
 * compiles with its quick compiler only: a check is over before the slow one
 * pays off, and it halves the CPU time each check takes.
 */
export function epubCheck(epub: string, report: string, args: string[] = []) {
  return runTool('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', '/usr/share/java/epubcheck.jar', epub, ...args, '--json', report]);
}

/** A fresh temporary folder. */
export async function tempDir(prefix = 'dossier-test-'): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const os = await import('node:os');
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A dossier of one article, made in memory, for testing one writer on its own. */
export function memoryDossier(fields: Partial<Dossier> = {}, article: Partial<EnrichedArticle> = {}): Dossier {
  const dossier: Omit<Dossier, 'briefing'> = {
    title: 'Pack',
    language: 'en',
    description: 'd',
    warnings: [],
    people: [],
    organisations: [],
    chronology: [],
    sharedPassages: [],
    articles: [
      {
        id: '01-a',
        file: 'a.txt',
        format: 'text',
        title: 'A',
        titleDerived: false,
        relatedLinks: [],
        words: 1,
        body: { type: 'root', children: [] },
        content: { type: 'root', children: [] },
        linkedMentions: [],
        mentionAnchors: {},
        ...article,
      },
    ],
    ...fields,
  };
  return { ...dossier, briefing: fields.briefing ?? computeBriefing(dossier) };
}
