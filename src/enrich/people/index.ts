// The people involved: names found in the articles, the forms a newspaper
// uses for one person (full name, surname, first name, title and surname)
// folded into one entry when that is unambiguous, their roles in the
// articles' words, and where they are mentioned. dossier.yaml has the last word.
import type { Person, Role, Warning } from '../../model.js';
import { entityIds } from '../../ids.js';
import type { BodyParagraph } from '../paragraphs.js';
import { NO_SETTINGS, type EntitySettings } from '../settings.js';
import type { NameHit } from './candidates.js';
import { lexiconTags } from './lexicon.js';
import { ABBREVIATED_TITLES, AMBIGUOUS_FIRST_NAMES, isNameWord, isOrdinaryWord, looksLikeName, MEN_TITLES, nameParts, PARTICLES, startsSentence, TITLES, WOMEN_TITLES } from './names.js';
import { namesInParagraph } from '../tagger/index.js';
import { roleAfter, roleBefore } from './roles.js';
import { markVariants } from './variants.js';
import { FUNCTION_WORD_TAGS, hasAnyTag, PLACE_TAGS } from './tags.js';

export interface ArticleNames {
  id: string;
  paragraphs: BodyParagraph[];
  hits: NameHit[];
}

export interface PersonMention {
  person: string;
  article: string;
  paragraph: number;
  start: number;
  end: number;
}

interface Entry {
  name: string;
  /** How the dossier shows the name: "Lord Haskins" for someone known only by title and surname. */
  display?: string;
  forms: Map<string, number>;
  roles: Role[];
  mentions: Map<string, number>;
  fromSettings: boolean;
}

/** Mentions per person per article whose surroundings are read for a role. */
const ROLE_MENTIONS = 3;
const WORD = new RegExp(`(?:[\\p{L}][\\p{L}'’-]*|(?:${PARTICLES})[-‑][\\p{L}'’-]+)`, 'gu');

/** One key for "O'Neill" and "O’Neill", "Brown" and "BROWN". */
const keyOf = (name: string) => name.toLowerCase().replace(/’/g, "'");

interface FoundForm {
  form: string;
  /** "Mr " when a title stood in front, as written; "" otherwise. */
  title: string;
  start: number;
  end: number;
}

/**
 * Known name forms in a paragraph, longest match first at each word, with a
 * title in front when there is one: a walk over the words with map lookups,
 * so the cost grows with the text, not with the number of names known.
 */
/** `forms` holds keys (see `keyOf`): "O'Neill" and "O’Neill" are one form. */
function findForms(text: string, forms: Set<string>, aliasOf: Map<string, string>, longest: number): FoundForm[] {
  const words = [...text.matchAll(WORD)].map((match) => ({ text: match[0].replace(/[’']s$|[’']$/u, ''), start: match.index }));
  const found: FoundForm[] = [];
  for (let index = 0; index < words.length; index++) {
    const first = words[index]!;
    if (!looksLikeName(first.text) && !aliasOf.has(keyOf(first.text))) continue;
    for (let length = Math.min(longest, words.length - index); length >= 1; length--) {
      const last = words[index + length - 1]!;
      const end = last.start + last.text.length;
      const form = text.slice(first.start, end);
      if (!forms.has(keyOf(form))) continue;
      // Letters, spaces, apostrophes and hyphens, and the stop of an initial ("John F. Kennedy", "K.C. Maurer").
      if (/\s{2,}|[^\p{L}\s.'’‑-]|(?<!(?:^|[\s.])\p{Lu})\./u.test(form)) continue;
      const previous = words[index - 1];
      const title = previous && TITLES.has(previous.text) && /^\.?\s+$/u.test(text.slice(previous.start + previous.text.length, first.start)) ? text.slice(previous.start, first.start) : '';
      found.push({ form, title, start: title ? previous!.start : first.start, end });
      index += length - 1;
      break;
    }
  }
  return found;
}

export function findPeople(
  articles: ArticleNames[],
  settings: EntitySettings = NO_SETTINGS,
): { people: Person[]; mentions: PersonMention[]; warnings: Warning[] } {
  const excluded = new Set(settings.exclude.map(keyOf));
  const entries = new Map<string, Entry>();
  const entry = (name: string, fromSettings = false): Entry => {
    const key = keyOf(name);
    let found = entries.get(key);
    if (!found) entries.set(key, (found = { name, forms: new Map(), roles: [], mentions: new Map(), fromSettings }));
    return found;
  };

  // 1. Full names (two words or more) seen anywhere, and entries from the settings.
  const aliasOf = new Map<string, string>();
  for (const added of settings.add) {
    entry(added.name, true);
    for (const alias of added.aliases) aliasOf.set(keyOf(alias), keyOf(added.name));
  }
  for (const [name, aliases] of Object.entries(settings.aliases)) {
    entry(name, true);
    for (const alias of aliases) aliasOf.set(keyOf(alias), keyOf(name));
  }
  for (const article of articles) {
    for (const hit of article.hits) {
      if (hit.name.includes(' ') && !excluded.has(keyOf(hit.name)) && !aliasOf.has(keyOf(hit.name))) entry(hit.name);
    }
  }
  foldShorterForms(entries, aliasOf);
  const fullNames = [...entries.values()].filter((candidate) => candidate.name.includes(' '));
  const byPart = new Map<string, Set<string>>();
  const addPart = (part: string, key: string) => {
    if (!byPart.has(part)) byPart.set(part, new Set());
    byPart.get(part)!.add(key);
  };
  for (const full of fullNames) {
    const { first, last } = nameParts(full.name);
    addPart(keyOf(first), keyOf(full.name));
    addPart(keyOf(last), keyOf(full.name));
  }
  const wordsOfNames = new Set(fullNames.flatMap((full) => full.name.split(' ').map(keyOf)));
  // Words the tagger reads as a place's or a body's anywhere in the dossier: one of them alone is no person ("Brown's Britain, said").
  const notPeople = new Set(
    articles.flatMap((article) => article.paragraphs.flatMap((paragraph) => namesInParagraph(paragraph).flatMap((name) => (name.type === 'PER' ? [] : name.words.map(keyOf))))),
  );
  // People known only as "Mr Smith", or by one word: single names that fold into no full name.
  for (const article of articles) {
    for (const hit of article.hits) {
      if (hit.name.includes(' ') || byPart.has(keyOf(hit.name)) || excluded.has(keyOf(hit.name))) continue;
      if (hit.titles.length > 0) entry(hit.name).display ??= `${hit.titles[0]} ${hit.name}`;
      // People known by one word ("Wiranto", a footballer's surname), as the tagger read them, unless the word is part of a longer name ("Luk" of John Luk Jok).
      else if (hit.single && !wordsOfNames.has(keyOf(hit.name)) && !notPeople.has(keyOf(hit.name))) entry(hit.name);
    }
  }

  // 2. Mentions: every form of every known name, longest first, in each article.
  // A full name, and each of its words that can stand alone for the person:
  // "Livingstone", not "US", a place or a title; "May" and "Green" only where
  // they cannot be the ordinary word (not at a sentence's start).
  const forms = new Set(
    [...entries.values()].flatMap((known) => [known.name, ...known.name.split(' ').filter((part) => part.length > 1 && !TITLES.has(part) && canStandAlone(part))]).map(keyOf),
  );
  for (const alias of aliasOf.keys()) forms.add(alias);
  const longestForm = Math.max(1, ...[...forms].map((form) => form.split(' ').length));

  const mentions: PersonMention[] = [];
  for (const article of articles) {
    const inArticle = new Set(article.hits.filter((hit) => hit.name.includes(' ')).map((hit) => keyOf(hit.name)));
    const rolesTaken = new Map<string, number>();
    for (const paragraph of article.paragraphs) {
      for (const found of findForms(paragraph.text, forms, aliasOf, longestForm)) {
        const { form, title, start, end } = found;
        const titleWord = title.trim().replace(/\.$/, '');
        const key = resolve(form, titleWord, inArticle, entries, byPart, aliasOf);
        if (!key || excluded.has(key) || excluded.has(keyOf(form))) continue;
        const bare = !form.includes(' ') && !title;
        if (bare && partOfLongerName(paragraph.text, start, end)) continue;
        if (bare && (AMBIGUOUS_FIRST_NAMES.has(form) || !isNameWord(form)) && startsSentence(paragraph.text, start)) continue;
        if (bare && !isNameWord(form) && readsAsTheWord(paragraph.text, start, end)) continue;
        const person = entries.get(key)!;
        const written = paragraph.text.slice(start, end);
        person.forms.set(written, (person.forms.get(written) ?? 0) + 1);
        person.mentions.set(article.id, (person.mentions.get(article.id) ?? 0) + 1);
        mentions.push({ person: key, article: article.id, paragraph: paragraph.number, start, end });
        // Papers describe a person near the first mentions in an article, so only those are read for roles.
        const seen = rolesTaken.get(key) ?? 0;
        if (seen >= ROLE_MENTIONS) continue;
        rolesTaken.set(key, seen + 1);
        const nameStart = title ? start + title.length : start;
        for (const role of [roleBefore(paragraph.text, nameStart, titleWord ? [titleWord] : []), roleAfter(paragraph.text, end)]) {
          // "Princess" for Princess Marguerite, "Sgt" for a sergeant are the name's title, not a description; an office ("Chancellor") is one.
          const ownTitle = role !== undefined && (RANKS.has(role) || ABBREVIATED_TITLES.has(role) || person.name.split(' ').includes(role));
          if (role && !ownTitle && !person.roles.some((known) => sameRole(known.text, role))) person.roles.push({ text: role, article: article.id });
        }
      }
    }
  }

  // 3. Entries: mentioned, or added by the editor; the editor's roles first,
  //    matched to a person by any name or form the editor may use.
  const kept = [...entries.entries()].filter(([key, person]) => !excluded.has(key) && (person.mentions.size > 0 || person.fromSettings));
  const statedRoles = new Map<string, string>();
  for (const added of settings.add) if (added.role) statedRoles.set(keyOf(added.name), added.role);
  const warnings: Warning[] = [];
  for (const [name, role] of Object.entries(settings.roles)) {
    const match = kept.find(([key, person]) => [key, person.display ?? '', ...person.forms.keys()].some((form) => keyOf(form) === keyOf(name)));
    if (match) statedRoles.set(match[0], role);
    else warnings.push({ file: 'dossier.yaml', message: `people.roles: no person named "${name}" was found; check the spelling or add them under people.add.` });
  }
  for (const name of Object.keys(settings.aliases)) {
    if (!entries.get(keyOf(name))?.mentions.size) {
      warnings.push({ file: 'dossier.yaml', message: `people.aliases: "${name}" and its forms are not mentioned in any article.` });
    }
  }
  const ids = new Map<string, string>();
  const idOf = entityIds('person');
  const people: Person[] = kept
    .map(([key, person]) => {
      const stated = statedRoles.get(key);
      const name = person.display ?? person.name;
      const id = idOf(name);
      ids.set(key, id);
      return {
        id,
        name,
        aliases: [...person.forms.keys()].filter((form) => form !== name).sort(),
        roles: [...(stated ? [{ text: stated }] : []), ...person.roles],
        // Articles were read in order, so the map is in article order.
        mentions: [...person.mentions].map(([article, count]) => ({ article, count })),
      };
    })
    .sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'en'));
  markVariants(people);
  return {
    people,
    mentions: mentions.map((mention) => ({ ...mention, person: ids.get(mention.person)! })).filter((mention) => mention.person),
    warnings,
  };
}

/**
 * A name of two words or more that is a shorter form of exactly one longer name
 * ("Richard Guy" of Richard Kenneth Guy, "De Zoysa" of Louis De Zoysa, "Ron
 * Hubbard" of L. Ron Hubbard, "John Luk" of John Luk Jok) is that person's
 * form, not a person of its own.
 */
function foldShorterForms(entries: Map<string, Entry>, aliasOf: Map<string, string>): void {
  // Each longer name under the shorter forms it can have, so the cost grows with the names, not with their pairs.
  const longerBy = new Map<string, Set<string>>();
  const add = (form: string, key: string) => {
    const list = longerBy.get(form);
    if (list) list.add(key);
    else longerBy.set(form, new Set([key]));
  };
  for (const [key, entry] of entries) {
    const words = entry.name.split(' ');
    for (let length = 2; length < words.length; length++) {
      add(`tail ${keyOf(words.slice(-length).join(' '))}`, key);
      if (!words.slice(length).some(isOrdinaryWord)) add(`head ${keyOf(words.slice(0, length).join(' '))}`, key);
    }
    if (words.length > 2) add(`ends ${words.length} ${words[0]} ${words.at(-1)}`, key);
  }
  for (const [key, shorter] of [...entries]) {
    const words = shorter.name.split(' ');
    if (shorter.fromSettings || words.length < 2) continue;
    const longer = new Set([...(longerBy.get(`tail ${key}`) ?? []), ...(longerBy.get(`head ${key}`) ?? [])]);
    for (let length = words.length + 1; length <= words.length + 3; length++) for (const other of longerBy.get(`ends ${length} ${words[0]} ${words.at(-1)}`) ?? []) longer.add(other);
    const targets = [...longer].filter((other) => other !== key && entries.has(other));
    if (targets.length !== 1) continue;
    aliasOf.set(key, targets[0]!);
    entries.delete(key);
  }
  // A form folded into a name that was then folded into a longer one ("Pedro Pierluisi" into "Pedro R. Pierluisi",
  // itself into "Pedro R. Pierluisi Urrutia") names the entry at the end of the chain.
  for (const [alias, target] of aliasOf) {
    let end = target;
    for (let step = 0; !entries.has(end) && aliasOf.has(end) && step < aliasOf.size; step++) end = aliasOf.get(end)!;
    if (end !== target) aliasOf.set(alias, end);
  }
}

/** A word of a name that may stand for the person alone: not a place, a body or a function word. */
function canStandAlone(part: string): boolean {
  if (isNameWord(part)) return true;
  const tags = lexiconTags(part);
  return isOrdinaryWord(part) && !hasAnyTag(tags, PLACE_TAGS) && !hasAnyTag(tags, FUNCTION_WORD_TAGS);
}

/** Which entry a form names, or undefined when it could be more than one person. */
function resolve(
  form: string,
  title: string,
  inArticle: Set<string>,
  entries: Map<string, Entry>,
  byPart: Map<string, Set<string>>,
  aliasOf: Map<string, string>,
): string | undefined {
  const key = keyOf(form);
  if (aliasOf.has(key)) return aliasOf.get(key);
  if (entries.has(key) && (form.includes(' ') || !byPart.has(key))) return key;
  const candidates = [...(byPart.get(key) ?? [])].filter((candidate) => {
    const { first, last } = nameParts(entries.get(candidate)!.name);
    if (!title) return true;
    // "Mr Brown" is a surname: a first name never takes a title. "Mrs Howard" is not Michael Howard.
    if (keyOf(last) !== key) return false;
    const tags = lexiconTags(first);
    if (WOMEN_TITLES.has(title) && tags.includes('MaleName')) return false;
    if (MEN_TITLES.has(title) && tags.includes('FemaleName')) return false;
    return true;
  });
  const isSurname = candidates.some((candidate) => keyOf(nameParts(entries.get(candidate)!.name).last) === key);
  // A surname names the one person the article names in full; a first name
  // only a person who is the only one with it in the whole dossier.
  const here = isSurname ? candidates.filter((candidate) => inArticle.has(candidate)) : [];
  if (here.length === 1) return here[0];
  // From another article, a surname goes to the one person of that surname named with a first name:
  // "B. Lara" on a scorecard says too little to take every "Lara" of the dossier.
  if (here.length === 0 && candidates.length === 1 && !/^\p{Lu}\.?$/u.test(nameParts(entries.get(candidates[0]!)!.name).first)) return candidates[0];
  return undefined;
}

/** A bare name part next to another capitalised word belongs to a name we do not know ("Nick Brown"). */
function partOfLongerName(text: string, start: number, end: number): boolean {
  const before = /(\p{Lu}[\p{L}'’-]*)\s$/u.exec(text.slice(Math.max(0, start - 30), start));
  const after = /^\s(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30));
  const beforeIsName = before && !startsSentence(text, start - before[0].length);
  return Boolean(beforeIsName || after);
}

/** "in May", "on 5 May", "May 2005", "the Green": a surname that is also a word, used as the word. */
function readsAsTheWord(text: string, start: number, end: number): boolean {
  const before = /(\S+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
  const after = /^\s+(\S+)/u.exec(text.slice(end, end + 30))?.[1] ?? '';
  return /^(?:in|on|of|since|until|by|from|early|late|mid|last|next|this|the|a|an|every|\d+\w*)$/i.test(before) || /^\d/.test(after);
}


/** "the party leader" says what "party leader" says. */
/** Titles of rank, which say who someone is born or made, not what they do. */
const RANKS = new Set(['King', 'Queen', 'Prince', 'Princess', 'Duke', 'Duchess', 'Earl', 'Count', 'Countess']);

function sameRole(a: string, b: string): boolean {
  const plain = (role: string) => role.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
  return plain(a) === plain(b);
}

function total(person: Person): number {
  return person.mentions.reduce((sum, mention) => sum + mention.count, 0);
}
