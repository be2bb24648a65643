// The reading stage: find article files and hand each to the reader for its
// format. Every reader returns the same `ReadArticle`s.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config.js';
import type { ReadArticle, Warning } from '../model.js';
import { decode } from './decode.js';
import { readDocx } from './docx.js';
import { readEmail } from './email.js';
import { readFeed } from './feed.js';
import { InputFileError, InputFolder, realPathOrResolved } from './input-folder.js';
import { NoArticleError, readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPdf } from './pdf.js';
import type { ReadContext, Reader } from './reader.js';
import { readText } from './text.js';

/** A reader of text: the bytes are decoded first (UTF-8, UTF-16, Windows-1252, line endings). */
function ofText(read: (text: string, context: ReadContext) => ReadArticle | Promise<ReadArticle>): Reader {
  return async (bytes, context) => {
    const decoded = decode(bytes);
    if (!decoded.ok) throw new InputFileError(decoded.reason);
    return [await read(decoded.text, context)];
  };
}

const text = ofText((text, { file }) => readText(text, file));
const markdown = ofText((text, { file, warnings, root }) => readMarkdown(text, file, warnings, root));
const html = ofText((text, { file, warnings, root }) => readHtml(text, file, warnings, root));

/** The reader of each file name ending. */
const READERS: Record<string, Reader> = {
  '.txt': text,
  '.text': text,
  '.md': markdown,
  '.markdown': markdown,
  '.html': html,
  '.htm': html,
  '.docx': readDocx,
  '.pdf': readPdf,
  '.eml': readEmail,
  '.rss': readFeed,
  '.atom': readFeed,
  '.xml': readFeed,
};

/** Files an e-mail may carry that are read as articles of their own. */
const ATTACHMENT_EXTENSIONS = new Set(['.docx', '.pdf', '.html', '.htm']);

/** Files that go with articles (their pictures, a saved page's styles): neither articles nor worth a warning. */
const ASSET_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.ico', '.css', '.js', '.woff', '.woff2', '.ttf', '.otf']);

/** Files the build reads as settings, never as articles. */
const SETTINGS_FILES = new Set(CONFIG_FILE_NAMES);

export const ARTICLE_EXTENSIONS = Object.keys(READERS);

/**
 * Every article file under `dir`, recursively, as paths relative to it with
 * `/` separators, sorted by code point so the order never depends on the
 * machine. Hidden files and folders are left out, and so is the out folder
 * when it lies inside (it holds the last build, not articles). `skipped`
 * says why each entry that could not be read was passed over: a link
 * leading outside the folder, a FIFO, a link loop.
 */
export async function findArticleFiles(
  dir: string,
  options: { exclude?: string } = {},
): Promise<{ files: string[]; ignored: string[]; skipped: Warning[] }> {
  const folder = await InputFolder.open(dir);
  const exclude = options.exclude ? [await realPathOrResolved(options.exclude)] : [];
  const walked = await folder.walk(exclude);
  const files: string[] = [];
  const ignored: string[] = [];
  const skipped: Warning[] = [];
  for (const relative of walked.files) {
    if (SETTINGS_FILES.has(relative)) continue;
    const extension = path.extname(relative).toLowerCase();
    if (READERS[extension]) files.push(relative);
    else if (!ASSET_EXTENSIONS.has(extension)) ignored.push(relative);
  }
  for (const { file, reason } of walked.skipped) {
    // A settings file that is not a file is reported where the settings are read.
    if (!SETTINGS_FILES.has(file)) skipped.push({ file, message: `skipped: ${reason}.` });
  }
  // UTF-8 byte order is code-point order (JavaScript's `<` compares UTF-16 units).
  const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return { files: files.sort(byCodePoint), ignored: ignored.sort(byCodePoint), skipped: skipped.sort((a, b) => byCodePoint(a.file, b.file)) };
}

/** What reading one file gives: its articles and a digest of its bytes, or nothing (with a warning saying why). */
export type ReadOutcome = Awaited<ReturnType<typeof readArticle>>;

/**
 * Reads one file. Returns undefined, with a warning that names the file and
 * the reason, when the file holds no article that can be read.
 */
export async function readArticle(
  dir: string,
  file: string,
  warnings: Warning[],
): Promise<{ articles: ReadArticle[]; digest: string } | undefined> {
  let bytes: Buffer;
  try {
    bytes = await (await InputFolder.open(dir)).read(file);
  } catch (error) {
    if (error instanceof InputFileError) {
      warnings.push({ file, message: `skipped: ${error.message}.` });
      return undefined;
    }
    const code = (error as NodeJS.ErrnoException).code;
    // Node reads folder listings as UTF-8: a name in another encoding arrives with U+FFFD and cannot be opened.
    const advice =
      code === 'EACCES' || code === 'EPERM'
        ? ' Check the file\'s permissions.'
        : code === 'ENOENT' && file.includes('\uFFFD')
          ? ' Its name is not UTF-8 (perhaps Latin-1 from an old system); rename it, e.g. with `convmv -f latin1 -t utf8 --notest`.'
          : '';
    warnings.push({ file, message: `skipped: it could not be read (${code ?? String(error)}).${advice}` });
    return undefined;
  }
  if (bytes.length === 0) {
    warnings.push({ file, message: 'skipped: the file is empty.' });
    return undefined;
  }
  const context: ReadContext = { root: dir, file, warnings, readInner: (name, inner) => readAttachment(dir, file, name, inner, warnings) };
  const articles = await readWith(readerOf(file), bytes, context, '');
  if (articles.length === 0) return undefined;
  return { articles, digest: createHash('sha256').update(bytes).digest('hex') };
}

function readerOf(name: string): Reader {
  return READERS[path.extname(name).toLowerCase()] ?? text;
}

/** The articles a reader finds, or none with a warning saying why (`prefix` names the attachment). */
async function readWith(reader: Reader, bytes: Buffer, context: ReadContext, prefix: string): Promise<ReadArticle[]> {
  try {
    return await reader(bytes, context);
  } catch (error) {
    const reason =
      error instanceof NoArticleError || error instanceof InputFileError ? error.message : `it could not be read (${firstLine(error)})`;
    context.warnings.push({ file: context.file, message: `skipped${prefix}: ${reason}.` });
    return [];
  }
}

/** An e-mail's attachment, read as an article of its own when it is one; its warnings name it. */
async function readAttachment(root: string, file: string, name: string, bytes: Buffer, warnings: Warning[]): Promise<ReadArticle[]> {
  if (!ATTACHMENT_EXTENSIONS.has(path.extname(name).toLowerCase())) return [];
  const own: Warning[] = [];
  const articles = await readWith(readerOf(name), bytes, { root, file, warnings: own }, ` its attachment ${name}`);
  for (const warning of own) {
    warnings.push(warning.message.startsWith('skipped') ? warning : { ...warning, message: `in its attachment ${name}: ${warning.message}` });
  }
  return articles;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown error';
}
