// The printed report: the scaling table (stages × sizes) and plain text tables.
import type { BuildRun } from './figures.js';
import { stageTimes, unstagedMs } from './stages.js';

export const MIB = 1024 * 1024;

export interface ScalingRow {
  label: string;
  /** 1 for a step inside a stage, for indenting. */
  depth: number;
  unit: 'ms' | 'MiB' | 'articles';
  /** One value per build, in the order of the builds; undefined where that build did not report it. */
  values: (number | undefined)[];
  /** k in value ∝ n^k, fitted over every size (least squares on logs): 1 is linear. */
  growth?: number;
  /** k between the two largest sizes alone, where a worse-than-linear cost shows first. */
  lastStepGrowth?: number;
  /** ms per article at the smallest and the largest size. */
  perArticle?: [number, number];
}

/**
 * Rows of the scaling table: every stage any build reported, in the order
 * they reported (a stage only a later build reported goes after the one it
 * followed there), then the totals.
 */
export function scalingRows(runs: readonly BuildRun[]): ScalingRow[] {
  const stageRows: ScalingRow[] = [];
  runs.forEach((run, column) => {
    let previous = -1;
    for (const stage of stageTimes(run)) {
      let index = stageRows.findIndex((row) => row.label === stage.name);
      if (index === -1) {
        index = previous + 1;
        stageRows.splice(index, 0, { label: stage.name, depth: stage.parent ? 1 : 0, unit: 'ms', values: runs.map(() => undefined) });
      }
      stageRows[index]!.values[column] = stage.ms;
      previous = index;
    }
  });
  const rows: ScalingRow[] = [
    { label: 'articles built', depth: 0, unit: 'articles', values: runs.map((run) => run.articles) },
    ...stageRows,
    { label: 'other, inside build()', depth: 0, unit: 'ms', values: runs.map(unstagedMs) },
    { label: 'start-up and exit', depth: 0, unit: 'ms', values: runs.map((run) => run.wallMs - run.buildMs) },
    { label: 'total (wall)', depth: 0, unit: 'ms', values: runs.map((run) => run.wallMs) },
    { label: 'peak RSS (MiB)', depth: 0, unit: 'MiB', values: runs.map((run) => run.peakRssBytes / MIB) },
  ];
  const counts = runs.map((run) => run.articles);
  for (const row of rows) if (row.unit !== 'articles') Object.assign(row, growthOf(row.values, counts));
  return rows;
}

/**
 * How a row grows with the number of articles. The fit over every size is
 * steadier against a noisy machine than any two points; the last step shows
 * what a fixed start-up cost hides at the small sizes.
 */
function growthOf(values: readonly (number | undefined)[], counts: readonly number[]): Pick<ScalingRow, 'growth' | 'lastStepGrowth' | 'perArticle'> {
  const points = values.flatMap((value, index) => (value !== undefined && value > 0 && counts[index]! > 0 ? [{ n: counts[index]!, value }] : []));
  if (points.length === 0) return {};
  const first = points[0]!;
  const last = points.at(-1)!;
  const perArticle: [number, number] = [first.value / first.n, last.value / last.n];
  if (new Set(points.map((point) => point.n)).size < 2) return { perArticle };
  const beforeLast = points.at(-2)!;
  return {
    perArticle,
    growth: logLogSlope(points),
    ...(last.n > beforeLast.n ? { lastStepGrowth: Math.log(last.value / beforeLast.value) / Math.log(last.n / beforeLast.n) } : {}),
  };
}

/** The least-squares slope of log(value) against log(n). */
function logLogSlope(points: readonly { n: number; value: number }[]): number {
  const xs = points.map((point) => Math.log(point.n));
  const ys = points.map((point) => Math.log(point.value));
  const mean = (list: number[]) => list.reduce((sum, x) => sum + x, 0) / list.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const covariance = xs.reduce((sum, x, index) => sum + (x - mx) * (ys[index]! - my), 0);
  const variance = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return covariance / variance;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatNumber(value: number | undefined, unit: ScalingRow['unit']): string {
  if (value === undefined) return '–';
  return unit === 'MiB' || unit === 'articles' || value >= 10 ? integer.format(value) : value.toFixed(1);
}

function formatPerArticle(row: ScalingRow): string {
  // A process's memory is mostly its base; per article it says little.
  if (!row.perArticle || row.unit !== 'ms') return '';
  const digits = (value: number) => (value >= 10 ? integer.format(value) : value >= 1 ? value.toFixed(1) : value.toFixed(2));
  const [small, large] = row.perArticle;
  return small === large ? digits(small) : `${digits(small)} → ${digits(large)}`;
}

/** The scaling table as text. */
export function formatScalingTable(runs: readonly BuildRun[], rows: readonly ScalingRow[]): string {
  const header = ['stage (ms)', ...runs.map((run) => run.label), 'per article', 'k (fit)', 'k (last step)'];
  const exponent = (k: number | undefined) => (k === undefined ? '' : k.toFixed(2));
  const body = rows.map((row) => [
    `${'  '.repeat(row.depth)}${row.label}`,
    ...row.values.map((value) => formatNumber(value, row.unit)),
    formatPerArticle(row),
    exponent(row.growth),
    exponent(row.lastStepGrowth),
  ]);
  return formatTable(header, body, ['left', ...runs.map(() => 'right' as const), 'right', 'right', 'right']);
}

/** Columns padded to their widest cell. */
export function formatTable(header: readonly string[], body: readonly (readonly string[])[], align: readonly ('left' | 'right')[]): string {
  const widths = header.map((cell, column) => Math.max([...cell].length, ...body.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - [...cell].length);
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
