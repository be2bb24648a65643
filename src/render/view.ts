// What the templates see: the enriched dossier, typeset and formatted for
// reading. Built once per format from the same dossier; templates never
// compute anything themselves.
import type { Article, Dossier, PublicationDate, Warning } from '../model.js';
import { articleBodyHtml } from './article-html.js';
import { typeset } from './typography.js';

export interface ArticleView {
  id: string;
  number: number;
  file: string;
  title: string;
  titleDerived: boolean;
  deck?: { kind: 'standfirst' | 'caption'; text: string };
  source?: string;
  byline?: string;
  url?: string;
  date?: { iso: string; display: string; updated?: string };
  relatedLinks: string[];
  bodyHtml: string;
  words: number;
}

export interface DossierView {
  title: string;
  subtitle?: string;
  compiledBy?: string;
  date?: { iso: string; display: string };
  language: string;
  description: string;
  articles: ArticleView[];
  totalWords: number;
  warnings: Warning[];
  headlineLevel: number;
}

export function dossierView(dossier: Dossier, options: { headlineLevel: number }): DossierView {
  const articles = dossier.articles.map((article, index) => articleView(article, index + 1, options.headlineLevel));
  return {
    title: typeset(dossier.title),
    ...(dossier.subtitle ? { subtitle: typeset(dossier.subtitle) } : {}),
    ...(dossier.compiledBy ? { compiledBy: dossier.compiledBy } : {}),
    ...(dossier.date ? { date: { iso: dossier.date, display: formatCalendarDate(dossier.date) } } : {}),
    language: dossier.language,
    description: dossier.description,
    articles,
    totalWords: articles.reduce((sum, article) => sum + article.words, 0),
    warnings: dossier.warnings,
    headlineLevel: options.headlineLevel,
  };
}

function articleView(article: Article, number: number, headlineLevel: number): ArticleView {
  return {
    id: article.id,
    number,
    file: article.file,
    title: typeset(article.title),
    titleDerived: article.titleDerived,
    ...(article.deck ? { deck: { kind: article.deck.kind, text: typeset(article.deck.text) } } : {}),
    ...(article.source ? { source: article.source } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.date ? { date: dateView(article.date) } : {}),
    relatedLinks: article.relatedLinks.map(typeset),
    bodyHtml: articleBodyHtml(article.body, { headlineLevel }),
    words: article.words,
  };
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
