// The annotated sets eval scores the pipeline on: their JSON, read and
// checked, so that a slip in the annotations is reported by file and entry
// rather than counted as the tool's miss.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A person or organisation named in an article: the canonical name and the other forms the text uses. */
export interface AnnotatedEntity {
  name: string;
  forms: string[];
}

export interface AnnotatedArticle {
  /** The article's file name under the set's folder. */
  file: string;
  /** Articles with the same group are about one story and are built as one dossier; an article without one is built alone. */
  group?: string;
  people: AnnotatedEntity[];
  organisations: AnnotatedEntity[];
  /** Borderline forms (events, buildings, adjectives such as "Democratic") neither counted as found nor held against the tool. */
  ignore: string[];
}

/** A stretch of eight or more words that two or more articles share, near-verbatim. */
export interface AnnotatedPassage {
  text: string;
  articles: string[];
}

export type ScoredKind = 'people' | 'organisations' | 'sharedPassages';

export interface AnnotatedSet {
  /** Short name, for the report: the folder's name under eval/. */
  name: string;
  /** The folder the articles are read from. */
  input: string;
  /** `article`: entities are scored in each article; `dossier`: over the whole dossier, built as one. */
  scope: 'article' | 'dossier';
  scored: ScoredKind[];
  articles: AnnotatedArticle[];
  /** For `dossier` scope: the entities of the whole dossier. */
  people: AnnotatedEntity[];
  organisations: AnnotatedEntity[];
  sharedPassages: AnnotatedPassage[];
}

const ALL_KINDS: ScoredKind[] = ['people', 'organisations', 'sharedPassages'];

/** Reads `<dir>/annotations.json`; the articles are in `dir` unless it names another `input` folder. */
export async function readAnnotatedSet(dir: string): Promise<AnnotatedSet> {
  const file = path.join(dir, 'annotations.json');
  const raw = JSON.parse(await readFile(file, 'utf8')) as Partial<AnnotatedSet> & { articles?: Partial<AnnotatedArticle>[] };
  const where = (what: string) => `${file}: ${what}`;
  const entities = (list: unknown, what: string): AnnotatedEntity[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new Error(where(`${what} must be a list of { name, forms }`));
    return list.map((entry, index) => {
      if (typeof entry?.name !== 'string' || !Array.isArray(entry.forms)) throw new Error(where(`${what}[${index}] needs a name and a list of forms`));
      return { name: entry.name, forms: entry.forms.map(String) };
    });
  };
  const articles = (raw.articles ?? []).map((article, index) => {
    if (typeof article.file !== 'string') throw new Error(where(`articles[${index}] has no file`));
    return {
      file: article.file,
      ...(article.group ? { group: article.group } : {}),
      people: entities(article.people, `${article.file} people`),
      organisations: entities(article.organisations, `${article.file} organisations`),
      ignore: (article.ignore ?? []).map(String),
    };
  });
  const sharedPassages = (raw.sharedPassages ?? []).map((passage, index) => {
    if (typeof passage?.text !== 'string' || !Array.isArray(passage.articles) || passage.articles.length < 2) {
      throw new Error(where(`sharedPassages[${index}] needs a text and the two or more articles that share it`));
    }
    return { text: passage.text, articles: passage.articles.map(String) };
  });
  return {
    name: path.basename(dir),
    input: path.resolve(dir, raw.input ?? '.'),
    scope: raw.scope === 'dossier' ? 'dossier' : 'article',
    scored: raw.scored ?? ALL_KINDS,
    articles,
    people: entities(raw.people, 'people'),
    organisations: entities(raw.organisations, 'organisations'),
    sharedPassages,
  };
}
