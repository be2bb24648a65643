// What the names tagger looks at for each token: the word, its shape and
// endings, its neighbours, whether compromise's lexicon knows it as a first
// name, a surname, a place, a body or an everyday word, and the labels given
// to the two tokens before it. The same function serves training
// (scripts/train-names.ts) and tagging, so the two cannot drift apart.
import { lexiconTags } from '../people/lexicon.js';

/** Labels in the order the model's weights give them. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Label = (typeof LABELS)[number];

const shapes = new Map<string, string>();

/** "Xx" for "Obama", "X." for "J.", "XX" for "NATO", "d" for "2019", "x-Xx" for "al-Assad". */
export function shapeOf(word: string): string {
  let shape = shapes.get(word);
  if (shape !== undefined) return shape;
  shape = '';
  for (const character of word) {
    const code = character.charCodeAt(0);
    let kind: string;
    if (code >= 65 && code <= 90) kind = 'X';
    else if (code >= 97 && code <= 122) kind = 'x';
    else if (code >= 48 && code <= 57) kind = 'd';
    else if (code < 128) kind = character;
    else kind = /\p{Lu}/u.test(character) ? 'X' : /\p{Ll}/u.test(character) ? 'x' : /\p{N}/u.test(character) ? 'd' : character;
    if (!shape.endsWith(kind) || shape.length > 3) shape += kind;
  }
  shape = shape.slice(0, 5);
  // Words recur: a text's vocabulary is small beside its length.
  if (shapes.size < 200_000) shapes.set(word, shape);
  return shape;
}

/** What the lexicon says of a word, in a few letters: n name, f first name, l surname, p place, o body, w another word. */
const classes = new Map<string, string>();

function lexiconClass(word: string): string {
  let kind = classes.get(word);
  if (kind === undefined) {
    kind = classOfTags(lexiconTags(word));
    if (classes.size < 200_000) classes.set(word, kind);
  }
  return kind;
}

function classOfTags(tags: readonly string[]): string {
  if (tags.length === 0) return '';
  let kind = '';
  if (tags.includes('FirstName')) kind += 'f';
  if (tags.includes('LastName')) kind += 'l';
  if (tags.includes('Person') && !kind) kind += 'n';
  if (tags.includes('Place') || tags.includes('Country') || tags.includes('City') || tags.includes('Region')) kind += 'p';
  if (tags.includes('Organization')) kind += 'o';
  if (tags.includes('Honorific') || tags.includes('Actor')) kind += 't';
  return kind || 'w';
}

/** What a feature reads of a token: its word in lower case, shape, endings, start, lexicon class, or the label given it. */
export type Part = 'word' | 'shape' | 'x3' | 'x2' | 'p3' | 'class' | 'label';

/**
 * The features, each a name and the parts it reads, at offsets from the
 * token: "w-1s" is the word before with this word's shape. Training spells a
 * feature as a string (`name=part\u001fpart`); tagging works out the same
 * feature as a number (features-index.ts), both from this one table.
 */
export const TEMPLATES: readonly { name: string; parts: readonly (readonly [Part, number])[] }[] = [
  { name: 'b', parts: [] },
  { name: 'w', parts: [['word', 0]] },
  { name: 's', parts: [['shape', 0]] },
  { name: 'x3', parts: [['x3', 0]] },
  { name: 'x2', parts: [['x2', 0]] },
  { name: 'p3', parts: [['p3', 0]] },
  { name: 'g', parts: [['class', 0]] },
  { name: 'w-1', parts: [['word', -1]] },
  { name: 'w+1', parts: [['word', 1]] },
  { name: 'w-2', parts: [['word', -2]] },
  { name: 'w+2', parts: [['word', 2]] },
  { name: 's-1', parts: [['shape', -1]] },
  { name: 's+1', parts: [['shape', 1]] },
  { name: 'sss', parts: [['shape', -1], ['shape', 0], ['shape', 1]] },
  { name: 'g-1', parts: [['class', -1]] },
  { name: 'g+1', parts: [['class', 1]] },
  { name: 'gs', parts: [['class', 0], ['shape', 0]] },
  { name: 'w-1s', parts: [['word', -1], ['shape', 0]] },
  { name: 'sw+1', parts: [['shape', 0], ['word', 1]] },
  { name: 't-1', parts: [['label', -1]] },
  { name: 't-2', parts: [['label', -2], ['label', -1]] },
  { name: 't-1s', parts: [['label', -1], ['shape', 0]] },
];
/** The feature of a sentence mostly in capitals (a headline, a caption), whose capitals tell little. */
export const SHOUTED = 'caps';
export const PART_SEPARATOR = '\u001f';

/** A sentence's words, and what the features read of each, worked out when first read. */
export interface SentenceView {
  words: readonly string[];
  values: Map<Part, (string | undefined)[]>;
  shouted: boolean;
}

export function viewOf(words: readonly string[]): SentenceView {
  let letters = 0;
  let capitals = 0;
  for (const word of words) {
    if (!/\p{L}{2}/u.test(word)) continue;
    letters++;
    if (word === word.toUpperCase()) capitals++;
  }
  return { words, values: new Map(), shouted: letters >= 3 && capitals >= 0.6 * letters };
}

export function valueOf(word: string, part: Exclude<Part, 'label'>): string {
  switch (part) {
    case 'word':
      return word.toLowerCase();
    case 'shape':
      return shapeOf(word);
    case 'x3':
      return word.toLowerCase().slice(-3);
    case 'x2':
      return word.toLowerCase().slice(-2);
    case 'p3':
      return word.toLowerCase().slice(0, 3);
    case 'class':
      return /^\p{L}/u.test(word) ? lexiconClass(word) : '';
  }
}

/** A part's value at a token: past either end of the sentence, "<s>" or "</s>"; a label from `labels`. */
export function partAt(view: SentenceView, part: Part, index: number, labels: readonly string[]): string {
  if (part === 'label') return labels[index] ?? '<s>';
  if (index < 0) return '<s>';
  if (index >= view.words.length) return '</s>';
  let values = view.values.get(part);
  if (!values) view.values.set(part, (values = []));
  return (values[index] ??= valueOf(view.words[index]!, part));
}

/**
 * A word without a capital after a word outside any name is outside one too:
 * the tagger neither scores nor learns it, which spares most of a text's words.
 */
export function surelyOutside(word: string, previous: string): boolean {
  if (previous !== 'O' && previous !== '<s>') return false;
  return !/\p{Lu}/u.test(word) || (previous === '<s>' && OPENERS.has(word));
}

/** Words that open sentences and never start a name: "The" of "The Guardian" is left out of the name, as eval's annotations do. */
const OPENERS = new Set(
  'The A An It He She They We I You In On At But And Or So This That These Those There Then His Her Their Its Our My If When While After Before As For With By From Of To Yet Also However Meanwhile'.split(' '),
);

/** The features of one token as strings, given the labels before it (training's form; see TEMPLATES). */
export function featuresAt(view: SentenceView, index: number, labels: readonly string[]): string[] {
  const features = TEMPLATES.map(({ name, parts }) =>
    parts.length === 0 ? name : `${name}=${parts.map(([part, offset]) => partAt(view, part, index + offset, labels)).join(PART_SEPARATOR)}`,
  );
  if (view.shouted) features.push(SHOUTED);
  return features;
}
