// Finding article files in the input folder and reading one: the order must
// never depend on the machine, and a file that cannot be an article is
// skipped with a warning that says which file and why.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warning } from '../../src/model.js';
import { findArticleFiles, readArticle } from '../../src/read/index.js';

async function makeFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-discover-'));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, ...name.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
}

const folders: string[] = [];
let dir: string;

beforeAll(async () => {
  dir = await makeFolder({
    'b.txt': 'B',
    'a.md': 'A',
    'Z.html': '<p>Z</p>',
    'é.txt': 'accent',
    'e.htm': '<p>e</p>',
    'f.text': 'f',
    'g.markdown': 'g',
    'sub/c.TXT': 'Upper-case extension.',
    'sub/deep/d.Md': 'Deep',
    '.hidden.txt': 'hidden',
    '.git/config.txt': 'hidden folder',
    'sub/.drafts/x.md': 'hidden folder below',
    'dossier.yaml': 'title: Settings\n',
    'notes.odt': '%PDF',
    'README': 'no extension',
    'img/photo.JPG': 'jpeg',
  });
  folders.push(dir);
});

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('findArticleFiles', () => {
  it('lists article files recursively with / separators, sorted by code point', async () => {
    const { files } = await findArticleFiles(dir);
    expect(files).toEqual(['Z.html', 'a.md', 'b.txt', 'e.htm', 'f.text', 'g.markdown', 'sub/c.TXT', 'sub/deep/d.Md', 'é.txt']);
  });

  it('returns files with unknown extensions in `ignored`, sorted, and leaves the settings file out of both lists', async () => {
    const { files, ignored } = await findArticleFiles(dir);
    // Pictures go with articles: neither read nor warned about.
    expect(ignored).toEqual(['README', 'notes.odt']);
    expect([...files, ...ignored]).not.toContain('dossier.yaml');
  });

  it('skips hidden files and everything in hidden folders', async () => {
    const { files, ignored } = await findArticleFiles(dir);
    expect([...files, ...ignored].filter((file) => file.split('/').some((part) => part.startsWith('.')))).toEqual([]);
  });

  it('returns empty lists for an empty folder', async () => {
    const empty = await makeFolder({});
    folders.push(empty);
    expect(await findArticleFiles(empty)).toEqual({ files: [], ignored: [], skipped: [] });
  });

  it('sorts by code point also for characters outside the BMP', async () => {
    const unicode = await makeFolder({ '\u{1F5F3}.txt': 'ballot box', '\uFF21.txt': 'full-width A' });
    folders.push(unicode);
    const { files } = await findArticleFiles(unicode);
    expect(files).toEqual(['\uFF21.txt', '\u{1F5F3}.txt']);
  });
});

describe('readArticle', () => {
  let skip: string;

  beforeAll(async () => {
    skip = await makeFolder({
      'empty.txt': '',
      'blank.txt': '  \n\n\t\n',
      'picture.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'UPPER.TXT': 'Headline\r\n\r\nBody line one\r\nline two.\r\n',
      'story.md': '---\ntitle: From front matter\n---\n\nBody.\n',
      'page.html': '<html><head><title>Page title</title></head><body><article><h1>Page title</h1><p>One paragraph of article text that is long enough to count as an article for the reader. It goes on for a while so that there is something to read.</p><p>A second paragraph with more words in it, again long enough to be kept.</p></article></body></html>',
    });
    folders.push(skip);
  });

  it.each([
    ['empty.txt', /empty/],
    ['blank.txt', /whitespace/],
    ['picture.txt', /binary/],
  ])('skips %s with a warning that names the file and the reason', async (file, reason) => {
    const warnings: Warning[] = [];
    expect(await readArticle(skip, file, warnings)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.file).toBe(file);
    expect(warnings[0]!.message).toMatch(/^skipped: /);
    expect(warnings[0]!.message).toMatch(reason);
  });

  it('skips a file that does not exist with a warning naming it', async () => {
    const warnings: Warning[] = [];
    expect(await readArticle(skip, 'missing.txt', warnings)).toBeUndefined();
    expect(warnings).toMatchObject([{ file: 'missing.txt', message: expect.stringMatching(/ENOENT/) }]);
  });

  it('says how to rename a file whose name is not UTF-8', async () => {
    const latin1 = await mkdtemp(path.join(os.tmpdir(), 'dossier-latin1-'));
    folders.push(latin1);
    // "café.txt" in Latin-1 bytes, as old systems and zip files leave it.
    await writeFile(Buffer.concat([Buffer.from(`${latin1}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Headline\n\nBody text.\n');
    const { files } = await findArticleFiles(latin1);
    expect(files).toEqual(['caf\uFFFD.txt']);
    const warnings: Warning[] = [];
    expect(await readArticle(latin1, files[0]!, warnings)).toBeUndefined();
    expect(warnings[0]!.message).toMatch(/name is not UTF-8 .*rename it/);
  });

  it('reads an upper-case .TXT file as plain text, with decoded LF text', async () => {
    const warnings: Warning[] = [];
    const result = await readArticle(skip, 'UPPER.TXT', warnings);
    expect(warnings).toEqual([]);
    expect(JSON.stringify(result?.articles[0]?.tree)).not.toContain('\\r');
    expect(result?.articles[0]?.file).toBe('UPPER.TXT');
    expect(result?.articles[0]?.format).toBe('text');
    expect(result?.articles[0]?.tree.children).toHaveLength(2);
  });

  it('reads .md files as markdown, front matter included', async () => {
    const warnings: Warning[] = [];
    const result = await readArticle(skip, 'story.md', warnings);
    expect(warnings).toEqual([]);
    expect(result?.articles[0]?.format).toBe('markdown');
    expect(result?.articles[0]?.meta.title).toBe('From front matter');
  });

  it('reads .html files as HTML', async () => {
    const warnings: Warning[] = [];
    const result = await readArticle(skip, 'page.html', warnings);
    expect(warnings).toEqual([]);
    expect(result?.articles[0]?.format).toBe('html');
  });
});
