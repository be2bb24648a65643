// The dossier's settings: `dossier.yaml` in the input folder. Every key is
// optional; editors use it to title the pack and to correct what the
// machine got wrong about an article (its source, a better headline…).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { EntitySettings } from './enrich/settings.js';
import { READING_ORDERS, type ArticleBreak, type ReadingOrder, type VersionHandling, type Warning } from './model.js';
import { decode, withoutControlCharacters } from './read/decode.js';
import { InputFileError, InputFolder } from './read/input-folder.js';
import { parseStatedDate, type DateOrder } from './normalise/dates.js';

export const CONFIG_FILE_NAMES = ['dossier.yaml', 'dossier.yml'];

export interface ArticleOverride {
  title?: string;
  source?: string;
  date?: string;
  byline?: string;
  url?: string;
  standfirst?: string;
}

export interface DossierConfig {
  title?: string;
  subtitle?: string;
  compiledBy?: string;
  /** A protective marking such as OFFICIAL-SENSITIVE, printed on every page. */
  marking?: string;
  /** In print, whether each article starts a new page (the default) or runs on after the one before. */
  articleBreak?: ArticleBreak;
  date?: string;
  language?: string;
  description?: string;
  dateOrder?: DateOrder;
  /** The articles' reading order; by default by date when at least half are dated, else as the files sort. */
  order?: ReadingOrder;
  /** Versions of one report: all kept and marked (the default), or folded into the fullest. */
  versions?: VersionHandling;
  /** Keyed by the article's path relative to the input folder. */
  articles: Record<string, ArticleOverride>;
  /** Editorial corrections to the people found: the config beats the machine. */
  people?: EntitySettings;
  organisations?: EntitySettings;
}

/** A config the build cannot go on with: names the file and line, says what to do. */
export class ConfigError extends Error {}

const TOP_KEYS: Record<string, keyof DossierConfig> = {
  title: 'title',
  subtitle: 'subtitle',
  marking: 'marking',
  'article-break': 'articleBreak',
  'compiled-by': 'compiledBy',
  date: 'date',
  language: 'language',
  description: 'description',
  'date-order': 'dateOrder',
  order: 'order',
  versions: 'versions',
  articles: 'articles',
  people: 'people',
  organisations: 'organisations',
};
const ARTICLE_KEYS = ['title', 'source', 'date', 'byline', 'url', 'standfirst'] as const;
const DATE_ORDERS: DateOrder[] = ['day-first', 'month-first'];
const ARTICLE_BREAKS: ArticleBreak[] = ['page', 'run-on'];
const VERSION_HANDLINGS: VersionHandling[] = ['keep', 'fold'];

/** Parses a config file's text. `file` is the name used in messages. */
export function parseConfig(text: string, file: string): { config: DossierConfig; warnings: Warning[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  const fail = (node: Node | null | undefined, message: string): never => {
    const line = lineOf(node);
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: ${message}`);
  };
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${firstError.message.split('\n')[0]}. Fix it or remove the file.`);
  }

  const config: DossierConfig = { articles: {} };
  const warnings: Warning[] = [];
  let dateNode: Node | undefined;
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, warnings };
  if (!isMap(root)) fail(root, 'expected settings such as `title: …`, one per line.');

  for (const pair of (root as { items: Pair[] }).items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const field = TOP_KEYS[key];
    if (!field) {
      warnings.push({ file, line: lineOf(pair.key as Node), message: `unknown setting "${key}" was ignored; known settings: ${Object.keys(TOP_KEYS).join(', ')}.` });
      continue;
    }
    if (field === 'articles') {
      config.articles = parseArticles(pair.value as Node, file, fail, lineOf, warnings);
      continue;
    }
    if (field === 'people' || field === 'organisations') {
      config[field] = parseEntities(key, pair.value as Node, file, fail, lineOf, warnings);
      continue;
    }
    const value = scalarText(pair.value as Node, () => fail(pair.value as Node, `"${key}" must be a single line of text.`));
    if (field === 'dateOrder') {
      if (!DATE_ORDERS.includes(value as DateOrder)) fail(pair.value as Node, `"date-order" must be ${DATE_ORDERS.join(' or ')}.`);
      config.dateOrder = value as DateOrder;
    } else if (field === 'order') {
      if (!READING_ORDERS.includes(value as ReadingOrder)) fail(pair.value as Node, `"order" must be ${READING_ORDERS.join(', ')}.`);
      config.order = value as ReadingOrder;
    } else if (field === 'versions') {
      if (!VERSION_HANDLINGS.includes(value as VersionHandling)) fail(pair.value as Node, `"versions" must be ${VERSION_HANDLINGS.join(' or ')}.`);
      config.versions = value as VersionHandling;
    } else if (field === 'articleBreak') {
      if (!ARTICLE_BREAKS.includes(value as ArticleBreak)) fail(pair.value as Node, `"article-break" must be ${ARTICLE_BREAKS.join(' or ')}.`);
      config.articleBreak = value as ArticleBreak;
    } else if (field === 'date') {
      dateNode = pair.value as Node;
      config.date = value;
    } else if (field === 'language') {
      try {
        const tag = Intl.getCanonicalLocales(value)[0]!;
        if (!/^[a-z]{2,3}(?:-|$)/.test(tag)) throw new RangeError(tag);
        config.language = tag;
      } catch {
        warnings.push({ file, line: lineOf(pair.value as Node), message: `"language: ${value}" is not a language tag and was ignored; write one such as en-GB or fr.` });
      }
    } else {
      config[field] = value;
    }
  }
  // Read after the loop: date-order may come after the date in the file.
  if (config.date !== undefined) {
    const date = parseStatedDate(config.date, config.dateOrder);
    if (date) config.date = date.date;
    else {
      warnings.push({ file, line: lineOf(dateNode), message: `"date: ${config.date}" is not a date and was ignored; write it as YYYY-MM-DD.` });
      delete config.date;
    }
  }
  return { config, warnings };
}

function parseArticles(
  node: Node | null,
  file: string,
  fail: (node: Node | null | undefined, message: string) => never,
  lineOf: (node: Node | null | undefined) => number | undefined,
  warnings: Warning[],
): Record<string, ArticleOverride> {
  const articles: Record<string, ArticleOverride> = {};
  if (node === null || (isScalar(node) && node.value === null)) return articles;
  if (!isMap(node)) return fail(node, '"articles" must map each article file name to its settings.');
  for (const pair of node.items as Pair[]) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const settings = pair.value as Node | null;
    if (!isMap(settings)) fail(settings ?? (pair.key as Node), `the settings for "${name}" must be lines such as \`source: The Guardian\`.`);
    const override: ArticleOverride = {};
    for (const item of (settings as { items: Pair[] }).items) {
      const key = String(isScalar(item.key) ? item.key.value : item.key);
      if (!(ARTICLE_KEYS as readonly string[]).includes(key)) {
        warnings.push({ file, line: lineOf(item.key as Node), message: `unknown article setting "${key}" for "${name}" was ignored; known: ${ARTICLE_KEYS.join(', ')}.` });
        continue;
      }
      override[key as (typeof ARTICLE_KEYS)[number]] = scalarText(item.value as Node, () =>
        fail(item.value as Node, `"${key}" for "${name}" must be a single line of text.`),
      );
    }
    articles[name.split(path.sep).join('/')] = override;
  }
  return articles;
}

const ENTITY_KEYS = ['add', 'aliases', 'roles', 'exclude'];

/** `people:` and `organisations:` settings: add, aliases, roles, exclude. */
function parseEntities(
  section: string,
  node: Node | null,
  file: string,
  fail: (node: Node | null | undefined, message: string) => never,
  lineOf: (node: Node | null | undefined) => number | undefined,
  warnings: Warning[],
): EntitySettings {
  const settings: EntitySettings = { add: [], aliases: {}, roles: {}, exclude: [] };
  if (node === null || (isScalar(node) && node.value === null)) return settings;
  if (!isMap(node)) return fail(node, `"${section}" takes add, aliases, roles and exclude; see README.md.`);
  const text = (value: Node | null, what: string) => scalarText(value, () => fail(value, `${what} must be a single line of text.`));
  const list = (value: Node | null, what: string): string[] => {
    if (isScalar(value)) return [text(value, what)];
    if (!isSeq(value)) return fail(value, `${what} must be a list such as [Miliband, Ed].`);
    return (value.items as Node[]).map((item) => text(item, what));
  };
  for (const pair of node.items as Pair[]) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value = pair.value as Node | null;
    if (!ENTITY_KEYS.includes(key)) {
      warnings.push({ file, line: lineOf(pair.key as Node), message: `unknown setting "${section}.${key}" was ignored; known: ${ENTITY_KEYS.join(', ')}.` });
      continue;
    }
    if (key === 'exclude') settings.exclude = list(value, `"${section}.exclude"`);
    if (key === 'add') {
      if (!isSeq(value)) fail(value, `"${section}.add" must be a list of names, or of entries with name, aliases and role.`);
      for (const item of (value as { items: Node[] }).items) {
        if (isScalar(item)) {
          settings.add.push({ name: text(item, `"${section}.add"`), aliases: [] });
          continue;
        }
        if (!isMap(item)) fail(item, `each "${section}.add" entry is a name, or name/aliases/role lines.`);
        const entry = { name: '', aliases: [] as string[], role: undefined as string | undefined };
        for (const field of (item as { items: Pair[] }).items) {
          const name = String(isScalar(field.key) ? field.key.value : field.key);
          if (name === 'name') entry.name = text(field.value as Node, `"${section}.add" name`);
          else if (name === 'aliases') entry.aliases = list(field.value as Node, `"${section}.add" aliases`);
          else if (name === 'role') entry.role = text(field.value as Node, `"${section}.add" role`);
          else warnings.push({ file, line: lineOf(field.key as Node), message: `unknown field "${name}" in "${section}.add" was ignored; known: name, aliases, role.` });
        }
        if (!entry.name) fail(item, `each "${section}.add" entry needs a name.`);
        settings.add.push({ name: entry.name, aliases: entry.aliases, ...(entry.role ? { role: entry.role } : {}) });
      }
    }
    if (key === 'aliases' || key === 'roles') {
      if (!isMap(value)) fail(value, `"${section}.${key}" maps a name to ${key === 'aliases' ? 'a list of other forms' : 'a role'}.`);
      for (const item of (value as { items: Pair[] }).items) {
        const name = String(isScalar(item.key) ? item.key.value : item.key);
        if (key === 'aliases') settings.aliases[name] = list(item.value as Node, `"${section}.aliases" for ${name}`);
        else settings.roles[name] = text(item.value as Node, `"${section}.roles" for ${name}`);
      }
    }
  }
  return settings;
}

function scalarText(node: Node | null, onError: () => never): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return onError();
  return withoutControlCharacters(String(node.value)).trim();
}

/**
 * The settings file of the input folder, if there is one. One that is not a
 * regular file inside the folder (a folder, a FIFO, a link leading out) or
 * not text is ignored with a warning naming it; one that is text but not
 * valid settings stops the build (ConfigError), since the pack would not be
 * what its editor asked for.
 */
export async function readConfig(inputDir: string): Promise<{ config: DossierConfig; warnings: Warning[] }> {
  const none = { config: { articles: {} }, warnings: [] };
  const name = CONFIG_FILE_NAMES.find((candidate) => lstatSync(path.join(inputDir, candidate), { throwIfNoEntry: false }));
  if (!name) return none;
  let bytes: Buffer;
  try {
    bytes = await (await InputFolder.open(inputDir)).read(name);
  } catch (error) {
    const reason = error instanceof InputFileError ? error.message : `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return { ...none, warnings: [{ file: name, message: `the settings file was ignored: ${reason}.` }] };
  }
  // Decoded as articles are: a settings file saved in Windows-1252 reads correctly too.
  const decoded = decode(bytes);
  if (decoded.ok) return parseConfig(decoded.text, name);
  // An empty settings file asks for nothing; a binary one was surely saved there by mistake.
  const blank = bytes.length === 0 || decoded.reason.includes('whitespace');
  return blank ? none : { ...none, warnings: [{ file: name, message: `the settings file was ignored: ${decoded.reason}; write it as YAML text.` }] };
}

/**
 * The editor's corrections for one article: those for its file, and over them
 * those for the article itself when the file holds several (a feed's items,
 * an e-mail and its attachments), addressed as `file#N` (its place in the
 * file, from 1) or `file#headline` (the headline the file states, in any
 * case and punctuation).
 */
export function overrideFor(config: DossierConfig, file: string, position: number, title: string | undefined): ArticleOverride | undefined {
  const whole = config.articles[file];
  const own = config.articles[`${file}#${position}`] ?? (title === undefined ? undefined : config.articles[addressByHeadline(config, file, title) ?? '']);
  return whole || own ? { ...whole, ...own } : undefined;
}

function addressByHeadline(config: DossierConfig, file: string, title: string): string | undefined {
  const prefix = `${file}#`;
  const wanted = sameWords(title);
  return Object.keys(config.articles).find((key) => key.startsWith(prefix) && sameWords(key.slice(prefix.length)) === wanted);
}

const sameWords = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The headlines each file states for its articles, in the order it holds them: dossier.yaml may address one. */
export function headlinesByFile(reads: { article: { file: string; meta: { title?: string } } }[]): Map<string, (string | undefined)[]> {
  const held = new Map<string, (string | undefined)[]>();
  for (const { article } of reads) {
    const titles = held.get(article.file);
    if (titles) titles.push(article.meta.title);
    else held.set(article.file, [article.meta.title]);
  }
  return held;
}

/**
 * Settings that match no article: a misspelt path would otherwise be
 * silently ignored. `held` gives the headlines of each file's articles, in
 * the order the file holds them, for settings addressed to one of them.
 */
export function unmatchedOverrides(config: DossierConfig, files: string[], held: Map<string, (string | undefined)[]> = new Map()): Warning[] {
  const known = new Set(files);
  const warnings: Warning[] = [];
  for (const name of Object.keys(config.articles)) {
    if (known.has(name)) continue;
    // The file is the longest part before a # that names one: a file's own name may hold a #.
    const cut = [...name.matchAll(/#/g)].map((match) => match.index).reverse().find((index) => known.has(name.slice(0, index)));
    if (cut === undefined) {
      warnings.push({ file: 'dossier.yaml', message: `settings for "${name}" match no article file; use the path relative to the input folder.` });
      continue;
    }
    const file = name.slice(0, cut);
    const address = name.slice(cut + 1);
    const titles = held.get(file) ?? [];
    const position = /^\d+$/.test(address) ? Number(address) : undefined;
    const found = position !== undefined ? position >= 1 && position <= titles.length : titles.some((title) => title !== undefined && sameWords(title) === sameWords(address));
    if (found) continue;
    const list = titles.map((title, index) => `${index + 1}${title ? ` "${title}"` : ''}`).join(', ');
    warnings.push({
      file: 'dossier.yaml',
      message: `settings for "${name}" match no article in ${file}: ${titles.length ? `it holds ${titles.length === 1 ? 'one article' : `${titles.length} articles`} (${list}); address one by its place, as "${file}#1", or by its headline` : 'no article was read from it'}.`,
    });
  }
  return warnings;
}
