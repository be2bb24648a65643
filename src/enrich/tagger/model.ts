// The tagger's weights, read from data/names-tagger.json the first time a
// text is tagged, and indexed by number: each feature's parts (a word, a
// shape, a label) become small integers once per sentence, so scoring a
// token adds up table rows found by integer keys rather than by strings
// built and hashed for every feature of every token.
import { readFileSync } from 'node:fs';
import { projectFile } from '../../project-files.js';
import { LABELS, PART_SEPARATOR, SHOUTED, TEMPLATES, valueOf, type Label, type Part, type SentenceView } from './features.js';

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
/** The parts of a word, in the order of a word's ids. */
const WORD_PARTS = ['word', 'shape', 'x3', 'x2', 'p3', 'class'] as const;

/**
 * Keys to rows, by open addressing in typed arrays: one probe or two in
 * memory that sits together, where a Map of objects costs a cache miss or more
 * for every feature of every token.
 */
class KeyTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(size: number) {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  set(key: number, row: number): void {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.rows[slot] = row;
  }

  /** The row of a key, or -1. */
  get(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.rows[slot]!;
      if (found === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

interface Indexed {
  ids: { text: Map<string, number>; shape: Map<string, number>; label: Map<string, number> };
  /** Per template, its features' rows. */
  tables: KeyTable[];
  /** Every row's weight for each label, row after row. */
  weights: Int32Array;
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
  const features = Object.keys(model.weights);
  // Each template's features as keys and rows, gathered in one pass over the file's features.
  const keys: number[][] = TEMPLATES.map(() => []);
  const rows: number[][] = TEMPLATES.map(() => []);
  const weights = new Int32Array(features.length * LABELS.length);
  let shouted: Int32Array | undefined;
  for (let number = 0; number < features.length; number++) {
    const feature = features[number]!;
    const row = model.weights[feature]!;
    weights.set(row, number * LABELS.length);
    if (feature === SHOUTED) {
      shouted = Int32Array.from(row);
      continue;
    }
    const equals = feature.indexOf('=');
    const at = byName.get(equals < 0 ? feature : feature.slice(0, equals));
    if (at === undefined) throw new Error(`${file}: the feature "${feature}" is not one of the tagger's; train it again with scripts/train-names.ts.`);
    const parts = TEMPLATES[at]!.parts;
    let key = 0;
    let from = equals + 1;
    for (let position = 0; position < parts.length; position++) {
      // The parts' values, separated by PART_SEPARATOR, read in place rather than split into an array.
      const end = position === parts.length - 1 ? feature.length : feature.indexOf(PART_SEPARATOR, from);
      const group = GROUP[parts[position]![0]];
      key = key * LIMIT[group] + idOf(group, feature.slice(from, end));
      from = end + 1;
    }
    keys[at]!.push(key);
    rows[at]!.push(number);
  }
  const tables = TEMPLATES.map((_, template) => {
    const table = new KeyTable(keys[template]!.length);
    const mine = keys[template]!;
    const theirRows = rows[template]!;
    for (let index = 0; index < mine.length; index++) table.set(mine[index]!, theirRows[index]!);
    return table;
  });
  return { ids, tables, weights, shouted };
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

/** Each template's parts as numbers: which of a word's ids (or -1, the label), at which offset, and the size of its table of ids. */
const COMPILED = TEMPLATES.map(({ parts }) =>
  parts.map(([part, offset]) => ({ part: part === 'label' ? -1 : WORD_PARTS.indexOf(part), offset, base: LIMIT[GROUP[part]] })),
);
/** A word's ids past either end of the sentence. */
const EDGE_WORDS = ['<s>', '</s>'];

/** The scorer of the shipped model. */
export function modelScorer(): Scorer {
  const { ids, tables, weights, shouted } = indexed();
  const labelIds = LABELS.map((label) => ids.label.get(label) ?? -1);
  const startId = ids.label.get('<s>') ?? -1;
  const labelIndex = new Map(LABELS.map((label, at) => [label, at]));
  // Each word's ids, found once per word: the same words come back across a dossier.
  const byWord = new Map<string, Int32Array>();
  const wordIds = (word: string, edge: boolean): Int32Array => {
    const key = edge ? `\u0000${word}` : word;
    let found = byWord.get(key);
    if (found) return found;
    found = new Int32Array(WORD_PARTS.length);
    WORD_PARTS.forEach((part, at) => {
      const value = edge ? word : valueOf(word, part);
      found![at] = ids[GROUP[part]].get(value) ?? -1;
    });
    if (byWord.size > 500_000) byWord.clear();
    byWord.set(key, found);
    return found;
  };
  const edges = EDGE_WORDS.map((edge) => wordIds(edge, true));
  let current: SentenceView | undefined;
  let sentence: Int32Array[] = [];
  return (view, at, labels, scores) => {
    if (current !== view) {
      current = view;
      sentence = view.words.map((word) => wordIds(word, false));
    }
    const count = view.words.length;
    for (let template = 0; template < COMPILED.length; template++) {
      const parts = COMPILED[template]!;
      let key = 0;
      let id = 0;
      for (let position = 0; position < parts.length; position++) {
        const { part, offset, base } = parts[position]!;
        const where = at + offset;
        if (part < 0) {
          const label = labels[where];
          id = label === undefined ? startId : labelIds[labelIndex.get(label as Label)!]!;
        } else {
          const word = where < 0 ? edges[0]! : where >= count ? edges[1]! : sentence[where]!;
          id = word[part]!;
        }
        if (id < 0) break;
        key = key * base + id;
      }
      if (id < 0) continue;
      const row = tables[template]!.get(key);
      if (row < 0) continue;
      const from = row * LABELS.length;
      for (let label = 0; label < LABELS.length; label++) scores[label]! += weights[from + label]!;
    }
    if (view.shouted && shouted) for (let label = 0; label < shouted.length; label++) scores[label]! += shouted[label]!;
  };
}
