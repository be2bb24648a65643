// The enriching stage: what the dossier learns from its articles together.
// Each step reads the article trees and the annotations are unified plugins
// over them; the order is fixed here. Each article's `body` stays the
// normalised text; `content` is the annotated copy the visual formats show.
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { Article, EnrichedArticle, Enrichment, Warning } from '../model.js';
import { passageId } from '../ids.js';
import { syncTimer, type StepTimer } from '../timing.js';
import type { DateOrder } from '../normalise/dates.js';
import remarkPassageNotes, { type PlacedPassage } from './shared-passages/notes.js';
import { findSharedPassages, MAX_REPEATS } from './shared-passages/find.js';
import { findOrganisationHits, findOrganisations } from './organisations.js';
import remarkParagraphAnchors from './paragraph-anchors.js';
import { bodyParagraphs } from './paragraphs.js';
import { findNameHits } from './people/candidates.js';
import { findPeople, type PersonMention } from './people/index.js';
import remarkLinkMentions from './people/link-mentions.js';
import { roleMentions } from './people/role-mentions.js';
import { NO_SETTINGS, type EntitySettings } from './settings.js';
import { buildChronology } from './chronology.js';
import { findQuotes } from './quotes.js';

export interface EnrichSettings {
  people?: EntitySettings;
  organisations?: EntitySettings;
  dateOrder?: DateOrder;
}

export type { Enrichment };


export function enrich(articles: Article[], settings: EnrichSettings = {}, onStep: StepTimer = () => {}): Enrichment {
  const step = syncTimer(onStep);
  const contents = step('paragraphs', () =>
    articles.map((article) => unified().use(remarkParagraphAnchors, { articleId: article.id }).runSync(structuredClone(article.body)) as Root),
  );
  const paragraphs = contents.map((content) => bodyParagraphs(content));
  const withParagraphs = articles.map((article, index) => ({ id: article.id, paragraphs: paragraphs[index]! }));

  const names = step('names', () => paragraphs.map((list) => findNameHits(list)));
  const people = step('people', () =>
    findPeople(
      withParagraphs.map((article, index) => ({ ...article, hits: names[index]! })),
      settings.people ?? NO_SETTINGS,
    ),
  );
  // "the prime minister" for the one person the list gives that role to, in an article that names them.
  const roleMentioned = step('role mentions', () => roleMentions(withParagraphs, people.people));
  const organisations = step('organisations', () =>
    findOrganisations(
      withParagraphs.map((article, index) => ({ ...article, hits: findOrganisationHits(article.paragraphs, names[index]!) })),
      settings.organisations ?? NO_SETTINGS,
    ),
  );
  const chronology = step('chronology', () =>
    buildChronology(
      articles.map((article, index) => ({ ...withParagraphs[index]!, title: article.title, ...(article.date ? { date: article.date } : {}) })),
      settings.dateOrder,
    ),
  );
  const passageWarnings: Warning[] = [];
  const repeats = (index: number) =>
    passageWarnings.push({
      file: articles[index]!.file,
      message: `it repeats the same words more than ${MAX_REPEATS} times; passages it shares with other articles were not looked for in the repeated text.`,
    });
  const placed: PlacedPassage[] = step('shared passages', () =>
    findSharedPassages(withParagraphs, repeats).map((passage, index) => ({
      id: passageId(index),
      text: passage.text,
      occurrences: passage.occurrences.map(({ article, paragraph }) => ({ article, paragraph })),
      starts: passage.occurrences.map((occurrence) => occurrence.start),
      ends: passage.occurrences.map((occurrence) => occurrence.end),
    })),
  );

  // Each article's annotations, gathered once rather than searched for per article.
  const mentionsOf = groupBy([...people.mentions, ...roleMentioned], (mention: PersonMention) => mention.article);
  const passagesOf = new Map<string, PlacedPassage[]>();
  for (const passage of placed) {
    for (const article of new Set(passage.occurrences.map((occurrence) => occurrence.article))) {
      const list = passagesOf.get(article);
      if (list) list.push(passage);
      else passagesOf.set(article, [passage]);
    }
  }
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  const enriched = step('annotations', () =>
    articles.map((article, index): EnrichedArticle => {
      let mentionAnchors = new Map<string, string[]>();
      const content = unified()
        .use(remarkLinkMentions, { mentions: mentionsOf.get(article.id) ?? [], onMarked: (anchors) => (mentionAnchors = anchors) })
        .use(remarkPassageNotes, { articleId: article.id, sharedPassages: passagesOf.get(article.id) ?? [], titles })
        .runSync(contents[index]!) as Root;
      return { ...article, content, linkedMentions: [...mentionAnchors.keys()], mentionAnchors: Object.fromEntries(mentionAnchors) };
    }),
  );
  return {
    articles: enriched,
    people: people.people,
    organisations: organisations.organisations,
    chronology,
    sharedPassages: placed.map(({ starts: _starts, ends: _ends, ...passage }) => passage),
    quotes: step('quotes', () => findQuotes(withParagraphs, people.people, organisations.organisations)),
    warnings: [...people.warnings, ...organisations.warnings, ...passageWarnings],
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
