// `npm run eval [-- eval/SET ...]`: precision, recall and F1 of the people and
// organisations the pipeline finds, and the recall of shared passages, on the
// sets annotated by hand under eval/ (see eval/README.md), then every miss and
// false find so a developer can see what to fix. Figures go to stdout.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAnnotatedSet } from './eval/annotations.js';
import { evaluateSet, type SetScore, type UnitScore } from './eval/evaluate.js';
import { figures, type EntityScore } from './eval/score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EVAL_DIR = path.join(ROOT, 'eval');

/** Every folder under eval/ with an annotations.json, in name order. */
export function defaultSets(): string[] {
  return readdirSync(EVAL_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(EVAL_DIR, entry.name, 'annotations.json')))
    .map((entry) => path.join(EVAL_DIR, entry.name))
    .sort();
}

type EntityKind = 'people' | 'organisations';

/** The kind's figures summed over the units (micro-averaged). */
export function total(units: readonly UnitScore[], kind: EntityKind): EntityScore | undefined {
  const scores = units.flatMap((unit) => (unit[kind] ? [unit[kind]] : []));
  if (scores.length === 0) return undefined;
  return {
    annotated: scores.reduce((sum, score) => sum + score.annotated, 0),
    found: scores.reduce((sum, score) => sum + score.found, 0),
    correct: scores.reduce((sum, score) => sum + score.correct, 0),
    missed: scores.flatMap((score) => score.missed),
    falseFinds: scores.flatMap((score) => score.falseFinds),
    merged: scores.flatMap((score) => score.merged),
  };
}

const decimal = (value: number) => value.toFixed(3);
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

/**
 * The two halves of a set that rules were and were not tuned on: stories
 * (groups, or lone articles) taken in turn by their first article, so the
 * held-out half's figures say what unseen coverage will get.
 */
export function halves(score: SetScore): { tuned: UnitScore[]; heldOut: UnitScore[] } {
  const storyOf = new Map(score.set.articles.map((article) => [article.file, article.group ?? article.file]));
  const stories = [...new Set(score.set.articles.map((article) => article.group ?? article.file))];
  const half = (unit: UnitScore) => stories.indexOf(storyOf.get(unit.unit) ?? unit.unit) % 2;
  return { tuned: score.units.filter((unit) => half(unit) === 0), heldOut: score.units.filter((unit) => half(unit) === 1) };
}

/** Sets whose annotations rules were tuned on: their held-out half is printed apart. */
const TUNED_SETS = new Set(['wikinews', 'wikinews2', 'gum']);

function tableRows(scores: SetScore[]): string[] {
  const rows = [['set', 'measure', 'annotated', 'found', 'correct', 'precision', 'recall', 'F1']];
  for (const score of scores) {
    const units = score.set.scope === 'dossier' ? 'dossier' : `${score.units.length} articles`;
    const parts: [string, UnitScore[]][] = [[`${score.set.name} (${units})`, score.units]];
    if (TUNED_SETS.has(score.set.name) && score.set.scope !== 'dossier') {
      const { tuned, heldOut } = halves(score);
      parts.push([`${score.set.name} tuned half (${tuned.length})`, tuned], [`${score.set.name} held-out half (${heldOut.length})`, heldOut]);
    }
    for (const [label, list] of parts) {
      for (const kind of ['people', 'organisations'] as const) {
        const sum = total(list, kind);
        if (!sum) continue;
        const { precision, recall, f1 } = figures(sum.correct, sum.found, sum.annotated);
        rows.push([label, kind, String(sum.annotated), String(sum.found), String(sum.correct), decimal(precision), decimal(recall), decimal(f1)]);
      }
    }
    if (score.sharedPassages) {
      const { places, found } = score.sharedPassages;
      rows.push([`${score.set.name} (${units})`, 'shared-passage places', String(places), '', String(found), '', decimal(places === 0 ? 1 : found / places), '']);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 2 ? pad(cell, widths[column]!) : padLeft(cell, widths[column]!))).join('  '));
}

function detailLines(score: SetScore): string[] {
  const lines: string[] = [];
  const heldOut = TUNED_SETS.has(score.set.name) && score.set.scope !== 'dossier' ? new Set(halves(score).heldOut.map((unit) => unit.unit)) : new Set<string>();
  for (const kind of ['people', 'organisations'] as const) {
    const units = score.units.filter((unit) => unit[kind] && (unit[kind].missed.length || unit[kind].falseFinds.length || unit[kind].merged.length));
    if (units.length === 0) continue;
    lines.push('', `${score.set.name}, ${kind}: misses and false finds`);
    for (const unit of units) {
      const entity = unit[kind]!;
      const parts = [
        entity.missed.length ? `missed ${entity.missed.join('; ')}` : '',
        entity.falseFinds.length ? `false ${entity.falseFinds.map((find) => `${find.name} (${find.reason})`).join('; ')}` : '',
        entity.merged.length ? `merged ${entity.merged.join('; ')}` : '',
      ].filter(Boolean);
      lines.push(`  ${unit.unit}${heldOut.has(unit.unit) ? ' (held out)' : ''}  ${parts.join(' | ')}`);
    }
  }
  if (score.sharedPassages?.missed.length) {
    lines.push('', `${score.set.name}, shared passages: places not found`);
    for (const miss of score.sharedPassages.missed) lines.push(`  ${miss}`);
  }
  return lines;
}

export function report(scores: SetScore[]): string {
  return [...tableRows(scores), ...scores.flatMap(detailLines)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write('usage: npm run eval [-- eval/SET ...]   (default: every folder under eval/ with an annotations.json)\n');
    return;
  }
  const dirs = args.length ? args.map((arg) => path.resolve(arg)) : defaultSets();
  const scores: SetScore[] = [];
  for (const dir of dirs) {
    const set = await readAnnotatedSet(dir);
    process.stderr.write(`eval: building ${set.name} (${set.scope === 'dossier' ? set.input : `${set.articles.length} articles`})…\n`);
    scores.push(await evaluateSet(set));
  }
  process.stdout.write(`${report(scores)}\n`);
  if (args.length === 0) process.stdout.write(await (await import('./eval-quotes.js')).quotesEval());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
