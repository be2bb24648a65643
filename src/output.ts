// Writing results. Every file is written beside its destination and renamed
// into place, so a failed or interrupted build never leaves a half-written
// file where a good one was.
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  mayStart(file);
  await mkdir(path.dirname(file), { recursive: true });
  mayStart(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  pending.add(temporary);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** Replaces a whole folder of files at once: old files from earlier builds do not linger. */
export async function writeFolderAtomic(dir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const parent = path.dirname(dir);
  const staging = path.join(parent, `.${path.basename(dir)}.${process.pid}.tmp`);
  const retired = path.join(parent, `.${path.basename(dir)}.${process.pid}.old`);
  mayStart(dir);
  await rm(staging, { recursive: true, force: true });
  mayStart(dir);
  pending.add(staging);
  try {
    await mkdir(staging, { recursive: true });
    await Promise.all([...files].map(([name, data]) => writeFile(path.join(staging, name), data)));
    await rename(dir, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    pending.delete(staging);
  }
  await rm(retired, { recursive: true, force: true });
}
