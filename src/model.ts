// The one document model every stage shares. Readers produce `ReadArticle`s,
// normalisation turns each into an `Article`, enrichment adds to the `Dossier`,
// and every writer consumes the same enriched `Dossier`.
import type { Root } from 'mdast';

export type InputFormat = 'text' | 'markdown' | 'html';

/** A problem with one input file. The build goes on without it. */
export interface Warning {
  /** Path relative to the input folder (or the config file's path). */
  file: string;
  line?: number;
  message: string;
}

/** What the file itself states about the article (front matter, HTML meta, config). */
export interface StatedMeta {
  title?: string;
  /** Any date text; normalisation parses it. */
  date?: string;
  source?: string;
  byline?: string;
  url?: string;
  standfirst?: string;
}

/** A reader's output: the article text as an mdast tree, nothing interpreted yet. */
export interface ReadArticle {
  /** Path relative to the input folder, with `/` separators. */
  file: string;
  format: InputFormat;
  tree: Root;
  meta: StatedMeta;
}

export interface Deck {
  /** A standfirst summarises; a caption describes a picture that was on the page. */
  kind: 'standfirst' | 'caption';
  text: string;
}

export interface PublicationDate {
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Full ISO 8601 timestamp when the source gives a time. */
  published?: string;
  updated?: string;
  /** The dateline as printed, when the date came from the text. */
  dateline?: string;
}

export interface Article {
  /** Stable anchor and file stem: `NN-slug`. */
  id: string;
  file: string;
  format: InputFormat;
  title: string;
  /** True when the cutting had no headline and one was made from its first sentence. */
  titleDerived: boolean;
  date?: PublicationDate;
  source?: string;
  byline?: string;
  url?: string;
  deck?: Deck;
  /** Link texts that trailed the article ("Full text: …"), taken out of the body. */
  relatedLinks: string[];
  /** The body only: headline, dateline, deck and related links are fields above. */
  body: Root;
  words: number;
}

export interface DossierMeta {
  title: string;
  subtitle?: string;
  compiledBy?: string;
  /** `YYYY-MM-DD` */
  date?: string;
  /** BCP 47 language tag. */
  language: string;
  description: string;
}

export interface Dossier extends DossierMeta {
  articles: Article[];
  warnings: Warning[];
}
