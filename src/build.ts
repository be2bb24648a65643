// The pipeline, in one place: settings → read → normalise → enrich → render.
// Each stage hands its result forward and never reaches back.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { ConfigError, findConfig, loadConfig, type DossierConfig } from './config.js';
import { enrich, type Enrichment } from './enrich/index.js';
import type { Article, Dossier, Warning } from './model.js';
import { normalise, type NormalisedArticle } from './normalise/index.js';
import { writeFileAtomic, writeFolderAtomic } from './output.js';
import { ARTICLE_EXTENSIONS, findArticleFiles, readArticle } from './read/index.js';
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

export async function build(options: BuildOptions): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  const timed = async <T>(name: string, run: () => Promise<T> | T, detail: (result: T) => string): Promise<T> => {
    const start = performance.now();
    const result = await run();
    reporter.stage(name, detail(result), performance.now() - start);
    return result;
  };

  const { config, warnings: configWarnings } = await readSettings(options.input);
  const templates = new Templates(options.templates);

  // Read: every article file, decoded and parsed by the reader for its format.
  const { files, ignored } = await findArticleFiles(options.input, { exclude: options.out });
  if (files.length === 0) {
    throw new BuildError(`no article files (${ARTICLE_EXTENSIONS.join(' ')}) in ${options.input}: put the articles there, or pass --input DIR.`);
  }
  const fileWarnings = new Map<string, Warning[]>(files.map((file) => [file, []]));
  const reads = await timed(
    'read',
    async () => {
      const results = new Array<Awaited<ReturnType<typeof readArticle>>>(files.length);
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < files.length) {
          const index = next++;
          const file = files[index]!;
          results[index] = await readArticle(options.input, file, fileWarnings.get(file)!);
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
        const result = normalise(article, warnings, {
          ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}),
          ...(config.articles[article.file] ? { override: config.articles[article.file] } : {}),
        });
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
      }),
    (result) => `${result.people.length} people, ${result.crossrefs.length} shared passages`,
  );
  const dossier = dossierOf(config, options, enrichment, warnings);

  // Render: every format from the same dossier.
  return renderAll(dossier, templates, options, timed);
}

async function readSettings(input: string): Promise<{ config: DossierConfig; warnings: Warning[] }> {
  const configPath = await findConfig(input);
  if (!configPath) return { config: { articles: {} }, warnings: [] };
  try {
    return await loadConfig(configPath, path.basename(configPath));
  } catch (error) {
    if (error instanceof ConfigError) throw new BuildError(error.message);
    throw error;
  }
}

type Timed = <T>(name: string, run: () => Promise<T> | T, detail: (result: T) => string) => Promise<T>;

async function renderAll(dossier: Dossier, templates: Templates, options: BuildOptions, timed: Timed): Promise<BuildResult> {
  const written: string[] = [];
  const failed: BuildResult['failed'] = [];
  const out = options.out;
  const attempt = async (format: Format, run: () => Promise<string[]>) => {
    try {
      written.push(...(await run()));
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
          'the contents and the people list have no page numbers, notes follow each article, and the running head is the dossier title. ' +
          'Use --print-layout paged to wait for the full layout (about 20 minutes for 2,000 articles).',
      });
    }
  }
  // The HTML page is rendered once: written as dossier.html, and printed as the PDF of a very long dossier.
  let htmlPage: Promise<string> | undefined;
  const renderPage = () => (htmlPage ??= renderHtml(dossier, templates));

  if (wants('html')) {
    await attempt('html', async () => {
      const html = await timed('render html', renderPage, (page) => `${Math.round(page.length / 1024)} KB`);
      await writeFileAtomic(path.join(out, 'dossier.html'), html);
      return ['dossier.html'];
    });
  }
  // One Chromium for the build, started when the PDF or the EPUB's cover first needs it.
  let browser: Promise<Browser> | undefined;
  const chromium = async () => {
    const [{ launchBrowser }, { printTimeout }] = await Promise.all([import('./render/browser.js'), import('./render/pdf.js')]);
    browser ??= launchBrowser(printTimeout(dossier));
    return browser;
  };
  try {
    if (wants('pdf')) {
      await attempt('pdf', async () => {
        const pdf = await timed(
          'render pdf',
          async () => {
            // Chromium and the EPUB writer load only for builds that make them.
            const [{ renderPagedPdf, renderBrowserPdf }, { renderPrintHtml }] = await Promise.all([import('./render/pdf.js'), import('./render/print.js')]);
            const paper = options.paper ?? 'a4';
            if (printLayout === 'paged') return renderPagedPdf(await renderPrintHtml(dossier, templates, paper), dossier, await chromium());
            return renderBrowserPdf(await renderPage(), dossier, await chromium(), { paper, templates });
          },
          (bytes) => `${Math.round(bytes.length / 1024)} KB`,
        );
        await writeFileAtomic(path.join(out, 'dossier.pdf'), pdf);
        return ['dossier.pdf'];
      });
    }
    if (wants('epub')) {
      await attempt('epub', async () => {
        const [{ renderEpub }, { renderCover }] = await Promise.all([import('./render/epub.js'), import('./render/cover.js')]);
        const book = await timed(
          'render epub',
          async () => {
            // The cover is a picture Chromium takes of the cover page; without a browser the book has none.
            const cover = await chromium()
              .then((running) => renderCover(dossier, templates, running))
              .catch((error: unknown) => {
                dossier.warnings.push({ file: 'dossier.epub', message: `the book has no cover picture: ${error instanceof Error ? error.message : String(error)}` });
                return undefined;
              });
            return renderEpub(dossier, templates, cover);
          },
          (bytes) => `${Math.round(bytes.length / 1024)} KB`,
        );
        await writeFileAtomic(path.join(out, 'dossier.epub'), book);
        return ['dossier.epub'];
      });
    }
  } finally {
    await (await browser?.catch(() => undefined))?.close();
  }
  if (wants('md')) {
    await attempt('md', async () => {
      const files = await timed(
        'render markdown',
        () => new Map(dossier.articles.map((article) => [markdownFileName(article), articleMarkdown(article)])),
        (result) => `${result.size} files`,
      );
      await writeFolderAtomic(path.join(out, 'markdown'), files);
      return [...files.keys()].map((name) => `markdown/${name}`);
    });
  }
  if (wants('json')) {
    await attempt('json', async () => {
      await writeFileAtomic(path.join(out, 'dossier.json'), renderJson(dossier, { markdown: wants('md') }));
      return ['dossier.json'];
    });
  }
  return { dossier, written, failed };
}

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
