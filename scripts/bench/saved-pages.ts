// A deterministic folder of saved web pages, for timing the HTML reader
// without copying anyone's pages: the generated articles (generate.ts) wrapped
// in what a browser's "Save page" keeps around a news article: scripts and
// styles inline, a navigation bar, furniture lines, a sidebar of most-read
// links and a long footer. Every fourth page carries one of the shapes that
// real pages made slow: many sibling tables (a results service), thousands of
// links (an archive listing), or deep layout wrappers.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateArticles, Random } from './generate.js';

const SECTIONS = ['News', 'Politics', 'Business', 'Sport', 'Culture', 'Science', 'Opinion', 'Travel', 'Weather', 'Video'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function links(random: Random, count: number, prefix: string): string {
  return Array.from({ length: count }, (_, n) => `<li><a href="/${prefix}/${n}">${random.pick(SECTIONS)} story number ${n}</a></li>`).join('');
}

/** The kind of slow shape a page carries, by its place in the folder. */
export type PageShape = 'plain' | 'tables' | 'links' | 'wrappers';

function shapeOf(index: number): PageShape {
  return (['plain', 'tables', 'plain', 'links', 'plain', 'wrappers'] as const)[index % 6]!;
}

function extra(random: Random, shape: PageShape): string {
  if (shape === 'tables') {
    // About 40 KB of sibling tables beside the article.
    return `<div class="results">${Array.from(
      { length: 120 },
      (_, n) => `<table><tr><th>Team ${n}</th><th>P</th><th>Pts</th></tr><tr><td>${random.pick(SECTIONS)} United</td><td>${random.int(1, 38)}</td><td>${random.int(0, 90)}</td></tr></table>`,
    ).join('')}</div>`;
  }
  if (shape === 'links') return `<div class="archive"><ul>${links(random, 3500, 'archive')}</ul></div>`;
  if (shape === 'wrappers') return `${'<div class="wrap">'.repeat(40)}<p>Sponsored content</p>${'</div>'.repeat(40)}`;
  return '';
}

export function savedPage(random: Random, text: string, shape: PageShape): string {
  const [headline = '', ...rest] = text.trim().split('\n\n');
  const paragraphs = rest.join('\n\n').split(/\n+/).filter((line) => line.trim());
  const body = paragraphs.map((paragraph, n) => {
    const furniture = n === 2 ? '<p>Advertisement</p><p>Continue reading the main story</p>' : n === 4 ? '<p><strong>Read more:</strong></p>' : '';
    return `${furniture}<p>${escapeHtml(paragraph)}</p>`;
  });
  const script = `<script>window.dataLayer=[${Array.from({ length: 400 }, (_, n) => `{"k${n}":"${'x'.repeat(40)}"}`).join(',')}];</script>`;
  const style = `<style>${Array.from({ length: 300 }, (_, n) => `.c${n}{margin:${n}px;color:#${(n * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>`;
  const day = String(random.int(1, 28)).padStart(2, '0');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2005-03-${day}T09:30:00Z">
${style}${script}</head>
<body><header><nav><ul>${links(random, 150, 'section')}</ul></nav></header>
<main><article><h1>${escapeHtml(headline)}</h1>
<p class="byline">By ${random.pick(['Ann Reporter', 'Sam Writer', 'Jo Correspondent'])}</p>
<figure><img src="https://images.example/${random.int(1, 9999)}.jpg" alt="A picture for the story"><figcaption>A picture for the story</figcaption></figure>
${body.join('\n')}
<p>SIGN UP FOR OUR NEWSLETTER</p>
</article>
<aside><h2>Most read</h2><ol>${links(random, 20, 'most-read')}</ol></aside>
${extra(random, shape)}
</main><footer><ul>${links(random, 200, 'footer')}</ul><p>© The Daily Example</p></footer>${script}</body></html>
`;
}

/** Writes `count` saved pages under `dir`; returns their relative paths. */
export async function writeSavedPages(dir: string, count: number, seed = 2016): Promise<string[]> {
  const random = new Random(seed);
  const files: string[] = [];
  for (const [index, article] of generateArticles(count, seed).entries()) {
    const file = article.file.replace(/\.txt$/, '.html');
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), savedPage(random, article.text, shapeOf(index)));
    files.push(file);
  }
  return files;
}
