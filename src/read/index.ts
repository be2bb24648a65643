// The reading stage: find article files, decode them, and hand each to the
// reader for its format. Every reader returns the same `ReadArticle`.
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config.js';
import type { InputFormat, ReadArticle, Warning } from '../model.js';
import { decode } from './decode.js';
import { InputFileError, InputFolder, realPathOrResolved } from './input-folder.js';
import { NoArticleError, readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';

const FORMATS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** Files that go with articles (their pictures, a saved page's styles): neither articles nor worth a warning. */
const ASSET_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.ico', '.css', '.js', '.woff', '.woff2', '.ttf', '.otf']);

/** Files the build reads as settings, never as articles. */
const SETTINGS_FILES = new Set(CONFIG_FILE_NAMES);

export const ARTICLE_EXTENSIONS = Object.keys(FORMATS);

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
    if (FORMATS[extension]) files.push(relative);
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

/** What reading one file gives: the article and its decoded text, or nothing (with a warning saying why). */
export type ReadOutcome = Awaited<ReturnType<typeof readArticle>>;

/**
 * Reads one file. Returns undefined, with a warning that names the file and
 * the reason, when the file cannot be an article.
 */
export async function readArticle(
  dir: string,
  file: string,
  warnings: Warning[],
): Promise<{ article: ReadArticle; text: string } | undefined> {
  let bytes: Uint8Array;
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
  const decoded = decode(bytes);
  if (!decoded.ok) {
    warnings.push({ file, message: `skipped: ${decoded.reason}.` });
    return undefined;
  }
  const format = FORMATS[path.extname(file).toLowerCase()] ?? 'text';
  try {
    const article =
      format === 'markdown'
        ? readMarkdown(decoded.text, file, warnings, dir)
        : format === 'html'
          ? await readHtml(decoded.text, file, warnings, dir)
          : readText(decoded.text, file);
    return { article, text: decoded.text };
  } catch (error) {
    const reason = error instanceof NoArticleError ? error.message : `the ${format} reader failed: ${String(error)}`;
    warnings.push({ file, message: `skipped: ${reason}.` });
    return undefined;
  }
}
