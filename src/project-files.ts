// The project's own files (templates/, .puppeteerrc.cjs), found upwards from
// the module that asks: from src/, or from the bundle `npm run build` runs,
// whatever the working directory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `relative` in the nearest folder above `moduleUrl` that has it, or undefined. */
export function projectFile(moduleUrl: string, relative: string): string | undefined {
  for (let dir = path.dirname(fileURLToPath(moduleUrl)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
