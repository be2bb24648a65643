// `npm run eval:quotes [-- eval/quotes]` (also part of `npm run eval`): how
// well the dossier finds direct quotations and who said each, against the
// Wikinews articles under eval/quotes/ annotated by hand (see its README.md).
// Each article is built alone through the real pipeline (read → normalise →
// enrich, dossier.json), as a user would build one cutting. Figures go to stdout.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../src/build.js';
import type { Dossier, Person, Quote } from '../src/model.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const QUOTES_SET = path.join(ROOT, 'eval', 'quotes');

export interface AnnotatedQuote {
  /** The quotation's first words, as the article has them. */
  starts: string;
  /** The person who said it, by the fullest name the article gives. */
  speaker?: string;
  /** Who said it, as the article describes a speaker it does not name (a source, a body): never a person. */
  source?: string;
  /** Why the quotation is neither counted nor held against the tool (a sign's words, a title). */
  ignore?: string;
}

export interface QuoteSet {
  dir: string;
  articles: { file: string; quotes: AnnotatedQuote[] }[];
}

export async function readQuoteSet(dir: string = QUOTES_SET): Promise<QuoteSet> {
  const file = path.join(dir, 'quotes.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as { articles?: QuoteSet['articles'] };
  if (!Array.isArray(json.articles)) throw new Error(`${file}: no "articles" list; see eval/quotes/README.md for the format`);
  for (const article of json.articles) {
    for (const quote of article.quotes) {
      const kinds = [quote.speaker, quote.source, quote.ignore].filter((value) => value !== undefined).length;
      if (kinds !== 1) throw new Error(`${file}: ${article.file}, "${quote.starts}": give exactly one of speaker, source and ignore`);
    }
  }
  return { dir, articles: json.articles };
}

/** Lower case, letters and digits only: the same words match whatever the marks and apostrophes. */
export const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "Khan" is "Sadiq Khan", "Dr. Tomasz Stefaniak" is "Tomasz Stefaniak": one name ends the other, at a word. */
export function sameName(a: string, b: string): boolean {
  // Titles are not names: "President Mnangagwa" is Emmerson Mnangagwa.
  const bare = (name: string) => plain(name).replace(/ (?:jr|sr|jnr|snr)$/u, '').replace(/^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|president|prime minister|senator|governor|mayor|pope|king|queen|prince|princess|cardinal|archbishop|bishop|rabbi|captain|general|judge|sheriff) )+/u, '');
  const [x, y] = [a, b].map(bare) as [string, string];
  if (x === '' || y === '') return false;
  return x === y || x.endsWith(` ${y}`) || y.endsWith(` ${x}`);
}

export interface QuoteScore {
  /** Annotated quotations (not ignored), and those the dossier found. */
  annotated: number;
  detected: number;
  /** Quotations the dossier lists, and those that are annotated ones. */
  found: number;
  real: number;
  /** Annotated quotations by a named person, found credited to that person. */
  byPeople: number;
  correct: number;
  /** Of those, the ones whose speaker the people list holds: what attribution can reach whatever the people finder misses. */
  byListed: number;
  listedCorrect: number;
  /** Quotations the dossier credits to a person, and those credited rightly. */
  credited: number;
  creditedRightly: number;
  /** Annotated quotations by an unnamed source, and those the dossier credited to a person. */
  bySources: number;
  sourcesNamed: number;
  misses: string[];
  wrong: string[];
  /** Quotations listed that nobody annotated. */
  extra: string[];
}

function scoreArticle(file: string, annotated: AnnotatedQuote[], dossier: Dossier, score: QuoteScore): void {
  const article = dossier.articles.find((candidate) => candidate.file === file);
  if (!article) throw new Error(`${file} is annotated but was not built as an article: ${dossier.warnings.map((warning) => warning.message).join('; ') || 'no warning'}`);
  const quotes = (dossier.quotes ?? []).filter((quote) => quote.article === article.id);
  const people = new Map(dossier.people.map((person) => [person.id, person]));
  const matchOf = (wanted: AnnotatedQuote) => quotes.find((quote) => plain(quote.text).includes(plain(wanted.starts)));
  const personOf = (quote: Quote) => (quote.speaker.kind === 'person' ? people.get(quote.speaker.person!) : undefined);
  // The person's full name, or one of their forms exactly: "Khan" (Usman Khan) is not Sadiq Khan.
  const isNamed = (person: Person, name: string) => sameName(person.name, name) || person.aliases.some((alias) => plain(alias) === plain(name));
  const isPerson = (quote: Quote, name: string) => {
    const person = personOf(quote);
    return person !== undefined && isNamed(person, name);
  };
  const said = (quote: Quote) => personOf(quote)?.name ?? `${quote.speaker.kind}${quote.speaker.as ? ` "${quote.speaker.as}"` : ''}`;
  const owners = new Map<Quote, AnnotatedQuote[]>();
  for (const wanted of annotated) {
    const quote = matchOf(wanted);
    if (quote) owners.set(quote, [...(owners.get(quote) ?? []), wanted]);
    if (wanted.ignore) continue;
    score.annotated += 1;
    if (quote) score.detected += 1;
    if (wanted.speaker) {
      score.byPeople += 1;
      const listed = dossier.people.some((person) => person.mentions.some((mention) => mention.article === article.id) && isNamed(person, wanted.speaker!));
      if (listed) score.byListed += 1;
      if (quote && isPerson(quote, wanted.speaker)) {
        score.correct += 1;
        if (listed) score.listedCorrect += 1;
      }
      else score.misses.push(`${file} "${wanted.starts}…" by ${wanted.speaker}${listed ? ' (in the people list)' : ''}: ${quote ? `found, credited to ${said(quote)}` : 'not found'}`);
    } else {
      score.bySources += 1;
      if (quote && personOf(quote)) {
        score.sourcesNamed += 1;
        score.wrong.push(`${file} "${wanted.starts}…" by ${wanted.source}: credited to ${said(quote)}`);
      }
    }
  }
  for (const quote of quotes) {
    const mine = owners.get(quote) ?? [];
    if (mine.length > 0 && mine.every((wanted) => wanted.ignore)) continue;
    score.found += 1;
    if (mine.length > 0) score.real += 1;
    else score.extra.push(`${file} "${quote.text.slice(0, 60)}…", ${said(quote)}`);
    if (!personOf(quote)) continue;
    score.credited += 1;
    if (mine.some((wanted) => wanted.speaker && isPerson(quote, wanted.speaker))) score.creditedRightly += 1;
    else if (mine.length === 0) score.wrong.push(`${file} "${quote.text.slice(0, 50)}…" (not annotated as a quotation): credited to ${said(quote)}`);
    else if (mine.some((wanted) => wanted.speaker)) score.wrong.push(`${file} "${mine[0]!.starts}…" by ${mine[0]!.speaker ?? mine[0]!.source}: credited to ${said(quote)}`);
  }
}

export async function evaluateQuotes(set: QuoteSet): Promise<QuoteScore> {
  const score: QuoteScore = { annotated: 0, detected: 0, found: 0, real: 0, byPeople: 0, correct: 0, credited: 0, creditedRightly: 0, bySources: 0, sourcesNamed: 0, byListed: 0, listedCorrect: 0, misses: [], wrong: [], extra: [] };
  const work = await mkdtemp(path.join(os.tmpdir(), 'dossier-eval-quotes-'));
  try {
    for (const [index, article] of set.articles.entries()) {
      const input = await mkdtemp(path.join(work, `article-${index}-`));
      await copyFile(path.join(set.dir, article.file), path.join(input, article.file));
      const result = await build({ input, out: path.join(input, 'out'), formats: ['json'] });
      for (const failure of result.failed) throw new Error(`building ${article.file}: ${failure.format} failed: ${failure.message}`);
      scoreArticle(article.file, article.quotes, result.dossier, score);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return score;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole).toFixed(3);

export function quotesReport(score: QuoteScore, articles: number): string {
  const precision = score.credited === 0 ? 1 : score.creditedRightly / score.credited;
  const recall = score.byPeople === 0 ? 1 : score.correct / score.byPeople;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const set = `quotes (${articles} articles)`;
  return [
    '',
    `${set}  quotations found: ${score.detected} of ${score.annotated} annotated (recall ${ratio(score.detected, score.annotated)}); ${score.real} of ${score.found} listed are annotated quotations (precision ${ratio(score.real, score.found)})`,
    `${set}  attribution to people: annotated ${score.byPeople}, credited ${score.credited}, rightly ${score.creditedRightly}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`,
    `${set}  attribution to people the people list holds: ${score.listedCorrect} of ${score.byListed} (recall ${ratio(score.listedCorrect, score.byListed)})`,
    `${set}  unnamed sources credited to a person: ${score.sourcesNamed} of ${score.bySources}`,
    ...(score.wrong.length ? ['', 'quotes: wrongly credited', ...score.wrong.map((line) => `  ${line}`)] : []),
    ...(score.misses.length ? ['', 'quotes: not credited to their speaker', ...score.misses.map((line) => `  ${line}`)] : []),
    ...(score.extra.length ? ['', 'quotes: listed but not annotated', ...score.extra.map((line) => `  ${line}`)] : []),
  ].join('\n');
}

/** For `npm run eval`: the report on eval/quotes. */
export async function quotesEval(dir: string = QUOTES_SET): Promise<string> {
  const set = await readQuoteSet(dir);
  process.stderr.write(`eval: building quotes (${set.articles.length} articles)…\n`);
  return `${quotesReport(await evaluateQuotes(set), set.articles.length)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  quotesEval(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((report) => process.stdout.write(report))
    .catch((error: unknown) => {
      process.stderr.write(`eval:quotes: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
