// The tagger's weights, read from data/names-tagger.json the first time a
// text is tagged, and indexed by number: each feature's parts (a word, a
// shape, a label) become small integers once per sentence, so scoring a
// token adds up table rows found by integer keys rather than by strings
// built and hashed for every feature of every token.
import { readFileSync } from 'node:fs';
import { projectFile } from '../../project-files.js';
import { LABELS, PART_SEPARATOR, partAt, SHOUTED, TEMPLATES, type Part, type SentenceView } from './features.js';

/** The model file's form: each feature's weight for each label (in `labels` order), times `scale`. */
export interface TaggerModel {
  labels: string[];
  scale: number;
  weights: Record<string, number[]>;
}

export const MODEL_FILE = 'data/names-tagger.json';

/** Scores of every label for one token, added into `scores`, given the labels of the tokens before it. */
export type Scorer = (view: SentenceView, index: number, labels: readonly string[], scores: Float64Array) => void;

/** Which table of ids a part's values are numbered in, and how many ids it may hold (a power of two, so keys stay small integers). */
const GROUP: Record<Part, 'text' | 'shape' | 'label'> = { word: 'text', x3: 'text', x2: 'text', p3: 'text', class: 'text', shape: 'shape', label: 'label' };
const LIMIT = { text: 2 ** 17, shape: 2 ** 10, label: 2 ** 4 };
const PARTS: readonly Part[] = ['word', 'shape', 'x3', 'x2', 'p3', 'class', 'label'];

interface Indexed {
  ids: { text: Map<string, number>; shape: Map<string, number>; label: Map<string, number> };
  /** Per template, its features' rows by key. */
  tables: Map<number, Int32Array>[];
  shouted: Int32Array | undefined;
}

function index(model: TaggerModel, file: string): Indexed {
  const ids = { text: new Map<string, number>(), shape: new Map<string, number>(), label: new Map<string, number>() };
  const idOf = (group: keyof typeof ids, value: string) => {
    const table = ids[group];
    let id = table.get(value);
    if (id === undefined) {
      id = table.size;
      if (id >= LIMIT[group]) throw new Error(`${file}: more ${group} values than the tagger can number (${LIMIT[group]}); raise LIMIT in src/enrich/tagger/model.ts.`);
      table.set(value, id);
    }
    return id;
  };
  const byName = new Map(TEMPLATES.map((template, at) => [template.name, at]));
  const tables = TEMPLATES.map(() => new Map<number, Int32Array>());
  let shouted: Int32Array | undefined;
  for (const [feature, row] of Object.entries(model.weights)) {
    if (feature === SHOUTED) {
      shouted = Int32Array.from(row);
      continue;
    }
    const equals = feature.indexOf('=');
    const at = byName.get(equals < 0 ? feature : feature.slice(0, equals));
    if (at === undefined) throw new Error(`${file}: the feature "${feature}" is not one of the tagger's; train it again with scripts/train-names.ts.`);
    const parts = TEMPLATES[at]!.parts;
    const values = parts.length ? feature.slice(equals + 1).split(PART_SEPARATOR) : [];
    let key = 0;
    parts.forEach(([part], position) => {
      const group = GROUP[part];
      key = key * LIMIT[group] + idOf(group, values[position]!);
    });
    tables[at]!.set(key, Int32Array.from(row));
  }
  return { ids, tables, shouted };
}

let loaded: Indexed | undefined;

function indexed(): Indexed {
  if (loaded) return loaded;
  const file = projectFile(import.meta.url, MODEL_FILE);
  if (!file) throw new Error(`dossier's names tagger (${MODEL_FILE}) was not found above ${import.meta.url}; make it with scripts/train-names.ts (see eval/README.md).`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as TaggerModel;
  if (model.labels.join(' ') !== LABELS.join(' ')) throw new Error(`${file}: its labels (${model.labels.join(' ')}) are not the tagger's (${LABELS.join(' ')}); train it again with scripts/train-names.ts.`);
  loaded = index(model, file);
  return loaded;
}

/** Each template's parts as numbers: which part, at which offset, and the size of its table of ids. */
const COMPILED = TEMPLATES.map(({ parts }) => parts.map(([part, offset]) => ({ part: PARTS.indexOf(part), offset, base: LIMIT[GROUP[part]] })));
const LABEL_PART = PARTS.indexOf('label');

/** The scorer of the shipped model. */
export function modelScorer(): Scorer {
  const { ids, tables, shouted } = indexed();
  // The ids of each part of each token (two more past each end), for the sentence being tagged, found when first read:
  // -1 for a value no feature has, -2 for not yet found.
  let current: SentenceView | undefined;
  let partIds: Int32Array[] = [];
  return (view, at, labels, scores) => {
    if (current !== view) {
      current = view;
      partIds = PARTS.map(() => new Int32Array(view.words.length + 4).fill(-2));
    }
    const last = view.words.length + 3;
    for (let template = 0; template < COMPILED.length; template++) {
      const parts = COMPILED[template]!;
      let key = 0;
      let id = 0;
      for (let position = 0; position < parts.length; position++) {
        const { part, offset, base } = parts[position]!;
        if (part === LABEL_PART) id = ids.label.get(labels[at + offset] ?? '<s>') ?? -1;
        else {
          const slot = Math.min(Math.max(at + offset + 2, 0), last);
          const row = partIds[part]!;
          id = row[slot]!;
          if (id === -2) id = row[slot] = ids[GROUP[PARTS[part]!]].get(partAt(view, PARTS[part]!, slot - 2, labels)) ?? -1;
        }
        if (id < 0) break;
        key = key * base + id;
      }
      if (id < 0) continue;
      const row = tables[template]!.get(key);
      if (row) for (let label = 0; label < row.length; label++) scores[label]! += row[label]!;
    }
    if (view.shouted && shouted) for (let label = 0; label < shouted.length; label++) scores[label]! += shouted[label]!;
  };
}
