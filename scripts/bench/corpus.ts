// The benchmark's input sets: N articles picked from a folder, the same ones
// every run, with every topic in every size.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the build reads as articles (see README, "--input DIR"). */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm']);

export interface CorpusArticle {
  /** A flat file name, unique in the set: `business-001.txt`. */
  name: string;
  bytes: Buffer;
}

export interface Corpus {
  /** Distinct articles in pick order: round-robin over the top-level folders. */
  articles: CorpusArticle[];
  /** Files with the same bytes as one picked earlier, left out. */
  duplicates: number;
}

/**
 * Reads every article file under `dir`. Files are sorted within each
 * top-level folder, then taken in turn from each folder, so any prefix
 * mixes the topics. When `dir` has subfolders, files at its top level are
 * the dataset's notes (the BBC corpus's README.TXT), not articles.
 * Exact duplicates are dropped, since the build would skip them and the
 * sizes are meant to count articles built.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep))
    .filter((parts) => !parts.some((part) => part.startsWith('.')));
  const nested = files.some((parts) => parts.length > 1);
  const groups = new Map<string, string[][]>();
  for (const parts of files) {
    if (nested && parts.length === 1) continue;
    const group = nested ? parts[0]! : '';
    groups.set(group, [...(groups.get(group) ?? []), parts]);
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = [...groups.keys()].sort(byCodePoint).map((group) => groups.get(group)!.sort((a, b) => byCodePoint(a.join('/'), b.join('/'))));

  const seen = new Set<string>();
  const articles: CorpusArticle[] = [];
  let duplicates = 0;
  for (const parts of roundRobin(ordered)) {
    const bytes = await readFile(path.join(dir, ...parts));
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(digest)) {
      duplicates++;
      continue;
    }
    seen.add(digest);
    articles.push({ name: parts.join('-'), bytes });
  }
  return { articles, duplicates };
}

/** The first of each list, then the second of each, and so on. */
export function roundRobin<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let index = 0; index < longest; index++) {
    for (const list of lists) if (index < list.length) out.push(list[index]!);
  }
  return out;
}

/** Copies the articles into a fresh folder `dir`, flat. */
export async function writeInputSet(dir: string, articles: readonly CorpusArticle[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const article of articles) await writeFile(path.join(dir, article.name), article.bytes);
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Latin-1 (one BBC file is ISO-8859-1). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return bytes.toString('latin1');
  }
}

/** An article as headline and body, the headline being its first non-empty line. */
export function splitHeadline(text: string): { headline: string; body: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return { headline: '', body: '' };
  return { headline: lines[first]!.trim(), body: lines.slice(first + 1).join('\n').trim() };
}

/** One markdown document of all the articles, for pandoc: each headline a `#` heading, the rest as is. */
export function pandocMarkdown(articles: readonly CorpusArticle[]): string {
  return articles
    .map((article) => {
      const { headline, body } = splitHeadline(decodeText(article.bytes));
      return `# ${headline}\n\n${body}\n`;
    })
    .join('\n');
}

/** A plain HTML page of the articles (a heading and paragraphs each): the PDF floor when pandoc is not installed. */
export function plainHtml(articles: readonly CorpusArticle[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const sections = articles.map((article) => {
    const { headline, body } = splitHeadline(decodeText(article.bytes));
    const paragraphs = body
      .split(/\n\s*\n/)
      .filter((paragraph) => paragraph.trim())
      .map((paragraph) => `<p>${escape(paragraph.trim())}</p>`);
    return `<h1>${escape(headline)}</h1>\n${paragraphs.join('\n')}`;
  });
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body>\n${sections.join('\n')}\n</body></html>\n`;
}
