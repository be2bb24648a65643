// Organisations named in the articles: parties, papers and bodies. Found by
// the words such names are made of ("… Party", "… Council", "Board of …"),
// a list of parties, and initials (BBC, NHS); counted per article.
// dossier.yaml can add, fold and exclude, as for people.
import type { Organisation, Warning } from '../model.js';
import { entityIds } from '../ids.js';
import type { BodyParagraph } from './paragraphs.js';
import { NO_SETTINGS, type EntitySettings } from './settings.js';
import { STOP_WORDS } from './shared-passages/tokens.js';
import { TakenCharacters } from './spans.js';
import { namesInParagraph } from './tagger/index.js';
import { lexiconTags } from './people/lexicon.js';
import { hasAnyTag } from './people/tags.js';

export interface OrganisationHit {
  name: string;
  paragraph: number;
  /** Initials ("AST") that nothing but their capitals says are a body: not defined in the text, not tagged as one. */
  bareInitials?: boolean;
}

/** Words that end (or, with "of", start) the name of a body. */
const ORGANISATION_WORDS =
  'Friends|Forum|Board|Institute|Organisation|Organization|Chamber|Party|Council|Committee|Association|Union|Brotherhood|Chronicle|Commission|Foundation|Trust|Society|Agency|Ministry|Department|Office|Bank|Group|Company|Corporation|University|College|Hospital|Church|Club|Federation|League|Alliance|Movement|Network|Service|Authority|Court|Parliament|Assembly|Congress|Senate|Times|Telegraph|Guardian|Herald|Post|Mail|Express|Mirror|Observer|Gazette|Journal|Review|News|Radio|Television|Press|Inc|Ltd|plc|Plc|Corp|Holdings|Airways|Airlines|Motors|Records|Studios|Pictures';
/**
 * A capitalised word, initials with stops ("U.S.") or a short abbreviation
 * ("St."): a stop ends no other word, so a name never runs on into the next
 * sentence ("Party. The Senate").
 */
const NAME_WORD = "(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}\\p{Ll}{1,2}\\.(?=\\s\\p{Lu})|\\p{Lu}[\\p{L}'’&-]*(?:\\.\\p{L}+)*)";
/** Words before a name, not of it: "the Jewish Chronicle", "At Ballot Access News", "For Libertarian Party". */
const SENTENCE_OPENERS = new Set('the at after although as before by during for from if in on since so though to under when where whereas while with without but and or yet then'.split(' '));
const ORGANISATION = new RegExp(
  `(?:\\b(?:the\\s+)?)((?:${NAME_WORD}\\s+){1,4}(?:${ORGANISATION_WORDS})(?![-‑]\\p{L})(?:\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?|(?:${ORGANISATION_WORDS})\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})`,
  'gu',
);
/** Political parties, which rarely carry a word that says so. */
const PARTIES = /\b(Labour|Conservatives?|Tory|Tories|Liberal Democrats?|Lib Dems?|SNP|Plaid Cymru|Ukip|UKIP|Reform UK|Sinn F[eé]in|DUP|Green Party|Democrats|Republicans|GOP)\b/gu;
/** Initials that name bodies (BBC, NHS, PLP). */
const ACRONYM = /\b[A-Z]{2,6}\b/g;
/**
 * Initials that do not name a body: countries, titles and honours, times
 * and units, diseases and the body's chemistry, and the words of computing
 * and electronics, the commonest kinds in news copy.
 */
const NOT_ORGANISATIONS = new Set(
  `UK US USA UAE EU GB MP MPS PM GMT BST UTC EST EDT PST PDT CET TV HQ LGBT PR OK AM CEO CFO COO ID IT PC DVD CD AIDS HIV GDP VAT OBE MBE CBE QC MEP MEPS MSP MLA BC AD NB
  RIP PS CV DJ MC VIP DNA RNA FM UFO ET PHD MA BA AGM IPO HD HDR HDTV XP RSS PDF USB LCD LED OLED DSL SMS GPS AI CGI TB SUV CCTV ASAP
  COVID SARS MERS PCR ICU STD NGO LLC VR AR OS RAM ROM CPU GPU CT MRI SSD HDD API URL HTML PIN PII NFT ISP VPN WIFI APP KG KM MPH CO II III IV VI VII VIII IX XI XII`.split(/\s+/),
);
/** A line or sentence mostly in capitals is a headline, a caption or a shout: its words are not initials. */
const MOSTLY_CAPITALS = 0.6;

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

/**
 * Organisation names in the paragraphs, longest first where they overlap;
 * `people` are spans already taken by names of people, which are never also
 * organisations.
 */
export function findOrganisationHits(paragraphs: BodyParagraph[], people: { paragraph: number; start: number; end: number; name?: string }[]): OrganisationHit[] {
  const hits: OrganisationHit[] = [];
  // The words of the people's names in the article: "Sanders" alone is Bernie Sanders, not a body.
  const personWords = new Set(people.flatMap((person) => person.name?.split(' ') ?? []));
  // People's spans by paragraph, gathered once: filtering them all for each paragraph grew with paragraphs × names.
  const peopleIn = new Map<number, { start: number; end: number }[]>();
  for (const person of people) {
    const list = peopleIn.get(person.paragraph);
    if (list) list.push(person);
    else peopleIn.set(person.paragraph, [person]);
  }
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    const spans: { start: number; end: number; bareInitials?: boolean }[] = [];
    const tagged = namesInParagraph(paragraph);
    const taggedBody = new Set(tagged.filter((name) => name.type === 'ORG').map((name) => name.text));
    // Found when first needed: most paragraphs hold no initials.
    let shouted: { start: number; end: number }[] | undefined;
    for (const match of text.matchAll(ACRONYM)) {
      // Not initials: a word written in capitals ("NOT", "UNDER") unless the text defines it ("(WHO)"), or any word of a line in capitals.
      const defined = text[match.index - 1] === '(';
      if (NOT_ORGANISATIONS.has(match[0]) || (STOP_WORDS.has(match[0].toLowerCase()) && !defined)) continue;
      shouted ??= capitalisedStretches(text);
      if (shouted.some((stretch) => match.index >= stretch.start && match.index < stretch.end)) continue;
      const bareInitials = !defined && !taggedBody.has(match[0]);
      spans.push({ start: match.index, end: match.index + match[0].length, bareInitials });
    }
    for (const match of text.matchAll(ORGANISATION)) {
      const start = match.index + match[0].indexOf(match[1]!);
      spans.push({ start, end: start + match[1]!.length });
    }
    for (const match of text.matchAll(PARTIES)) spans.push({ start: match.index, end: match.index + match[0].length });
    // The tagger's bodies, outside lines in capitals.
    // Not a place the lexicon knows ("South Carolina"), nor a person's name.
    for (const name of tagged) {
      if (name.type !== 'ORG' || isPlace(name.text) || (name.words.length === 1 && personWords.has(name.text))) continue;
      shouted ??= capitalisedStretches(text);
      if (shouted.some((stretch) => name.start >= stretch.start && name.start < stretch.end)) continue;
      spans.push({ start: name.start, end: name.end });
    }
    // A span is kept when it overlaps no person and no longer organisation already kept.
    const taken = new TakenCharacters(text.length);
    for (const person of peopleIn.get(paragraph.number) ?? []) taken.take(person);
    for (const span of spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (taken.overlaps(span)) continue;
      const name = cleanOrganisation(text.slice(span.start, span.end));
      if (!name) continue;
      taken.take(span);
      hits.push({ name, paragraph: paragraph.number, ...(span.bareInitials ? { bareInitials: true } : {}) });
    }
  }
  return hits;
}

/** A place compromise's lexicon knows by the whole phrase ("South Carolina", "Hong Kong"). */
function isPlace(phrase: string): boolean {
  const tags = lexiconTags(phrase.replace(/^the\s+/iu, ''));
  return hasAnyTag(tags, ['Place', 'Country', 'City', 'Region']) && !tags.includes('Organization');
}

/** The sentences of a text written mostly in capitals (at least four words of them). */
function capitalisedStretches(text: string): { start: number; end: number }[] {
  const stretches: { start: number; end: number }[] = [];
  for (const sentence of text.matchAll(/[^.!?\n]+[.!?]*/gu)) {
    const words = sentence[0].match(/\p{L}{2,}/gu) ?? [];
    const capitals = words.filter((word) => word === word.toUpperCase()).length;
    if (words.length >= 4 && capitals >= MOSTLY_CAPITALS * words.length) stretches.push({ start: sentence.index, end: sentence.index + sentence[0].length });
  }
  return stretches;
}

/**
 * `the Jewish Chronicle,` → `Jewish Chronicle`; lower-case runs ("Jewish
 * community") are not names; a sentence's first word is not part of one
 * ("At Ballot Access News", "For Libertarian Party").
 */
function cleanOrganisation(raw: string): string | undefined {
  let name = raw
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')
    // A possessive ends the name ("the BBC's"); inside one it is the name's own ("St. Mary's Hospital").
    .replace(/[’']s$/u, '')
    .trim();
  for (let first = /^(\p{Lu}\p{Ll}*)\s+/u.exec(name); first && SENTENCE_OPENERS.has(first[1]!.toLowerCase()); first = /^(\p{Lu}\p{Ll}*)\s+/u.exec(name)) {
    name = name.slice(first[0].length);
  }
  const words = name.split(/\s+/);
  // "U.S. The President": a sentence ran into the next.
  if (words.slice(1).some((word) => SENTENCE_OPENERS.has(word.toLowerCase()) && /^\p{Lu}/u.test(word))) return undefined;
  if (!name || !words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(?:of|and|for|the|de|du)$/.test(word))) return undefined;
  return name;
}

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
    if (!found.has(key)) found.set(key, { name, forms: new Set(), mentions: new Map(), onlyInitials: true });
    return found.get(key)!;
  };
  const count = (organisation: Found, article: string) => organisation.mentions.set(article, (organisation.mentions.get(article) ?? 0) + 1);

  for (const added of settings.add) entry(added.name);
  for (const article of articles) {
    for (const hit of article.hits) {
      const lower = hit.name.toLowerCase();
      const name = canonical.get(lower) ?? PARTY_NAMES[lower] ?? hit.name;
      if (excluded.has(name.toLowerCase()) || excluded.has(lower)) continue;
      const organisation = entry(name);
      if (hit.name !== name) organisation.forms.add(hit.name);
      if (!hit.bareInitials) organisation.onlyInitials = false;
      count(organisation, article.id);
    }
  }
  // The editor's additions are counted wherever the text names them, however they were (not) found.
  for (const added of settings.add) {
    const organisation = entry(added.name);
    organisation.onlyInitials = false;
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
  for (const [key, organisation] of [...found]) if (organisation.onlyInitials) found.delete(key);
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
const HEAD_OF = /^(\S+)\s+(?:of|for)\s+(?:the\s+)?(.+)$/u;

/**
 * A shorter name for one longer body named in the same articles is that body:
 * the end of its name ("Supreme Court" of the US Supreme Court, "Democratic
 * Party" of the United States Democratic Party), or either side of its "of"
 * ("Church" and "Scientology" of the Church of Scientology). A start is not
 * ("Senate" is not the Senate Judiciary Committee).
 */
function foldShorterNames(found: Map<string, Found>): void {
  const all = [...found.entries()];
  for (const [key, shorter] of all) {
    const longer = all.filter(([otherKey, other]) => {
      if (otherKey === key || !found.has(otherKey) || other.name.length <= shorter.name.length) return false;
      if (![...shorter.mentions.keys()].every((article) => other.mentions.has(article))) return false;
      const headOf = HEAD_OF.exec(other.name);
      return other.name.endsWith(` ${shorter.name}`) || (headOf !== null && (headOf[1] === shorter.name || headOf[2] === shorter.name));
    });
    if (longer.length !== 1) continue;
    const target = longer[0]![1];
    target.forms.add(shorter.name);
    for (const form of shorter.forms) target.forms.add(form);
    for (const [article, times] of shorter.mentions) target.mentions.set(article, (target.mentions.get(article) ?? 0) + times);
    found.delete(key);
  }
}

/** The outlets of a broadcaster or a paper, which are the body itself: "BBC News", "BBC Radio" and "BBC" are one. */
const OUTLET = /^(.+?)\s+(?:News|Radio|Television|TV|Online|World Service)$/u;

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
    if (words.length < 2) continue;
    const initials = words.map((word) => word[0]).join('');
    const group = byInitials.get(initials);
    if (group) group.push(organisation);
    else byInitials.set(initials, [organisation]);
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
