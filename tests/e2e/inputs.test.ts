// A press office's folder: a Word document, a PDF printed from a web page,
// an e-mail alert and an RSS feed of two items, built into one dossier in
// every format. Every article has its headline, date, source and full text,
// says which reader made it, and the EPUB passes EPUBCheck.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubCheck, runCli, tempDir } from '../helpers.js';
import { CUTTINGS, type Cutting, cuttingWords, docx, email, printPdf, rss, webPage } from '../input-files.js';

interface ArticleRecord {
  file: string;
  format: string;
  title: string;
  date?: string;
  source?: string;
  words: number;
}

const EXPECTED: { cutting: Cutting; file: string; format: string; source: string; date: string }[] = [
  { cutting: CUTTINGS.ferry, file: 'ferry.docx', format: 'docx', source: 'The Coastal Courier', date: '2024-05-14' },
  { cutting: CUTTINGS.library, file: 'library.pdf', format: 'pdf', source: 'Northfield Gazette', date: '2024-06-03' },
  { cutting: CUTTINGS.market, file: 'market-alert.eml', format: 'email', source: 'Eastgate Evening Post', date: '2024-03-21' },
  { cutting: CUTTINGS.orchard, file: 'valley.rss', format: 'feed', source: 'Valley Weekly', date: '2024-04-09' },
  { cutting: CUTTINGS.tram, file: 'valley.rss', format: 'feed', source: 'Valley Weekly', date: '2024-02-28' },
];

let out: string;
let json: { articles: ArticleRecord[]; warnings: { file: string; message: string }[] };

beforeAll(async () => {
  const input = await tempDir('dossier-inputs-');
  out = await tempDir('dossier-inputs-out-');
  await writeFile(path.join(input, 'ferry.docx'), await docx(CUTTINGS.ferry));
  await printPdf(webPage(CUTTINGS.library), path.join(input, 'library.pdf'), { address: 'https://gazette.example/news/library-sundays' });
  await writeFile(path.join(input, 'market-alert.eml'), email(CUTTINGS.market, { date: 'Thu, 21 Mar 2024 08:15:00 +0000', from: '"Eastgate Evening Post" <alerts@eastgate.example>' }));
  await writeFile(
    path.join(input, 'valley.rss'),
    rss('Valley Weekly', [
      { cutting: CUTTINGS.orchard, url: 'https://valley.example/orchard', pubDate: 'Tue, 09 Apr 2024 08:00:00 +0100', author: 'Sam Hale' },
      { cutting: CUTTINGS.tram, url: 'https://valley.example/tram', pubDate: 'Wed, 28 Feb 2024 18:00:00 +0000', author: 'Lena Park' },
    ]),
  );
  // A Word document states no paper: the editor names it, as for any cutting.
  await writeFile(path.join(input, 'dossier.yaml'), 'title: Local services\narticles:\n  ferry.docx:\n    source: The Coastal Courier\n');
  const result = await runCli(['--input', input, '--out', out], {}, 240_000);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
}, 300_000);

describe('a folder of Word, PDF, e-mail and feed inputs', () => {
  it('makes one article of each document, e-mail and feed item, saying which reader made it', () => {
    expect(json.articles.map((article) => [article.file, article.format]).sort()).toEqual(EXPECTED.map(({ file, format }) => [file, format]).sort());
    expect(json.warnings).toEqual([]);
  });

  it.each(EXPECTED.map((expected) => [expected.cutting.headline, expected] as const))('%s has its headline, date, source and full text', (_, expected) => {
    const article = json.articles.find((record) => record.title === expected.cutting.headline);
    expect(article, JSON.stringify(json.articles.map((record) => record.title))).toBeDefined();
    expect(article).toMatchObject({ file: expected.file, format: expected.format, date: expected.date, source: expected.source });
    const source = cuttingWords(expected.cutting);
    expect(Math.abs(article!.words - source) / source).toBeLessThan(0.04);
  });

  it('makes every format, and an EPUB that EPUBCheck passes with no error or warning', async () => {
    for (const name of ['dossier.html', 'dossier.pdf', 'dossier.epub', 'dossier.json']) await expect(readFile(path.join(out, name))).resolves.toBeTruthy();
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  }, 120_000);
});
