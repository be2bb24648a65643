// `npm run bench -- [options]`: how build time and memory grow with the number
// of articles, stage by stage, and how we compare with pandoc and with
// Chromium on its own, measured side by side in one run. Ratios, not absolute
// times, are what we track: these machines are noisy. See `--help`.
// BBC text is only read from where --corpus points, never copied here.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compareColdEpub,
  comparePandoc,
  comparePdf,
  compareSavedPages,
  compareSeeds,
  SHORT_RUN_REPEATS,
  type ColdEpubComparison,
  type InputSet,
  type PandocComparison,
  type PdfComparison,
  type SavedPagesComparison,
  type SeedsComparison,
} from './bench/compare.js';
import { loadCorpus, writeInputSet } from './bench/corpus.js';
import type { BuildRun, WatchFigures } from './bench/figures.js';
import { writeGeneratedCorpus } from './bench/generate.js';
import { ROOT, runBuild, runWatchSession } from './bench/measure.js';
import { parseOptions, USAGE, UsageError, type BenchOptions } from './bench/options.js';
import { formatMs, formatRatio, formatScalingTable, formatTable, MIB, scalingRows, type ScalingRow } from './bench/report.js';
import { attempt, build, freshDir, log, problems } from './bench/session.js';
import { overlappingStages, stageTimes } from './bench/stages.js';
import { formatTargets, linearityTarget, memoryTarget, processMemoryTarget, ratioTarget, type Target } from './bench/targets.js';
import { findChromium, toolVersion } from './bench/tools.js';

const WITHOUT_PDF = ['html', 'epub', 'md', 'json'];
/** The size the targets are stated for; the comparison uses the largest size up to it. */
const TARGET_SIZE = 1000;

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

interface CorpusSummary {
  source: 'folder' | 'generated';
  dir?: string;
  distinctArticles: number;
  duplicatesLeftOut: number;
}

/** The input folder for each size: the first N articles of the corpus. */
async function inputSets(options: BenchOptions, work: string): Promise<{ sets: Map<number, InputSet>; corpus: CorpusSummary }> {
  const wanted = Math.max(...options.sizes, ...options.pdfSizes);
  let dir = options.corpus ? path.resolve(options.corpus) : undefined;
  if (!dir) {
    dir = await freshDir(path.join(work, 'generated-corpus'));
    log(`no --corpus: generating ${wanted} articles of invented news text`);
    await writeGeneratedCorpus(dir, wanted);
  }
  const corpus = await loadCorpus(dir);
  if (corpus.articles.length === 0) throw new Error(`no article files (.txt .md .html) in ${dir}.`);
  log(`${corpus.articles.length} distinct articles in ${dir}${corpus.duplicates ? ` (${corpus.duplicates} exact duplicates left out)` : ''}`);
  const sets = new Map<number, InputSet>();
  for (const size of new Set([...options.sizes, ...options.pdfSizes])) {
    const articles = corpus.articles.slice(0, size);
    if (articles.length < size) log(`size ${size}: the corpus has only ${articles.length} distinct articles; using all of them`);
    const setDir = await freshDir(path.join(work, `input-${size}`));
    await writeInputSet(setDir, articles);
    sets.set(size, { size, dir: setDir, articles });
  }
  return {
    sets,
    corpus: {
      source: options.corpus ? 'folder' : 'generated',
      ...(options.corpus ? { dir } : {}),
      distinctArticles: corpus.articles.length,
      duplicatesLeftOut: corpus.duplicates,
    },
  };
}

interface Environment {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string | undefined;
  memoryBytes: number;
  chromium: { path: string; version: string | undefined } | null;
  pandoc: string | null;
  commit: string | undefined;
}

async function environmentOf(chromium: string | undefined): Promise<Environment> {
  const [chromiumVersion, pandocVersion] = await Promise.all([chromium ? toolVersion(chromium, /chrom/i) : undefined, toolVersion('pandoc', /^pandoc/i)]);
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryBytes: os.totalmem(),
    chromium: chromium ? { path: chromium, version: chromiumVersion } : null,
    pandoc: pandocVersion ?? null,
    commit: gitCommit(),
  };
}

/** Everything one run measured. */
interface Results {
  date: string;
  environment: Environment;
  options: BenchOptions;
  corpus: CorpusSummary;
  /** One build per size, without the PDF. */
  runs: BuildRun[];
  /** The size compared with pandoc: the largest up to TARGET_SIZE. */
  comparisonSize: number;
  ours?: BuildRun;
  pandoc?: PandocComparison;
  /** One PDF build per size of --pdf-sizes, each beside Chromium printing the same articles. */
  pdfs: PdfComparison[];
  seeds?: SeedsComparison;
  /** The seeds to EPUB with no kept cover, against md,json with the cover drawn after. */
  coldEpub?: ColdEpubComparison;
  /** `--watch` on a copy of the seeds, HTML only: each edit from the save to the rewritten page. */
  watch?: WatchFigures;
  /** Generated saved pages read on one thread, in reading threads and by jsdom and Readability. */
  savedPages?: SavedPagesComparison;
}

async function bench(options: BenchOptions, work: string): Promise<number> {
  const date = new Date().toISOString();
  const chromium = await findChromium();
  const environment = await environmentOf(chromium);
  if (!chromium) log('no Chromium found: the Chromium comparisons are skipped (and the builds cannot make a PDF)');
  if (!environment.pandoc) log('pandoc is not installed: the pandoc comparison is skipped, and the PDF floor prints a plain HTML page of the articles');

  const { sets, corpus } = await inputSets(options, work);
  // The seeds go first: their repeated short builds also warm the disk caches and tsx's compile cache.
  const seeds = options.seeds ? await compareSeeds(chromium, work) : undefined;
  const coldEpub = options.seeds ? await attempt('cold epub', () => compareColdEpub(work)) : undefined;
  const watch = options.seeds ? await attempt('watch session', () => watchSeeds(work)) : undefined;
  if (!seeds) {
    // Untimed, so that the first timed build does not pay for what the seeds would have warmed.
    log('warm-up build (not counted)');
    await attempt('warm-up', () => runBuild('warm-up', { input: sets.get(options.sizes[0]!)!.dir, out: path.join(work, 'out-warm-up'), formats: ['json'] }));
  }

  // (1) Every size, all enrichment, every format but the PDF: the scaling table, and our side of the pandoc comparison.
  const runs: BuildRun[] = [];
  for (const size of options.sizes) {
    const run = await build(String(size), { input: sets.get(size)!.dir, out: await freshDir(path.join(work, `out-${size}`)), formats: WITHOUT_PDF });
    if (run) runs.push(run);
  }
  const comparisonSize = [...options.sizes].reverse().find((size) => size <= TARGET_SIZE) ?? options.sizes[0]!;
  const ours = runs.find((run) => run.label === String(comparisonSize));
  const pandocRun = environment.pandoc ? await attempt('pandoc', () => comparePandoc(sets.get(comparisonSize)!, work)) : undefined;
  const pdfs: PdfComparison[] = [];
  for (const size of options.pdfSizes) pdfs.push(await comparePdf(sets.get(size)!, chromium, pandocRun, environment.pandoc !== null, work));
  const savedPages = options.savedPages ? await attempt('saved pages', () => compareSavedPages(work, options.savedPages!)) : undefined;

  const results: Results = {
    date,
    environment,
    options,
    corpus,
    runs,
    comparisonSize,
    ...(ours ? { ours } : {}),
    ...(pandocRun ? { pandoc: pandocRun } : {}),
    pdfs,
    ...(seeds ? { seeds } : {}),
    ...(coldEpub ? { coldEpub } : {}),
    ...(watch ? { watch } : {}),
    ...(savedPages ? { savedPages } : {}),
  };
  const rows = scalingRows(runs);
  const pdfRows = scalingRows(pdfs.flatMap((pdf) => (pdf.ours ? [pdf.ours] : [])));
  const targets = targetsOf(results, rows, pdfRows);
  process.stdout.write(`${reportText(results, rows, pdfRows, targets).join('\n')}\n`);

  const json = path.resolve(options.json);
  await mkdir(path.dirname(json), { recursive: true });
  await writeFile(json, `${JSON.stringify(figuresOf(results, rows, pdfRows, targets), null, 2)}\n`);
  log(`figures written to ${path.relative(process.cwd(), json) || json}`);
  return problems.length ? 1 : 0;
}

const pandocRatio = (results: Results) => (results.ours && results.pandoc ? results.ours.wallMs / results.pandoc.totalMs : undefined);

/** "pandoc's" HTML is what Chromium prints as the PDF floor, or a plain page without pandoc. */
const floorName = (results: Results) => (results.environment.pandoc ? "pandoc's" : 'plain');

/** The sizes the PDF targets are stated for (each needs its size in --pdf-sizes). */
const PDF_TARGET_SIZES = [300, 1000, 2000];
/** The full print layout against Chromium printing the same articles. */
const PDF_BAR = 3;

/** The issue's targets against this run's figures. */
function targetsOf(results: Results, rows: ScalingRow[], pdfRows: ScalingRow[]): Target[] {
  const { comparisonSize, options, pdfs, seeds } = results;
  const sizeNote = (size: number) => (size === TARGET_SIZE ? undefined : `the target is for ${TARGET_SIZE} articles`);
  const pdfRuns = pdfs.flatMap((pdf) => (pdf.ours ? [pdf.ours] : []));
  const noPdf = options.pdfSizes.length ? undefined : '--no-pdf';
  return [
    withNote(
      ratioTarget(
        `${comparisonSize} articles to HTML+EPUB+JSON+md, all enrichment, vs pandoc HTML+EPUB`,
        pandocRatio(results),
        0.5,
        false,
        results.environment.pandoc ? undefined : 'pandoc not installed',
      ),
      sizeNote(comparisonSize),
    ),
    ...PDF_TARGET_SIZES.map((size) =>
      ratioTarget(
        `${size} articles to PDF, full print layout, vs Chromium printing ${floorName(results)} HTML`,
        pdfs.find((pdf) => pdf.size === size)?.ratio,
        PDF_BAR,
        false,
        noPdf ?? (options.pdfSizes.includes(size) ? undefined : `${size} is not in --pdf-sizes`),
      ),
    ),
    withNote(linearityTarget(`PDF about linear in articles (${pdfRuns.map((run) => run.articles).join(', ')})`, pdfRows), noPdf),
    withNote(processMemoryTarget('peak memory of every process of the PDF builds, Node and Chromium', pdfRuns), noPdf),
    ratioTarget('seeds, all five outputs, vs Chromium starting and printing one line', seeds?.ratio, 1.5, false, options.seeds ? undefined : '--no-seeds'),
    watchTarget(results.watch, options.seeds),
    ...savedPagesTargets(results.savedPages, options.savedPages !== undefined),
    withNote(memoryTarget(`peak memory of the Node process, ${comparisonSize} articles`, results.ours ? [results.ours] : []), sizeNote(comparisonSize)),
    linearityTarget(`every stage about linear in articles (${results.runs.map((run) => run.articles).join(', ')})`, rows),
  ];
}

/** Saved pages read at least twice as fast as jsdom and Readability read them, the build's peak memory under 500 MiB. */
function savedPagesTargets(saved: SavedPagesComparison | undefined, measured: boolean): Target[] {
  const skipped = measured ? undefined : '--no-saved-pages';
  const memory = saved?.oneThread && saved.threads ? Math.max(saved.oneThread.peakRssBytes, saved.threads.peakRssBytes) : undefined;
  const bar = `< ${SAVED_PAGES_MEMORY_BAR_MIB} MiB`;
  const pages = saved?.pages ?? 'the';
  return [
    ratioTarget(`${pages} saved pages: our read stage vs jsdom + Readability`, saved?.ratioToJsdom, 0.5, false, skipped),
    memory === undefined
      ? { target: `${pages} saved pages: peak memory of the build`, measured: '–', bar, result: 'SKIP', note: skipped ?? 'not measured' }
      : {
          target: `${pages} saved pages: peak memory of the build`,
          value: memory / MIB,
          measured: `${Math.round(memory / MIB)} MiB`,
          bar,
          result: memory < SAVED_PAGES_MEMORY_BAR_MIB * MIB ? 'PASS' : 'MISS',
        },
  ];
}

const SAVED_PAGES_MEMORY_BAR_MIB = 500;

/** "Well under a second": half of one, from the save to the rewritten page. */
const WATCH_BAR_MS = 500;

/** The slowest of the edits, so that one lucky rebuild does not pass the target. */
function watchTarget(watch: WatchFigures | undefined, measured: boolean): Target {
  const target = 'seeds, HTML only, rebuilt by --watch after one edit';
  const bar = `< ${WATCH_BAR_MS} ms`;
  if (!watch?.rebuilds.length) return { target, measured: '–', bar, result: 'SKIP', note: measured ? 'the watch session failed' : '--no-seeds' };
  const slowest = Math.max(...watch.rebuilds.map((rebuild) => rebuild.saveToPageMs));
  const reread = Math.max(...watch.rebuilds.map((rebuild) => rebuild.read));
  return {
    target,
    value: slowest,
    measured: `${Math.round(slowest)} ms`,
    bar,
    result: slowest < WATCH_BAR_MS ? 'PASS' : 'MISS',
    note: `slowest of ${watch.rebuilds.length} edits; ${reread} file${reread === 1 ? '' : 's'} read again each time`,
  };
}

/** A copy of the seeds, edited while a watch session rebuilds them. */
async function watchSeeds(work: string): Promise<WatchFigures> {
  const input = await freshDir(path.join(work, 'watch-seeds'));
  await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
  log('seeds: a watch session, five edits…');
  return runWatchSession({ input, out: await freshDir(path.join(work, 'out-watch')), edits: 5 });
}

/** The printed report, line by line. */
function reportText(results: Results, rows: ScalingRow[], pdfRows: ScalingRow[], targets: Target[]): string[] {
  const { environment, options, comparisonSize, ours, pandoc: pandocRun, pdfs, seeds } = results;
  const pdfRuns = pdfs.flatMap((pdf) => (pdf.ours ? [pdf.ours] : []));
  const overlapping = [...new Set(results.runs.flatMap(overlappingStages))];
  return [
    `dossier bench, ${results.date}: Node ${process.version}, ${environment.cpus} CPUs, ${environment.chromium?.version ?? 'no Chromium'}, ${environment.pandoc ?? 'no pandoc'}`,
    `corpus: ${options.corpus ?? 'generated'} (${results.corpus.distinctArticles} distinct articles)`,
    '',
    `Scaling: one build per size, each in a fresh Node process, formats ${WITHOUT_PDF.join(',')}, all enrichment`,
    formatScalingTable(results.runs, rows),
    'Times in ms. per article: ms per article at the smallest → largest size. k: the exponent in time ∝ n^k',
    '(1.00 is linear), fitted over all sizes, and between the two largest alone. Indented: steps of the stage above.',
    ...(overlapping.length ? [`${overlapping.join(', ')} ran side by side: their times overlap, so they add up to more than the wall time.`] : []),
    'Peak RSS is the Node process only; Chromium runs in processes of its own.',
    '',
    ...(pdfRuns.length
      ? [
          'The PDF: one build per size of --pdf-sizes, the full print layout (page-foot notes, page numbers, running heads)',
          formatScalingTable(pdfRuns, pdfRows),
          `peak of any Chromium process: ${pdfRuns.map((run) => `${run.label}: ${formatMiB(chromiumPeak(run))}`).join(', ')}`,
          '',
        ]
      : []),
    'Side by side (same articles, same run; wall time from start to exit)',
    formatTable(
      ['comparison', 'ours', 'theirs', 'ratio'],
      [
        environment.pandoc
          ? comparisonRow(
              `${comparisonSize} articles: html,epub,md,json vs pandoc HTML (${formatMaybe(pandocRun?.htmlMs)}) + EPUB (${formatMaybe(pandocRun?.epubMs)})`,
              ours?.wallMs,
              pandocRun?.totalMs,
            )
          : skippedRow(`${comparisonSize} articles: html,epub,md,json vs pandoc HTML + EPUB`, 'pandoc is not installed'),
        ...(pdfs.length
          ? pdfs.map((pdf) => comparisonRow(`${pdf.size} articles: pdf vs Chromium printing ${floorName(results)} HTML`, pdf.ours?.wallMs, pdf.chromiumPrintMs))
          : [skippedRow('pdf vs Chromium printing HTML', '--no-pdf')]),
        options.seeds
          ? comparisonRow(`seeds: all five formats vs Chromium printing one line (best of ${SHORT_RUN_REPEATS})`, seeds?.best?.wallMs, seeds?.chromiumBestMs)
          : skippedRow('seeds: all five formats vs Chromium printing one line', '--no-seeds'),
        options.seeds
          ? comparisonRow(
              `seeds: epub, no kept cover, vs md,json then the cover drawn after it (${formatMaybe(results.coldEpub?.coverMs)}), best of ${SHORT_RUN_REPEATS}`,
              results.coldEpub?.bestEpubMs,
              results.coldEpub?.bestReferenceMs,
            )
          : skippedRow('seeds: cold epub vs md,json then the cover', '--no-seeds'),
        ...savedPagesRows(results.savedPages, options.savedPages),
      ],
      ['left', 'right', 'right', 'right'],
    ),
    '',
    'Targets',
    formatTargets(targets),
    ...(problems.length ? ['', 'Problems', ...problems.map((problem) => `- ${problem}`)] : []),
  ];
}

/** Everything, for the JSON file. */
function figuresOf(results: Results, rows: ScalingRow[], pdfRows: ScalingRow[], targets: Target[]) {
  const { pdfs, seeds } = results;
  return {
    date: results.date,
    environment: results.environment,
    options: results.options,
    corpus: results.corpus,
    scaling: { formats: WITHOUT_PDF, builds: results.runs.map(withStages), rows },
    sideBySide: {
      size: results.comparisonSize,
      oursMs: results.ours?.wallMs,
      pandoc: results.pandoc ? { htmlMs: results.pandoc.htmlMs, epubMs: results.pandoc.epubMs, totalMs: results.pandoc.totalMs } : null,
      ratio: pandocRatio(results),
    },
    pdf: { builds: pdfs.map((pdf) => ({ ...pdf, ours: pdf.ours && withStages(pdf.ours) })), rows: pdfRows },
    seeds: seeds ? { ...seeds, ours: seeds.ours.map(withStages), best: seeds.best && withStages(seeds.best) } : null,
    coldEpub: results.coldEpub ? { ...results.coldEpub, epub: results.coldEpub.epub.map(withStages), reference: results.coldEpub.reference.map(withStages) } : null,
    watch: results.watch ?? null,
    savedPages: results.savedPages ?? null,
    targets,
    problems,
  };
}

/** A build's figures with its stages resolved, for the JSON file. */
function withStages(run: BuildRun) {
  return { ...run, stageTimes: stageTimes(run) };
}

function withNote(target: Target, note: string | undefined): Target {
  if (!note || target.result === 'SKIP') return target;
  return { ...target, note: target.note ? `${target.note}; ${note}` : note };
}

/** The highest peak of the build's Chromium processes. */
function chromiumPeak(run: BuildRun): number | undefined {
  const peaks = run.processPeaks.filter((peak) => /chrom/i.test(peak.name)).map((peak) => peak.peakBytes);
  return peaks.length ? Math.max(...peaks) : undefined;
}

function formatMiB(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${Math.round(bytes / MIB)} MiB`;
}

function formatMaybe(ms: number | undefined): string {
  return ms === undefined ? '–' : formatMs(ms);
}

/** Our read stage against jsdom and Readability, and in threads against one thread, each with its peak memory. */
function savedPagesRows(saved: SavedPagesComparison | undefined, pages: number | undefined): string[][] {
  if (!pages) return [skippedRow('saved pages: our read stage vs jsdom + Readability', '--no-saved-pages')];
  const peak = (reading: { peakRssBytes: number } | undefined) => formatMiB(reading?.peakRssBytes);
  return [
    comparisonRow(
      `${pages} saved pages, read stage on one thread (peak ${peak(saved?.oneThread)}) vs jsdom + Readability (peak ${peak(saved?.jsdom)}), best of ${SHORT_RUN_REPEATS}`,
      saved?.oneThread?.readMs,
      saved?.jsdom?.readMs,
    ),
    comparisonRow(
      `${pages} saved pages, read stage in reading threads (peak ${peak(saved?.threads)}) vs one thread, best of ${SHORT_RUN_REPEATS}`,
      saved?.threads?.readMs,
      saved?.oneThread?.readMs,
    ),
  ];
}

function skippedRow(label: string, reason: string): string[] {
  return [`${label}: skipped (${reason})`, '', '', ''];
}

function comparisonRow(label: string, ours: number | undefined, theirs: number | undefined): string[] {
  return [label, formatMaybe(ours), formatMaybe(theirs), ours !== undefined && theirs ? formatRatio(ours / theirs) : '–'];
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const work = options.keep ? path.resolve(options.keep) : await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-'));
  await mkdir(work, { recursive: true });
  try {
    return await bench(options, work);
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
