// The pipeline, in one place: settings → read → normalise → enrich → render.
// Each stage hands its result forward and never reaches back.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { ConfigError, readConfig, type DossierConfig } from './config.js';
import { enrich, type Enrichment } from './enrich/index.js';
import type { Article, Dossier, Warning } from './model.js';
import { normalise, type NormalisedArticle } from './normalise/index.js';
import { writeFileAtomic, writeFolderAtomic } from './output.js';
import type { ArticleCache, ReadOutcome } from './incremental.js';
import { ARTICLE_EXTENSIONS, findArticleFiles, readArticle } from './read/index.js';
import { realPathOrResolved } from './read/input-folder.js';
import { renderHtml } from './render/html.js';
import { renderJson } from './render/json.js';
import { articleMarkdown, markdownFileName } from './render/markdown.js';
import type { Paper, PrintLayout } from './render/pdf.js';
import { Templates } from './render/templates.js';
import { slugify } from './slug.js';

export type Format = 'html' | 'pdf' | 'epub' | 'md' | 'json';

export interface Reporter {
  /** A stage finished. */
  stage(name: string, detail: string, milliseconds: number): void;
  /** Articles read so far, for a progress bar. */
  progress(done: number, total: number): void;
  /** A step inside a stage finished (`enrich people`): for the benchmark, not shown by the CLI. */
  step?(name: string, milliseconds: number): void;
}

export const silentReporter: Reporter = { stage() {}, progress() {} };

export interface BuildOptions {
  input: string;
  out: string;
  formats: readonly Format[];
  title?: string;
  templates?: string;
  paper?: Paper;
  /** How the PDF is laid out; `auto` (the default) uses Paged.js unless the dossier is very long. */
  printLayout?: PrintLayout;
  reporter?: Reporter;
  /** Kept between the builds of a watch session: articles whose files did not change are not read again. */
  cache?: ArticleCache;
  /** A Chromium the caller owns and closes (a watch session keeps one); otherwise the build starts its own. */
  browser?: () => Promise<Browser>;
}

export interface BuildResult {
  dossier: Dossier;
  /** Paths written, relative to the out folder. */
  written: string[];
  /** Formats that could not be made, with the reason. */
  failed: { format: Format; message: string }[];
}

/** Nothing usable could be built; the message says why and what to do. */
export class BuildError extends Error {}

const READ_CONCURRENCY = 32;

/** Reads a file, or takes what an earlier build of the same session read of it while it was unchanged. */
async function readCached(input: string, file: string, warnings: Warning[], cache: ArticleCache | undefined): Promise<ReadOutcome> {
  if (!cache) return readArticle(input, file, warnings);
  return cache.read(path.join(input, file), warnings, () => readArticle(input, file, warnings));
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  const timed = async <T>(name: string, run: () => Promise<T> | T, detail: (result: T) => string): Promise<T> => {
    const start = performance.now();
    const result = await run();
    reporter.stage(name, detail(result), performance.now() - start);
    return result;
  };

  // Chromium starts first, for builds with a PDF, and gets ready while Node reads and enriches.
  let browser: Promise<Browser> | undefined;
  const chromium =
    options.browser ??
    (() => (browser ??= import('./render/browser.js').then(({ launchBrowser }) => launchBrowser())));
  if (options.formats.includes('pdf')) chromium().catch(() => undefined);
  // The EPUB's cover is drawn in a thread of its own, which loads satori and the fonts meanwhile.
  if (options.formats.includes('epub')) import('./render/cover.js').then(({ prepareCover }) => prepareCover(new Templates(options.templates)), () => undefined);
  try {
    return await buildWith(options, timed, chromium);
  } finally {
    await (await browser?.catch(() => undefined))?.close();
  }
}

async function buildWith(options: BuildOptions, timed: Timed, chromium: () => Promise<Browser>): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  if ((await realPathOrResolved(options.out)) === (await realPathOrResolved(options.input))) {
    // Each build would read the last one's pages back as articles, and the pack would grow with every run.
    throw new BuildError(`the out folder ${options.out} is the input folder: write the dossier elsewhere, e.g. --out ${path.join(options.input, 'pack')} (a folder inside the input is left out of the articles).`);
  }
  const { config, warnings: configWarnings } = await readSettings(options.input);
  const templates = new Templates(options.templates);

  // Read: every article file, decoded and parsed by the reader for its format.
  const { files, ignored, skipped } = await findArticleFiles(options.input, { exclude: options.out });
  if (files.length === 0) {
    throw new BuildError(`no article files (${ARTICLE_EXTENSIONS.join(' ')}) in ${options.input}: put the articles there, or pass --input DIR.`);
  }
  const fileWarnings = new Map<string, Warning[]>(files.map((file) => [file, []]));
  const reads = await timed(
    'read',
    async () => {
      const results = new Array<ReadOutcome>(files.length);
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < files.length) {
          const index = next++;
          const file = files[index]!;
          results[index] = await readCached(options.input, file, fileWarnings.get(file)!, options.cache);
          reporter.progress(++done, files.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
      return dropDuplicates(results.filter((result) => result !== undefined), fileWarnings);
    },
    (result) => `${result.length} of ${files.length} files`,
  );

  // Normalise: each article on its own, into the one model.
  const normalised = await timed(
    'normalise',
    () =>
      reads.flatMap(({ article }) => {
        const warnings = fileWarnings.get(article.file)!;
        const settings = {
          ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}),
          ...(config.articles[article.file] ? { override: config.articles[article.file] } : {}),
        };
        const result = options.cache
          ? options.cache.normalised(article, settings, warnings, () => normalise(article, warnings, settings))
          : normalise(article, warnings, settings);
        // A headline or front matter with nothing under it is not an article to brief from.
        if (result.words === 0) {
          warnings.push({ file: article.file, message: `skipped: it has no article text${result.titleDerived ? '' : ` under the headline "${result.title}"`}.` });
          return [];
        }
        return [result];
      }),
    (result) => `${result.length} articles`,
  );
  const warnings = [
    ...configWarnings,
    ...unmatchedOverrides(config, files),
    ...ignored.map((file) => ({ file, message: `skipped: not an article format dossier reads (${ARTICLE_EXTENSIONS.join(' ')}).` })),
    ...skipped,
    ...files.flatMap((file) => fileWarnings.get(file)!),
  ];
  if (normalised.length === 0) {
    throw new BuildError(
      `none of the ${files.length} files in ${options.input} could be read as an article:\n${warnings.map(formatWarning).join('\n')}`,
    );
  }

  // Enrich: what the articles tell us together.
  const enrichment = await timed(
    'enrich',
    () =>
      enrich(withIds(normalised), {
        ...(config.people ? { people: config.people } : {}),
        ...(config.organisations ? { organisations: config.organisations } : {}),
        ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}),
      }, (step, ms) => reporter.step?.(`enrich ${step}`, ms)),
    (result) => `${result.people.length} people, ${result.crossrefs.length} shared passages`,
  );
  const dossier = dossierOf(config, options, enrichment, warnings);

  // Render: every format from the same dossier.
  return renderAll(dossier, templates, options, timed, chromium);
}

async function readSettings(input: string): Promise<{ config: DossierConfig; warnings: Warning[] }> {
  try {
    return await readConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) throw new BuildError(error.message);
    throw error;
  }
}

type Timed = <T>(name: string, run: () => Promise<T> | T, detail: (result: T) => string) => Promise<T>;

async function renderAll(
  dossier: Dossier,
  templates: Templates,
  options: BuildOptions,
  timed: Timed,
  chromium: () => Promise<Browser>,
): Promise<BuildResult> {
  const done = new Map<Format, string[]>();
  const failed: BuildResult['failed'] = [];
  const out = options.out;
  const attempt = async (format: Format, run: () => Promise<string[]>) => {
    try {
      done.set(format, await run());
    } catch (error) {
      failed.push({ format, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const wants = (format: Format) => options.formats.includes(format);

  // How the PDF is laid out is settled first, so that its warning reaches every format.
  let printLayout: 'paged' | 'browser' | undefined;
  if (wants('pdf')) {
    const { choosePrintLayout, PAGED_LAYOUT_LIMIT } = await import('./render/pdf.js');
    printLayout = choosePrintLayout(dossier, options.printLayout);
    if (printLayout === 'browser' && (options.printLayout ?? 'auto') === 'auto') {
      dossier.warnings.push({
        file: 'dossier.pdf',
        message:
          `${dossier.articles.length} articles are more than the ${PAGED_LAYOUT_LIMIT} the print layout handles in a few minutes, so Chromium laid out the PDF itself: ` +
          'the people list has no page numbers, notes follow each article, only the contents and the notes are links, and the running head is the dossier title. ' +
          'Use --print-layout paged to wait for the full layout (about 20 minutes for 2,000 articles).',
      });
    }
  }
  // The HTML page is rendered once: written as dossier.html, and printed as the PDF of a very long dossier.
  let htmlPage: Promise<string> | undefined;
  const renderPage = () => (htmlPage ??= renderHtml(dossier, templates));

  // The formats are made side by side: while Chromium lays out and prints
  // the PDF, Node writes the others.
  const tasks: Promise<void>[] = [];
  if (wants('pdf')) {
    // The document Chromium prints is made before anything else, so that Chromium starts on it at once.
    const paper = options.paper ?? 'a4';
    const onStep = (step: string, ms: number) => options.reporter?.step?.(`pdf ${step}`, ms);
    const started = performance.now();
    const printDocument = printLayout === 'paged' ? import('./render/print.js').then(({ renderPrintHtml }) => renderPrintHtml(dossier, templates, paper)) : renderPage();
    await printDocument.then(
      () => onStep('document', performance.now() - started),
      () => undefined,
    );
    tasks.push(
      attempt('pdf', async () => {
        const pdf = await timed(
          'render pdf',
          async () => {
            const { renderPagedPdf, renderBrowserPdf } = await import('./render/pdf.js');
            const start = performance.now();
            const running = await chromium();
            onStep('waiting for Chromium', performance.now() - start);
            if (printLayout === 'paged') return renderPagedPdf(await printDocument, dossier, running, onStep);
            return renderBrowserPdf(await printDocument, dossier, running, { paper, templates, onStep });
          },
          (bytes) => `${Math.round(bytes.length / 1024)} KB`,
        );
        await writeFileAtomic(path.join(out, 'dossier.pdf'), pdf);
        return ['dossier.pdf'];
      }),
    );
  }
  if (wants('html')) {
    tasks.push(
      attempt('html', async () => {
        const html = await timed('render html', renderPage, (page) => `${Math.round(page.length / 1024)} KB`);
        await writeFileAtomic(path.join(out, 'dossier.html'), html);
        return ['dossier.html'];
      }),
    );
  }
  if (wants('epub')) {
    tasks.push(
      attempt('epub', async () => {
        // The EPUB writer and the cover's renderer load only for builds that make a book.
        const [{ renderEpub }, { renderCover }] = await Promise.all([import('./render/epub.js'), import('./render/cover.js')]);
        const book = await timed(
          'render epub',
          async () => {
            // Drawn in its own thread while the chapters are written.
            const cover = renderCover(dossier, templates).catch((error: unknown) => {
              dossier.warnings.push({ file: 'dossier.epub', message: `the book has no cover picture: ${error instanceof Error ? error.message : String(error)}` });
              return undefined;
            });
            return renderEpub(dossier, templates, cover);
          },
          (bytes) => `${Math.round(bytes.length / 1024)} KB`,
        );
        await writeFileAtomic(path.join(out, 'dossier.epub'), book);
        return ['dossier.epub'];
      }),
    );
  }
  if (wants('md')) {
    tasks.push(
      attempt('md', async () => {
        const files = await timed(
          'render markdown',
          () => new Map(dossier.articles.map((article) => [markdownFileName(article), articleMarkdown(article)])),
          (result) => `${result.size} files`,
        );
        await writeFolderAtomic(path.join(out, 'markdown'), files);
        return [...files.keys()].map((name) => `markdown/${name}`);
      }),
    );
  }
  await Promise.all(tasks);
  // The JSON comes last: it carries every warning the other formats gave.
  if (wants('json')) {
    await attempt('json', async () => {
      await writeFileAtomic(path.join(out, 'dossier.json'), renderJson(dossier, { markdown: wants('md') }));
      return ['dossier.json'];
    });
  }
  const written = FORMAT_ORDER.flatMap((format) => done.get(format) ?? []);
  failed.sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
  return { dossier, written, failed };
}

const FORMAT_ORDER: readonly Format[] = ['html', 'pdf', 'epub', 'md', 'json'];

/** The second and later copies of an identical text are skipped, naming the first. */
function dropDuplicates<T extends { article: { file: string }; text: string }>(reads: T[], warnings: Map<string, Warning[]>): T[] {
  const seen = new Map<string, string>();
  return reads.filter(({ article, text }) => {
    const digest = createHash('sha256').update(text).digest('hex');
    const first = seen.get(digest);
    if (first) {
      warnings.get(article.file)!.push({ file: article.file, message: `skipped: an exact duplicate of ${first}.` });
      return false;
    }
    seen.set(digest, article.file);
    return true;
  });
}

/**
 * `article-NN-slug` ids in reading order (NN widens past 99 articles): they
 * start with a letter, so they are valid CSS selectors as well as anchors.
 */
function withIds(articles: NormalisedArticle[]): Article[] {
  const width = Math.max(2, String(articles.length).length);
  return articles.map((article, index) => ({
    id: `article-${String(index + 1).padStart(width, '0')}-${slugify(article.title) || 'untitled'}`,
    ...article,
  }));
}

function unmatchedOverrides(config: DossierConfig, files: string[]): Warning[] {
  const known = new Set(files);
  return Object.keys(config.articles)
    .filter((name) => !known.has(name))
    .map((name) => ({ file: 'dossier.yaml', message: `settings for "${name}" match no article file; use the path relative to the input folder.` }));
}

function dossierOf(config: DossierConfig, options: BuildOptions, enrichment: Enrichment, warnings: Warning[]): Dossier {
  const { articles } = enrichment;
  const title = options.title ?? config.title ?? `Dossier: ${path.basename(path.resolve(options.input))}`;
  const titles = articles.slice(0, 3).map((article) => `“${article.title}”`);
  const more = articles.length > 3 ? `, and ${articles.length - 3} more` : '';
  return {
    title,
    ...(config.subtitle ? { subtitle: config.subtitle } : {}),
    ...(config.marking ? { marking: config.marking } : {}),
    ...(config.compiledBy ? { compiledBy: config.compiledBy } : {}),
    ...(config.date ? { date: config.date } : {}),
    language: config.language ?? 'en',
    description:
      config.description ?? `A briefing dossier of ${articles.length} news article${articles.length === 1 ? '' : 's'}: ${titles.join(', ')}${more}.`,
    ...enrichment,
    warnings: [...warnings, ...enrichment.warnings],
  };
}

export function formatWarning(warning: Warning): string {
  return `${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`;
}
