// Writing results. Every output is first written beside its destination
// under a temporary name; when all the formats are made, one synchronous
// commit renames them into place, guarded by a journal. So a build that
// fails, is interrupted or is killed never leaves a half-written file where
// a good one was, a folder (markdown/) is never missing from its name, and
// the next build finishes or undoes whatever a killed one left half done.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning as isProcessRunning } from './processes.js';

/** Temporary files and folders being written now: removed if the build is interrupted. */
const pending = new Set<string>();

/** Set once the build is interrupted: no new file is started after that. */
let stopping = false;

/**
 * On Ctrl-C or a kill, take away what was half written, then stop. A write
 * already handed to the system (creating a folder, opening a file) can still
 * land after the first clean-up, so it looks once more a moment later.
 */
export function removePartialOutputsOnSignal(): void {
  const removePartials = () => {
    for (const partial of pending) rmSync(partial, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopping = true;
      removePartials();
      setTimeout(() => {
        removePartials();
        process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
      }, 100);
    });
  }
}

function mayStart(target: string): void {
  if (stopping) throw new Error(`not written: the build was interrupted before ${path.basename(target)}.`);
}

/** `.NAME.PID.tmp` (being written) and `.NAME.PID.old` (an earlier version on its way out). */
const TEMPORARY = /^\.(.+)\.(\d+)\.(tmp|old)$/;
const JOURNAL = /^\.dossier-commit\.(\d+)\.json$/;
const temporaryName = (name: string, kind: 'tmp' | 'old', pid = process.pid) => `.${name}.${pid}.${kind}`;

interface JournalEntry {
  /** The output's name in the out folder: `dossier.html`, `markdown`. */
  name: string;
  folder: boolean;
}

/** The outputs of one build, written under temporary names until `commit` puts them all in place. */
export class StagedOutputs {
  private readonly staged = new Map<string, JournalEntry>();

  constructor(private readonly out: string) {}

  /** Writes a file to be put in place at the commit. */
  async file(name: string, data: string | Uint8Array): Promise<void> {
    await this.stage(name, false, (temporary) => writeFile(temporary, data));
  }

  /** Writes a whole folder of files: at the commit it replaces the old folder, so old files do not linger. */
  async folder(name: string, files: Map<string, string | Uint8Array>): Promise<void> {
    await this.stage(name, true, async (temporary) => {
      await mkdir(temporary);
      await Promise.all([...files].map(([file, data]) => writeFile(path.join(temporary, file), data)));
    });
  }

  private async stage(name: string, folder: boolean, write: (temporary: string) => Promise<void>): Promise<void> {
    const target = path.join(this.out, name);
    const temporary = path.join(this.out, temporaryName(name, 'tmp'));
    mayStart(target);
    try {
      await mkdir(this.out, { recursive: true });
      await rm(temporary, { recursive: true, force: true });
      mayStart(target);
      pending.add(temporary);
      await write(temporary);
    } catch (error) {
      pending.delete(temporary);
      await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
      throw writeError(error, target);
    }
    this.staged.set(name, { name, folder });
  }

  /**
   * Puts every staged output in place. Synchronous, so nothing else in the
   * build runs in between; the journal, written first, lets the next build
   * finish the renames should this process be killed half-way.
   */
  commit(): string[] {
    const entries = [...this.staged.values()];
    if (entries.length === 0) return [];
    const journal = path.join(this.out, `.dossier-commit.${process.pid}.json`);
    try {
      writeFileSync(`${journal}.tmp`, JSON.stringify(entries));
      renameSync(`${journal}.tmp`, journal);
    } catch (error) {
      rmSync(`${journal}.tmp`, { force: true });
      throw writeError(error, journal);
    }
    finishCommit(this.out, entries, process.pid);
    for (const { name } of entries) pending.delete(path.join(this.out, temporaryName(name, 'tmp')));
    this.staged.clear();
    return entries.map(({ name }) => name);
  }

  /** Removes what was staged and not committed (a build that failed before its commit). */
  discard(): void {
    for (const { name } of this.staged.values()) {
      const temporary = path.join(this.out, temporaryName(name, 'tmp'));
      rmSync(temporary, { recursive: true, force: true });
      pending.delete(temporary);
    }
    this.staged.clear();
  }
}

/** The renames of one commit, from its journal: each one done only if it is still to do, so it can be run again. */
function finishCommit(out: string, entries: JournalEntry[], pid: number): void {
  for (const { name, folder } of entries) {
    const target = path.join(out, name);
    const temporary = path.join(out, temporaryName(name, 'tmp', pid));
    const old = path.join(out, temporaryName(name, 'old', pid));
    if (!existsSync(temporary)) continue; // already in place
    // A folder cannot be renamed over another: the old one steps aside first,
    // and the two renames follow each other with nothing in between.
    if (folder && existsSync(target) && !existsSync(old)) renameSync(target, old);
    renameSync(temporary, target);
  }
  for (const { name } of entries) rmSync(path.join(out, temporaryName(name, 'old', pid)), { recursive: true, force: true });
  rmSync(path.join(out, `.dossier-commit.${pid}.json`), { force: true });
}

/**
 * Before a build writes anything: finishes the commit of a build that was
 * killed during one, puts back an old folder that a killed build had moved
 * aside, and removes the temporary files of builds that are no longer
 * running. Files of a build still running (another process) are left alone.
 */
export function recoverOutFolder(out: string, outputNames: readonly string[]): void {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return; // no out folder yet
  }
  for (const name of names) {
    const match = JOURNAL.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    let entries: JournalEntry[];
    try {
      entries = JSON.parse(readFileSync(path.join(out, name), 'utf8')) as JournalEntry[];
    } catch {
      // A journal cut short was never acted on: its build's temporaries are removed below.
      rmSync(path.join(out, name), { force: true });
      continue;
    }
    finishCommit(out, entries.filter((entry) => outputNames.includes(entry.name)), Number(match[1]));
  }
  for (const name of readdirSync(out)) {
    const match = TEMPORARY.exec(name);
    if (!match || !outputNames.includes(match[1]!) || isRunning(Number(match[2]))) continue;
    const target = path.join(out, match[1]!);
    if (match[3] === 'old' && !existsSync(target)) renameSync(path.join(out, name), target);
    else rmSync(path.join(out, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(out)) {
    if (/^\.dossier-commit\.\d+\.json\.tmp$/.test(name) && !isRunning(Number(name.split('.')[2]))) rmSync(path.join(out, name), { force: true });
  }
}

/** This build's own leftovers are from an earlier round of the same watch session, which has finished. */
function isRunning(pid: number): boolean {
  return pid !== process.pid && isProcessRunning(pid);
}

/** A write error that says which file, what went wrong and what to do. */
function writeError(error: unknown, target: string): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const code = (error as NodeJS.ErrnoException).code;
  const where = path.dirname(target);
  const advice: Record<string, string> = {
    EACCES: `${where} cannot be written to (permission denied): check its permissions, or choose another --out`,
    EPERM: `${where} cannot be written to (operation not permitted): check its permissions, or choose another --out`,
    EROFS: `${where} is on a read-only file system: choose another --out`,
    ENOSPC: `the disk holding ${where} is full: free some space, or choose another --out`,
    EDQUOT: `the disk quota for ${where} is used up: free some space, or choose another --out`,
    ENAMETOOLONG: `a file name in ${where} is too long for the file system`,
    ENOTDIR: `part of the path ${where} is a file, not a folder: choose another --out`,
  };
  const said = code ? advice[code] : undefined;
  return said ? new Error(`${path.basename(target)} was not written: ${said} (${code}).`) : error;
}
