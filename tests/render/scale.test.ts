// Writers on an article of 50,000 headings (100,000 blocks side by side),
// built in memory: the EPUB's library walked such a body in time quadratic
// in its width. No bound on the time, which is noise on a busy machine: linear
// work takes seconds, and quadratic work would run past the test's timeout.
import { computeBriefing } from '../../src/enrich/briefing.js';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../src/enrich/index.js';
import type { Dossier } from '../../src/model.js';
import { articleBodyHtml } from '../../src/render/view/article-html.js';
import { renderEpub } from '../../src/render/epub/book.js';
import { renderHtml } from '../../src/render/html/page.js';
import { Templates } from '../../src/render/view/templates.js';

const HEADINGS = 50_000;

function wideDossier(): Dossier {
  const children: RootContent[] = [];
  for (let index = 0; index < HEADINGS; index++) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Update' }] });
    children.push({ type: 'paragraph', children: [{ type: 'text', value: `More "text" here, number ${index}.` }] });
  }
  const body: Root = { type: 'root', children };
  const enrichment = enrich([{ id: 'article-1-wide', file: 'wide.md', format: 'markdown', title: 'Wide', titleDerived: false, relatedLinks: [], body, words: 4 * HEADINGS }]);
  return { title: 'Pack', language: 'en', description: 'd', ...enrichment, briefing: computeBriefing(enrichment) };
}

describe('writers at scale', () => {
  const dossier = wideDossier();
  const templates = new Templates();

  it('groups a very wide body for the EPUB, and leaves a normal one as it is', () => {
    const html = articleBodyHtml(dossier.articles[0]!.content, { headlineLevel: 1, idPrefix: 'article-1-wide', format: 'epub' });
    const parts = html.match(/<div class="body-part">/g) ?? [];
    expect(parts.length).toBeGreaterThan(100);
    expect(parts.length).toBeLessThan(1_000);
    const normal: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'One.' }] }] };
    expect(articleBodyHtml(normal, { headlineLevel: 1, idPrefix: 'a', format: 'epub' })).toBe('<p>One.</p>');
  });

  it('turns a long body into the same HTML slice by slice as whole', () => {
    const blocks: RootContent[] = [];
    for (let index = 0; index < 3_000; index++) {
      blocks.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: `Part ${index}` }] });
      blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'He said "yes" -- ' }, { type: 'emphasis', children: [{ type: 'text', value: 'twice' }] }] });
      blocks.push({ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'an item' }] }] }] });
    }
    const sliced = enrich([{ id: 'a-long', file: 'long.md', format: 'markdown', title: 'Long', titleDerived: false, relatedLinks: [], body: { type: 'root', children: blocks }, words: 1 }]);
    // A definition (which prints nothing) makes the body one that is converted whole.
    const definition: RootContent = { type: 'definition', identifier: 'x', label: 'x', url: 'https://example.com/', title: null };
    const whole = enrich([{ id: 'a-long', file: 'long.md', format: 'markdown', title: 'Long', titleDerived: false, relatedLinks: [], body: { type: 'root', children: [...blocks, definition] }, words: 1 }]);
    for (const format of ['html', 'print'] as const) {
      const options = { headlineLevel: 2, idPrefix: 'a-long', format };
      expect(articleBodyHtml(sliced.articles[0]!.content, options)).toBe(articleBodyHtml(whole.articles[0]!.content, options));
    }
  });

  it('writes the EPUB of an article of 50,000 headings, each listed in the contents', async () => {
    const book = await renderEpub(dossier, templates);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(book);
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    expect(nav.match(/article-1-wide-h\d+/g)?.length).toBeGreaterThanOrEqual(HEADINGS);
  });

  it('writes the HTML page of an article of 50,000 headings', async () => {
    const page = await renderHtml(dossier, templates);
    expect(page).toContain(`id="article-1-wide-h${HEADINGS}"`);
  });
});
