// `tsx scripts/eval/gum.ts DIR`: turns GUM's news documents (Wikinews text,
// CC BY 2.5; annotations CC BY 4.0; github.com/amir-zeldes/gum, `dep/GUM_news_*.conllu`
// copied into DIR) into an annotated set under eval/gum/, in eval's format.
// GUM marks every mention of an entity, pronouns and descriptions included;
// a set for eval wants names, so a mention counts when its head word is a
// proper noun, and its name is the run of proper nouns around that head.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { namesOf, readConllu, TITLES } from './conllu.js';
import { insideOtherName, personName } from './gum-people.js';

interface GumDocument {
  id: string;
  title: string;
  date: string;
  url: string;
  paragraphs: string[];
  people: Map<string, PersonForms>;
  organisations: Map<string, string[]>;
}

/** A person's names (without titles) and other forms, and whether every mention of them is inside another entity's name. */
interface PersonForms {
  names: string[];
  forms: string[];
  nested: boolean;
}

const TYPES: Record<string, 'people' | 'organisations'> = { person: 'people', organization: 'organisations' };

function parseDocument(file: string): GumDocument {
  const { id, meta, sentences, paragraphs, mentions } = readConllu(file);
  const texts = paragraphs.filter((list) => list.length).map((list) => list.map((index) => sentences[index]!.text).join(' '));
  const people = new Map<string, PersonForms>();
  const organisations = new Map<string, string[]>();
  for (const mention of mentions) {
    const kind = TYPES[mention.type];
    if (kind === 'people') {
      const found = personName(sentences[mention.sentence]!, mention, mentions);
      if (!found) continue;
      const person = people.get(mention.entity) ?? { names: [], forms: [], nested: true };
      if (!person.names.includes(found.name)) person.names.push(found.name);
      if (found.titled && !person.forms.includes(found.titled)) person.forms.push(found.titled);
      person.nested &&= insideOtherName(sentences, mentions, mention.sentence, found.first, found.last);
      people.set(mention.entity, person);
    } else if (kind === 'organisations') {
      const names = namesOf(sentences[mention.sentence]!, mention, mentions);
      if (names.length === 0) continue;
      const forms = organisations.get(mention.entity) ?? [];
      for (const name of names) if (!forms.includes(name)) forms.push(name);
      organisations.set(mention.entity, forms);
    }
  }
  return {
    id,
    title: meta.title ?? texts[0]!,
    date: meta.dateCreated ?? '',
    url: meta.sourceURL ?? '',
    paragraphs: texts.slice(1),
    people,
    organisations,
  };
}

const byFullness = (a: string, b: string) => b.split(' ').length - a.split(' ').length || b.length - a.length;

/**
 * People: the fullest name without titles is the name, the rest its forms. A
 * person GUM names only inside another entity's name ("Tang" of the Tang Teaching
 * Museum) is a reader's doubt, not a person the article is about: their forms go
 * to the ignore list. A one-word name that is a word of exactly one other
 * person's name in the article is that person: GUM left a few such chains
 * unjoined ("Tom Devocht" … "Devocht", "Amneh Jafari" … "Amneh").
 */
function people(found: Map<string, PersonForms>): { people: { name: string; forms: string[] }[]; ignore: string[] } {
  const listed = [...found.values()].map((person) => {
    const name = [...person.names].sort(byFullness)[0]!;
    return { name, forms: [...person.names, ...person.forms].filter((form) => form !== name), nested: person.nested };
  });
  const kept: typeof listed = [];
  for (const person of listed) {
    const owners = person.name.includes(' ') ? [] : listed.filter((other) => other !== person && other.name.split(' ').includes(person.name));
    if (owners.length === 1) {
      for (const form of [person.name, ...person.forms]) if (!owners[0]!.forms.includes(form)) owners[0]!.forms.push(form);
    } else kept.push(person);
  }
  const seen = new Set<string>();
  const unique = kept.filter((person) => !seen.has(person.name.toLowerCase()) && seen.add(person.name.toLowerCase()));
  return {
    people: unique.filter((person) => !person.nested).map(({ name, forms }) => ({ name, forms })),
    ignore: unique.filter((person) => person.nested).flatMap((person) => [person.name, ...person.forms]),
  };
}

/** The fullest form is the name; the rest are its other forms. */
function entities(found: Map<string, string[]>): { name: string; forms: string[] }[] {
  const seen = new Set<string>();
  return [...found.values()].flatMap((forms) => {
    const untitled = forms.filter((form) => !TITLES.has(form.split(' ')[0]!.toLowerCase()));
    const name = [...(untitled.length ? untitled : forms)].sort(byFullness)[0]!;
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
    const named = people(document.people);
    return { file, gum: document.id, title: document.title, date: document.date, url: document.url, people: named.people, organisations: entities(document.organisations), ignore: named.ignore };
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
