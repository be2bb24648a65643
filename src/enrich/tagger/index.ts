// A small statistical tagger for the names of people, bodies and places: an
// averaged perceptron over the features in features.ts, read left to right
// (each token's label sees the two before it), so its cost is linear in the
// text. Its weights are a data file, data/names-tagger.json, made by
// scripts/train-names.ts from openly licensed annotated English (see
// eval/README.md), and read the first time a text is tagged.
import { featuresAt, LABELS, surelyOutside, viewOf, type SentenceView } from './features.js';
import { modelScorer, type Scorer } from './model.js';
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

/**
 * Labels for one sentence's words, each the best given its features and the
 * labels before it; an I- label only continues a name of its own kind. With
 * `truth`, it learns instead: `learn` is called where the best label is wrong,
 * and the true labels are the ones carried forward.
 */
export function labelWords(
  words: readonly string[],
  score: Scorer = modelScorer(),
  truth?: readonly string[],
  learn?: (view: SentenceView, index: number, labels: readonly string[], truth: number, guess: number) => void,
): string[] {
  const view = viewOf(words);
  const labels: string[] = [];
  const scores = new Float64Array(LABELS.length);
  for (let index = 0; index < words.length; index++) {
    const previous = labels[index - 1] ?? '<s>';
    if (surelyOutside(words[index]!, previous)) {
      labels.push('O');
      continue;
    }
    scores.fill(0);
    score(view, index, labels, scores);
    let best = 0;
    for (let label = 1; label < LABELS.length; label++) {
      const name = LABELS[label]!;
      if (name.startsWith('I-') && previous.slice(2) !== name.slice(2)) continue;
      if (scores[label]! > scores[best]!) best = label;
    }
    if (truth && learn) {
      const right = LABELS.indexOf(truth[index] as (typeof LABELS)[number]);
      if (right !== best) learn(view, index, labels, right, best);
      labels.push(truth[index]!);
    } else labels.push(LABELS[best]!);
  }
  return labels;
}

/** Scores from a table of weights by feature string: how training scores, before the weights are written. */
export function stringScorer(model: ReadonlyMap<string, ArrayLike<number>>): Scorer {
  return (view, index, labels, scores) => {
    for (const feature of featuresAt(view, index, labels)) {
      const row = model.get(feature);
      if (!row) continue;
      for (let label = 0; label < row.length; label++) scores[label]! += row[label]!;
    }
  };
}

/** Sentences already labelled, by their words: wire copies and versions of one report repeat them across a dossier. */
const labelled = new Map<string, string[]>();
const REMEMBERED = 50_000;

function labelsOf(words: string[]): string[] {
  const key = words.join(' ');
  let labels = labelled.get(key);
  if (!labels) {
    labels = labelWords(words);
    if (labelled.size >= REMEMBERED) labelled.clear();
    labelled.set(key, labels);
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
    const labels = labelsOf(sentence.map((token) => token.text));
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
