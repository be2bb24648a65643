// `npx tsx scripts/train-names.ts --gum DIR --uner FILE...`: trains the names
// tagger (src/enrich/tagger/) and writes its weights to data/names-tagger.json.
//
// Training data, openly licensed only (attribution in eval/README.md):
// - GUM (github.com/amir-zeldes/gum, `dep/*.conllu` copied into DIR): annotations
//   CC BY 4.0; of its texts only the genres whose licence allows a derived work
//   to be shared without restriction are read: academic (CC BY 4.0), court (CC BY
//   4.0), interview (Wikinews, CC BY 2.5), bio (Wikipedia) and voyage (Wikivoyage),
//   both CC BY-SA 3.0. Never its news documents, which eval scores on; never the
//   non-commercial genres (fiction, whow, essay, letter, podcast) or reddit.
// - Universal NER's English treebanks (github.com/UniversalNER, UNER_English-EWT
//   `*.iob2`, CC BY-SA 4.0; UNER_English-PUD, CC BY-SA 3.0).
// Never Reuters' CoNLL data.
//
// The tagger is an averaged perceptron trained for EPOCHS passes in a fixed
// order, so the same data gives the same weights. `--check` first trains on
// nine tenths of the sentences and prints the names it finds in the tenth.
import { readdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featuresAt, LABELS, surelyOutside } from '../src/enrich/tagger/features.js';
import { labelWords, stringScorer } from '../src/enrich/tagger/index.js';
import type { TaggerModel } from '../src/enrich/tagger/model.js';
import { nameTokens, readConllu } from './eval/conllu.js';

interface Example {
  words: string[];
  labels: string[];
}

const GUM_GENRES = /^GUM_(academic|bio|court|interview|voyage)_.*\.conllu$/;
const GUM_TYPES: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const EPOCHS = 8;
/** Averaged weights smaller than this (in the scale's units) are dropped from the file. */
const KEEP_ABOVE = 2;
const SCALE = 100;

function gumExamples(dir: string): Example[] {
  const examples: Example[] = [];
  for (const name of readdirSync(dir).filter((file) => GUM_GENRES.test(file)).sort()) {
    const document = readConllu(path.join(dir, name));
    const spans = document.mentions.flatMap((mention) => {
      const type = GUM_TYPES[mention.type];
      const at = type ? nameTokens(document.sentences[mention.sentence]!, mention) : undefined;
      if (!type || !at) return [];
      // A person's name without the titles before it ("Dr."); a body's or a place's as written.
      return [{ sentence: mention.sentence, start: type === 'PER' ? at.bare : at.first, end: at.last, type }];
    });
    const labels = document.sentences.map((sentence) => sentence.tokens.map(() => 'O'));
    for (const span of spans.sort((a, b) => b.end - b.start - (a.end - a.start))) {
      const row = labels[span.sentence]!;
      if (row.slice(span.start, span.end + 1).some((label) => label !== 'O')) continue;
      for (let index = span.start; index <= span.end; index++) row[index] = `${index === span.start ? 'B' : 'I'}-${span.type}`;
    }
    document.sentences.forEach((sentence, index) => examples.push({ words: sentence.tokens.map((token) => token.form), labels: labels[index]! }));
  }
  return examples;
}

function unerExamples(file: string): Example[] {
  const examples: Example[] = [];
  let current: Example = { words: [], labels: [] };
  for (const line of [...readFileSync(file, 'utf8').split('\n'), '']) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (current.words.length) examples.push(current);
      current = { words: [], labels: [] };
      continue;
    }
    const [, word, label] = line.split('\t');
    current.words.push(word!);
    current.labels.push(LABELS.includes(label as (typeof LABELS)[number]) ? label! : 'O');
  }
  return examples;
}

/**
 * Where the tagger leaves a word out without scoring it (`surelyOutside`: "The"
 * opening a sentence), the name after it starts at the next word: its I- label
 * becomes B-, the label the tagger can give there.
 */
function withoutUnreachableLabels(example: Example): Example {
  const labels = [...example.labels];
  for (let index = 0; index < labels.length; index++) {
    if (!surelyOutside(example.words[index]!, labels[index - 1] ?? '<s>')) continue;
    labels[index] = 'O';
    const next = labels[index + 1];
    if (next?.startsWith('I-')) labels[index + 1] = `B-${next.slice(2)}`;
  }
  return { words: example.words, labels };
}

/** An averaged perceptron: weights, their running sums for the average, and when each was last changed. */
class Perceptron {
  weights = new Map<string, Float64Array>();
  totals = new Map<string, Float64Array>();
  stamps = new Map<string, Float64Array>();
  step = 0;


  update(features: readonly string[], truth: number, guess: number): void {
    for (const feature of features) {
      let row = this.weights.get(feature);
      if (!row) {
        row = new Float64Array(LABELS.length);
        this.weights.set(feature, row);
        this.totals.set(feature, new Float64Array(LABELS.length));
        this.stamps.set(feature, new Float64Array(LABELS.length));
      }
      const total = this.totals.get(feature)!;
      const stamp = this.stamps.get(feature)!;
      for (const [label, change] of [[truth, 1], [guess, -1]] as const) {
        total[label]! += (this.step - stamp[label]!) * row[label]!;
        stamp[label] = this.step;
        row[label]! += change;
      }
    }
  }

  averaged(): Map<string, number[]> {
    const result = new Map<string, number[]>();
    for (const [feature, row] of this.weights) {
      const total = this.totals.get(feature)!;
      const stamp = this.stamps.get(feature)!;
      const average = [...row].map((weight, label) => Math.round(((total[label]! + (this.step - stamp[label]!) * weight) / this.step) * SCALE));
      if (average.some((weight) => Math.abs(weight) >= KEEP_ABOVE)) result.set(feature, average);
    }
    return result;
  }
}

/** A fixed shuffle (a linear congruential generator seeded once), so training is reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

function train(examples: Example[]): Map<string, number[]> {
  const model = new Perceptron();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let wrong = 0;
    let tokens = 0;
    for (const example of shuffled(examples, epoch + 1)) {
      model.step++;
      labelWords(example.words, stringScorer(model.weights), example.labels, (view, index, labels, truth, guess) => {
        wrong++;
        model.update(featuresAt(view, index, labels), truth, guess);
      });
      tokens += example.words.length;
    }
    process.stderr.write(`train-names: epoch ${epoch + 1}: ${(1 - wrong / tokens).toFixed(4)} of tokens right\n`);
  }
  return model.averaged();
}

function spansOf(labels: readonly string[]): Set<string> {
  const spans = new Set<string>();
  let start = -1;
  labels.forEach((label, index) => {
    const next = labels[index + 1] ?? 'O';
    if (label.startsWith('B-')) start = index;
    if (label !== 'O' && !next.startsWith('I-')) spans.add(`${label.slice(2)}:${start}:${index}`);
  });
  return spans;
}

function check(examples: Example[]): void {
  const held = examples.filter((_, index) => index % 10 === 9);
  const model = train(examples.filter((_, index) => index % 10 !== 9));
  const counts: Record<string, { found: number; correct: number; annotated: number }> = {};
  for (const example of held) {
    const guessed = spansOf(labelWords(example.words, stringScorer(model)));
    const truth = spansOf(example.labels);
    for (const type of ['PER', 'ORG', 'LOC']) {
      const count = (counts[type] ??= { found: 0, correct: 0, annotated: 0 });
      const mine = [...guessed].filter((span) => span.startsWith(type));
      count.found += mine.length;
      count.correct += mine.filter((span) => truth.has(span)).length;
      count.annotated += [...truth].filter((span) => span.startsWith(type)).length;
    }
  }
  for (const [type, { found, correct, annotated }] of Object.entries(counts)) {
    const precision = correct / found;
    const recall = correct / annotated;
    process.stdout.write(`${type}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)} (${annotated} names in the tenth held out)\n`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const gum = args[args.indexOf('--gum') + 1];
  const uner = args.slice(args.indexOf('--uner') + 1).filter((arg) => !arg.startsWith('--'));
  if (!args.includes('--gum') || !gum || !args.includes('--uner') || uner.length === 0) {
    throw new Error('usage: npx tsx scripts/train-names.ts [--check] --gum DIR --uner FILE.iob2...   (see the comment at the top of this script)');
  }
  const examples = [...gumExamples(gum), ...uner.flatMap(unerExamples)].map(withoutUnreachableLabels);
  process.stderr.write(`train-names: ${examples.length} sentences, ${examples.reduce((sum, example) => sum + example.words.length, 0)} tokens\n`);
  if (args.includes('--check')) check(examples);
  const weights = train(examples);
  const model: TaggerModel = { labels: [...LABELS], scale: SCALE, weights: Object.fromEntries([...weights].sort(([a], [b]) => (a < b ? -1 : 1))) };
  const out = fileURLToPath(new URL('../data/names-tagger.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  process.stdout.write(`train-names: ${weights.size} features written to ${path.relative(process.cwd(), out)}\n`);
}

main();
