// The pipeline, in one place: settings → read → normalise → enrich → render.
// Each stage hands its result forward and never reaches back; each lives in
// the folder of its name.
import { ConfigError, headlinesByFile, readConfig, unmatchedOverrides, type DossierConfig } from './config.js';
import { assembleDossier, readingOrder, withIds } from './dossier.js';
import { enrich } from './enrich/index.js';
import type { ArticleCache } from './incremental.js';
import type { Dossier, ReadingOrder, Warning } from './model.js';
import { findVersions, foldVersions } from './enrich/versions.js';
import { normaliseArticles } from './normalise/articles.js';
import { readArticles } from './read/folder.js';
import { ARTICLE_EXTENSIONS, findArticleFiles } from './read/index.js';
import { realPathOrResolved } from './read/input-folder.js';
import { browserSession, type BrowserSession } from './render/browser-session.js';
import { render } from './render/index.js';
import { Templates } from './render/view/templates.js';
import type { Format, Paper, PrintLayout } from './render/writer.js';
import { WRITERS } from './render/writers.js';
import { timed } from './timing.js';

export type { Format };

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
  /** The articles' reading order, over dossier.yaml's `order`. */
  order?: ReadingOrder;
  templates?: string;
  paper?: Paper;
  /** How the PDF is laid out; `auto` (the default) uses Paged.js unless the dossier is very long. */
  printLayout?: PrintLayout;
  reporter?: Reporter;
  /** Kept between the builds of a watch session: articles whose files did not change are not read again. */
  cache?: ArticleCache;
  /** A Chromium the caller owns and closes (the command line's, a watch session's); otherwise the build starts its own. */
  browser?: BrowserSession;
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

export async function build(options: BuildOptions): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  const browser = options.browser ?? browserSession();
  // Chromium starts first, for builds with a PDF, and gets ready while Node reads and enriches.
  if (options.formats.some((format) => WRITERS[format].needsBrowser)) browser.start();
  const templates = new Templates(options.templates);
  for (const format of options.formats) WRITERS[format].warmUp?.(templates);
  try {
    return await stages(options, reporter, browser, templates);
  } finally {
    if (!options.browser) await browser.close();
  }
}

async function stages(options: BuildOptions, reporter: Reporter, browser: BrowserSession, templates: Templates): Promise<BuildResult> {
  const stage = <T>(name: string, work: () => Promise<T> | T, detail: (result: T) => string): Promise<T> =>
    timed(work, (ms, result) => reporter.stage(name, detail(result), ms));

  const { config, warnings: configWarnings } = await settings(options);
  const { files, ignored, skipped } = await findArticleFiles(options.input, { exclude: options.out });
  if (files.length === 0) {
    throw new BuildError(`no article files (${ARTICLE_EXTENSIONS.join(' ')}) in ${options.input}: put the articles there, or pass --input DIR.`);
  }
  const warningsOf = new Map<string, Warning[]>(files.map((file) => [file, []]));
  const reads = await stage(
    'read',
    () => readArticles(options.input, files, warningsOf, { ...(options.cache ? { cache: options.cache } : {}), progress: reporter.progress }),
    (result) => `${result.length} articles from ${files.length} files`,
  );
  const normalised = await stage('normalise', () => normaliseArticles(reads, config, warningsOf, options.cache), (result) => `${result.length} articles`);
  const warnings = [
    ...configWarnings,
    ...unmatchedOverrides(config, files, headlinesByFile(reads)),
    ...ignored.map((file) => ({ file, message: `skipped: not an article format dossier reads (${ARTICLE_EXTENSIONS.join(' ')}).` })),
    ...skipped,
    ...files.flatMap((file) => warningsOf.get(file)!),
  ];
  if (normalised.length === 0) {
    throw new BuildError(`none of the ${files.length} files in ${options.input} could be read as an article:\n${warnings.map(formatWarning).join('\n')}`);
  }
  // Reading order first: ids, numbers and every page reference follow it.
  const ordered = readingOrder(normalised, options.order ?? config.order);
  const versions = findVersions(ordered.articles);
  const fold = config.versions === 'fold';
  const articles = withIds(fold ? foldVersions(ordered.articles, versions) : ordered.articles, fold ? [] : versions);
  const enrichment = await stage(
    'enrich',
    () =>
      enrich(
        articles,
        {
          ...(config.people ? { people: config.people } : {}),
          ...(config.organisations ? { organisations: config.organisations } : {}),
          ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}),
        },
        (step, ms) => reporter.step?.(`enrich ${step}`, ms),
      ),
    (result) => `${result.people.length} people, ${result.sharedPassages.length} shared passages`,
  );
  const dossier = assembleDossier(config, { ...options, order: ordered.order }, enrichment, warnings);
  return render(dossier, {
    out: options.out,
    formats: options.formats,
    templates,
    ...(options.paper ? { paper: options.paper } : {}),
    ...(options.printLayout ? { printLayout: options.printLayout } : {}),
    browser,
    stage: reporter.stage,
    onStep: (step, ms) => reporter.step?.(step, ms),
  });
}

/** dossier.yaml, after checking that the out folder will not be read back as articles. */
async function settings(options: BuildOptions): Promise<{ config: DossierConfig; warnings: Warning[] }> {
  if ((await realPathOrResolved(options.out)) === (await realPathOrResolved(options.input))) {
    // Each build would read the last one's pages back as articles, and the pack would grow with every run.
    throw new BuildError(
      `the out folder ${options.out} is the input folder: write the dossier elsewhere, e.g. --out ${options.input.replace(/\/+$/, '')}/pack (a folder inside the input is left out of the articles).`,
    );
  }
  try {
    return await readConfig(options.input);
  } catch (error) {
    if (error instanceof ConfigError) throw new BuildError(error.message);
    throw error;
  }
}

export function formatWarning(warning: Warning): string {
  return `${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`;
}
