// Organisations named in the articles: parties, papers and bodies, found in
// each paragraph (organisation-hits.ts), one entry per body however the copy
// writes it ("BBC", "BBC News"; "the Supreme Court", "the US Supreme Court"),
// counted per article. dossier.yaml can add, fold and exclude, as for people.
import type { Organisation, Warning } from '../model.js';
import { entityIds } from '../ids.js';
import type { BodyParagraph } from './paragraphs.js';
import type { OrganisationHit } from './organisation-hits.js';
import { lexiconTags } from './people/lexicon.js';
import { GEOGRAPHY_TAGS, hasAnyTag } from './people/tags.js';
import { NO_SETTINGS, type EntitySettings } from './settings.js';

export { findOrganisationHits, type OrganisationHit } from './organisation-hits.js';

/** One name for each party, however the copy writes it. */
const PARTY_NAMES: Record<string, string> = {
  labour: 'Labour Party',
  conservative: 'Conservative Party',
  conservatives: 'Conservative Party',
  tory: 'Conservative Party',
  tories: 'Conservative Party',
  'liberal democrat': 'Liberal Democrats',
  'lib dem': 'Liberal Democrats',
  'lib dems': 'Liberal Democrats',
  ukip: 'UK Independence Party',
  snp: 'Scottish National Party',
  democrats: 'Democratic Party',
  republicans: 'Republican Party',
  gop: 'Republican Party',
};

export interface ArticleOrganisations {
  id: string;
  paragraphs: BodyParagraph[];
  hits: OrganisationHit[];
}

interface Found {
  name: string;
  forms: Set<string>;
  mentions: Map<string, number>;
  /** Found only as bare initials so far (see `OrganisationHit.bareInitials`). */
  onlyInitials: boolean;
  /** Found only in quotation marks so far (see `OrganisationHit.quoted`). */
  onlyQuoted: boolean;
}

export function findOrganisations(
  articles: ArticleOrganisations[],
  settings: EntitySettings = NO_SETTINGS,
): { organisations: Organisation[]; warnings: Warning[] } {
  const excluded = new Set(settings.exclude.map((name) => name.toLowerCase()));
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(settings.aliases)) for (const alias of aliases) canonical.set(alias.toLowerCase(), name);
  for (const added of settings.add) for (const alias of added.aliases) canonical.set(alias.toLowerCase(), added.name);
  const found = new Map<string, Found>();
  const entry = (name: string) => {
    const key = name.toLowerCase();
    if (!found.has(key)) found.set(key, { name, forms: new Set(), mentions: new Map(), onlyInitials: true, onlyQuoted: true });
    return found.get(key)!;
  };
  const count = (organisation: Found, article: string) => organisation.mentions.set(article, (organisation.mentions.get(article) ?? 0) + 1);

  for (const added of settings.add) entry(added.name);
  // Initials the text defines ("Georgian Tennis Federation (GFT)") are that body's wherever the dossier uses them, when every definition agrees.
  const definitions = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const hit of article.hits) {
      if (!hit.initialsOf) continue;
      const names = definitions.get(hit.name) ?? new Set<string>();
      names.add(canonical.get(hit.initialsOf.toLowerCase()) ?? hit.initialsOf);
      definitions.set(hit.name, names);
    }
  }
  for (const [initials, names] of definitions) if (names.size === 1 && !canonical.has(initials.toLowerCase())) canonical.set(initials.toLowerCase(), [...names][0]!);
  for (const article of articles) {
    for (const hit of article.hits) {
      const lower = hit.name.toLowerCase();
      const name = canonical.get(lower) ?? PARTY_NAMES[lower] ?? hit.name;
      if (excluded.has(name.toLowerCase()) || excluded.has(lower)) continue;
      const organisation = entry(name);
      if (hit.name !== name) organisation.forms.add(hit.name);
      if (!hit.bareInitials || name !== hit.name) organisation.onlyInitials = false;
      if (!hit.quoted) organisation.onlyQuoted = false;
      count(organisation, article.id);
    }
  }
  // The editor's additions are counted wherever the text names them, however they were (not) found.
  for (const added of settings.add) {
    const organisation = entry(added.name);
    organisation.onlyInitials = false;
    organisation.onlyQuoted = false;
    organisation.mentions.clear();
    const forms = [added.name, ...added.aliases];
    for (const article of articles) {
      for (const paragraph of article.paragraphs) {
        for (const form of forms) {
          for (let at = paragraph.text.indexOf(form); at !== -1; at = paragraph.text.indexOf(form, at + form.length)) {
            if (/[\p{L}\p{N}]/u.test(paragraph.text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(paragraph.text[at + form.length] ?? '')) continue;
            count(organisation, article.id);
            if (form !== added.name) organisation.forms.add(form);
          }
        }
      }
    }
  }
  foldAcronyms(found);
  foldOutlets(found);
  // Initials that nothing says are a body ("AST", "IQ") and that name no body of the dossier are left out.
  for (const [key, organisation] of [...found]) if (organisation.onlyInitials || organisation.onlyQuoted) found.delete(key);
  foldPlurals(found);
  foldShorterNames(found);

  const warnings: Warning[] = Object.keys(settings.aliases)
    .filter((name) => !found.has(name.toLowerCase()))
    .map((name) => ({ file: 'dossier.yaml', message: `organisations.aliases: no organisation named "${name}" was found; add it under organisations.add.` }));
  if (Object.keys(settings.roles).length) {
    warnings.push({ file: 'dossier.yaml', message: 'organisations.roles was ignored: organisations have no roles.' });
  }

  const idOf = entityIds('org');
  // Mentions in reading order, from each organisation's own articles rather than a pass over every article.
  const order = new Map(articles.map((article, index) => [article.id, index]));
  const organisations = [...found.values()]
    .filter((organisation) => organisation.mentions.size > 0 || settings.add.some((added) => added.name === organisation.name))
    .map((organisation) => {
      const id = idOf(organisation.name);
      return {
        id,
        name: organisation.name,
        aliases: [...organisation.forms].sort(),
        mentions: [...organisation.mentions]
          .filter(([article, times]) => times > 0 && order.has(article))
          .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
          .map(([article, count]) => ({ article, count })),
      };
    })
    .sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'en'));
  return { organisations, warnings };
}

function total(organisation: Organisation): number {
  return organisation.mentions.reduce((sum, mention) => sum + mention.count, 0);
}

/** A body's name with its head first: "Church of Scientology", "Department of Mathematics". */
const HEAD_OF = /^(.+?)\s+(?:of|for)\s+(?:the\s+)?(.+)$/u;

/**
 * A shorter name for one longer body named in the same articles is that body:
 * the end of its name ("Supreme Court" of the US Supreme Court, "Democratic
 * Party" of the United States Democratic Party), either side of its "of"
 * ("Church" and "Scientology" of the Church of Scientology) or the end of the
 * side before ("Supreme Court" of the Italian Supreme Court of Cassation). A start is not
 * ("Senate" is not the Senate Judiciary Committee). Where the dossier's articles give it different longer
 * names, the shorter name is, in each article, the one longer name that article gives.
 */
function foldShorterNames(found: Map<string, Found>): void {
  // Each longer name under the shorter names it can have: the words it ends with, either side of its "of".
  const longerBy = new Map<string, Set<string>>();
  const add = (name: string, key: string) => {
    const list = longerBy.get(name);
    if (list) list.add(key);
    else longerBy.set(name, new Set([key]));
  };
  for (const [key, organisation] of found) {
    const words = organisation.name.split(' ');
    for (let cut = 1; cut < words.length; cut++) add(words.slice(cut).join(' '), key);
    // Either side of its "of", and the ends of the side before it: "Supreme Court" and "Court" of the Italian Supreme Court of Cassation.
    const headOf = HEAD_OF.exec(organisation.name);
    if (headOf) {
      const head = headOf[1]!.split(' ');
      for (let cut = 0; cut < head.length; cut++) add(head.slice(cut).join(' '), key);
      add(headOf[2]!, key);
    }
  }
  for (const [key, shorter] of [...found]) {
    const candidates = [...(longerBy.get(shorter.name) ?? [])].filter((otherKey) => otherKey !== key && found.has(otherKey));
    const longer = candidates.filter((otherKey) => [...shorter.mentions.keys()].every((article) => found.get(otherKey)!.mentions.has(article)));
    if (longer.length === 1) {
      fold(shorter, found.get(longer[0]!)!);
      found.delete(key);
      continue;
    }
    if (longer.length > 1 || candidates.length < 2) continue;
    // Different longer names in different articles ("Puerto Rico Senate" in one, "U.S. Senate" in another): in each article, the one longer name it also gives.
    for (const article of [...shorter.mentions.keys()]) {
      const here = candidates.filter((otherKey) => found.get(otherKey)!.mentions.has(article));
      if (here.length !== 1) continue;
      const into = found.get(here[0]!)!;
      into.forms.add(shorter.name);
      into.mentions.set(article, (into.mentions.get(article) ?? 0) + shorter.mentions.get(article)!);
      shorter.mentions.delete(article);
    }
    if (shorter.mentions.size === 0) found.delete(key);
  }
  // "Ford" where the same articles name the Ford Motor Company: a company's first word, before only words saying it is a company.
  for (const [key, shorter] of [...found]) {
    if (shorter.name.includes(' ')) continue;
    const longer = [...found.values()].filter((other) => {
      const words = other.name.split(' ');
      return other !== shorter && words[0] === shorter.name && words.length > 1 && words.slice(1).every((word) => CORPORATE.has(word)) && [...shorter.mentions.keys()].every((article) => other.mentions.has(article));
    });
    if (longer.length === 1) {
      fold(shorter, longer[0]!);
      found.delete(key);
    }
  }
  // "United States Democratic Party" where the dossier also says "Democratic Party": a place before a body's name says where it is, not another body.
  for (const [key, longer] of [...found]) {
    const words = longer.name.split(' ');
    // A one-word body only after a country's initials: the "Texas Senate" is not the Senate, the "U.S. Senate" is.
    for (let cut = 1; cut < words.length - (COUNTRY_INITIALS.test(words[0]!) ? 0 : 1); cut++) {
      const prefix = words.slice(0, cut).join(' ');
      const target = found.get(words.slice(cut).join(' ').toLowerCase());
      if (!target || target === longer || !(COUNTRY_INITIALS.test(prefix) || hasAnyTag(lexiconTags(prefix), [...GEOGRAPHY_TAGS, 'Demonym']))) continue;
      fold(longer, target);
      found.delete(key);
      break;
    }
  }
}

/**
 * "Defence Force" and "Defence Forces" in one article are one body, its name written once in the
 * singular: the name as it is written more often stays, the plural where both are written as often.
 */
function foldPlurals(found: Map<string, Found>): void {
  for (const [key, plural] of [...found]) {
    const singular = /^(.*\p{Ll}{2}[^s])s$/u.exec(plural.name)?.[1];
    const other = singular === undefined ? undefined : found.get(singular.toLowerCase());
    if (!other || other === plural || ![...other.mentions.keys()].some((article) => plural.mentions.has(article))) continue;
    const times = (organisation: Found) => [...organisation.mentions.values()].reduce((sum, count) => sum + count, 0);
    const [from, into] = times(other) > times(plural) ? [plural, other] : [other, plural];
    fold(from, into);
    found.delete(from === plural ? key : singular!.toLowerCase());
  }
}

/** Words after a company's first word that only say it is one: "Ford Motor Company", "Tesco plc". */
const CORPORATE = new Set('Company Corporation Corp Co Inc Ltd Plc plc LLC Group Holdings Motor Motors Airways Airlines Records Studios Pictures Entertainment'.split(' '));
/** A country's initials before a body's name: "U.S. Senate", "UK Parliament". */
const COUNTRY_INITIALS = /^(?:U\.S\.|US|U\.K\.|UK|USA)$/u;

/** `from`'s names and mentions become `into`'s. */
function fold(from: Found, into: Found): void {
  into.forms.add(from.name);
  for (const form of from.forms) into.forms.add(form);
  for (const [article, times] of from.mentions) into.mentions.set(article, (into.mentions.get(article) ?? 0) + times);
}

/** The outlets of a broadcaster or a paper, which are the body itself: "BBC News", "BBC Radio" and "BBC" are one. */
const OUTLET = /^(.+?)\s+(?:News|Radio|Television|TV|Online|World Service)(?:\s+(?:One|Two|Three|Four|Five|Six|\d)(?:\s+Live)?)?$/u;

function foldOutlets(found: Map<string, Found>): void {
  for (const [key, outlet] of [...found]) {
    const body = OUTLET.exec(outlet.name)?.[1];
    const target = body !== undefined ? found.get(body.toLowerCase()) : undefined;
    if (!target || target === outlet) continue;
    target.forms.add(outlet.name);
    for (const form of outlet.forms) target.forms.add(form);
    for (const [article, times] of outlet.mentions) target.mentions.set(article, (target.mentions.get(article) ?? 0) + times);
    found.delete(key);
  }
}

/**
 * "JC" is the Jewish Chronicle when exactly one organisation with those
 * initials is named in an article that also uses the initials.
 */
function foldAcronyms(found: Map<string, Found>): void {
  const byInitials = new Map<string, Found[]>();
  for (const organisation of found.values()) {
    const words = organisation.name.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
    // The parts of a hyphenated word count too: "AFP" of Agence France-Presse.
    const parts = words.flatMap((word) => word.split('-').filter((part) => /^\p{Lu}/u.test(part)));
    if (parts.length < 2) continue;
    for (const initials of new Set([words, parts].filter((list) => list.length >= 2).map((list) => list.map((word) => word[0]).join('')))) {
      const group = byInitials.get(initials);
      if (group) group.push(organisation);
      else byInitials.set(initials, [organisation]);
    }
  }
  for (const [key, acronym] of [...found]) {
    if (!/^[A-Z]{2,6}$/.test(acronym.name)) continue;
    const articlesWithAcronym = [...acronym.mentions.keys()];
    const together = (byInitials.get(acronym.name) ?? []).filter(
      (candidate) => candidate !== acronym && articlesWithAcronym.some((article) => candidate.mentions.has(article)),
    );
    if (together.length !== 1) continue;
    const target = together[0]!;
    target.forms.add(acronym.name);
    for (const [article, times] of acronym.mentions) target.mentions.set(article, (target.mentions.get(article) ?? 0) + times);
    found.delete(key);
  }
}
