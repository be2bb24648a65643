// One build, in a process of its own, so that its wall time includes start-up
// and its peak memory is its own:
//   node node_modules/.cache/dossier-bench/run-build.js '{"input":…,"out":…,"formats":[…]}'
// bundled by esbuild first, as `npm run build` runs the command (see bundleRunner).
// Prints one JSON line (a BuildFigures) to stdout; exits 1 when build() throws.
import '../../src/regexp-tiering.js';
import { browserSession } from '../../src/render/browser-session.js';
import { startCoverThread } from '../../src/render/epub/cover-thread.js';
import type { Dossier } from '../../src/model.js';
import type { Format } from '../../src/render/writer.js';
import type { BuildFigures, BuildRequest, StageFigure } from './figures.js';

const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
if (request.readThreads !== undefined) process.env.DOSSIER_READ_THREADS = String(request.readThreads);

// As the command does: Chromium boots, for a PDF, while Node loads the pipeline.
const browser = browserSession();
if (request.formats.includes('pdf')) browser.start();
// And the EPUB's cover thread starts, as the command starts it.
if (request.formats.includes('epub')) startCoverThread();
// Loaded here rather than imported at the top so that loading the pipeline counts as start-up.
const { build } = await import('../../src/build.js');

const stages: StageFigure[] = [];
let started = 0;
// Where each stage ended is kept: the parent finds the stage a step ran inside, and the time no stage covers.
const record = (kind: StageFigure['kind'], name: string, detail: string, ms: number) =>
  stages.push({ kind, name, detail, ms, endMs: performance.now() - started });
// Not annotated as Reporter: `step` (finer timings inside a stage, such as `enrich people`)
// is optional there, and this still type-checks against a Reporter without it.
const reporter = {
  stage: (name: string, detail: string, ms: number) => record('stage', name, detail, ms),
  step: (name: string, ms: number) => record('step', name, '', ms),
  progress() {},
};

started = performance.now();
const result = await build({
  input: request.input,
  out: request.out,
  formats: request.formats as Format[],
  reporter,
  browser,
});
const buildMs = performance.now() - started;
await browser.close();
const coverMs = request.coverAfter ? await drawCoverAfter(result.dossier) : undefined;

const figures: BuildFigures = {
  articles: result.dossier.articles.length,
  warnings: result.dossier.warnings.length,
  stages,
  buildMs,
  buildStartMs: started,
  // performance.now() counts from the process's start.
  processMs: performance.now(),
  // maxRSS is in kilobytes.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  failed: result.failed,
  ...(coverMs === undefined ? {} : { coverMs }),
};
process.stdout.write(`${JSON.stringify(figures)}\n`);

/** The EPUB's cover of the dossier built, drawn with nothing else running: its thread started, satori and the fonts loaded, the page set and painted. */
async function drawCoverAfter(dossier: Dossier): Promise<number> {
  const [{ prepareCover, renderCover }, { Templates }] = await Promise.all([import('../../src/render/epub/cover.js'), import('../../src/render/view/templates.js')]);
  const from = performance.now();
  const templates = new Templates();
  prepareCover(templates);
  await renderCover(dossier, templates);
  return performance.now() - from;
}
