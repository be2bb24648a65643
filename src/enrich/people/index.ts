// The people involved: names found in the articles, the forms a newspaper
// uses for one person (full name, surname, first name, title and surname)
// folded into one entry when that is unambiguous, their roles in the
// articles' words, and where they are mentioned. dossier.yaml has the last word.
import type { Person, Role } from '../../model.js';
import { slugify } from '../../slug.js';
import type { BodyParagraph } from '../paragraphs.js';
import type { NameHit } from './candidates.js';
import { AMBIGUOUS_FIRST_NAMES, FUNCTION_TITLES, HONORIFICS, isNameWord, looksLikeName, nameParts } from './names.js';
import { roleAfter, roleBefore } from './roles.js';

export interface EntitySettings {
  /** Entries to add: name, other forms, and a role. */
  add: { name: string; aliases: string[]; role?: string }[];
  /** Forms to fold into a name: `Ed Miliband: [Miliband, Ed]`. */
  aliases: Record<string, string[]>;
  /** A role to state for a name, before those found. */
  roles: Record<string, string>;
  /** Names (or forms) that are not entries at all. */
  exclude: string[];
}

export const NO_SETTINGS: EntitySettings = { add: [], aliases: {}, roles: {}, exclude: [] };

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

const TITLES = new Set([...HONORIFICS, ...FUNCTION_TITLES]);
/** Mentions per person per article whose surroundings are read for a role. */
const ROLE_MENTIONS = 3;
const WORD = /(?:[\p{L}][\p{L}'’-]*|(?:al|el|bin|ibn|de|van|von|da|di|du|le|la)[-‑][\p{L}'’-]+)/gu;

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
function findForms(text: string, forms: Set<string>, aliasOf: Map<string, string>, longest: number): FoundForm[] {
  const words = [...text.matchAll(WORD)].map((match) => ({ text: match[0].replace(/[’']s$|[’']$/u, ''), start: match.index }));
  const found: FoundForm[] = [];
  for (let index = 0; index < words.length; index++) {
    const first = words[index]!;
    if (!looksLikeName(first.text) && !aliasOf.has(first.text.toLowerCase())) continue;
    for (let length = Math.min(longest, words.length - index); length >= 1; length--) {
      const last = words[index + length - 1]!;
      const end = last.start + last.text.length;
      const form = text.slice(first.start, end);
      if (!forms.has(form) && !aliasOf.has(form.toLowerCase())) continue;
      if (/\s{2,}|[^\p{L}\s'’‑-]/u.test(form)) continue;
      const previous = words[index - 1];
      const title = previous && TITLES.has(previous.text) && /^\.?\s+$/u.test(text.slice(previous.start + previous.text.length, first.start)) ? text.slice(previous.start, first.start) : '';
      found.push({ form, title, start: title ? previous!.start : first.start, end });
      index += length - 1;
      break;
    }
  }
  return found;
}

export function findPeople(articles: ArticleNames[], settings: EntitySettings = NO_SETTINGS): { people: Person[]; mentions: PersonMention[] } {
  const excluded = new Set(settings.exclude.map((name) => name.toLowerCase()));
  const entries = new Map<string, Entry>();
  const entry = (name: string, fromSettings = false): Entry => {
    const key = name.toLowerCase();
    let found = entries.get(key);
    if (!found) entries.set(key, (found = { name, forms: new Map(), roles: [], mentions: new Map(), fromSettings }));
    return found;
  };

  // 1. Full names (two words or more) seen anywhere, and entries from the settings.
  const aliasOf = new Map<string, string>();
  for (const added of settings.add) {
    entry(added.name, true);
    for (const alias of added.aliases) aliasOf.set(alias.toLowerCase(), added.name.toLowerCase());
  }
  for (const [name, aliases] of Object.entries(settings.aliases)) {
    entry(name, true);
    for (const alias of aliases) aliasOf.set(alias.toLowerCase(), name.toLowerCase());
  }
  for (const article of articles) {
    for (const hit of article.hits) {
      if (hit.name.includes(' ') && !excluded.has(hit.name.toLowerCase()) && !aliasOf.has(hit.name.toLowerCase())) entry(hit.name);
    }
  }
  const fullNames = [...entries.values()].filter((candidate) => candidate.name.includes(' '));
  const byPart = new Map<string, Set<string>>();
  const addPart = (part: string, key: string) => {
    if (!byPart.has(part)) byPart.set(part, new Set());
    byPart.get(part)!.add(key);
  };
  for (const full of fullNames) {
    const { first, last } = nameParts(full.name);
    addPart(first, full.name.toLowerCase());
    addPart(last, full.name.toLowerCase());
  }
  // People known only as "Mr Smith": titled single names that fold into no full name.
  for (const article of articles) {
    for (const hit of article.hits) {
      if (!hit.name.includes(' ') && hit.titles.length > 0 && !byPart.has(hit.name) && !excluded.has(hit.name.toLowerCase())) {
        entry(hit.name).display ??= `${hit.titles[0]} ${hit.name}`;
      }
    }
  }

  // 2. Mentions: every form of every known name, longest first, in each article.
  // A full name, and each of its words that can stand alone for the person ("Livingstone", not "US").
  const forms = new Set([...entries.values()].flatMap((known) => [known.name, ...known.name.split(' ').filter((part) => isNameWord(part) && part.length > 1)]));
  for (const alias of aliasOf.keys()) forms.add(alias);
  const longestForm = Math.max(1, ...[...forms].map((form) => form.split(' ').length));

  const mentions: PersonMention[] = [];
  for (const article of articles) {
    const inArticle = new Set(article.hits.filter((hit) => hit.name.includes(' ')).map((hit) => hit.name.toLowerCase()));
    const rolesTaken = new Map<string, number>();
    for (const paragraph of article.paragraphs) {
      for (const found of findForms(paragraph.text, forms, aliasOf, longestForm)) {
        const { form, title, start, end } = found;
        const key = resolve(form, Boolean(title), inArticle, entries, byPart, aliasOf);
        if (!key || excluded.has(key) || excluded.has(form.toLowerCase())) continue;
        if (!form.includes(' ') && !title && partOfLongerName(paragraph.text, start, end)) continue;
        if (!form.includes(' ') && !title && AMBIGUOUS_FIRST_NAMES.has(form) && startsSentence(paragraph.text, start)) continue;
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
        for (const role of [roleBefore(paragraph.text, nameStart, title ? [title.trim().replace(/\.$/, '')] : []), roleAfter(paragraph.text, end)]) {
          if (role && !person.roles.some((known) => sameRole(known.text, role))) person.roles.push({ text: role, article: article.id });
        }
      }
    }
  }

  // 3. Entries: mentioned, or added by the editor; settings' roles first.
  const kept = [...entries.entries()].filter(([key, person]) => !excluded.has(key) && (person.mentions.size > 0 || person.fromSettings));
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const people: Person[] = kept
    .map(([key, person]) => {
      const stated = settings.roles[person.name] ?? settings.add.find((added) => added.name === person.name)?.role;
      const name = person.display ?? person.name;
      const id = uniqueId(`person-${slugify(name) || 'unnamed'}`, used);
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
    .sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name));
  return { people, mentions: mentions.map((mention) => ({ ...mention, person: ids.get(mention.person)! })).filter((mention) => mention.person) };
}

/** Which entry a form names, or undefined when it could be more than one person. */
function resolve(
  form: string,
  titled: boolean,
  inArticle: Set<string>,
  entries: Map<string, Entry>,
  byPart: Map<string, Set<string>>,
  aliasOf: Map<string, string>,
): string | undefined {
  const lower = form.toLowerCase();
  if (aliasOf.has(lower)) return aliasOf.get(lower);
  if (entries.has(lower) && (form.includes(' ') || !byPart.has(form))) return lower;
  const candidates = [...(byPart.get(form) ?? [])].filter((key) => {
    // "Mr Brown" is a surname; a first name never takes a courtesy title.
    return !titled || nameParts(entries.get(key)!.name).last === form;
  });
  const here = candidates.filter((key) => inArticle.has(key));
  if (here.length === 1) return here[0];
  if (here.length === 0 && candidates.length === 1) return candidates[0];
  return undefined;
}

/** A bare name part next to another capitalised word belongs to a name we do not know ("Nick Brown"). */
function partOfLongerName(text: string, start: number, end: number): boolean {
  const before = /(\p{Lu}[\p{L}'’-]*)\s$/u.exec(text.slice(Math.max(0, start - 30), start));
  const after = /^\s(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30));
  const beforeIsName = before && !startsSentence(text, start - before[0].length);
  return Boolean(beforeIsName || after);
}

function startsSentence(text: string, index: number): boolean {
  return /(?:^|[.!?]["'”’]?\s+|["“]\s*)$/u.test(text.slice(Math.max(0, index - 4), index));
}

/** "the party leader" says what "party leader" says. */
function sameRole(a: string, b: string): boolean {
  const plain = (role: string) => role.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
  return plain(a) === plain(b);
}

function total(person: Person): number {
  return person.mentions.reduce((sum, mention) => sum + mention.count, 0);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

