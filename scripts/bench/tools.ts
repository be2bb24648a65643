// The tools we measure ourselves against: pandoc, and Chromium printing a page
// with nothing of ours in the way.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, tail, timeProcess, type TimedProcess } from './measure.js';

/**
 * The Chromium the build uses: PUPPETEER_EXECUTABLE_PATH, else the one
 * `.puppeteerrc.cjs` picks, else Puppeteer's own download, else Debian's.
 */
export async function findChromium(): Promise<string | undefined> {
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  const require = createRequire(import.meta.url);
  const settings = require(path.join(ROOT, '.puppeteerrc.cjs')) as { executablePath?: string };
  if (settings.executablePath && existsSync(settings.executablePath)) return settings.executablePath;
  const downloaded = await import('puppeteer').then((puppeteer) => puppeteer.default.executablePath()).catch(() => undefined);
  if (downloaded && existsSync(downloaded)) return downloaded;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The first line a tool prints for `--version` that names it; undefined when it does not run. */
export async function toolVersion(command: string, pattern: RegExp): Promise<string | undefined> {
  const result = await timeProcess(command, ['--version']).catch(() => undefined);
  if (!result || result.code !== 0) return undefined;
  // Debian's chromium wrapper script can print shell noise on stderr first; stdout has the version.
  return result.stdout.split('\n').find((line) => pattern.test(line))?.trim();
}

/**
 * Chromium started, made to print `htmlFile` to `pdfFile`, and gone: the
 * floor for anything that prints through Chromium. A fresh profile each
 * time, as Puppeteer gives the build.
 */
export async function chromiumPrint(chromium: string, htmlFile: string, pdfFile: string): Promise<TimedProcess> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-profile-'));
  try {
    const args = [
      '--headless',
      // Chromium refuses to start its sandbox as root, as in src/render/browser.ts.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-pdf-header-footer',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    await rm(pdfFile, { force: true });
    const result = await timeProcess(chromium, args);
    const size = (await stat(pdfFile).catch(() => undefined))?.size ?? 0;
    if (result.code !== 0 || size === 0) throw new Error(`Chromium did not print ${htmlFile} (exit ${result.code}):\n${tail(result.stderr)}`);
    return result;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** pandoc converting `markdownFile` to `outFile`, timed; throws when it fails. */
export async function pandoc(markdownFile: string, outFile: string, extraArgs: readonly string[]): Promise<TimedProcess> {
  const result = await timeProcess('pandoc', ['-f', 'markdown', ...extraArgs, '--toc', '--metadata', 'title=Bench', '-o', outFile, markdownFile]);
  if (result.code !== 0) throw new Error(`pandoc could not make ${path.basename(outFile)} (exit ${result.code}):\n${tail(result.stderr)}`);
  return result;
}
