// The targets, each checked against what this run measured.
// Ratios, not absolute times: both sides are measured in the same run.
import type { ProcessPeak } from './process-memory.js';
import { formatRatio, formatTable, MIB, type ScalingRow } from './report.js';

export interface Target {
  target: string;
  /** The figure compared with the bar: a ratio, MiB, or an exponent. */
  value?: number;
  measured: string;
  bar: string;
  result: 'PASS' | 'MISS' | 'SKIP';
  /** Why it was skipped, or which stage it is about. */
  note?: string;
}

/** Past this, a stage is not "about linear": k in time ∝ n^k. */
export const LINEAR_GROWTH_BAR = 1.15;
/** Stages shorter than this at the largest size are mostly noise, so they are not judged on growth. */
const GROWTH_MIN_MS = 100;
/** Nor are stages that take less than this at any size. */
const GROWTH_FLOOR_MS = 10;
export const MEMORY_BAR_BYTES = 1.5 * 1024 * MIB;

export function ratioTarget(target: string, ratio: number | undefined, bar: number, strict: boolean, skipped?: string): Target {
  const barText = `${strict ? '<' : '≤'} ${formatRatio(bar)}`;
  if (ratio === undefined) return { target, measured: '–', bar: barText, result: 'SKIP', note: skipped ?? 'not measured' };
  const pass = strict ? ratio < bar : ratio <= bar;
  return { target, value: ratio, measured: formatRatio(ratio), bar: barText, result: pass ? 'PASS' : 'MISS' };
}

/** The highest of some peaks against the memory bar; `where` names the one that is highest. */
function peakTarget<T extends { bytes: number }>(target: string, peaks: readonly T[], bar: string, skipped: string, where: (peak: T) => string | undefined): Target {
  if (peaks.length === 0) return { target, measured: '–', bar, result: 'SKIP', note: skipped };
  const highest = peaks.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const value = highest.bytes / MIB;
  const note = where(highest);
  return { target, value, measured: `${Math.round(value)} MiB`, bar, result: highest.bytes < MEMORY_BAR_BYTES ? 'PASS' : 'MISS', ...(note ? { note } : {}) };
}

/** The highest peak of the builds given. */
export function memoryTarget(target: string, builds: readonly { label: string; peakRssBytes: number }[]): Target {
  const peaks = builds.map((build) => ({ label: build.label, bytes: build.peakRssBytes }));
  return peakTarget(target, peaks, `< ${MEMORY_BAR_BYTES / MIB} MiB`, 'not measured', (peak) => (builds.length > 1 ? `in the build "${peak.label}"` : undefined));
}

/** The highest peak of any one process of the builds given (the build's Node process, each of Chromium's), against the same bar. */
export function processMemoryTarget(target: string, builds: readonly { label: string; processPeaks: readonly ProcessPeak[] }[]): Target {
  const peaks = builds.flatMap((build) => build.processPeaks.map((peak) => ({ name: peak.name, label: build.label, bytes: peak.peakBytes })));
  return peakTarget(target, peaks, `< ${MEMORY_BAR_BYTES / MIB} MiB each`, 'not measured (needs /proc)', (peak) => `${peak.name}, in the build "${peak.label}"`);
}

/** The stage (or total) whose cost grows fastest with the number of articles. */
export function linearityTarget(target: string, rows: readonly ScalingRow[]): Target {
  const bar = `n^k (fit), k ≤ ${LINEAR_GROWTH_BAR}`;
  // A stage of a few milliseconds at some size (waiting for a Chromium that was already up) has no growth worth the name.
  const judged = rows.filter((row) => {
    const values = row.values.filter((value) => value !== undefined);
    return row.unit === 'ms' && row.growth !== undefined && Math.max(...values) >= GROWTH_MIN_MS && Math.min(...values) >= GROWTH_FLOOR_MS;
  });
  if (judged.length === 0) return { target, measured: '–', bar, result: 'SKIP', note: `needs two sizes with stages of ${GROWTH_MIN_MS} ms or more` };
  const worst = judged.reduce((a, b) => (b.growth! > a.growth! ? b : a));
  return {
    target,
    value: worst.growth!,
    measured: `k = ${worst.growth!.toFixed(2)}`,
    bar,
    result: worst.growth! <= LINEAR_GROWTH_BAR ? 'PASS' : 'MISS',
    note: `fastest-growing: ${worst.label}`,
  };
}

export function formatTargets(targets: readonly Target[]): string {
  return formatTable(
    ['target', 'measured', 'bar', 'result'],
    targets.map((target) => [target.target, target.measured, target.bar, target.note ? `${target.result} (${target.note})` : target.result]),
    ['left', 'right', 'left', 'left'],
  );
}
