// GUM's CoNLL-U files (github.com/amir-zeldes/gum, `dep/`), read: sentences,
// tokens, paragraphs and entity mentions, and the names a mention gives. Used to
// make eval's GUM set (scripts/eval/gum.ts) and to train the names tagger
// (scripts/train-names.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Token {
  id: number;
  form: string;
  upos: string;
  head: number;
  /** The token's relation to its head ("flat", "nmod:desc", …). */
  deprel: string;
  /** Where the token starts and ends in its sentence's `# text`. */
  from: number;
  to: number;
  plural: boolean;
}

export interface Sentence {
  text: string;
  tokens: Token[];
}

export interface Mention {
  entity: string;
  type: string;
  sentence: number;
  start: number;
  end: number;
}

/** A CoNLL-U file of GUM's: its sentences, their paragraphs, its entity mentions and its `# meta::` lines. */
export interface ConlluDocument {
  id: string;
  meta: Record<string, string>;
  sentences: Sentence[];
  /** Each paragraph's sentences, by index into `sentences`. */
  paragraphs: number[][];
  mentions: Mention[];
}

/** Words that may join the words of an organisation's name: "Department of Justice", "Marks & Spencer", "Bank of the West". */
const ORGANISATION_BRIDGES = new Set(['of', 'for', 'on', 'the', '&', '-', '.']);
/** Particles inside people's names: "Leon van Biljon", "Osama bin Laden". */
const PERSON_BRIDGES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'du', 'bin', 'ibn', 'al', 'le', 'la', '-', '.']);
/**
 * Titles GUM tags as proper nouns: a form made only of these ("the President",
 * "Secretary of State") names a role, not a person, and is left out.
 */
export const TITLES = new Set(
  'president vice prime minister secretary state ambassador sheriff senator governor mayor king queen prince princess general judge justice chancellor chairman chairwoman director officer student sultan sheikh pope bishop cardinal captain coach chief executive commissioner spokesman spokeswoman representative congressman congresswoman mp shadow home high commissioner undersecretary administrator professor emeritus major mr ms mrs dr fan man refugee of the'.split(' '),
);
export const onlyTitles = (name: string) => name.split(/\s+/).every((word) => TITLES.has(word.toLowerCase()));

/** The words of the tokens as the sentence writes them. */
function tokensText(text: string, tokens: readonly Token[]): string {
  return text.slice(tokens[0]!.from, tokens[tokens.length - 1]!.to);
}

/**
 * Where a mention's name is among its sentence's tokens: the run of proper nouns
 * around its head (`first`…`last`), and where that run starts without the titles
 * and descriptions before it (`bare`: "Afghan Ambassador Hamdullah Mohib" is also
 * "Hamdullah Mohib"); undefined when it names no one ("the president", "he").
 */
export function nameTokens(sentence: Sentence, mention: Mention, mentions: readonly Mention[] = []): { first: number; bare: number; last: number } | undefined {
  const span = sentence.tokens.slice(mention.start, mention.end + 1);
  const inSpan = (id: number) => id >= span[0]!.id && id <= span[span.length - 1]!.id;
  let head = span.find((token) => !inSpan(token.head)) ?? span[span.length - 1]!;
  // "team member Rodaba Noori": a description whose name follows it.
  const after = span[span.indexOf(head) + 1];
  if (head.upos !== 'PROPN' && mention.type === 'person' && after?.upos === 'PROPN' && span[span.indexOf(head) + 2]?.upos === 'PROPN') head = after;
  if (head.upos !== 'PROPN') return undefined;
  // Groups ("Muslims", "Afghans") are typed person in GUM; eval counts named individuals.
  if (mention.type === 'person' && head.plural) return undefined;
  const at = span.indexOf(head);
  const bridges = mention.type === 'person' ? PERSON_BRIDGES : ORGANISATION_BRIDGES;
  // A capitalised adjective or noun inside a name is part of it ("United Nations", "Democratic Party").
  const properAt = (index: number) => {
    const token = span[index];
    return token !== undefined && (token.upos === 'PROPN' || (/^[A-Z]/.test(token.form) && ['ADJ', 'NOUN', 'VERB', 'NUM'].includes(token.upos)));
  };
  // A body's name may hold "and" ("The Globe and Mail") where GUM marks no other body inside the mention
  // (it marks each of "Microsoft and Google"), and a run of two bridges ("Joint Council for the Welfare of Immigrants").
  const organisation = mention.type === 'organization';
  const nestedBody = mentions.some(
    (other) => other !== mention && other.sentence === mention.sentence && other.type === 'organization' && other.start >= mention.start && other.end <= mention.end,
  );
  const bridgeAt = (index: number) => {
    const form = span[index]?.form.toLowerCase();
    return form !== undefined && (bridges.has(form) || (organisation && form === 'and' && !nestedBody));
  };
  // Words written together are one word of the name: "Make-A-Wish Foundation".
  const gluedAt = (index: number, to: number) =>
    organisation &&
    span[index] !== undefined &&
    span[to] !== undefined &&
    /^[\p{L}\p{N}-]+$/u.test(span[index]!.form) &&
    span[index]!.upos !== 'PART' &&
    (span[index]!.to === span[to]!.from || span[to]!.to === span[index]!.from);
  const reach = organisation ? 2 : 1;
  // "University of Sheffield of the UK": two bridges into a place GUM marks say where the body is.
  const inPlace = (index: number) =>
    mentions.some((other) => other.sentence === mention.sentence && other.type === 'place' && other.start <= mention.start + index && other.end >= mention.start + index);
  let first = at;
  let last = at;
  for (let index = at - 1; index >= 0; index--) {
    if (properAt(index) || gluedAt(index, index + 1)) first = index;
    else if (!bridgeAt(index)) break;
    else {
      let beyond = index - 1;
      while (beyond > index - reach && bridgeAt(beyond)) beyond--;
      if (!properAt(beyond)) break;
      index = beyond + 1;
    }
  }
  for (let index = at + 1; index < span.length; index++) {
    if (properAt(index) || gluedAt(index, index - 1)) last = index;
    else if (!bridgeAt(index)) break;
    else {
      let beyond = index + 1;
      while (beyond < index + reach && bridgeAt(beyond)) beyond++;
      if (!properAt(beyond) || (beyond - index > 1 && inPlace(beyond))) break;
      index = beyond - 1;
    }
  }
  let bare = first;
  while (bare < at && (TITLES.has(span[bare]!.form.toLowerCase()) || span[bare]!.upos !== 'PROPN' || bridges.has(span[bare]!.form.toLowerCase()))) bare++;
  const offset = mention.start;
  return { first: offset + first, bare: offset + bare, last: offset + last };
}

/** The names a mention gives (see `nameTokens`): with and without the titles before it. */
export function namesOf(sentence: Sentence, mention: Mention, mentions: readonly Mention[] = []): string[] {
  const at = nameTokens(sentence, mention, mentions);
  if (!at) return [];
  const names = [at.first, at.bare].map((start) => tokensText(sentence.text, sentence.tokens.slice(start, at.last + 1)).replace(/[,;:]+$/, ''));
  return [...new Set(names)].filter((name) => name && !onlyTitles(name));
}

export function readConllu(file: string): ConlluDocument {
  const sentences: Sentence[] = [];
  let text = '';
  const paragraphs: number[][] = [];
  const mentions: Mention[] = [];
  const meta: Record<string, string> = {};
  let open: { entity: string; type: string; start: number }[] = [];
  let sentence: Token[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# meta::')) {
      const [key, ...value] = line.slice(8).split(' = ');
      meta[key!] = value.join(' = ');
    } else if (line.startsWith('# newpar') && !line.startsWith('# newpar_')) {
      paragraphs.push([]);
    } else if (line.startsWith('# text = ')) {
      text = line.slice(9);
    } else if (line.trim() === '') {
      if (sentence.length) {
        // A document whose first lines mark no paragraph (a transcript) starts one.
        if (paragraphs.length === 0) paragraphs.push([]);
        paragraphs[paragraphs.length - 1]!.push(sentences.length);
        sentences.push({ text, tokens: sentence });
      }
      sentence = [];
      open = [];
    } else if (!line.startsWith('#')) {
      const [id, form, , upos, xpos, , head, deprel, , misc] = line.split('\t');
      if (!/^\d+$/.test(id!)) continue;
      const index = sentence.length;
      const after = sentence[index - 1]?.to ?? 0;
      const from = text.indexOf(form!, after);
      const start = from < 0 ? after : from;
      sentence.push({ id: Number(id), form: form!, upos: upos!, head: Number(head), deprel: deprel!, from: start, to: start + form!.length, plural: xpos === 'NNPS' });
      const entity = /Entity=([^|]*)/.exec(misc!)?.[1] ?? '';
      for (const match of entity.matchAll(/\(([^()]+)(\))?|(\d+)\)/g)) {
        if (match[1]) {
          const [number, type] = match[1].split('-');
          if (match[2]) mentions.push({ entity: number!, type: type!, sentence: sentences.length, start: index, end: index });
          else open.push({ entity: number!, type: type!, start: index });
        } else {
          const at = open.map((candidate) => candidate.entity).lastIndexOf(match[3]!);
          if (at < 0) continue;
          const [opened] = open.splice(at, 1);
          mentions.push({ entity: opened!.entity, type: opened!.type, sentence: sentences.length, start: opened!.start, end: index });
        }
      }
    }
  }
  return { id: path.basename(file, '.conllu'), meta, sentences, paragraphs, mentions };
}
