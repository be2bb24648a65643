// `npm run build -- [options]`: builds a dossier and reports on stderr.
import './regexp-tiering.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildResult, Reporter } from './build.js';
import { browserSession, type BrowserSession } from './render/browser-session.js';
import { startCoverThread } from './render/epub/cover-thread.js';
// writer.ts holds only names and types: `--help` and argument errors answer without loading the pipeline.
import { FORMATS, type Format, type Paper, type PrintLayout } from './render/writer.js';
import { READING_ORDERS, type ReadingOrder } from './model.js';

const USAGE = `Usage: npm run build -- [--input DIR] [--out DIR] [--formats ${FORMATS.join(',')}]
                        [--title TEXT] [--order file|date|source] [--templates DIR] [--paper a4|letter]
                        [--print-layout auto|paged|browser] [--strict] [--watch]

  --input DIR       folder of articles (.txt .md .html), read recursively (default: seeds)
  --out DIR         where the dossier is written (default: out)
  --formats LIST    comma-separated formats to write (default: all)
  --title TEXT      the dossier's title (default: from dossier.yaml, else made from the articles)
  --order ORDER     reading order: file, date (undated last) or source (default: from
                    dossier.yaml, else date when at least half the articles are dated)
  --templates DIR   templates and stylesheets that replace the defaults, file by file
  --paper SIZE      PDF paper size: a4 (default) or letter
  --print-layout L  how the PDF is laid out: paged (page numbers in the contents,
                    notes at the foot of the page), browser (Chromium's own layout,
                    quicker, with less in it: asked for, never chosen
                    for you), auto (default: paged, at any length)
  --strict          exit with 1 when any file was skipped or had a warning
  --watch           build, then rebuild whenever an article, dossier.yaml or a
                    template changes, reading again only the files that changed
                    (Ctrl+C to stop)`;

/** Thrown for a wrong argument: the message is shown with the usage. */
class UsageError extends Error {}

interface CliOptions {
  input: string;
  out: string;
  formats: Format[];
  title?: string;
  order?: ReadingOrder;
  templates?: string;
  paper: Paper;
  printLayout: PrintLayout;
  strict: boolean;
  watch: boolean;
}

export async function parseCli(argv: string[]): Promise<CliOptions | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        formats: { type: 'string' },
        title: { type: 'string' },
        order: { type: 'string' },
        templates: { type: 'string' },
        paper: { type: 'string' },
        'print-layout': { type: 'string' },
        strict: { type: 'boolean' },
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';

  const formats = (values.formats ?? FORMATS.join(','))
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length || formats.length === 0) {
    throw new UsageError(`--formats: unknown format ${unknown.map((f) => `"${f}"`).join(', ') || '(none given)'}; choose from ${FORMATS.join(', ')}.`);
  }
  const paper = (values.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`--paper: "${values.paper}" is not a paper size; use a4 or letter.`);
  const printLayout = (values['print-layout'] ?? 'auto').toLowerCase();
  if (printLayout !== 'auto' && printLayout !== 'paged' && printLayout !== 'browser') {
    throw new UsageError(`--print-layout: "${values['print-layout']}" is not a layout; use auto, paged or browser.`);
  }
  const order = values.order?.toLowerCase();
  if (order !== undefined && !(READING_ORDERS as readonly string[]).includes(order)) {
    throw new UsageError(`--order: "${values.order}" is not an order; use ${READING_ORDERS.join(', ')}.`);
  }
  if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title: the title is empty.');

  const input = values.input ?? 'seeds';
  await mustBeFolder(input, '--input');
  const out = values.out ?? 'out';
  const outInfo = await stat(out).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out: ${out} is a file, not a folder.`);
  if (values.templates !== undefined) await mustBeFolder(values.templates, '--templates');
  return {
    input,
    out,
    formats: [...new Set(formats)] as Format[],
    ...(values.title !== undefined ? { title: values.title.trim() } : {}),
    ...(order !== undefined ? { order: order as ReadingOrder } : {}),
    ...(values.templates !== undefined ? { templates: values.templates } : {}),
    paper,
    printLayout,
    strict: values.strict ?? false,
    watch: values.watch ?? false,
  };
}

async function mustBeFolder(dir: string, flag: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new UsageError(`${flag}: ${dir} does not exist.`);
  if (!info.isDirectory()) throw new UsageError(`${flag}: ${dir} is not a folder.`);
}

/** Stage lines on stderr; a progress bar while many articles are read on a terminal. */
function stderrReporter(): Reporter {
  const bar = process.stderr.isTTY;
  let drawn = false;
  return {
    stage(name, detail, milliseconds) {
      if (drawn) process.stderr.write('\r\x1b[K');
      drawn = false;
      process.stderr.write(`dossier: ${name.padEnd(16)} ${detail.padEnd(22)} ${formatMs(milliseconds).padStart(8)}\n`);
    },
    progress(done, total) {
      if (!bar || total < 50) return;
      if (done !== total && done % Math.ceil(total / 100) !== 0) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\rdossier: reading [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
  };
}

/** `1 warning`, `3 warnings`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = await parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`dossier: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const started = performance.now();
  // Chromium boots in its own process while Node loads the pipeline.
  const browser = browserSession();
  if (options.formats.includes('pdf') && !options.watch) browser.start();
  // So does the thread that draws the EPUB's cover, which loads satori and the fonts meanwhile.
  if (options.formats.includes('epub')) startCoverThread();
  try {
    return await buildOnce(options, started, browser);
  } finally {
    await browser.close();
  }
}

async function buildOnce(options: CliOptions, started: number, browser: BrowserSession): Promise<number> {
  const [{ build, BuildError, formatWarning }, { removePartialOutputsOnSignal }] = await Promise.all([import('./build.js'), import('./output.js')]);
  removePartialOutputsOnSignal();
  const where = path.relative(process.cwd(), path.resolve(options.out)) || '.';
  const report = (result: BuildResult, milliseconds: number) => {
    for (const warning of result.dossier.warnings) process.stderr.write(`dossier: warning: ${formatWarning(warning)}\n`);
    for (const failure of result.failed) process.stderr.write(`dossier: error: ${failure.format}: ${failure.message}\n`);
    process.stderr.write(
      `dossier: wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'} to ${where}/ ` +
        `(${count(result.dossier.articles.length, 'article')}, ${count(result.dossier.warnings.length, 'warning')}) in ${formatMs(milliseconds)}\n`,
    );
  };
  const { strict: _strict, watch, ...buildOptions } = options;
  if (watch) return watchUntilStopped(buildOptions, report, BuildError);
  try {
    const result = await build({ ...buildOptions, reporter: stderrReporter(), browser });
    report(result, performance.now() - started);
    if (options.strict && result.dossier.warnings.length) {
      process.stderr.write(`dossier: error: --strict: ${count(result.dossier.warnings.length, 'warning')} (above).\n`);
      return 1;
    }
    return result.failed.length ? 1 : 0;
  } catch (error) {
    if (error instanceof BuildError) {
      process.stderr.write(`dossier: error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `--watch`: rebuilds until Ctrl+C; a failed build is reported and watching goes on. */
async function watchUntilStopped(
  options: Omit<CliOptions, 'strict' | 'watch'>,
  report: (result: BuildResult, milliseconds: number) => void,
  BuildError: new (...args: never[]) => Error,
): Promise<number> {
  const { watchBuild } = await import('./watch.js');
  const session = await watchBuild(options, {
    built(result, milliseconds, stats, changed) {
      if (changed.length) {
        const names = changed.map((file) => path.relative(process.cwd(), file) || file);
        process.stderr.write(`dossier: changed: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}; ${stats.read} file${stats.read === 1 ? '' : 's'} read again, ${stats.reused} unchanged\n`);
      }
      report(result, milliseconds);
    },
    failed(error) {
      const message = error instanceof BuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`dossier: error: ${message}\ndossier: still watching; fix it and save again.\n`);
    },
  });
  process.stderr.write(`dossier: watching ${session.folders.map((folder) => path.relative(process.cwd(), folder) || '.').join(', ')} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await session.close();
  return 0;
}

// Run when started as a program, not when a test imports it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dossier: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
