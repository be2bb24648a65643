// `tsx scripts/eval/gum.ts DIR`: turns GUM's news documents (Wikinews text,
// CC BY 2.5; annotations CC BY 4.0; github.com/amir-zeldes/gum, `dep/GUM_news_*.conllu`
// copied into DIR) into an annotated set under eval/gum/, in eval's format.
// GUM marks every mention of an entity, pronouns and descriptions included;
// a set for eval wants names, so a mention counts when its head word is a
// proper noun, and its name is the run of proper nouns around that head.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Token {
  id: number;
  form: string;
  upos: string;
  head: number;
  /** Where the token starts and ends in its sentence's `# text`. */
  from: number;
  to: number;
  plural: boolean;
}

interface Sentence {
  text: string;
  tokens: Token[];
}

interface Mention {
  entity: string;
  type: string;
  sentence: number;
  start: number;
  end: number;
}

interface GumDocument {
  id: string;
  title: string;
  date: string;
  url: string;
  paragraphs: string[];
  people: Map<string, string[]>;
  organisations: Map<string, string[]>;
}

const TYPES: Record<string, 'people' | 'organisations'> = { person: 'people', organization: 'organisations' };
/** Words that may join the words of an organisation's name: "Department of Justice", "Marks & Spencer", "Bank of the West". */
const ORGANISATION_BRIDGES = new Set(['of', 'for', 'on', 'the', '&', '-', '.']);
/** Particles inside people's names: "Leon van Biljon", "Osama bin Laden". */
const PERSON_BRIDGES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'du', 'bin', 'ibn', 'al', 'le', 'la', '-', '.']);
/**
 * Titles GUM tags as proper nouns: a form made only of these ("the President",
 * "Secretary of State") names a role, not a person, and is left out.
 */
const TITLES = new Set(
  'president vice prime minister secretary state ambassador sheriff senator governor mayor king queen prince princess general judge justice chancellor chairman chairwoman director officer student sultan sheikh pope bishop cardinal captain coach chief executive commissioner spokesman spokeswoman representative congressman congresswoman mp shadow home high commissioner undersecretary administrator professor emeritus major mr ms mrs dr fan man refugee of the'.split(' '),
);
const onlyTitles = (name: string) => name.split(/\s+/).every((word) => TITLES.has(word.toLowerCase()));

/** The words of the tokens as the sentence writes them. */
function tokensText(text: string, tokens: readonly Token[]): string {
  return text.slice(tokens[0]!.from, tokens[tokens.length - 1]!.to);
}

/**
 * The names a mention gives: the run of proper nouns around its head, and that
 * run without the titles and descriptions before it ("Afghan Ambassador Hamdullah
 * Mohib" is also "Hamdullah Mohib"); none when it names no one ("the president", "he").
 */
function namesOf(sentence: Sentence, mention: Mention): string[] {
  const span = sentence.tokens.slice(mention.start, mention.end + 1);
  const inSpan = (id: number) => id >= span[0]!.id && id <= span[span.length - 1]!.id;
  let head = span.find((token) => !inSpan(token.head)) ?? span[span.length - 1]!;
  // "team member Rodaba Noori": a description whose name follows it.
  const after = span[span.indexOf(head) + 1];
  if (head.upos !== 'PROPN' && mention.type === 'person' && after?.upos === 'PROPN' && span[span.indexOf(head) + 2]?.upos === 'PROPN') head = after;
  if (head.upos !== 'PROPN') return [];
  // Groups ("Muslims", "Afghans") are typed person in GUM; eval counts named individuals.
  if (mention.type === 'person' && head.plural) return [];
  const at = span.indexOf(head);
  const bridges = mention.type === 'person' ? PERSON_BRIDGES : ORGANISATION_BRIDGES;
  // A capitalised adjective or noun inside a name is part of it ("United Nations", "Democratic Party").
  const properAt = (index: number) => {
    const token = span[index];
    return token !== undefined && (token.upos === 'PROPN' || (/^[A-Z]/.test(token.form) && ['ADJ', 'NOUN', 'VERB', 'NUM'].includes(token.upos)));
  };
  let first = at;
  let last = at;
  for (let index = at - 1; index >= 0; index--) {
    if (properAt(index)) first = index;
    else if (!(bridges.has(span[index]!.form.toLowerCase()) && properAt(index - 1))) break;
  }
  for (let index = at + 1; index < span.length; index++) {
    if (properAt(index)) last = index;
    else if (!(bridges.has(span[index]!.form.toLowerCase()) && properAt(index + 1))) break;
  }
  let bare = first;
  while (bare < at && (TITLES.has(span[bare]!.form.toLowerCase()) || span[bare]!.upos !== 'PROPN' || bridges.has(span[bare]!.form.toLowerCase()))) bare++;
  const names = [first, bare].map((start) => tokensText(sentence.text, span.slice(start, last + 1)).replace(/[,;:]+$/, ''));
  return [...new Set(names)].filter((name) => name && !onlyTitles(name));
}

function parseDocument(file: string): GumDocument {
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
        paragraphs[paragraphs.length - 1]!.push(sentences.length);
        sentences.push({ text, tokens: sentence });
      }
      sentence = [];
      open = [];
    } else if (!line.startsWith('#')) {
      const [id, form, , upos, xpos, , head, , , misc] = line.split('\t');
      if (!/^\d+$/.test(id!)) continue;
      const index = sentence.length;
      const after = sentence[index - 1]?.to ?? 0;
      const from = text.indexOf(form!, after);
      const start = from < 0 ? after : from;
      sentence.push({ id: Number(id), form: form!, upos: upos!, head: Number(head), from: start, to: start + form!.length, plural: xpos === 'NNPS' });
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
  const texts = paragraphs.filter((list) => list.length).map((list) => list.map((index) => sentences[index]!.text).join(' '));
  const people = new Map<string, string[]>();
  const organisations = new Map<string, string[]>();
  for (const mention of mentions) {
    const kind = TYPES[mention.type];
    if (!kind) continue;
    const names = namesOf(sentences[mention.sentence]!, mention);
    if (names.length === 0) continue;
    const entities = kind === 'people' ? people : organisations;
    const forms = entities.get(mention.entity) ?? [];
    for (const name of names) if (!forms.includes(name)) forms.push(name);
    entities.set(mention.entity, forms);
  }
  return {
    id: path.basename(file, '.conllu'),
    title: meta.title ?? texts[0]!,
    date: meta.dateCreated ?? '',
    url: meta.sourceURL ?? '',
    paragraphs: texts.slice(1),
    people,
    organisations,
  };
}

/** The fullest form is the name; the rest are its other forms. */
function entities(found: Map<string, string[]>): { name: string; forms: string[] }[] {
  const seen = new Set<string>();
  return [...found.values()].flatMap((forms) => {
    const untitled = forms.filter((form) => !TITLES.has(form.split(' ')[0]!.toLowerCase()));
    const name = [...(untitled.length ? untitled : forms)].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0]!;
    if (seen.has(name.toLowerCase())) return [];
    seen.add(name.toLowerCase());
    return [{ name, forms: forms.filter((form) => form !== name) }];
  });
}

function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('usage: tsx scripts/eval/gum.ts DIR   (DIR holds GUM_news_*.conllu from github.com/amir-zeldes/gum dep/)');
  const out = fileURLToPath(new URL('../../eval/gum/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const files = readdirSync(source).filter((name) => /^GUM_news_.*\.conllu$/.test(name)).sort();
  const articles = files.map((name, index) => {
    const document = parseDocument(path.join(source, name));
    const file = `${String(index + 1).padStart(3, '0')}.txt`;
    writeFileSync(path.join(out, file), `${document.title}\n\n${document.date}\n\n${document.paragraphs.join('\n\n')}\n`);
    return { file, gum: document.id, title: document.title, date: document.date, url: document.url, people: entities(document.people), organisations: entities(document.organisations), ignore: [] };
  });
  const annotations = {
    description: "GUM's news documents (Wikinews articles) with GUM's person and organization annotations, kept where the mention's head is a proper noun; written by scripts/eval/gum.ts.",
    licence: 'Text CC BY 2.5 (Wikinews contributors); annotations CC BY 4.0 (the GUM annotators); see ATTRIBUTION.md',
    scored: ['people', 'organisations'],
    articles,
  };
  writeFileSync(path.join(out, 'annotations.json'), `${JSON.stringify(annotations, null, 2)}\n`);
  process.stdout.write(`eval/gum: ${articles.length} articles, ${articles.reduce((sum, article) => sum + article.people.length, 0)} people, ${articles.reduce((sum, article) => sum + article.organisations.length, 0)} organisations\n`);
}

main();
