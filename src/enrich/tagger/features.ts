// What the names tagger looks at for each token: the word, its shape and
// endings, its neighbours, whether compromise's lexicon knows it as a first
// name, a surname, a place, a body or an everyday word, and the labels given
// to the two tokens before it. The same function serves training
// (scripts/train-names.ts) and tagging, so the two cannot drift apart.
import { lexiconTags } from '../people/lexicon.js';

/** Labels in the order the model's weights give them. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Label = (typeof LABELS)[number];

/** "Xx" for "Obama", "X." for "J.", "XX" for "NATO", "d" for "2019", "x-Xx" for "al-Assad". */
export function shapeOf(word: string): string {
  let shape = '';
  for (const character of word) {
    const kind = /\p{Lu}/u.test(character) ? 'X' : /\p{Ll}/u.test(character) ? 'x' : /\p{N}/u.test(character) ? 'd' : character;
    if (!shape.endsWith(kind) || shape.length > 3) shape += kind;
  }
  return shape.slice(0, 5);
}

/** What the lexicon says of a word, in a few letters: n name, f first name, l surname, p place, o body, w another word. */
function lexiconClass(word: string): string {
  const tags = lexiconTags(word);
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

/** The features of each token that do not depend on the labels before it. */
export function tokenFeatures(words: readonly string[]): string[][] {
  const lower = words.map((word) => word.toLowerCase());
  const shapes = words.map(shapeOf);
  const classes = words.map((word) => (/^\p{L}/u.test(word) ? lexiconClass(word) : ''));
  const at = (list: readonly string[], index: number, edge: string) => (index < 0 ? edge : index >= list.length ? edge : list[index]!);
  // A sentence mostly in capitals (a headline, a caption) tells little by its capitals.
  const letters = words.filter((word) => /\p{L}{2}/u.test(word));
  const shouted = letters.length >= 3 && letters.filter((word) => word === word.toUpperCase()).length >= 0.6 * letters.length;
  return words.map((_word, index) => {
    const low = lower[index]!;
    const shape = shapes[index]!;
    const previousShape = at(shapes, index - 1, '<s>');
    const nextShape = at(shapes, index + 1, '</s>');
    const features = [
      'b',
      `w=${low}`,
      `s=${shape}`,
      `x3=${low.slice(-3)}`,
      `x2=${low.slice(-2)}`,
      `p3=${low.slice(0, 3)}`,
      `g=${classes[index]}`,
      `w-1=${at(lower, index - 1, '<s>')}`,
      `w+1=${at(lower, index + 1, '</s>')}`,
      `w-2=${at(lower, index - 2, '<s>')}`,
      `w+2=${at(lower, index + 2, '</s>')}`,
      `s-1=${previousShape}`,
      `s+1=${nextShape}`,
      `sss=${previousShape}|${shape}|${nextShape}`,
      `g-1=${at(classes, index - 1, '<s>')}`,
      `g+1=${at(classes, index + 1, '</s>')}`,
      `gs=${classes[index]}|${shape}`,
      `w-1s=${at(lower, index - 1, '<s>')}|${shape}`,
      `sw+1=${shape}|${at(lower, index + 1, '</s>')}`,
    ];
    if (shouted) features.push('caps');
    return features;
  });
}

/** The features that depend on the labels given to the two tokens before. */
export function labelFeatures(previous: string, beforePrevious: string, shape: string): string[] {
  return [`t-1=${previous}`, `t-2=${beforePrevious}|${previous}`, `t-1s=${previous}|${shape}`];
}
