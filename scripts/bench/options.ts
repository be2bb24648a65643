// `npm run bench -- [options]`: what to build and measure.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench -- [--corpus DIR] [--sizes 250,500,1000,2000] [--pdf-sizes LIST | --no-pdf]
                        [--no-seeds] [--saved-pages N | --no-saved-pages] [--json FILE] [--keep DIR]

  --corpus DIR   folder of articles (.txt .md .html), read recursively; files are taken
                 in turn from each top-level folder, so every size mixes the topics
                 (default: a generated corpus of invented news text, the same every run)
  --sizes LIST   how many articles to build, comma-separated (default: 250,500,1000,2000)
  --pdf-sizes LIST  how many articles to build as a PDF, each beside Chromium printing
                 the same articles (default: 250,300,500,1000,2000; --pdf-size N for one)
  --no-pdf       no PDF builds (they take minutes at 1,000 articles)
  --no-seeds     skip the seeds/ build and the Chromium start-up it is compared with
  --saved-pages N  how many generated saved web pages to read on one thread and in
                 reading threads, side by side (default: 36)
  --no-saved-pages  no saved-page reading comparison
  --json FILE    where the figures are written (default: out/bench.json)
  --keep DIR     build in DIR and keep the inputs and outputs (default: a temporary folder)

Each build runs in its own Node process. Compared side by side in the same run:
pandoc (HTML and EPUB 3) when it is installed, and Chromium printing a plain page.`;

export interface BenchOptions {
  corpus?: string;
  sizes: number[];
  /** The sizes built as a PDF, smallest first; empty when no PDF is to be built. */
  pdfSizes: number[];
  seeds: boolean;
  /** How many generated saved pages to read with DOSSIER_READ_THREADS=0 and with reading threads; undefined: none. */
  savedPages?: number;
  json: string;
  keep?: string;
}

/** A wrong argument: shown with the usage, exit code 2. */
export class UsageError extends Error {}

function count(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag}: "${text}" is not a number of articles (a whole number, 1 or more).`);
  }
  return value;
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        sizes: { type: 'string' },
        'pdf-size': { type: 'string' },
        'pdf-sizes': { type: 'string' },
        'no-pdf': { type: 'boolean' },
        'no-seeds': { type: 'boolean' },
        'saved-pages': { type: 'string' },
        'no-saved-pages': { type: 'boolean' },
        json: { type: 'string' },
        keep: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const pdfList = values['pdf-sizes'] ?? values['pdf-size'];
  if (values['pdf-sizes'] !== undefined && values['pdf-size'] !== undefined) throw new UsageError('--pdf-size and --pdf-sizes: choose one.');
  if (values['no-pdf'] && pdfList !== undefined) throw new UsageError(`${values['pdf-sizes'] ? '--pdf-sizes' : '--pdf-size'} and --no-pdf: choose one.`);
  if (values['no-saved-pages'] && values['saved-pages'] !== undefined) throw new UsageError('--saved-pages and --no-saved-pages: choose one.');
  const sizeList = (text: string, flag: string) => [...new Set(text.split(',').map((size) => count(size, flag)))].sort((a, b) => a - b);
  const sizes = sizeList(values.sizes ?? '250,500,1000,2000', '--sizes');
  if (values.corpus !== undefined) {
    const info = statSync(values.corpus, { throwIfNoEntry: false });
    if (!info) throw new UsageError(`--corpus: ${values.corpus} does not exist.`);
    if (!info.isDirectory()) throw new UsageError(`--corpus: ${values.corpus} is not a folder.`);
  }
  return {
    ...(values.corpus !== undefined ? { corpus: values.corpus } : {}),
    sizes,
    pdfSizes: values['no-pdf'] ? [] : sizeList(pdfList ?? '250,300,500,1000,2000', values['pdf-size'] !== undefined ? '--pdf-size' : '--pdf-sizes'),
    seeds: !values['no-seeds'],
    ...(values['no-saved-pages'] ? {} : { savedPages: count(values['saved-pages'] ?? '36', '--saved-pages') }),
    json: values.json ?? 'out/bench.json',
    ...(values.keep !== undefined ? { keep: values.keep } : {}),
  };
}
