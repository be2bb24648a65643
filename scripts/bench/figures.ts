// What the benchmark measures, as passed between its processes and written to the JSON file.
import type { ProcessPeak } from './process-memory.js';

/** What the parent asks the build runner to build. */
export interface BuildRequest {
  input: string;
  out: string;
  formats: string[];
  /** DOSSIER_READ_THREADS for the build: 0 reads every saved page on the main thread. */
  readThreads?: number;
  /** After the build, draw the EPUB's cover from its dossier, in a thread started only then: the cover's cost when nothing overlaps it. */
  coverAfter?: boolean;
}

/** One `reporter.stage()` call, or a `reporter.step()` (a part of a stage, such as `enrich people`). */
export interface StageFigure {
  kind: 'stage' | 'step';
  name: string;
  detail: string;
  ms: number;
  /** When the stage ended, in ms after build() was called. */
  endMs: number;
}

/** What the build runner reports from inside its process. */
export interface BuildFigures {
  articles: number;
  warnings: number;
  stages: StageFigure[];
  /** The build() call. */
  buildMs: number;
  /** From the process's start to build() being called: Node, tsx and loading the pipeline. */
  buildStartMs: number;
  /** From the process's start to the figures being printed. */
  processMs: number;
  /** The Node process's peak resident set; Chromium's processes are not in it. */
  peakRssBytes: number;
  failed: { format: string; message: string }[];
  /** With `coverAfter`: the cover drawn after the build, from starting its thread to the picture. */
  coverMs?: number;
}

/** A build as the parent saw it. */
export interface BuildRun extends BuildFigures {
  label: string;
  formats: string[];
  /** Spawn to exit, as measured by the parent. */
  wallMs: number;
  /** Each process's peak resident memory, the build's Node process and Chromium's among them, highest first. */
  processPeaks: ProcessPeak[];
}

/** A stage's time in one build; a step names the stage it is part of. */
export interface StageTime {
  name: string;
  ms: number;
  detail: string;
  /** For a step: the stage it ran inside, when one did. */
  parent?: string;
}

/** What the watch-session runner prints: each edit of one seed article, timed. */
export interface WatchFigures {
  rebuilds: { saveToPageMs: number; buildMs: number; read: number; reused: number }[];
}

/** What the jsdom reading runner prints (read-jsdom.ts): the reader's engine before linkedom, on the same pages. */
export interface JsdomReadFigures {
  pages: number;
  /** Pages Readability found an article in. */
  articles: number;
  /** Preparing, parsing and Readability for every page, after the files are read. */
  readMs: number;
  peakRssBytes: number;
}
