// dossier.json: the machine-readable dossier. Enrichments add top-level
// arrays (people, shared passages…) beside `articles` without changing it.
import type { Article, Dossier } from '../../model.js';
import { markdownFileName } from '../../ids.js';

export interface ArticleRecord {
  id: string;
  file: string;
  format: Article['format'];
  title: string;
  titleDerived: boolean;
  kicker?: string;
  date?: string;
  published?: string;
  updated?: string;
  dateline?: string;
  source?: string;
  byline?: string;
  url?: string;
  standfirst?: string;
  caption?: string;
  /** BCP 47 tag, when the article states one or its script makes it clear. */
  language?: string;
  direction?: 'ltr' | 'rtl';
  relatedLinks: string[];
  words: number;
  /** The file gave only a summary of the article (a feed item without its content). */
  summaryOnly?: true;
  /** The id of the article this one is another version of. */
  versionOf?: string;
  /** With `versions: fold`, the versions folded into this one and what each adds. */
  foldedVersions?: Article['foldedVersions'];
  /** The normalised markdown file, when the build wrote markdown. */
  markdown?: string;
}

export interface RecordOptions {
  /** Whether the build writes markdown/, so records may point at those files. */
  markdown?: boolean;
}

export function dossierRecord(dossier: Dossier, options: RecordOptions = {}) {
  return {
    title: dossier.title,
    titleDerived: dossier.titleDerived ?? false,
    ...(dossier.subtitle ? { subtitle: dossier.subtitle } : {}),
    ...(dossier.marking ? { marking: dossier.marking } : {}),
    ...(dossier.compiledBy ? { compiledBy: dossier.compiledBy } : {}),
    ...(dossier.date ? { date: dossier.date } : {}),
    language: dossier.language,
    description: dossier.description,
    ...(dossier.order ? { order: dossier.order } : {}),
    // Warnings counted as the list below holds them, with the writers' own.
    briefing: { ...dossier.briefing, warnings: dossier.warnings.length },
    articles: dossier.articles.map((article) => articleRecord(article, options)),
    people: dossier.people,
    organisations: dossier.organisations,
    chronology: dossier.chronology,
    sharedPassages: dossier.sharedPassages,
    quotes: dossier.quotes ?? [],
    // The same lists under their first names, for scripts written against them.
    timeline: dossier.chronology,
    crossrefs: dossier.sharedPassages,
    warnings: dossier.warnings,
  };
}

export function articleRecord(article: Article, options: RecordOptions = {}): ArticleRecord {
  return {
    id: article.id,
    file: article.file,
    format: article.format,
    title: article.title,
    titleDerived: article.titleDerived,
    ...(article.kicker ? { kicker: article.kicker } : {}),
    ...(article.date
      ? {
          date: article.date.date,
          ...(article.date.published ? { published: article.date.published } : {}),
          ...(article.date.updated ? { updated: article.date.updated } : {}),
          ...(article.date.dateline ? { dateline: article.date.dateline } : {}),
        }
      : {}),
    ...(article.source ? { source: article.source } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.deck ? { [article.deck.kind]: article.deck.text } : {}),
    ...(article.language ? { language: article.language } : {}),
    ...(article.direction ? { direction: article.direction } : {}),
    relatedLinks: article.relatedLinks,
    words: article.words,
    ...(article.summaryOnly ? { summaryOnly: true as const } : {}),
    ...(article.versionOf ? { versionOf: article.versionOf } : {}),
    ...(article.foldedVersions?.length ? { foldedVersions: article.foldedVersions } : {}),
    ...(options.markdown ? { markdown: `markdown/${markdownFileName(article)}` } : {}),
  };
}

export function renderJson(dossier: Dossier, options: RecordOptions = {}): string {
  return `${JSON.stringify(dossierRecord(dossier, options), null, 2)}\n`;
}
