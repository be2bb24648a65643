// Stage figures as the build's reporter sent them, turned into one time per
// name. The names are whatever build() reports, so new finer stages need no
// change here. Stages may run at the same time (the formats are rendered side
// by side), so a step is placed under the stage it ran inside by its time
// span and name, never by adding times up.
import type { BuildFigures, StageFigure, StageTime } from './figures.js';

/** Tolerance for spans that touch, in ms. */
const EPSILON = 0.5;

const start = (stage: StageFigure) => stage.endMs - stage.ms;

function within(inner: StageFigure, outer: StageFigure): boolean {
  return start(outer) <= start(inner) + EPSILON && inner.endMs <= outer.endMs + EPSILON;
}

/** The stage a step ran inside: one whose name starts the step's (`enrich` for `enrich people`), else the shortest around it. */
function parentOf(step: StageFigure, stages: readonly StageFigure[]): string | undefined {
  const around = stages.filter((stage) => stage.kind === 'stage' && within(step, stage));
  const named = around.find((stage) => step.name.startsWith(`${stage.name} `));
  return (named ?? around.sort((a, b) => a.ms - b.ms)[0])?.name;
}

/**
 * One entry per name, the stages in the order they reported, each followed
 * by its steps; a name reported more than once adds up.
 */
export function stageTimes(figures: BuildFigures): StageTime[] {
  const byName = new Map<string, StageTime>();
  for (const stage of figures.stages) {
    const seen = byName.get(stage.name);
    if (seen) {
      seen.ms += stage.ms;
      seen.detail = stage.detail;
      continue;
    }
    const parent = stage.kind === 'step' ? parentOf(stage, figures.stages) : undefined;
    byName.set(stage.name, { name: stage.name, ms: stage.ms, detail: stage.detail, ...(parent ? { parent } : {}) });
  }
  const times = [...byName.values()];
  return times
    .filter((time) => !time.parent || !byName.has(time.parent))
    .flatMap((time) => [time, ...times.filter((child) => child.parent === time.name)]);
}

/** Time inside build() that no stage covered (settings, finding files, loading renderers, writing files, the JSON). */
export function unstagedMs(figures: BuildFigures): number {
  const spans = figures.stages.map((stage) => [start(stage), stage.endMs] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = -Infinity;
  for (const [from, to] of spans) {
    if (to <= reach) continue;
    covered += to - Math.max(from, reach);
    reach = to;
  }
  return Math.max(0, figures.buildMs - covered);
}

/** Stages (not steps) that ran while another was running: their times overlap and add up to more than the wall time. */
export function overlappingStages(figures: BuildFigures): string[] {
  const stages = figures.stages.filter((stage) => stage.kind === 'stage');
  const overlaps = (a: StageFigure, b: StageFigure) => start(a) < b.endMs - EPSILON && start(b) < a.endMs - EPSILON;
  return [...new Set(stages.filter((stage) => stages.some((other) => other !== stage && overlaps(stage, other))).map((stage) => stage.name))];
}
