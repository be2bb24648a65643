// Saved pages read in reading threads give exactly what the main thread
// gives: the same tree, metadata and warnings, and the same "no article".
// And the page the DOM is given has lost only what no reader of it uses.
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Warning } from '../../src/model.js';
import { preparePage } from '../../src/read/html-depth.js';
import { readArticle } from '../../src/read/index.js';
import { FIXTURES, tempDir } from '../helpers.js';

const PAGES = readdirSync(path.join(FIXTURES, 'normalise'))
  .filter((name) => name.startsWith('saved-page-') || name === 'html-page')
  .map((name) => path.join(FIXTURES, 'normalise', name));

async function readAll(threads: string, dirs: string[]) {
  process.env.DOSSIER_READ_THREADS = threads;
  return Promise.all(
    dirs.map(async (dir) => {
      const warnings: Warning[] = [];
      const read = await readArticle(dir, 'input.html', warnings);
      return { article: read?.articles[0], warnings };
    }),
  );
}

describe('reading saved pages in threads', () => {
  afterEach(() => {
    delete process.env.DOSSIER_READ_THREADS;
  });

  it('gives what the main thread gives, page for page', async () => {
    const inThreads = await readAll('2', PAGES);
    const here = await readAll('0', PAGES);
    expect(inThreads.every((result) => result.article)).toBe(true);
    expect(inThreads).toEqual(here);
  }, 120_000);

  it('reports a page with no article the same way', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'input.html'), '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>');
    const [inThread] = await readAll('2', [dir]);
    const [here] = await readAll('0', [dir]);
    expect(inThread!.article).toBeUndefined();
    expect(inThread!.warnings).toEqual(here!.warnings);
    expect(inThread!.warnings[0]!.message).toMatch(/no article text was found/);
  }, 60_000);
});

describe('the page the DOM is given', () => {
  it('keeps JSON-LD metadata and the text, and loses scripts, styles, templates, SVG and comments', () => {
    const { html } = preparePage(
      '<html><head><style>p{color:red}</style><script>track()</script><script type="application/ld+json">{"datePublished":"2020-01-02"}</script></head>' +
        '<body><!-- ad slot --><template><p>later</p></template><svg><text>icon</text></svg><p>The council met.</p><noscript><img src="a.jpg"></noscript></body></html>',
    );
    expect(html).toContain('application/ld+json');
    expect(html).toContain('2020-01-02');
    expect(html).toContain('<p>The council met.</p>');
    expect(html).toContain('<noscript>');
    for (const gone of ['color:red', 'track()', 'ad slot', 'later', 'icon']) expect(html).not.toContain(gone);
  });
});
