// The print document cut into the parts Paged.js lays out one by one
// (src/render/pdf/print-parts.ts): cuts only where a page starts, and in an
// article too long for one part, before its top headings; every block in one
// part and in order, each wrapper's id where it opens first.
import { describe, expect, it } from 'vitest';
import { partDocument, printParts, printUnits } from '../../src/render/pdf/print-parts.js';

const HEAD = '<!DOCTYPE html><html><head><style>.article { break-before: page; }</style></head>';
const SECTION = 'Words of the section go on here, and on. ';

/** An article of `sections` sections of two subsections each, each subsection a paragraph of `letters` letters or so. */
function article(id: string, sections: number, letters: number): string {
  const blocks: string[] = [];
  for (let section = 1; section <= sections; section++) {
    blocks.push(`<h3 id="${id}-s${section}">Section ${section}</h3>`);
    for (const sub of [1, 2]) blocks.push(`<h4>Subsection ${section}.${sub}</h4>`, `<p id="${id}-p${section}-${sub}">${SECTION.repeat(Math.ceil(letters / 34))}</p>`);
  }
  return `<article class="article" id="${id}" data-section="Title of ${id}"><header class="article-header"><h2>Title of ${id}</h2></header><div class="article-body">${blocks.join('\n')}</div><aside class="related-links">After ${id}</aside></article>`;
}

function document(articles: string): string {
  return `${HEAD}<body class="print"><section class="cover">Cover</section><main id="articles">${articles}</main><section class="about" id="about" data-section="About">About</section></body></html>`;
}

/** The blocks of each part's body, by their first words, in order. */
function blocksOf(html: string): string[] {
  return [...html.matchAll(/<(h[2-4]|p|aside)\b[^>]*>([^<]{0,20})/g)].map((match) => `${match[1]} ${match[2]!.trim()}`);
}

describe('print parts', () => {
  it('keeps an article of ordinary length one unit', () => {
    const units = printUnits(document(article('a1', 2, 200) + article('a2', 2, 200)), 10_000)!;
    expect(units.units.map((unit) => unit.html.slice(0, 30))).toEqual([
      '<section class="cover">Cover</',
      '<article class="article" id="a',
      '<article class="article" id="a',
      '<section class="about" id="abo',
    ]);
    expect(units.units.every((unit) => !unit.cut)).toBe(true);
  });

  it('cuts an article over twice a part long before its top headings, never before a subheading, and only once a part is full', () => {
    const html = document(article('short', 1, 100) + article('long', 12, 2_000));
    const units = printUnits(html, 10_000)!;
    const starts = units.units.map((unit) => unit.html.startsWith('<section') || unit.html.startsWith('<article') || unit.html.startsWith('<header'));
    const parts = printParts(units, starts, 10_000)!;
    // Each part after the first that starts inside the long article starts at one of its sections.
    const firsts = parts.map((part) => part.units[0]!.html.slice(0, 40));
    expect(firsts.filter((first) => first.startsWith('<h3'))).toHaveLength(parts.length - 2);
    expect(firsts.some((first) => first.startsWith('<h4') || first.startsWith('<p'))).toBe(false);
    // Sections of about 4,000 letters in parts of 10,000 or more: three sections a part.
    for (const part of parts.slice(1, -1)) expect(part.units.reduce((letters, unit) => letters + unit.letters, 0)).toBeGreaterThanOrEqual(10_000);
    // Every block of the document, once each and in order, over the parts.
    const whole = blocksOf(html);
    const joined = parts.flatMap((part) => blocksOf(partDocument(units, part, '')));
    expect(joined).toEqual(whole);
  });

  it('opens the rest of an article in a later part without its id, saying whose rest it is', () => {
    const units = printUnits(document(article('long', 12, 2_000)), 10_000)!;
    const starts = units.units.map((_, index) => index < 2);
    const parts = printParts(units, starts, 10_000)!;
    const second = partDocument(units, parts[1]!, '');
    expect(second).toContain('<main data-continues="articles"><article class="article" data-continues="long" data-section="Title of long"><div class="article-body"><h3');
    expect(second).not.toContain('id="long"');
    expect(second).not.toContain('id="articles"');
    // The first part holds the cover, the article's header and its id.
    const first = partDocument(units, parts[0]!, '');
    expect(first).toContain('<section class="cover">Cover</section><main id="articles"><article class="article" id="long" data-section="Title of long"><header');
    // Each part closes what it opened.
    for (const part of parts) {
      const body = partDocument(units, part, '');
      for (const tag of ['main', 'article', 'div']) expect(body.split(`<${tag}`).length, tag).toBe(body.split(`</${tag}>`).length);
    }
  });

  it('does not cut an article whose body holds text outside its blocks', () => {
    const long = article('long', 12, 2_000).replace('<div class="article-body">', '<div class="article-body">Loose words before the blocks');
    const units = printUnits(document(long), 10_000)!;
    expect(units.units).toHaveLength(3);
  });
});
