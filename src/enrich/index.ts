// The enriching stage: what the dossier learns from its articles together.
// Each step reads the article trees and the annotations are unified plugins
// over them; the order is fixed here. Each article's `body` stays the
// normalised text; `content` is the annotated copy the visual formats show.
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { Article, CrossReference, EnrichedArticle, Organisation, Person, TimelineEntry } from '../model.js';
import type { DateOrder } from '../normalise/dates.js';
import remarkCrossrefFootnotes, { type PlacedCrossReference } from './crossrefs/footnotes.js';
import { findSharedPassages } from './crossrefs/find.js';
import { findOrganisations } from './organisations.js';
import remarkParagraphAnchors from './paragraph-anchors.js';
import { bodyParagraphs } from './paragraphs.js';
import { findNameHits } from './people/candidates.js';
import { findPeople, NO_SETTINGS, type EntitySettings } from './people/index.js';
import remarkLinkMentions from './people/link-mentions.js';
import { buildTimeline } from './timeline.js';

export interface EnrichSettings {
  people?: EntitySettings;
  organisations?: EntitySettings;
  dateOrder?: DateOrder;
}

export interface Enrichment {
  articles: EnrichedArticle[];
  people: Person[];
  organisations: Organisation[];
  timeline: TimelineEntry[];
  crossrefs: CrossReference[];
}

export function enrich(articles: Article[], settings: EnrichSettings = {}): Enrichment {
  const contents = articles.map(
    (article) => unified().use(remarkParagraphAnchors, { articleId: article.id }).runSync(structuredClone(article.body)) as Root,
  );
  const paragraphs = contents.map((content) => bodyParagraphs(content));

  const names = paragraphs.map((list) => findNameHits(list));
  const { people, mentions } = findPeople(
    articles.map((article, index) => ({ id: article.id, paragraphs: paragraphs[index]!, hits: names[index]!.people })),
    settings.people ?? NO_SETTINGS,
  );
  const organisations = findOrganisations(
    articles.map((article, index) => ({ id: article.id, hits: names[index]!.organisations })),
    settings.organisations ?? NO_SETTINGS,
  );
  const timeline = buildTimeline(
    articles.map((article, index) => ({
      id: article.id,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      paragraphs: paragraphs[index]!,
    })),
    settings.dateOrder,
  );
  const placed: PlacedCrossReference[] = findSharedPassages(
    articles.map((article, index) => ({ id: article.id, paragraphs: paragraphs[index]! })),
  ).map((passage, index) => ({
    id: `xref-${index + 1}`,
    text: passage.text,
    occurrences: passage.occurrences.map(({ article, paragraph }) => ({ article, paragraph })),
    ends: passage.occurrences.map((occurrence) => occurrence.end),
  }));

  const titles = new Map(articles.map((article) => [article.id, article.title]));
  const enriched = articles.map((article, index): EnrichedArticle => {
    const content = unified()
      .use(remarkLinkMentions, { mentions: mentions.filter((mention) => mention.article === article.id) })
      .use(remarkCrossrefFootnotes, { articleId: article.id, crossrefs: placed, titles })
      .runSync(contents[index]!) as Root;
    return { ...article, content };
  });
  return {
    articles: enriched,
    people,
    organisations,
    timeline,
    crossrefs: placed.map(({ ends: _ends, ...crossref }) => crossref),
  };
}
