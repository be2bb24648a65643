// The readers of Word documents, PDFs, e-mails and feeds, on files the tests
// make from text written for them, and on the broken and hostile files a
// folder of cuttings may hold: each gives a warning naming the file.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadArticle, Warning } from '../../src/model.js';
import { overrideFor, parseConfig, unmatchedOverrides } from '../../src/config.js';
import { normaliseArticles } from '../../src/normalise/articles.js';
import { normalise } from '../../src/normalise/index.js';
import { readArticle } from '../../src/read/index.js';
import { tempDir } from '../helpers.js';
import { atom, CUTTINGS, docx, email, emailWithInlinePictures, png, printPdf, rss, typesetPdf, webPage } from '../input-files.js';

let dir: string;

async function read(file: string): Promise<{ articles: ReadArticle[]; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const result = await readArticle(dir, file, warnings);
  return { articles: result?.articles ?? [], warnings };
}

/** The texts of a tree's blocks, as a reader sees them. */
const blocks = (tree: Root) => tree.children.map((node) => `${node.type === 'heading' ? `h${node.depth}: ` : node.type === 'blockquote' ? '> ' : ''}${toString(node)}`);
/** Straight quotes, as the typeset PDF sets them in a font without curly ones. */
const straight = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

beforeAll(async () => {
  dir = await tempDir('dossier-formats-');
  const put = (name: string, data: string | Buffer) => writeFile(path.join(dir, name), data);
  await put('ferry.docx', await docx(CUTTINGS.ferry, { deleted: 'and all weekend sailings', inserted: 'until further notice', comment: 'Check this with the harbour office' }));
  await put('corrupt.docx', (await docx(CUTTINGS.ferry)).subarray(0, 400));
  const notWord = new JSZip();
  notWord.file('readme.txt', 'Not a Word document.');
  await put('not-word.docx', await notWord.generateAsync({ type: 'nodebuffer' }));
  await put('pages.pdf', await typesetPdf(CUTTINGS.ferry, { columns: 1, runningHead: 'The Coastal Courier · Tuesday 14 May 2024', pageSize: [298, 250] }));
  await put('columns.pdf', await typesetPdf(CUTTINGS.ferry, { columns: 2, runningHead: 'The Coastal Courier · Tuesday 14 May 2024', pageSize: [420, 400] }));
  await printPdf(webPage(CUTTINGS.library), path.join(dir, 'printed.pdf'), { address: 'https://gazette.example/news/library-sundays' });
  await printPdf('<html><body><div style="width:100%;height:18cm;background:linear-gradient(#888,#eee)"></div></body></html>', path.join(dir, 'scan.pdf'), { headAndFoot: false });
  // A scan whose only text is the page number the scanner stamped: the browser's head and foot.
  await printPdf('<html><body><div style="width:100%;height:18cm;background:#999"></div><div style="height:18cm;background:#777"></div></body></html>', path.join(dir, 'stamped-scan.pdf'));
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', path.join(dir, 'pages.pdf'), path.join(dir, 'locked.pdf')]);
  await put('damaged.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF any more\n');
  await put('alert.eml', email(CUTTINGS.market, { date: 'Thu, 21 Mar 2024 23:30:00 -0500', from: '"Eastgate Evening Post" <alerts@eastgate.example>' }));
  await put(
    'forwarded.eml',
    email({ headline: 'Cutting attached', date: '', source: '', paragraphs: ['See the attached cutting.'] }, {
      date: 'Tue, 09 Apr 2024 09:00:00 +0100',
      from: 'Jo Bloggs <jo@press-office.example>',
      attachments: [
        { name: 'orchard.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await docx(CUTTINGS.orchard) },
        { name: 'logo.png', type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      ],
    }),
  );
  await put(
    'pictures.eml',
    emailWithInlinePictures(CUTTINGS.market, {
      date: 'Thu, 21 Mar 2024 08:15:00 +0000',
      from: '"Eastgate Evening Post" <alerts@eastgate.example>',
      pictures: [
        { cid: 'stalls.1@eastgate.example', alt: 'Stalls under the market roof' },
        { cid: 'Stalls.1@Eastgate.example', alt: 'The same stalls again' },
        { cid: 'gone@eastgate.example', alt: 'A picture the message lost' },
        { cid: 'scan@eastgate.example', alt: 'A scan no format shows' },
      ],
      parts: [
        { cid: 'stalls.1@eastgate.example', type: 'image/png', name: 'stalls.png', bytes: png(24, 16) },
        { cid: 'scan@eastgate.example', type: 'image/tiff', name: 'scan.tif', bytes: Buffer.from('II*\0 not much of a TIFF') },
      ],
    }),
  );
  // A hostile message: after the article, 2.6 MB of <img tags that never close (a pattern over them took minutes).
  await put(
    'unclosed.eml',
    [
      'From: "Eastgate Evening Post" <alerts@eastgate.example>',
      `Subject: ${CUTTINGS.market.headline}`,
      'Date: Thu, 21 Mar 2024 08:15:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `<html><body>${CUTTINGS.market.paragraphs.map((text) => `<p>${text}</p>`).join('')}<p>${'<img alt="x" '.repeat(200_000)}</p></body></html>`,
      '',
    ].join('\r\n'),
  );
  await put('not-mail.eml', 'This is just some text with no headers at all.\n');
  await put(
    'news.rss',
    rss('Valley Weekly', [
      { cutting: CUTTINGS.orchard, url: 'https://valley.example/orchard', pubDate: 'Tue, 09 Apr 2024 23:30:00 -0400', author: 'Sam Hale' },
      { cutting: CUTTINGS.tram, url: 'https://valley.example/tram', pubDate: 'Wed, 28 Feb 2024 18:00:00 +0000', summaryOnly: true },
    ]),
  );
  await put('tram.atom', atom('City Transport Review', CUTTINGS.tram, { url: 'https://ctr.example/tram', updated: '2024-02-28T09:00:00Z', author: 'Lena Park' }));
  await put('malformed.rss', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title>\n<item><title>Unclosed</item></channel></rss>\n');
  await put(
    'bomb.xml',
    `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('\n')}\n]>\n<rss version="2.0"><channel><title>&bbbbbbbbb;</title><item><title>x</title><description>&bbbbbbbbb;</description></item></channel></rss>\n`,
  );
  await put('sitemap.xml', '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url></urlset>\n');
}, 120_000);

describe('Word documents', () => {
  it('reads the headline, paragraphs and quotations, leaving out tracked deletions and comments', async () => {
    const { articles, warnings } = await read('ferry.docx');
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article!.format).toBe('docx');
    const normalised = normalise(article!, warnings);
    expect(normalised.title).toBe(CUTTINGS.ferry.headline);
    expect(normalised.date?.date).toBe('2024-05-14');
    const text = blocks(normalised.body);
    expect(text[0]).toBe(`${CUTTINGS.ferry.paragraphs[0]} until further notice`);
    expect(text).toContain(`> ${CUTTINGS.ferry.paragraphs[2]}`);
    expect(text.slice(1)).toEqual(CUTTINGS.ferry.paragraphs.slice(1).map((paragraph, index) => (index === 1 ? `> ${paragraph}` : paragraph)));
    expect(text.join(' ')).not.toMatch(/weekend sailings|harbour office/);
  });

  it.each([
    ['corrupt.docx', /zip archive is damaged/],
    ['not-word.docx', /no word\/document\.xml/],
  ])('skips %s with a warning that says why', async (file, reason) => {
    const { articles, warnings } = await read(file);
    expect(articles).toEqual([]);
    expect(warnings).toMatchObject([{ file, message: expect.stringMatching(reason) }]);
  });
});

describe('PDFs', () => {
  it('rebuilds paragraphs across pages, joins hyphenated words and drops running heads and page numbers', async () => {
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'pages.pdf')], { encoding: 'utf8' }))?.[1])).toBeGreaterThan(1);
    const { articles, warnings } = await read('pages.pdf');
    expect(warnings).toEqual([]);
    const [article] = articles;
    expect(article!.format).toBe('pdf');
    expect(article!.meta.source).toBe('The Coastal Courier');
    expect(blocks(article!.tree)).toEqual([`h1: ${CUTTINGS.ferry.headline}`, CUTTINGS.ferry.date, ...CUTTINGS.ferry.paragraphs.map(straight)]);
  });

  it('reads a cutting set in columns column by column', async () => {
    const { articles } = await read('columns.pdf');
    expect(blocks(articles[0]!.tree)).toEqual([`h1: ${CUTTINGS.ferry.headline}`, CUTTINGS.ferry.date, ...CUTTINGS.ferry.paragraphs.map(straight)]);
  });

  it('reads a page printed by the browser without its head and foot, keeping the printed address', async () => {
    const { articles, warnings } = await read('printed.pdf');
    expect(warnings).toEqual([]);
    const article = normalise(articles[0]!, warnings);
    expect(article.title).toBe(CUTTINGS.library.headline);
    expect(article.date?.date).toBe('2024-06-03');
    expect(article.source).toBe('Northfield Gazette');
    expect(article.url).toBe('https://gazette.example/news/library-sundays');
    expect(blocks(article.body)).toEqual(CUTTINGS.library.paragraphs);
  });

  it.each([
    ['scan.pdf', /no text layer.*OCR/],
    ['stamped-scan.pdf', /no text but its running heads and page numbers.*OCR/],
    ['locked.pdf', /encrypted with a password/],
    ['damaged.pdf', /not a PDF that can be opened/],
  ])('skips %s with a warning that says why and what to do', async (file, reason) => {
    const { articles, warnings } = await read(file);
    expect(articles).toEqual([]);
    expect(warnings).toMatchObject([{ file, message: expect.stringMatching(reason) }]);
  });
});

describe('E-mail', () => {
  it('takes the subject as headline, the Date: header as date in its own offset and the sender as source', async () => {
    const { articles, warnings } = await read('alert.eml');
    expect(articles).toHaveLength(1);
    const article = normalise(articles[0]!, warnings);
    expect(article.format).toBe('email');
    expect(article.title).toBe(CUTTINGS.market.headline);
    // 23:30 at -05:00 is the 21st where it was sent, the 22nd in UTC.
    expect(article.date?.date).toBe('2024-03-21');
    expect(article.source).toBe('Eastgate Evening Post');
    for (const paragraph of CUTTINGS.market.paragraphs) expect(blocks(article.body)).toContain(paragraph);
  });

  it('reads an attached article as an article of its own, and not the covering note', async () => {
    const { articles, warnings } = await read('forwarded.eml');
    expect(warnings).toEqual([]);
    expect(articles.map((article) => [article.file, article.format])).toEqual([['forwarded.eml', 'docx']]);
    const article = normalise(articles[0]!, warnings);
    expect(article.title).toBe(CUTTINGS.orchard.headline);
    expect(article.source).toBe('Jo Bloggs');
  });

  it('embeds the pictures the HTML part shows by cid: from the message\'s inline parts, and leaves out the rest by name', async () => {
    const { articles, warnings } = await read('pictures.eml');
    expect(articles).toHaveLength(1);
    const images: { url: string; alt: string; mime?: string }[] = [];
    visit(articles[0]!.tree, 'image', (node) => {
      images.push({ url: node.url, alt: node.alt ?? '', mime: node.data?.picture?.mime });
    });
    // One part shown twice is one picture, named by the file it is inside.
    expect(images).toEqual([
      { url: 'pictures.eml#picture-1', alt: 'Stalls under the market roof', mime: 'image/png' },
      { url: 'pictures.eml#picture-1', alt: 'The same stalls again', mime: 'image/png' },
    ]);
    expect(warnings).toEqual([
      { file: 'pictures.eml', message: 'a picture in the message was left out: cid:gone@eastgate.example names no part of the message (no attachment has that Content-ID). Its description stays as text.' },
      {
        file: 'pictures.eml',
        message: 'a picture in the message was left out: cid:scan@eastgate.example is the attachment scan.tif: it is image/tiff, and only PNG, JPEG, GIF and WebP pictures are embedded. Its description stays as text.',
      },
    ]);
    const text = toString(articles[0]!.tree);
    expect(text).toContain('[Picture: A picture the message lost]');
    expect(text).toContain('[Picture: A scan no format shows]');
  });

  it('reads a message whose picture tags never close, in time linear in it', async () => {
    const { articles } = await read('unclosed.eml');
    expect(articles).toHaveLength(1);
    for (const paragraph of CUTTINGS.market.paragraphs) expect(toString(articles[0]!.tree)).toContain(paragraph);
  });

  it('skips a file that is not a message', async () => {
    const { articles, warnings } = await read('not-mail.eml');
    expect(articles).toEqual([]);
    expect(warnings).toMatchObject([{ file: 'not-mail.eml', message: expect.stringMatching(/^skipped: /) }]);
  });
});

describe('Feeds', () => {
  it('makes an article of every item, with its title, date, link, author and full content', async () => {
    const { articles, warnings } = await read('news.rss');
    expect(articles.map((article) => article.format)).toEqual(['feed', 'feed']);
    const [orchard, tram] = articles.map((article) => normalise(article, warnings)) as [ReturnType<typeof normalise>, ReturnType<typeof normalise>];
    expect(orchard).toMatchObject({ title: CUTTINGS.orchard.headline, source: 'Valley Weekly', byline: 'Sam Hale', url: 'https://valley.example/orchard' });
    expect(orchard.date?.date).toBe('2024-04-09');
    expect(blocks(orchard.body)).toEqual(CUTTINGS.orchard.paragraphs);
    // The second item has only its summary: kept, and a warning says so.
    expect(tram.title).toBe(CUTTINGS.tram.headline);
    expect(blocks(tram.body)).toEqual([CUTTINGS.tram.paragraphs[0]]);
    expect([orchard.summaryOnly, tram.summaryOnly]).toEqual([undefined, true]);
    expect(warnings).toMatchObject([{ file: 'news.rss', message: expect.stringMatching(/item 2 .* is only the feed's summary/) }]);
  });

  it('takes dossier.yaml\'s corrections for one item, by its place in the feed or its headline, over the feed\'s own', async () => {
    const { articles } = await read('news.rss');
    const { config } = parseConfig(
      ['articles:', '  news.rss:', '    source: Valley Weekly (print edition)', '  news.rss#2:', '    byline: Lena Park', '  news.rss#community orchard planted on former car-park:', '    title: Orchard planted on Mill Lane', ''].join('\n'),
      'dossier.yaml',
    );
    const warnings = new Map([['news.rss', [] as Warning[]]]);
    const [orchard, tram] = normaliseArticles(articles.map((article) => ({ article })), config, warnings);
    expect(orchard).toMatchObject({ title: 'Orchard planted on Mill Lane', source: 'Valley Weekly (print edition)', byline: 'Sam Hale' });
    expect(tram).toMatchObject({ title: CUTTINGS.tram.headline, source: 'Valley Weekly (print edition)', byline: 'Lena Park' });
    expect(overrideFor(config, 'other.rss', 1, CUTTINGS.orchard.headline)).toBeUndefined();
    const held = new Map([['news.rss', articles.map((article) => article.meta.title)]]);
    expect(unmatchedOverrides(config, ['news.rss'], held)).toEqual([]);
    const { config: wrong } = parseConfig(['articles:', '  news.rss#3:', '    byline: Nobody', '  news.rss#Ferry cut:', '    byline: Nobody', '  gone.rss#1:', '    byline: Nobody', ''].join('\n'), 'dossier.yaml');
    const held2 = `it holds 2 articles (1 "${CUTTINGS.orchard.headline}", 2 "${CUTTINGS.tram.headline}"); address one by its place, as "news.rss#1", or by its headline.`;
    expect(unmatchedOverrides(wrong, ['news.rss'], held)).toEqual([
      { file: 'dossier.yaml', message: `settings for "news.rss#3" match no article in news.rss: ${held2}` },
      { file: 'dossier.yaml', message: `settings for "news.rss#Ferry cut" match no article in news.rss: ${held2}` },
      { file: 'dossier.yaml', message: 'settings for "gone.rss#1" match no article file; use the path relative to the input folder.' },
    ]);
  });

  it('reads Atom entries', async () => {
    const { articles, warnings } = await read('tram.atom');
    const article = normalise(articles[0]!, warnings);
    expect(article).toMatchObject({ title: CUTTINGS.tram.headline, byline: 'Lena Park', url: 'https://ctr.example/tram', source: 'City Transport Review' });
    expect(blocks(article.body)).toEqual(CUTTINGS.tram.paragraphs);
  });

  it.each([
    ['malformed.rss', /not well-formed XML \(line 3/],
    ['bomb.xml', /declares XML entities of its own/],
    ['sitemap.xml', /not an RSS or Atom feed/],
  ])('skips %s with a warning that says why', async (file, reason) => {
    const { articles, warnings } = await read(file);
    expect(articles).toEqual([]);
    expect(warnings).toMatchObject([{ file, message: expect.stringMatching(reason) }]);
  });
});

