// Which Chromium the PDF uses. PUPPETEER_EXECUTABLE_PATH wins; then the
// project's `.puppeteerrc.cjs` (a system Chromium), found from this module's
// own location: Puppeteer looks for that file in the working directory only,
// so the command run from another folder would miss it; then Puppeteer's own
// download.
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer';
import { projectFile } from '../project-files.js';

export interface ChromiumChoice {
  path: string | undefined;
  /** Where the path came from, for messages. */
  source: 'PUPPETEER_EXECUTABLE_PATH' | '.puppeteerrc.cjs' | "Puppeteer's download";
}

export function chosenChromium(): ChromiumChoice {
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnvironment) return { path: fromEnvironment, source: 'PUPPETEER_EXECUTABLE_PATH' };
  const settings = projectSettings();
  if (settings?.executablePath) return { path: settings.executablePath, source: '.puppeteerrc.cjs' };
  let downloaded: string | undefined;
  try {
    downloaded = puppeteer.executablePath() || undefined;
  } catch {
    // Puppeteer knows of no download either.
  }
  return { path: downloaded, source: "Puppeteer's download" };
}

/** The `.puppeteerrc.cjs` in the nearest folder above this module (src/render/ or the bundle's folder). */
function projectSettings(): { executablePath?: string } | undefined {
  const file = projectFile(import.meta.url, '.puppeteerrc.cjs');
  return file ? (createRequire(import.meta.url)(file) as { executablePath?: string }) : undefined;
}
