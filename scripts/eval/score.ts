// Matching what the pipeline found against what a careful reader annotated.
// A found entity matches an annotated one when its name or one of its
// aliases equals one of the annotated forms, case- and quote-insensitively.
import type { AnnotatedEntity, AnnotatedPassage } from './annotations.js';

/** What a dossier lists: a person or an organisation, as `dossier.json` has it. */
export interface FoundEntity {
  name: string;
  aliases: string[];
}

export interface FalseFind {
  name: string;
  /** Why it counts against the tool: not annotated, a person filed as an organisation, a second entry for one. */
  reason: string;
}

/** The figures of one kind in one scored unit (an article, or a whole dossier). */
export interface EntityScore {
  annotated: number;
  found: number;
  correct: number;
  missed: string[];
  falseFinds: FalseFind[];
  /** Found entries that fold two annotated entities into one: counted once as correct, listed for the developer. */
  merged: string[];
}

/** Case-, quote- and space-insensitive form of a name: `“Eddie”` is `eddie`, `O’Rourke` is `o'rourke`. */
export function nameKey(form: string): string {
  return form
    .normalize('NFC')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/["“”„«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const keysOf = (names: readonly string[]) => new Set(names.map(nameKey));
const formsOf = (entity: AnnotatedEntity) => keysOf([entity.name, ...entity.forms]);
const foundForms = (entity: FoundEntity) => keysOf([entity.name, ...entity.aliases]);
const meets = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key));

/**
 * Scores the entities found in one unit against the annotated ones.
 * `otherKind` is the unit's annotated entities of the other kind, so that a
 * person listed as an organisation is named as such in the false finds.
 */
export function scoreEntities(
  annotated: readonly AnnotatedEntity[],
  found: readonly FoundEntity[],
  ignore: readonly string[],
  otherKind: { label: string; entities: readonly AnnotatedEntity[] },
): EntityScore {
  const annotatedForms = annotated.map(formsOf);
  const ignored = keysOf(ignore);
  const credited = new Set<number>();
  const falseFinds: FalseFind[] = [];
  const merged: string[] = [];
  let counted = 0;
  for (const entity of found) {
    const forms = foundForms(entity);
    const matches = annotatedForms.flatMap((annotatedKeys, index) => (meets(forms, annotatedKeys) ? [index] : []));
    if (matches.length === 0) {
      if (meets(forms, ignored)) continue;
      counted++;
      const other = otherKind.entities.find((candidate) => meets(forms, formsOf(candidate)));
      falseFinds.push({ name: entity.name, reason: other ? `${otherKind.label} (${other.name})` : 'not annotated' });
      continue;
    }
    counted++;
    if (matches.length > 1) merged.push(`${entity.name} = ${matches.map((index) => annotated[index]!.name).join(' + ')}`);
    const fresh = matches.find((index) => !credited.has(index));
    if (fresh === undefined) {
      falseFinds.push({ name: entity.name, reason: `second entry for ${annotated[matches[0]!]!.name}` });
      continue;
    }
    credited.add(fresh);
  }
  return {
    annotated: annotated.length,
    found: counted,
    correct: credited.size,
    missed: annotated.filter((_, index) => !credited.has(index)).map((entity) => entity.name),
    falseFinds,
    merged,
  };
}

/** A shared passage as the dossier lists it: its text, and the articles (by file) it occurs in. */
export interface FoundPassage {
  text: string;
  files: string[];
}

export interface PassageScore {
  /** Places: each article of each annotated passage. */
  places: number;
  found: number;
  /** The places not found, as `file: passage`. */
  missed: string[];
}

/** Words, lower-cased, with quotation marks and punctuation dropped, for near-verbatim comparison. */
export function passageWords(text: string): string[] {
  return nameKey(text).match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Passages this long in words, shared verbatim, are the same passage. */
export const PASSAGE_WORDS = 8;

function shingles(words: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (let start = 0; start + PASSAGE_WORDS <= words.length; start++) result.add(words.slice(start, start + PASSAGE_WORDS).join(' '));
  return result;
}

/** Two texts are one passage when they share eight words in a row, or one holds the other. */
export function samePassage(a: string, b: string): boolean {
  const wordsA = passageWords(a);
  const wordsB = passageWords(b);
  const joinedA = ` ${wordsA.join(' ')} `;
  const joinedB = ` ${wordsB.join(' ')} `;
  if (wordsA.length > 0 && wordsB.length > 0 && (joinedA.includes(joinedB) || joinedB.includes(joinedA))) return true;
  const shinglesB = shingles(wordsB);
  return [...shingles(wordsA)].some((shingle) => shinglesB.has(shingle));
}

/**
 * An annotated passage is found in one of its articles when the dossier lists
 * a passage of the same text in that article and in another of its articles.
 */
export function scorePassages(annotated: readonly AnnotatedPassage[], found: readonly FoundPassage[]): PassageScore {
  let places = 0;
  let hits = 0;
  const missed: string[] = [];
  for (const passage of annotated) {
    const matching = found.filter((candidate) => samePassage(candidate.text, passage.text));
    for (const file of passage.articles) {
      places++;
      const others = passage.articles.filter((other) => other !== file);
      const hit = matching.some((candidate) => candidate.files.includes(file) && candidate.files.some((other) => others.includes(other)));
      if (hit) hits++;
      else missed.push(`${file}: ${passage.text}`);
    }
  }
  return { places, found: hits, missed };
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

export function figures(correct: number, found: number, annotated: number): Figures {
  const precision = found === 0 ? 1 : correct / found;
  const recall = annotated === 0 ? 1 : correct / annotated;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
