// What the templates see: the enriched dossier, typeset and formatted for
// reading. Built once per format from the same dossier; templates never
// compute anything themselves.
import type { ArticleBreak, Dossier, EnrichedArticle, MentionCount, PublicationDate, Role, ChronologyEntry, Warning } from '../../model.js';
import { toString } from 'mdast-util-to-string';
import { mentionAnchor, paragraphId } from '../../ids.js';
import { buildTimestamp } from './timestamp.js';
import { articleBodyHtml } from './article-html.js';
import { typeset } from './typography.js';
import { quotesByPerson, type PersonQuotes } from './quotes-view.js';

export interface ArticleView {
  id: string;
  number: number;
  file: string;
  title: string;
  titleDerived: boolean;
  /** The file gave only a summary of the article (a feed item without its content). */
  summaryOnly: boolean;
  kicker?: string;
  deck?: { kind: 'standfirst' | 'caption'; text: string };
  source?: string;
  byline?: string;
  url?: string;
  date?: { iso: string; display: string; updated?: string };
  relatedLinks: string[];
  bodyHtml: string;
  words: number;
  /** The article's language and direction, set on its section; undefined ones inherit the dossier's. */
  language?: string;
  direction?: 'ltr' | 'rtl';
  /** The dossier's language, for the labels the pack adds ("Article 3", "words"), when the article's is another. */
  labelLanguage?: string;
  /** The article's own sections (its top-level headings), for the EPUB's contents. */
  sections: { id: string; title: string }[];
  /** The first article of the report this one is another version of. */
  versionOf?: ArticleLink;
  /** With `versions: fold`, the versions left out, and what each adds. */
  foldedVersions: { title: string; file: string; source?: string; date?: string; sharedPercent: number; adds: string[] }[];
}

/** A link to an article from a reference section: its number and headline. */
export interface ArticleLink {
  id: string;
  number: number;
  title: string;
  /** Paragraph anchor, when the link goes to one paragraph. */
  anchor?: string;
  count?: number;
}

export interface EntityView {
  id: string;
  name: string;
  aliases: string[];
  roles: { text: string; articles: ArticleLink[] }[];
  mentions: ArticleLink[];
  /** Every marked mention's anchor, in reading order: the printed index gives the pages they fall on. */
  anchors: string[];
  total: number;
  /** A person's quotations: the first few, and how many more (none for an organisation). */
  quotes: PersonQuotes;
  /** People whose name is probably this one spelt another way ("Robert Preston" beside "Robert Peston"). */
  variants: { id: string; name: string }[];
}

export interface ChronologyRow {
  /** `datetime` is what HTML's `<time>` can say: no month without a year. */
  date: { iso: string; display: string; datetime?: string };
  time?: string;
  kind: ChronologyEntry['kind'];
  /** The sentence cut around the date words, so templates can mark them. */
  before: string;
  text: string;
  after: string;
  /** The articles that say the same thing about the same date. */
  articles: ArticleLink[];
  /** The text gives no year, and the article no date to take it from. */
  yearUnknown: boolean;
}

/** The briefing page, ready to print: see enrich/briefing.ts for what each list holds. */
export interface BriefingView {
  articles: number;
  words: number;
  /** The span of publication dates, as a reader says it. */
  published?: string;
  undated: number;
  mentioned?: { display: string; repeated?: string };
  sources: { name: string; articles: number }[];
  unsourced: number;
  people: { id: string; name: string; role?: string; articles: number }[];
  claims: { text: string; articles: ArticleLink[] }[];
  keyDates: { date: { iso: string; display: string }; time?: string; before: string; text: string; after: string; articles: ArticleLink[] }[];
  versions: { article: ArticleLink; of: ArticleLink }[];
  folded: number;
  warnings: number;
  more: { sources: number; people: number; claims: number; keyDates: number; versions: number };
}

export interface DossierView {
  title: string;
  /** Made from the articles, as dossier.yaml gave no title. */
  titleDerived: boolean;
  /** The reading order, as the about section says it. */
  order: { by: 'file' | 'date' | 'source'; chosen: 'setting' | 'default'; undated: number };
  briefing: BriefingView;
  subtitle?: string;
  compiledBy?: string;
  marking?: string;
  articleBreak: ArticleBreak;
  date?: { iso: string; display: string };
  /** When the pack was compiled: the dossier's date, or the build's. */
  compiled: { iso: string; display: string };
  /** Different sources among the articles (unknown ones not counted). */
  sourceCount: number;
  paper: 'a4' | 'letter';
  format: ViewOptions['format'];
  language: string;
  description: string;
  articles: ArticleView[];
  totalWords: number;
  warnings: Warning[];
  headlineLevel: number;
  people: EntityView[];
  organisations: EntityView[];
  chronology: ChronologyRow[];
  sharedPassageCount: number;
}

export interface ViewOptions {
  /** The headline's heading level: 2 in the dossier page, 1 in an EPUB chapter. */
  headlineLevel: number;
  /** `print` is the page Paged.js lays out for the PDF. */
  format: 'html' | 'epub' | 'print';
  paper?: 'a4' | 'letter';
}

export function dossierView(dossier: Dossier, options: ViewOptions): DossierView {
  const articles = dossier.articles.map((article, index) => articleView(article, index + 1, options, dossier.language));
  const links = new Map(articles.map((article) => [article.id, { id: article.id, number: article.number, title: article.title }]));
  for (const article of articles) {
    const of = dossier.articles[article.number - 1]!.versionOf;
    if (of && links.has(of)) article.versionOf = links.get(of)!;
  }
  const linkedIn = new Map(dossier.articles.map((article) => [article.id, new Set(article.linkedMentions)]));
  // Each entity's mention anchors in reading order, gathered in one pass rather than a pass over the articles per entity.
  const anchors = new Map<string, string[]>();
  for (const article of dossier.articles) {
    for (const [entity, ids] of Object.entries(article.mentionAnchors)) {
      const list = anchors.get(entity);
      if (list) for (const id of ids) list.push(id);
      else anchors.set(entity, [...ids]);
    }
  }
  const compiled = dossier.date ?? buildTimestamp(dossier).toISOString().slice(0, 10);
  const linkTo = (id: string, extra: Partial<ArticleLink> = {}): ArticleLink => ({ ...links.get(id)!, ...extra });
  const quotes = quotesByPerson(dossier.quotes ?? [], links);
  const personName = new Map(dossier.people.map((person) => [person.id, person.name]));
  const entity = (entry: { id: string; name: string; aliases: string[]; mentions: MentionCount[]; roles?: Role[]; variants?: string[] }): EntityView => ({
    id: entry.id,
    name: typeset(entry.name),
    aliases: entry.aliases.map(typeset),
    roles: (entry.roles ?? []).map((role) => ({ text: typeset(role.text), articles: role.article ? [linkTo(role.article)] : [] })),
    mentions: entry.mentions.map((mention) => {
      // Straight to the first mention in the article, where the text links it.
      const anchor = mentionAnchor(mention.article, entry.id);
      const linked = linkedIn.get(mention.article)?.has(entry.id);
      return linkTo(mention.article, { count: mention.count, ...(linked ? { anchor } : {}) });
    }),
    anchors: anchors.get(entry.id) ?? [],
    total: entry.mentions.reduce((sum, mention) => sum + mention.count, 0),
    quotes: quotes.get(entry.id) ?? { shown: [], more: 0 },
    variants: (entry.variants ?? []).flatMap((id) => (personName.has(id) ? [{ id, name: typeset(personName.get(id)!) }] : [])),
  });
  return {
    title: typeset(dossier.title),
    titleDerived: dossier.titleDerived ?? false,
    order: dossier.order ?? { by: 'file', chosen: 'default', undated: dossier.articles.filter((article) => !article.date).length },
    briefing: briefingView(dossier, linkTo),
    ...(dossier.subtitle ? { subtitle: typeset(dossier.subtitle) } : {}),
    ...(dossier.compiledBy ? { compiledBy: dossier.compiledBy } : {}),
    ...(dossier.marking ? { marking: dossier.marking } : {}),
    articleBreak: dossier.articleBreak ?? 'page',
    ...(dossier.date ? { date: { iso: dossier.date, display: formatCalendarDate(dossier.date) } } : {}),
    compiled: { iso: compiled, display: formatCalendarDate(compiled) },
    sourceCount: new Set(dossier.articles.flatMap((article) => (article.source ? [article.source] : []))).size,
    paper: options.paper ?? 'a4',
    format: options.format,
    language: dossier.language,
    description: dossier.description,
    articles,
    totalWords: articles.reduce((sum, article) => sum + article.words, 0),
    warnings: dossier.warnings,
    headlineLevel: options.headlineLevel,
    people: dossier.people.map(entity),
    organisations: dossier.organisations.map(entity),
    chronology: dossier.chronology.map((entry) => chronologyRow(entry, linkTo)),
    sharedPassageCount: dossier.sharedPassages.length,
  };
}

type LinkTo = (id: string, extra?: Partial<ArticleLink>) => ArticleLink;

/** The sentence cut around its date words, typeset, so templates can mark them. */
function cutAround(sentence: string, text: string | undefined): { before: string; text: string; after: string } {
  const at = text ? sentence.indexOf(text) : -1;
  const [before, words, after] = at === -1 ? ['', '', sentence] : [sentence.slice(0, at), text!, sentence.slice(at + text!.length)];
  return { before: typeset(before), text: typeset(words), after: typeset(after) };
}

/** Links to each article's first report, at its paragraph when known. */
function reportLinks(occurrences: { article: string; paragraph?: number }[], linkTo: LinkTo): ArticleLink[] {
  const reports = occurrences.filter((occurrence, index, all) => all.findIndex((other) => other.article === occurrence.article) === index);
  return reports.map((report) => linkTo(report.article, report.paragraph ? { anchor: paragraphId(report.article, report.paragraph) } : {}));
}

function chronologyRow(entry: ChronologyEntry, linkTo: LinkTo): ChronologyRow {
  return {
    date: { iso: entry.date, display: formatPartialDate(entry.date), ...(/^--\d\d$/.test(entry.date) ? {} : { datetime: `${entry.date}${entry.time ? `T${entry.time}` : ''}` }) },
    ...(entry.time ? { time: entry.time } : {}),
    kind: entry.kind,
    ...cutAround(entry.sentence, entry.kind === 'mentioned' ? entry.text : undefined),
    // Every article that reports the event, once, at the paragraph that first does.
    articles: reportLinks(entry.occurrences, linkTo),
    yearUnknown: entry.date.startsWith('--'),
  };
}

function briefingView(dossier: Dossier, linkTo: LinkTo): BriefingView {
  const { briefing } = dossier;
  return {
    articles: briefing.articles,
    words: briefing.words,
    ...(briefing.published ? { published: formatSpan(briefing.published) } : {}),
    undated: briefing.undated,
    ...(briefing.mentioned
      ? { mentioned: { display: formatSpan(briefing.mentioned), ...(briefing.mentioned.repeated ? { repeated: formatSpan(briefing.mentioned.repeated) } : {}) } }
      : {}),
    sources: briefing.sources,
    unsourced: briefing.unsourced,
    people: briefing.people.map((person) => ({ ...person, name: typeset(person.name), ...(person.role ? { role: typeset(person.role) } : {}) })),
    claims: briefing.claims.map((claim) => ({ text: typeset(asQuoted(claim.text)), articles: reportLinks(claim.occurrences, linkTo) })),
    keyDates: briefing.keyDates.map((entry) => ({
      date: { iso: entry.date, display: formatPartialDate(entry.date) },
      ...(entry.time ? { time: entry.time } : {}),
      ...cutAround(entry.sentence, entry.text),
      articles: reportLinks(entry.occurrences, linkTo),
    })),
    versions: briefing.versions.map((pair) => ({ article: linkTo(pair.article), of: linkTo(pair.of) })),
    folded: briefing.folded,
    // Counted when the page is made: the writers' own warnings are in the list it links to.
    warnings: dossier.warnings.length,
    more: briefing.more,
  };
}

/** A passage that starts or stops inside a sentence, with an ellipsis there: the reader sees it is cut. */
function asQuoted(text: string): string {
  const start = /^\p{Ll}/u.test(text) ? '…' : '';
  const end = /[.!?…"”’')\]]$/u.test(text) ? '' : '…';
  return `${start}${text}${end}`;
}

/** `21 March 2012`, or `21 March 2012 – 2 April 2012`, each end as precise as its date. */
export function formatSpan(span: { from: string; to: string }): string {
  return span.from === span.to ? formatPartialDate(span.from) : `${formatPartialDate(span.from)} – ${formatPartialDate(span.to)}`;
}

function articleView(article: EnrichedArticle, number: number, options: ViewOptions, dossierLanguage: string): ArticleView {
  const foreign = article.language !== undefined && primaryLanguage(article.language) !== primaryLanguage(dossierLanguage);
  return {
    id: article.id,
    number,
    file: article.file,
    title: typeset(article.title),
    titleDerived: article.titleDerived,
    summaryOnly: article.summaryOnly === true,
    ...(article.kicker ? { kicker: typeset(article.kicker) } : {}),
    ...(article.deck ? { deck: { kind: article.deck.kind, text: typeset(article.deck.text) } } : {}),
    ...(article.source ? { source: article.source } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.date ? { date: dateView(article.date) } : {}),
    relatedLinks: article.relatedLinks.map(typeset),
    bodyHtml: articleBodyHtml(article.content, { headlineLevel: options.headlineLevel, idPrefix: article.id, format: options.format }),
    sections: article.content.children.flatMap((node) =>
      node.type === 'heading' && node.depth === 2 && typeof node.data?.hProperties?.id === 'string'
        ? [{ id: node.data.hProperties.id, title: typeset(toString(node)) }]
        : [],
    ),
    words: article.words,
    foldedVersions: (article.foldedVersions ?? []).map((version) => ({
      title: typeset(version.title),
      file: version.file,
      ...(version.source ? { source: version.source } : {}),
      ...(version.date ? { date: formatCalendarDate(version.date) } : {}),
      sharedPercent: Math.round(version.shared * 100),
      adds: version.adds.map(typeset),
    })),
    ...(article.language ? { language: article.language } : {}),
    ...(article.direction ? { direction: article.direction } : {}),
    ...(foreign ? { labelLanguage: dossierLanguage } : {}),
  };
}

/** `pt-BR` → `pt`: labels in English need no mark inside an `en-GB` article. */
function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

function dateView(date: PublicationDate): NonNullable<ArticleView['date']> {
  const published = date.published ? `, ${formatTime(date.published)}` : '';
  const updated = date.updated ? formatUpdated(date.updated, date.date) : undefined;
  return {
    iso: date.published ?? date.date,
    display: `${formatCalendarDate(date.date)}${published}`,
    ...(updated ? { updated } : {}),
  };
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** `2008` → `2008`, `2012-03` → `March 2012`, `2012-03-21` → `21 March 2012`. */
export function formatPartialDate(isoDate: string): string {
  // Without a year: "--03-01" is 1 March, "--03" March.
  const yearless = /^--(\d{2})(?:-(\d{2}))?$/.exec(isoDate);
  if (yearless) return (yearless[2] ? dayMonth : monthOnly).format(new Date(Date.UTC(2000, Number(yearless[1]) - 1, Number(yearless[2] ?? 1))));
  const [year, month] = isoDate.split('-').map(Number);
  if (/^\d{4}$/.test(isoDate)) return isoDate;
  if (/^\d{4}-\d{2}$/.test(isoDate) && year && month) return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
  return formatCalendarDate(isoDate);
}

/** `2012-03-21` → `21 March 2012`, without any time-zone shift. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return longDate.format(new Date(Date.UTC(year, month - 1, day)));
}

/** `2012-03-21T11:27:00Z` → `11:27 GMT`: the time as the source printed it. */
function formatTime(timestamp: string): string {
  const match = /T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(timestamp);
  if (!match) return '';
  const zone = match[3] === 'Z' ? ' GMT' : match[3] ? ` UTC${match[3]}` : '';
  return `${match[1]}:${match[2]}${zone}`;
}

function formatUpdated(timestamp: string, publishedDate: string): string {
  const day = timestamp.slice(0, 10);
  const time = formatTime(timestamp);
  return day === publishedDate ? time : `${formatCalendarDate(day)}, ${time}`;
}
