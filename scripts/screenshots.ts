// `npm run screenshots`: pictures of the default dossier for the README.
// Run `npm run build` first; reads out/, writes docs/.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/render/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'out');
const docs = path.join(root, 'docs');
await mkdir(docs, { recursive: true });

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, width, height] of [
    ['html-wide.png', 1280, 860],
    ['html-phone.png', 390, 780],
  ] as const) {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(out, 'dossier.html')).href);
    await page.screenshot({ path: path.join(docs, name) });
  }
} finally {
  await browser.close();
}
// The title page and the first article, as printed.
execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', path.join(out, 'dossier.pdf'), path.join(docs, 'pdf-page')]);
console.log(`screenshots written to ${path.relative(process.cwd(), docs)}/`);
