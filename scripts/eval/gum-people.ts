// How eval's GUM set reads a person's name from a GUM mention: the run of
// proper nouns around the mention's head, as before, but cut where GUM's own
// annotation says the name ends. A title ("Prime Minister", "Ambassador"), a
// place or body the title is of ("Governor of Washington Chris Gregoire",
// "Minister of Education Stefania Giannini", UD's `nmod`), a possessor ("New
// Zealand's") and another entity GUM marks inside the mention ("NASA
// Administrator") are not part of the name; a title glued before it is one of
// its forms ("U.S. President Donald Trump"). GUM's trees are not uniform (a
// first name may be `flat`, `compound` or even `nmod:desc` of the surname), so
// the run is read from the words, with the tree and the nested mentions only
// saying where it stops.
import { type Mention, nameTokens, onlyTitles, type Sentence, type Token, TITLES } from './conllu.js';

export interface PersonName {
  /** The name without titles: "Donald Trump". */
  name: string;
  /** The name with the title glued before it, when the text writes one: "U.S. President Donald Trump". */
  titled?: string;
  /** Where the name's words are among the sentence's tokens. */
  first: number;
  last: number;
}

/** Titles GUM writes as one word that conllu's list does not hold. */
const MORE_TITLES = new Set(['spokesperson', 'councillor', 'lawmaker', 'legislator']);
const PERSON_BRIDGES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'du', 'bin', 'ibn', 'al', 'le', 'la', '-', '.']);
/** Relations that attach a word the name is not made of: what a title is of, a possessor, another phrase. */
const NOT_NAME_RELATIONS = new Set(['nmod', 'nmod:poss', 'obl', 'appos', 'conj', 'case']);

/** Words of conllu's list that describe rather than title, and are surnames as proper nouns ("Gary Fan"). */
const NOT_TITLES = new Set(['fan', 'man', 'refugee', 'student', 'of', 'the']);
const isTitle = (token: Token) => {
  const lower = token.form.toLowerCase();
  return (TITLES.has(lower) && !NOT_TITLES.has(lower)) || MORE_TITLES.has(lower);
};
const capitalised = (token: Token) => /^\p{Lu}/u.test(token.form);
const textOf = (sentence: Sentence, first: number, last: number) =>
  sentence.text.slice(sentence.tokens[first]!.from, sentence.tokens[last]!.to).replace(/[,;:]+$/, '');

/** The mention's head token's index in the sentence: the one word of the span whose head is outside it. */
function headIndex(sentence: Sentence, mention: Mention): number {
  const ids = new Set(sentence.tokens.slice(mention.start, mention.end + 1).map((token) => token.id));
  // Of the words whose head is outside the span, the first proper noun that is no title, else the first.
  const heads: number[] = [];
  for (let index = mention.start; index <= mention.end; index++) if (!ids.has(sentence.tokens[index]!.head)) heads.push(index);
  let at = heads.find((index) => sentence.tokens[index]!.upos === 'PROPN' && !isTitle(sentence.tokens[index]!)) ?? heads[0] ?? mention.start;
  // "team member Rodaba Noori", "Emeritus Professor John Burrows": a description
  // or a title whose name hangs from it.
  const tokens = sentence.tokens;
  if (tokens[at]!.upos !== 'PROPN' || isTitle(tokens[at]!)) {
    const name = tokens.findIndex(
      (token, index) => index > at && index <= mention.end && token.upos === 'PROPN' && !isTitle(token) && token.head === tokens[at]!.id && ['flat', 'appos'].includes(token.deprel),
    );
    if (name >= 0) return name;
  }
  return at;
}

/** Whether a word can be part of a person's name: a proper noun that is no title and attaches as a name's word does. */
function nameWord(token: Token, inOther: boolean): boolean {
  return token.upos === 'PROPN' && !isTitle(token) && !NOT_NAME_RELATIONS.has(token.deprel) && !inOther;
}

/** The name a person mention gives, or undefined when it names no one ("the president", "he", "Muslims"). */
export function personName(sentence: Sentence, mention: Mention, mentions: readonly Mention[]): PersonName | undefined {
  const at = headIndex(sentence, mention);
  const head = sentence.tokens[at]!;
  // Groups ("Muslims", "Afghans") are typed person in GUM; eval counts named individuals.
  if (head.upos !== 'PROPN' || head.plural || isTitle(head)) return undefined;
  // Other entities GUM marks inside this mention: a place, a body, a thing.
  const others = mentions.filter((other) => other.sentence === mention.sentence && other.type !== 'person' && other.start >= mention.start && other.end <= mention.end && other.end - other.start < mention.end - mention.start);
  const inOther = (index: number) => others.some((other) => other.start <= index && other.end >= index);
  // The head inside a smaller mention of something else: "LA" of "the LA Sheriff", "NASA" of "NASA Administrator".
  if (inOther(at)) return undefined;
  const word = (index: number) => index >= mention.start && index <= mention.end && nameWord(sentence.tokens[index]!, inOther(index));
  const bridge = (index: number) => index >= mention.start && index <= mention.end && PERSON_BRIDGES.has(sentence.tokens[index]!.form.toLowerCase());
  let first = at;
  let last = at;
  for (let index = at - 1; index >= mention.start; index--) {
    if (word(index)) first = index;
    else if (!(bridge(index) && word(index - 1))) break;
  }
  for (let index = at + 1; index <= mention.end; index++) {
    if (word(index)) last = index;
    else if (!(bridge(index) && word(index + 1))) break;
  }
  const name = textOf(sentence, first, last);
  if (!name || onlyTitles(name)) return undefined;
  // A title glued before the name, with the capitalised words before it ("U.S. President", "Prime Minister").
  let start = first;
  while (start - 1 >= mention.start && capitalised(sentence.tokens[start - 1]!) && !NOT_NAME_RELATIONS.has(sentence.tokens[start - 1]!.deprel) && !inOther(start - 1)) start--;
  const titled = start < first && isTitle(sentence.tokens[first - 1]!) ? textOf(sentence, start, last) : undefined;
  return titled ? { name, titled, first, last } : { name, first, last };
}

/** Whether the words first…last lie inside the name of something other than a person ("Tang" in "the Tang Teaching Museum"). */
export function insideOtherName(sentences: readonly Sentence[], mentions: readonly Mention[], sentence: number, first: number, last: number): boolean {
  return mentions.some((other) => {
    if (other.sentence !== sentence || other.type === 'person' || other.start > first || other.end < last) return false;
    const name = nameTokens(sentences[sentence]!, other);
    return name !== undefined && name.first <= first && name.last >= last && name.last - name.first > last - first;
  });
}
