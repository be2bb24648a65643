// The DOM saved pages are read in (linkedom) gives Readability what jsdom,
// a full browser DOM, gives it: the same article, title, byline, language
// and direction, element for element, on every saved-page fixture (several
// languages, right-to-left, CJK) and on generated pages of each shape that
// made reading slow (tables, thousands of links, deep wrappers). And the
// DOM runs nothing a page carries.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { describe, expect, it } from 'vitest';
import { generateArticles, Random } from '../../scripts/bench/generate.js';
import { type PageShape, savedPage } from '../../scripts/bench/saved-pages.js';
import { preparePage } from '../../src/read/html-depth.js';
import { pageDocument } from '../../src/read/page-document.js';
import { FIXTURES } from '../helpers.js';

const ADDRESS = 'https://dossier.invalid/';

const fixturePages = readdirSync(path.join(FIXTURES, 'normalise'))
  .filter((name) => name.startsWith('saved-page-') || name === 'html-page')
  .map((name) => ({ name, html: readFileSync(path.join(FIXTURES, 'normalise', name, 'input.html'), 'utf8') }));

/** Markup a browser mends (a paragraph inside a table, formatting tags crossed, lists unclosed) and htmlparser2 alone would not. */
const SENTENCE = 'The council met on Tuesday to discuss the bypass plans, and members argued for three hours about the route and its cost. ';
const malformedPage = {
  name: 'markup a browser mends',
  html: `<html><head><title>Bypass row | Echo</title></head><body><div id=main><h1>Bypass row</h1><p>First <b>bold <i>both</b> italic</i> ${SENTENCE.repeat(3)}<table><tr><td>cell</td></tr><p>A paragraph inside a table. ${SENTENCE}</p></table><p>Then <div>a block in a paragraph</div> after. ${SENTENCE.repeat(2)}<ul><li>one<li>two</ul>${SENTENCE}</div>`,
};

const SHAPES: PageShape[] = ['plain', 'tables', 'links', 'wrappers'];
const generatedPages = (() => {
  const random = new Random(7);
  return generateArticles(SHAPES.length, 7).map((article, index) => ({ name: `generated ${SHAPES[index]}`, html: savedPage(random, article.text, SHAPES[index]!) }));
})();

/** Markup as a tree would print it: tag names in lower case, attributes sorted (the two DOMs keep them in different orders). */
function canonical(html: string): string {
  const out: string[] = [];
  const walk = (node: P5.ChildNode) => {
    if (node.nodeName === '#text') out.push((node as P5.TextNode).value);
    else if ('tagName' in node) {
      const attributes = [...node.attrs].sort((a, b) => a.name.localeCompare(b.name)).map((attr) => ` ${attr.name}="${attr.value}"`);
      out.push(`<${node.tagName}${attributes.join('')}>`);
      for (const child of node.childNodes) walk(child);
      out.push(`</${node.tagName}>`);
    }
  };
  for (const child of parseFragment(html).childNodes) walk(child);
  return out.join('');
}

function readWith(document: Document) {
  const parsed = new Readability(document, { keepClasses: false }).parse();
  return parsed && { ...parsed, content: canonical(parsed.content ?? ''), length: undefined };
}

describe('the DOM saved pages are read in', () => {
  for (const { name, html } of [...fixturePages, ...generatedPages, malformedPage]) {
    it(`gives Readability what jsdom gives it: ${name}`, () => {
      const prepared = preparePage(html).html;
      // Both given the prepared page: on markup a browser mends, that is parse5's tree, not what htmlparser2 alone would build.
      const jsdom = new JSDOM(prepared, { url: ADDRESS, virtualConsole: new VirtualConsole() });
      const expected = readWith(jsdom.window.document);
      jsdom.window.close();
      const found = readWith(pageDocument(prepared, ADDRESS));
      expect(expected?.textContent?.length).toBeGreaterThan(200);
      expect(found).toEqual(expected);
    });
  }

  it('resolves links against the page, or its <base>, as a browser does', () => {
    const page = (head: string) =>
      `<html><head>${head}</head><body><article><p>${'The council met on Tuesday to discuss the bypass plans for the town. '.repeat(6)}<a href="minutes.html">the minutes</a> <a href="#vote">the vote</a></p></article></body></html>`;
    const links = (document: Document) => {
      const content = new Readability(document).parse()?.content ?? '';
      return [...content.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    };
    expect(links(pageDocument(page(''), ADDRESS))).toEqual([`${ADDRESS}minutes.html`, '#vote']);
    expect(links(pageDocument(page('<base href="https://paper.example/news/">'), ADDRESS))).toEqual([
      'https://paper.example/news/minutes.html',
      'https://paper.example/news/#vote',
    ]);
  });

  it('runs none of the scripts or handlers a page carries', () => {
    const document = pageDocument(
      '<html><body onload="document.title=\'ran\'"><p id="story">As printed.</p><img src="x" onerror="document.getElementById(\'story\').textContent=\'ran\'">' +
        '<script>document.getElementById("story").textContent = "ran";</script></body></html>',
      ADDRESS,
    );
    expect(document.getElementById('story')?.textContent).toBe('As printed.');
    expect(document.title).toBe('');
  });
});
