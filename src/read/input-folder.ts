// The input folder, read safely. Nothing outside it is ever read: every path
// (articles, pictures, the settings file, folders walked) is resolved with
// realpath and refused when it lands outside the folder's own real path.
// Only regular files are read: a FIFO would block the build forever and a
// folder would crash it. Each real folder is walked once, so a link loop ends.
import { constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file of the input folder that cannot be read; the message says why, for "skipped: …". */
export class InputFileError extends Error {}

export class InputFolder {
  private constructor(
    /** The folder as the user named it. */
    readonly root: string,
    /** Its real path: links resolved. */
    readonly real: string,
  ) {}

  static async open(root: string): Promise<InputFolder> {
    return new InputFolder(root, await realpath(root));
  }

  static openSync(root: string): InputFolder {
    return new InputFolder(root, realpathSync(root));
  }

  /** Whether a real path is the folder or lies inside it. */
  contains(real: string): boolean {
    return real === this.real || real.startsWith(this.real.endsWith(path.sep) ? this.real : this.real + path.sep);
  }

  /**
   * The real path of a regular file inside the folder, given by its path
   * relative to the folder; throws an InputFileError saying why not.
   */
  async regularFile(relative: string): Promise<string> {
    let real: string;
    try {
      real = await realpath(path.join(this.root, relative));
    } catch (error) {
      throw unresolvable(path.join(this.root, relative), error);
    }
    return this.checked(real, await stat(real));
  }

  /** As `regularFile`, for the readers that run synchronously (pictures in markdown). */
  regularFileSync(relative: string): string {
    let real: string;
    try {
      real = realpathSync(path.join(this.root, relative));
    } catch (error) {
      throw unresolvable(path.join(this.root, relative), error);
    }
    return this.checked(real, statSync(real));
  }

  private checked(real: string, info: Stats): string {
    if (!this.contains(real)) throw new InputFileError(`it leads to ${real}, outside the input folder, and nothing outside the input folder is read`);
    if (!info.isFile()) throw new InputFileError(`it is ${kindOf(info)}, not a regular file`);
    return real;
  }

  /** The bytes of a regular file inside the folder; throws an InputFileError saying why it cannot be read. */
  async read(relative: string): Promise<Buffer> {
    const real = await this.regularFile(relative);
    // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it still cannot hang.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new InputFileError(`it is ${kindOf(info)}, not a regular file`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /**
   * Every regular file under the folder, as paths relative to it with `/`
   * separators, and a reason for each entry that was passed over. Hidden
   * entries and `node_modules` are left out silently, and so are the
   * folders in `exclude` (the out folder: it holds the last build, not
   * articles). A link is followed only when it stays inside the folder.
   */
  async walk(exclude: readonly string[] = []): Promise<{ files: string[]; skipped: { file: string; reason: string }[] }> {
    const files: string[] = [];
    const skipped: { file: string; reason: string }[] = [];
    const excluded = new Set(exclude);
    const visited = new Set<string>([this.real]);
    const visit = async (realDir: string, relativeDir: string): Promise<void> => {
      const entries = await readdir(realDir, { withFileTypes: true });
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        const full = path.join(realDir, entry.name);
        if (entry.isFile()) {
          files.push(relative);
          continue;
        }
        let real = full;
        let info: Stats;
        try {
          if (entry.isSymbolicLink()) {
            real = await realpath(full);
            if (!this.contains(real)) {
              skipped.push({ file: relative, reason: `it is a link to ${real}, outside the input folder, and nothing outside the input folder is read` });
              continue;
            }
          }
          info = entry.isSymbolicLink() ? await stat(real) : lstatSync(full);
        } catch (error) {
          const reason = unresolvable(full, error);
          const code = (reason as NodeJS.ErrnoException).code;
          skipped.push({ file: relative, reason: reason instanceof InputFileError ? reason.message : `it could not be read (${code ?? reason.message})` });
          continue;
        }
        if (info.isDirectory()) {
          if (excluded.has(real) || visited.has(real)) continue;
          visited.add(real);
          await visit(real, relative);
        } else if (info.isFile()) {
          files.push(relative);
        } else {
          skipped.push({ file: relative, reason: `it is ${kindOf(info)}, not a regular file` });
        }
      }
    };
    await visit(this.real, '');
    return { files, skipped };
  }
}

/** A real path for a folder that may not exist yet (the out folder before the first build). */
export async function realPathOrResolved(dir: string): Promise<string> {
  return realpath(dir).catch(() => path.resolve(dir));
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}

/**
 * Why a path could not be resolved: an InputFileError for a link loop or a
 * broken link; any other error (a name that vanished, a permission) as it
 * came, for the reader to explain with its code.
 */
function unresolvable(full: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return new InputFileError('it is a link that leads round in a loop');
  if (code === 'ENOENT' && isLink(full)) return new InputFileError('it is a link to a file that does not exist');
  return error instanceof Error ? error : new Error(String(error));
}

function isLink(full: string): boolean {
  try {
    return lstatSync(full).isSymbolicLink();
  } catch {
    return false;
  }
}
