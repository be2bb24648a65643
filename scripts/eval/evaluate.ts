// Builds an annotated set through the real pipeline (read → normalise →
// enrich, written as dossier.json into a temporary folder) and scores what it
// found. Articles of one group are built as one dossier, as a user would put
// the cuttings of one story together; an article without a group is built alone.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import type { Dossier } from '../../src/model.js';
import type { AnnotatedArticle, AnnotatedEntity, AnnotatedSet, ScoredKind } from './annotations.js';
import { scoreEntities, scorePassages, type EntityScore, type FoundEntity, type FoundPassage, type PassageScore } from './score.js';

/** One scored unit: an article (or, in `dossier` scope, the whole dossier, unit `*`). */
export interface UnitScore {
  unit: string;
  people?: EntityScore;
  organisations?: EntityScore;
}

export interface SetScore {
  set: AnnotatedSet;
  units: UnitScore[];
  sharedPassages?: PassageScore;
}

/** Builds every group of the set and scores each article (or the dossier). */
export async function evaluateSet(set: AnnotatedSet): Promise<SetScore> {
  const work = await mkdtemp(path.join(os.tmpdir(), `dossier-eval-${set.name}-`));
  try {
    const dossiers = await buildGroups(set, work);
    const units = set.scope === 'dossier' ? [scoreDossier(set, dossiers[0]!.dossier)] : dossiers.flatMap(({ dossier, articles }) => articles.map((article) => scoreArticle(set.scored, article, dossier)));
    const foundPassages = dossiers.flatMap(({ dossier }) => passagesOf(dossier));
    return {
      set,
      units,
      ...(set.scored.includes('sharedPassages') ? { sharedPassages: scorePassages(set.sharedPassages, foundPassages) } : {}),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface BuiltGroup {
  articles: AnnotatedArticle[];
  dossier: Dossier;
}

async function buildGroups(set: AnnotatedSet, work: string): Promise<BuiltGroup[]> {
  if (set.scope === 'dossier') return [{ articles: set.articles, dossier: await buildFolder(set.input, path.join(work, 'out')) }];
  const groups = new Map<string, AnnotatedArticle[]>();
  for (const article of set.articles) {
    const key = article.group ?? `article ${article.file}`;
    groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  const built: BuiltGroup[] = [];
  let index = 0;
  for (const articles of groups.values()) {
    const input = path.join(work, `group-${++index}`);
    await mkdir(input);
    for (const article of articles) await copyFile(path.join(set.input, article.file), path.join(input, article.file));
    built.push({ articles, dossier: await buildFolder(input, path.join(work, `out-${index}`)) });
  }
  return built;
}

async function buildFolder(input: string, out: string): Promise<Dossier> {
  const result = await build({ input, out, formats: ['json'] });
  for (const failure of result.failed) throw new Error(`building ${input}: ${failure.format} failed: ${failure.message}`);
  return result.dossier;
}

const inArticle = (id: string) => (entity: { mentions: { article: string }[] }) => entity.mentions.some((mention) => mention.article === id);
const asFound = (entity: FoundEntity): FoundEntity => ({ name: entity.name, aliases: entity.aliases });

function scoreArticle(scored: ScoredKind[], article: AnnotatedArticle, dossier: Dossier): UnitScore {
  const built = dossier.articles.find((candidate) => candidate.file === article.file);
  if (!built) throw new Error(`${article.file} is annotated but was not built as an article: see the build's warnings (${dossier.warnings.map((warning) => warning.message).join('; ') || 'none'})`);
  return scoreUnit(scored, article.file, article, dossier.people.filter(inArticle(built.id)), dossier.organisations.filter(inArticle(built.id)));
}

function scoreDossier(set: AnnotatedSet, dossier: Dossier): UnitScore {
  return scoreUnit(set.scored, '*', { people: set.people, organisations: set.organisations, ignore: [] }, dossier.people, dossier.organisations);
}

function scoreUnit(
  scored: ScoredKind[],
  unit: string,
  annotated: { people: AnnotatedEntity[]; organisations: AnnotatedEntity[]; ignore: string[] },
  people: FoundEntity[],
  organisations: FoundEntity[],
): UnitScore {
  return {
    unit,
    ...(scored.includes('people')
      ? { people: scoreEntities(annotated.people, people.map(asFound), annotated.ignore, { label: 'an organisation', entities: annotated.organisations }) }
      : {}),
    ...(scored.includes('organisations')
      ? { organisations: scoreEntities(annotated.organisations, organisations.map(asFound), annotated.ignore, { label: 'a person', entities: annotated.people }) }
      : {}),
  };
}

function passagesOf(dossier: Dossier): FoundPassage[] {
  const fileOf = new Map(dossier.articles.map((article) => [article.id, article.file]));
  return dossier.sharedPassages.map((passage) => ({
    text: passage.text,
    files: [...new Set(passage.occurrences.map((occurrence) => fileOf.get(occurrence.article)!))],
  }));
}
