// The one document model every stage shares. Readers produce `ReadArticle`s,
// normalisation turns each into an `Article`, enrichment adds to the `Dossier`,
// and every writer consumes the same enriched `Dossier`.
import type { Root } from 'mdast';

/** Which reader made an article: `dossier.json`'s `articles[].format`. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'email' | 'feed';

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
  /** When the page says it was last changed. */
  updated?: string;
  source?: string;
  byline?: string;
  url?: string;
  standfirst?: string;
  /** BCP 47 tag the file states (`<html lang>`, front matter). */
  language?: string;
  direction?: 'ltr' | 'rtl';
}

/** A reader's output: the article text as an mdast tree, nothing interpreted yet. */
export interface ReadArticle {
  /** Path relative to the input folder, with `/` separators. */
  file: string;
  format: InputFormat;
  tree: Root;
  meta: StatedMeta;
  /** The file gave only a summary of the article, not its text (a feed item without its content). */
  summaryOnly?: true;
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
  /** A section label printed over the headline ("UK Politics"). */
  kicker?: string;
  /** True when the cutting had no headline and one was made from its first sentence. */
  titleDerived: boolean;
  date?: PublicationDate;
  source?: string;
  byline?: string;
  url?: string;
  deck?: Deck;
  /** BCP 47 tag: stated by the file, else dossier.yaml's, else clear from the script; undefined when unknown. */
  language?: string;
  /** Set whenever the language or the file gives it. */
  direction?: 'ltr' | 'rtl';
  /** Link texts that trailed the article ("Full text: …"), taken out of the body. */
  relatedLinks: string[];
  /** The body only: headline, dateline, deck and related links are fields above. */
  body: Root;
  words: number;
  /** The file gave only a summary of the article, not its text (a feed item without its content). */
  summaryOnly?: true;
  /** The id of the article this one is another version of: the two share most of their text (see enrich/versions.ts). */
  versionOf?: string;
  /** With `versions: fold`, the other versions of this report left out of the pack, and what each adds. */
  foldedVersions?: FoldedVersion[];
}

/** Another version of an article's report, folded into it: only what it adds is kept. */
export interface FoldedVersion {
  file: string;
  title: string;
  source?: string;
  /** `YYYY-MM-DD` */
  date?: string;
  /** Share of the folded version's words that the kept one has too, 0–1. */
  shared: number;
  /** Its paragraphs the kept version lacks, as plain text. */
  adds: string[];
}

/** An article after enrichment: its body annotated for reading. */
export interface EnrichedArticle extends Article {
  /**
   * The body with paragraph anchors, links from mentions to the people
   * section, and the notes of shared passages. `body` stays the normalised text.
   */
  content: Root;
  /** The people and organisations whose first mention in this article links to their entry (and so has its anchor). */
  linkedMentions: string[];
  /** Per person id, the anchors of their mentions in this article, in reading order: the first mention's link, then each later mention's mark. */
  mentionAnchors: Record<string, string[]>;
}

/** Where an enrichment found something: an article id and how often. */
export interface MentionCount {
  article: string;
  count: number;
}

export interface Role {
  /** The article's own words ("London mayoral candidate"). */
  text: string;
  /** The article id; absent when the role was set in dossier.yaml. */
  article?: string;
}

export interface Person {
  id: string;
  name: string;
  /** Other forms the articles use: surname, first name, title and surname. */
  aliases: string[];
  roles: Role[];
  mentions: MentionCount[];
  /**
   * Ids of people in the list whose name is probably this one spelt another way
   * ("Robert Preston" beside "Robert Peston"): flagged for the reader, not merged.
   */
  variants?: string[];
}

export interface Organisation {
  id: string;
  name: string;
  aliases: string[];
  mentions: MentionCount[];
}

/**
 * Who said a quotation: a person in the people list, an organisation in
 * the organisations list, a name neither list holds, a source the article
 * describes without naming ("a party source", "officials"), or nobody the
 * article makes plain. Anonymous sources stay anonymous.
 */
export interface QuoteSpeaker {
  kind: 'person' | 'organisation' | 'named' | 'described' | 'unknown';
  /** The person's id, for `person`. */
  person?: string;
  /** The organisation's id, for `organisation`. */
  organisation?: string;
  /** The words the article names the speaker with ("Mr Blair", "he", "a party source"); absent when it names nobody. */
  as?: string;
}

/** A direct quotation, in the quoted words, and who the article says said it. */
export interface Quote {
  /** `quote-N`, numbered in reading order. */
  id: string;
  speaker: QuoteSpeaker;
  /** The words inside the quotation marks; a quotation broken by its attribution ("…," he said, "…") is one. */
  text: string;
  article: string;
  /** Body paragraph number, as in the anchor `<article id>-p<n>`: where the quotation opens. */
  paragraph: number;
  /** Where it closes, when it runs on over several paragraphs. */
  toParagraph?: number;
}

export type ArticleBreak = 'page' | 'run-on';

/** The articles' reading order: as the files sort, by publication date (undated last), or by source. */
export type ReadingOrder = 'file' | 'date' | 'source';
export const READING_ORDERS: readonly ReadingOrder[] = ['file', 'date', 'source'];

/** Versions of one report: all kept and marked, or folded into the fuller one. */
export type VersionHandling = 'keep' | 'fold';

export interface ChronologyEntry {
  /**
   * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the text is; `--MM-DD`
   * or `--MM` (ISO 8601 without a year) when an undated article gives none.
   */
  date: string;
  /** `HH:MM` when the text gives a time. */
  time?: string;
  /** `published`: the article's own date; `mentioned`: a date in its text. */
  kind: 'published' | 'mentioned';
  /** The date as the text writes it ("on March 1", "in 2008"). */
  text: string;
  /** The sentence it comes from (the headline, for publication dates). */
  sentence: string;
  article: string;
  paragraph?: number;
  /**
   * Every article's report of this event, in reading order: articles that
   * report one event make one entry, whose own fields are the report that
   * dates it most precisely.
   */
  occurrences: ChronologyOccurrence[];
}

/** One article's report of a chronology entry's event, in its own words. */
export interface ChronologyOccurrence {
  article: string;
  paragraph?: number;
  /** The date as this article writes it. */
  text: string;
  sentence: string;
}

export interface PassageOccurrence {
  article: string;
  /** Body paragraph number, as in the anchor `<article id>-p<n>`. */
  paragraph: number;
}

export interface SharedPassage {
  id: string;
  /** The shared passage as the first article has it. */
  text: string;
  occurrences: PassageOccurrence[];
}

export interface DossierMeta {
  title: string;
  subtitle?: string;
  compiledBy?: string;
  /** A protective marking such as OFFICIAL-SENSITIVE, printed on every page. */
  marking?: string;
  /** In print, each article on a new page (`page`, the default) or run on after the one before, under a rule (`run-on`). */
  articleBreak?: ArticleBreak;
  /** `YYYY-MM-DD` */
  date?: string;
  /** True when dossier.yaml and --title gave none and the title was made from the articles. */
  titleDerived?: boolean;
  /** The articles' order, and whether it was asked for or chosen by default. */
  order?: { by: ReadingOrder; chosen: 'setting' | 'default'; undated: number };
  /** BCP 47 language tag. */
  language: string;
  description: string;
}

/** What the enrichment stage makes of the articles; the dossier is this plus its meta. */
export interface Enrichment {
  articles: EnrichedArticle[];
  people: Person[];
  organisations: Organisation[];
  chronology: ChronologyEntry[];
  sharedPassages: SharedPassage[];
  /** Direct quotations and their speakers, in reading order (see enrich/quotes.ts). */
  quotes?: Quote[];
  /** From enrichment: settings that matched nothing; in the dossier: every warning of the build. */
  warnings: Warning[];
}

export interface Dossier extends DossierMeta, Enrichment {
  /** The one-page brief: computed from everything above, nothing invented. */
  briefing: Briefing;
}

/** A date range, each end `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface DateSpan {
  from: string;
  to: string;
}

/** What an analyst reads first: the pack in figures and its top entries (see enrich/briefing.ts). */
export interface Briefing {
  articles: number;
  words: number;
  /** From the articles' publication dates; absent when none has one. */
  published?: DateSpan;
  /** Articles without a publication date. */
  undated: number;
  /** The dates the articles mention; with `repeated`, the span of those more than one article reports. */
  mentioned?: DateSpan & { repeated?: DateSpan };
  sources: { name: string; articles: number }[];
  /** Articles whose source is not known. */
  unsourced: number;
  /** The people in the most articles, each with their commonest role. */
  people: { id: string; name: string; articles: number; role?: string }[];
  /** Shared passages repeated by the most articles: the claims the pack repeats. */
  claims: { id: string; text: string; occurrences: { article: string; paragraph: number }[] }[];
  /** Chronology events (mentioned dates) reported by the most articles. */
  keyDates: { date: string; time?: string; text: string; sentence: string; occurrences: { article: string; paragraph?: number }[] }[];
  /** Articles that are another version of an earlier one (kept), or fold others in. */
  versions: { article: string; of: string }[];
  folded: number;
  warnings: number;
  /** Entries left out of each list to keep the brief to one page. */
  more: { sources: number; people: number; claims: number; keyDates: number; versions: number };
}
