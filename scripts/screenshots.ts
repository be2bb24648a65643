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
  for (const [name, width, height, anchor] of [
    ['html-wide.png', 1280, 860, ''],
    ['html-phone.png', 390, 780, ''],
    ['html-people.png', 1280, 860, '#people'],
    ['html-notes.png', 1280, 860, '#article-01-ken-livingstone-believes-jewish-people-will-p6'],
  ] as const) {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(path.join(out, 'dossier.html')).href + anchor);
    await page.screenshot({ path: path.join(docs, name) });
  }
  // Scrolled to rather than linked to: a linked section is highlighted as the target.
  await page.setViewport({ width: 1280, height: 860, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(path.join(out, 'dossier.html')).href);
  await page.evaluate(() => document.getElementById('briefing')?.scrollIntoView());
  await page.screenshot({ path: path.join(docs, 'html-briefing.png') });
} finally {
  await browser.close();
}
// The cover, the briefing, the contents, the first article with its notes, the people and the chronology, as printed.
const pdf = path.join(out, 'dossier.pdf');
const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
const picture = (page: number, name: string) =>
  execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.join(docs, name)]);
const pageOf = (test: (text: string) => boolean) => pages.findIndex(test) + 1;
picture(1, 'pdf-cover');
picture(pageOf((text) => /^\s*Briefing\s*$/m.test(text) && text.includes('PEOPLE AT THE CENTRE')), 'pdf-briefing');
picture(pageOf((text) => /^\s*CONTENTS\s*$/m.test(text)), 'pdf-contents');
picture(pageOf((text) => /ARTICLE 1\b/.test(text)), 'pdf-article');
picture(pageOf((text) => /^\s*People involved\s*$/m.test(text) && /Pages \d/.test(text)), 'pdf-people');
const chronology = pageOf((text) => /^\s*Chronology\s*$/m.test(text) && text.includes('WHAT THE ARTICLES SAY'));
if (chronology > 0) picture(chronology, 'pdf-chronology');
console.log(`screenshots written to ${path.relative(process.cwd(), docs)}/`);
