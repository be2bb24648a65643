// The HTML page from an in-memory dossier: each structure the normaliser
// found has its own element, and body headings sit under the headline.
import { computeBriefing } from '../../src/enrich/briefing.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../src/enrich/index.js';
import type { Article, Dossier } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/page.js';
import { Templates } from '../../src/render/view/templates.js';
import { articleFrom, FIXTURES, inputFile } from '../helpers.js';

async function page(...cases: string[]): Promise<string> {
  const articles: Article[] = [];
  for (const [index, name] of cases.entries()) {
    const dir = path.join(FIXTURES, 'normalise', name);
    const { article } = await articleFrom(dir, inputFile(dir));
    articles.push({ ...article, id: `0${index + 1}-${name}` });
  }
  const enrichment = { ...enrich(articles), warnings: [{ file: 'bad.txt', message: 'skipped: <it> is bad.' }] };
  const dossier: Dossier = {
    title: 'Test <dossier> & "quotes"',
    language: 'en-GB',
    description: 'A test.',
    ...enrichment,
    briefing: computeBriefing(enrichment),
  };
  return renderHtml(dossier, new Templates());
}

describe('the HTML page', () => {
  it('escapes the dossier title and warnings', async () => {
    const html = await page('byline');
    expect(html).toContain('<title>Test &lt;dossier&gt; &amp; “quotes”</title>');
    expect(html).toContain('<h1>Test &lt;dossier&gt; &amp; “quotes”</h1>');
    expect(html).toContain('skipped: &lt;it&gt; is bad.');
  });

  it('gives the dateline, byline and updated time their own elements', async () => {
    const html = await page('seed-001', 'byline');
    expect(html).toContain('<time datetime="2012-03-21T11:27:00Z">21 March 2012, 11:27 GMT</time><span class="updated"> (updated 12:20 GMT)</span>');
    expect(html).toContain('<span class="byline">By Priya Natarajan, Transport Correspondent</span>');
  });

  it('marks a derived headline, a caption and a cutting without provenance', async () => {
    const html = await page('seed-000', 'seed-002');
    expect(html).toMatch(/<h2 class="headline headline-derived" id="01-seed-000-headline">Ken Livingstone believes/);
    expect(html).toContain('<p class="derived-note">The cutting has no headline; this one is made from its first sentence.</p>');
    expect(html).toContain('<p class="deck deck-caption"><span class="deck-label">Picture caption: </span>One of these men');
    expect(html).toContain('Source and date not given in the cutting');
    expect(html).toMatch(/<aside class="related-links"[^>]*>[\s\S]*<li>Ken Livingstone’s Rich Jews Letter: Full Text<\/li>/);
  });

  it('says under the headline that a feed item is only its summary, and escapes what the feed wrote', async () => {
    const html = await page('feed-summary-only');
    expect(html).toMatch(/id="01-feed-summary-only-headline">Footbridge at Ashby Mill to close for nine weeks<\/h2>\s*<p class="derived-note summary-note">Only a summary: the feed carried these lines, not the whole article.<\/p>/);
    expect(html).toContain('<span class="source">Ashby &amp; District News</span>');
    expect(await page('seed-001')).not.toContain('summary-note');
  });

  it('renders block quotations and anchors every paragraph', async () => {
    const html = await page('block-quotes');
    expect(html).toMatch(/<blockquote>\s*<p id="01-block-quotes-p2">“Every child deserves a hot lunch/);
    expect(html).toContain('id="01-block-quotes-p1"');
  });

  it('puts body headings under the article headline', async () => {
    const html = await page('markdown-front-matter');
    expect(html).toMatch(/<h3 id="01-markdown-front-matter-h1">What the deal includes<\/h3>/);
    expect(html).toContain('<strong>7% pay rise</strong>');
    expect(html).toContain('<a href="https://example.org/statement">');
  });
});
