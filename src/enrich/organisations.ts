// Organisations named in the articles (parties, papers, bodies), as
// compromise finds them, counted per article. dossier.yaml can add, fold
// and exclude, as for people.
import type { Organisation } from '../model.js';
import { slugify } from '../slug.js';
import type { OrganisationHit } from './people/candidates.js';
import { NO_SETTINGS, type EntitySettings } from './people/index.js';

export interface ArticleOrganisations {
  id: string;
  hits: OrganisationHit[];
}

/** One name for each party, however the copy writes it. */
const PARTY_NAMES: Record<string, string> = {
  labour: 'Labour Party',
  conservative: 'Conservative Party',
  conservatives: 'Conservative Party',
  tory: 'Conservative Party',
  tories: 'Conservative Party',
  'tory party': 'Conservative Party',
  'liberal democrat': 'Liberal Democrats',
  'lib dem': 'Liberal Democrats',
  'lib dems': 'Liberal Democrats',
  ukip: 'UK Independence Party',
  snp: 'Scottish National Party',
  democrats: 'Democratic Party',
  republicans: 'Republican Party',
  gop: 'Republican Party',
};

/** Abbreviations that look like organisations and are not. */
const NOT_ORGANISATIONS = new Set(['pm', 'mp', 'mps', 'mep', 'meps', 'qc', 'ceo']);

export function findOrganisations(articles: ArticleOrganisations[], settings: EntitySettings = NO_SETTINGS): Organisation[] {
  const excluded = new Set(settings.exclude.map((name) => name.toLowerCase()));
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(settings.aliases)) {
    for (const alias of aliases) canonical.set(alias.toLowerCase(), name);
  }
  const found = new Map<string, { name: string; forms: Set<string>; mentions: Map<string, number> }>();
  const entry = (name: string) => {
    const key = name.toLowerCase();
    if (!found.has(key)) found.set(key, { name, forms: new Set(), mentions: new Map() });
    return found.get(key)!;
  };
  for (const added of settings.add) entry(added.name);
  for (const article of articles) {
    for (const hit of article.hits) {
      const lower = hit.name.toLowerCase();
      if (NOT_ORGANISATIONS.has(lower)) continue;
      const name = canonical.get(lower) ?? PARTY_NAMES[lower] ?? hit.name;
      if (excluded.has(name.toLowerCase()) || excluded.has(lower)) continue;
      const organisation = entry(name);
      if (hit.name !== name) organisation.forms.add(hit.name);
      organisation.mentions.set(article.id, (organisation.mentions.get(article.id) ?? 0) + 1);
    }
  }
  foldAcronyms(found);
  const used = new Set<string>();
  return [...found.values()]
    .filter((organisation) => organisation.mentions.size > 0 || settings.add.some((added) => added.name === organisation.name))
    .map((organisation) => {
      let id = `org-${slugify(organisation.name) || 'unnamed'}`;
      for (let n = 2; used.has(id); n++) id = `org-${slugify(organisation.name)}-${n}`;
      used.add(id);
      return {
        id,
        name: organisation.name,
        aliases: [...organisation.forms].sort(),
        mentions: articles.filter((article) => organisation.mentions.has(article.id)).map((article) => ({ article: article.id, count: organisation.mentions.get(article.id)! })),
      };
    })
    .sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name));
}

function count(organisation: Organisation): number {
  return organisation.mentions.reduce((sum, mention) => sum + mention.count, 0);
}

/** "JC" is the Jewish Chronicle when exactly one organisation found has those initials. */
function foldAcronyms(found: Map<string, { name: string; forms: Set<string>; mentions: Map<string, number> }>): void {
  for (const [key, acronym] of found) {
    if (!/^[A-Z]{2,6}$/.test(acronym.name)) continue;
    const matches = [...found.values()].filter(
      (other) => other !== acronym && other.name.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join('') === acronym.name,
    );
    if (matches.length !== 1) continue;
    const target = matches[0]!;
    target.forms.add(acronym.name);
    for (const [article, count] of acronym.mentions) target.mentions.set(article, (target.mentions.get(article) ?? 0) + count);
    found.delete(key);
  }
}
