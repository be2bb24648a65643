// The HTML page passes axe-core's checks (WCAG 2.1 A and AA, and best
// practice), in the light theme and the dark one, on a wide screen and a phone.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../src/render/browser.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);
let out: string;
let browser: Browser;

beforeAll(async () => {
  out = await tempDir();
  const result = await runCli(['--input', path.join(ROOT, 'seeds'), '--out', out, '--formats', 'html']);
  expect(result.code, result.stderr).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(scheme: 'light' | 'dark', width: number): Promise<Violation[]> {
  const page = await browser.newPage();
  try {
    // axe is injected as a script, which the page's own policy rightly forbids.
    await page.setBypassCSP(true);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(path.join(out, 'dossier.html')).href);
    await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
    )) as { violations: Violation[]; passes: unknown[] };
    // axe really looked: dozens of rules pass on a page like this.
    expect(result.passes.length).toBeGreaterThan(20);
    return result.violations;
  } finally {
    await page.close();
  }
}

const summary = (found: Violation[]) => found.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);

describe('the HTML page’s accessibility', () => {
  for (const [scheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
  ] as const) {
    it(`has no axe-core violations in the ${scheme} theme at ${width} px`, async () => {
      expect(summary(await violations(scheme, width))).toEqual([]);
    });
  }
});
