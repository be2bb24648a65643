// A small statistical tagger for the names of people, bodies and places: an
// averaged perceptron over the features in features.ts, read left to right
// (each token's label sees the two before it), so its cost is linear in the
// text. Its weights are a data file, data/names-tagger.json, made by
// scripts/train-names.ts from openly licensed annotated English (see
// eval/README.md), and read the first time a text is tagged.
import { readFileSync } from 'node:fs';
import { projectFile } from '../../project-files.js';
import { LABELS, labelFeatures, shapeOf, tokenFeatures } from './features.js';
import { sentences, tokenize, type Token } from './tokens.js';

export type NameType = 'PER' | 'ORG' | 'LOC';

export interface TaggedName {
  type: NameType;
  /** Character offsets in the tagged text. */
  start: number;
  end: number;
  text: string;
  /** The tokens of the name, as the text writes them. */
  words: string[];
}

/** The model file's form: each feature's weight for each label (in `labels` order), times `scale`. */
export interface TaggerModel {
  labels: string[];
  scale: number;
  weights: Record<string, number[]>;
}

export const MODEL_FILE = 'data/names-tagger.json';

let loaded: Map<string, number[]> | undefined;

function weights(): Map<string, number[]> {
  if (loaded) return loaded;
  const file = projectFile(import.meta.url, MODEL_FILE);
  if (!file) throw new Error(`dossier's names tagger (${MODEL_FILE}) was not found above ${import.meta.url}; run \`npx tsx scripts/train-names.ts\` to make it (see eval/README.md).`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as TaggerModel;
  if (model.labels.join(' ') !== LABELS.join(' ')) throw new Error(`${file}: its labels (${model.labels.join(' ')}) are not the tagger's (${LABELS.join(' ')}); train it again with scripts/train-names.ts.`);
  loaded = new Map(Object.entries(model.weights));
  return loaded;
}

/** Labels for one sentence's words, each the best given the features and the labels before it; I- only continues its own kind. */
export function labelWords(words: readonly string[], model: Map<string, number[]> = weights()): string[] {
  const features = tokenFeatures(words);
  const labels: string[] = [];
  const scores = new Float64Array(LABELS.length);
  for (let index = 0; index < words.length; index++) {
    scores.fill(0);
    const previous = labels[index - 1] ?? '<s>';
    const all = [...features[index]!, ...labelFeatures(previous, labels[index - 2] ?? '<s>', shapeOf(words[index]!))];
    for (const feature of all) {
      const row = model.get(feature);
      if (!row) continue;
      for (let label = 0; label < row.length; label++) scores[label]! += row[label]!;
    }
    let best = 0;
    for (let label = 1; label < LABELS.length; label++) {
      const name = LABELS[label]!;
      if (name.startsWith('I-') && previous.slice(2) !== name.slice(2)) continue;
      if (scores[label]! > scores[best]!) best = label;
    }
    labels.push(LABELS[best]!);
  }
  return labels;
}

/** The names in a text, sentence by sentence. */
export function tagNames(text: string): TaggedName[] {
  const tokens = tokenize(text);
  const names: TaggedName[] = [];
  for (const range of sentences(tokens)) {
    const sentence = tokens.slice(range.start, range.end);
    // A sentence without a capital after its first word names no one.
    if (!sentence.some((token, index) => index > 0 && /^\p{Lu}/u.test(token.text))) continue;
    const labels = labelWords(sentence.map((token) => token.text));
    let open: { type: NameType; tokens: Token[] } | undefined;
    const close = () => {
      if (!open) return;
      const first = open.tokens[0]!;
      const last = open.tokens.at(-1)!;
      names.push({ type: open.type, start: first.start, end: last.end, text: text.slice(first.start, last.end), words: open.tokens.map((token) => token.text) });
      open = undefined;
    };
    labels.forEach((label, index) => {
      if (label === 'O' || label.startsWith('B-')) close();
      if (label.startsWith('B-')) open = { type: label.slice(2) as NameType, tokens: [] };
      if (label !== 'O') open?.tokens.push(sentence[index]!);
    });
    close();
  }
  return names;
}

const byParagraph = new WeakMap<object, TaggedName[]>();

/** `tagNames` of a paragraph, remembered, so the finders of people and of organisations tag it once between them. */
export function namesInParagraph(paragraph: { text: string }): TaggedName[] {
  let names = byParagraph.get(paragraph);
  if (!names) byParagraph.set(paragraph, (names = tagNames(paragraph.text)));
  return names;
}
