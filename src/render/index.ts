// The rendering stage: the writers of the formats asked for, side by side
// from the same dossier (Chromium prints the PDF while Node writes the
// rest), their outputs put in place together at the end.
import type { Dossier, Warning } from '../model.js';
import { recoverOutFolder, StagedOutputs } from '../output.js';
import { timed } from '../timing.js';
import type { BrowserSession } from './browser-session.js';
import type { Templates } from './view/templates.js';
import { FORMATS, type Format, type Paper, type PrintLayout, type StepTimer, type WriteContext, type Writer } from './writer.js';
import { WRITERS } from './writers.js';

/** What a build writes in the out folder. */
const OUTPUT_NAMES = ['dossier.html', 'dossier.pdf', 'dossier.epub', 'markdown', 'dossier.json'];

export interface RenderOptions {
  out: string;
  formats: readonly Format[];
  templates: Templates;
  paper?: Paper;
  printLayout?: PrintLayout;
  browser: BrowserSession;
  /** A format finished: its stage line. */
  stage: (name: string, detail: string, milliseconds: number) => void;
  onStep?: StepTimer;
}

export interface Rendered {
  /** The dossier with every warning, the writers' included. */
  dossier: Dossier;
  /** Paths written, relative to the out folder. */
  written: string[];
  failed: { format: Format; message: string }[];
}

/** The stage line's name for each format. */
const STAGE_NAMES: Record<Format, string> = { html: 'html', pdf: 'pdf', epub: 'epub', md: 'markdown', json: 'json' };

export async function render(dossier: Dossier, options: RenderOptions): Promise<Rendered> {
  // What a build killed earlier left half done is finished or undone first.
  recoverOutFolder(options.out, OUTPUT_NAMES);
  const formats = FORMATS.filter((format) => options.formats.includes(format));
  const writers = await Promise.all(formats.map((format) => WRITERS[format].load()));
  const shared = new Map<string, Promise<unknown>>();
  const context: WriteContext = {
    formats,
    templates: options.templates,
    paper: options.paper ?? 'a4',
    printLayout: options.printLayout ?? 'auto',
    browser: () => options.browser.get(),
    shared: <T>(key: string, make: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, make());
      return shared.get(key) as Promise<T>;
    },
    onStep: options.onStep ?? (() => {}),
  };
  // Warnings known before writing (how the PDF is laid out) reach every format.
  const planned: Dossier = { ...dossier, warnings: [...dossier.warnings, ...writers.flatMap((writer) => writer.plan?.(dossier, context) ?? [])] };

  const outputs = new StagedOutputs(options.out);
  const done = new Map<Format, string[]>();
  const failed: Rendered['failed'] = [];
  const warnings: Warning[] = [];
  const run = async (writer: Writer, input: Dossier) => {
    try {
      const written = await timed(
        () => writer.write(input, context),
        (ms, result) => options.stage(`render ${STAGE_NAMES[writer.format]}`, result.summary, ms),
      );
      const names: string[] = [];
      for (const output of written.outputs) {
        if ('file' in output) {
          await outputs.file(output.file, output.data);
          names.push(output.file);
        } else {
          await outputs.folder(output.folder, output.files);
          names.push(...[...output.files.keys()].map((name) => `${output.folder}/${name}`));
        }
      }
      warnings.push(...written.warnings);
      done.set(writer.format, names);
    } catch (error) {
      failed.push({ format: writer.format, message: error instanceof Error ? error.message : String(error) });
    }
  };
  // What Chromium waits for is made before the other formats take the processor.
  const first = writers.filter((writer) => !writer.reportsWarnings);
  await Promise.all(first.map((writer) => writer.prepare?.(planned, context).catch(() => undefined)));
  // Chromium prints beside Node's writers, but those take turns: on one thread, side by side, they would only
  // interleave, and hold each one's working trees (a long article's hast, its HTML) at once.
  const printing = first.filter((writer) => WRITERS[writer.format].needsBrowser);
  const inNode = first.filter((writer) => !WRITERS[writer.format].needsBrowser);
  await Promise.all([
    ...printing.map((writer) => run(writer, planned)),
    (async () => {
      for (const writer of inNode) await run(writer, planned);
    })(),
  ]);
  const final: Dossier = { ...planned, warnings: [...planned.warnings, ...warnings] };
  await Promise.all(writers.filter((writer) => writer.reportsWarnings).map((writer) => run(writer, final)));

  // Every format made is put in place at once, so the out folder always holds one build's outputs.
  try {
    outputs.commit();
  } catch (error) {
    outputs.discard();
    for (const format of done.keys()) failed.push({ format, message: error instanceof Error ? error.message : String(error) });
    done.clear();
  }
  failed.sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format));
  return { dossier: final, written: formats.flatMap((format) => done.get(format) ?? []), failed };
}
