// Where the articles name organisations, paragraph by paragraph: the words
// such names are made of ("… Party", "… Council", "Board of …"), parties,
// initials (BBC, NHS) where something says they name a body, bodies a
// newspaper names without saying so (known-bodies.ts), and the names tagger's
// bodies; never the words of lines in capitals (headlines, photo credits).
import type { BodyParagraph } from './paragraphs.js';
import { capitalisedStretches, inStretches } from './capitals.js';
import { knownBodies } from './known-bodies.js';
import { bodiesDescribedAfter, brandsCited, companyOfProduct, initialsSpeltOut, listSiblings, reportsMatches, runsOnIntoThing, runsOnIntoWork, teamsInMatchReports } from './organisation-evidence.js';
import { capitalSaysNothing, NATIONALS } from './people/name-words.js';
import { lexiconTags } from './people/lexicon.js';
import { GEOGRAPHY_TAGS, hasAnyTag } from './people/tags.js';
import { STOP_WORDS } from './shared-passages/tokens.js';
import { TakenCharacters } from './spans.js';
import { namesInParagraph, type TaggedName } from './tagger/index.js';
import { joinedBodies, oneWordBody, modifiesNoun, isAdjective, readsAsPersonsName, isPlace } from './organisation-tagged.js';
import { BODY_NOUNS, HEAD, HEAD_START, HEAD_WORD, ORGANISATION_WORDS } from './organisation-words.js';

export interface OrganisationHit {
  name: string;
  paragraph: number;
  /** Initials ("AST") that nothing but their capitals says are a body: not defined in the text, not tagged as one. */
  bareInitials?: boolean;
  /** Initials the text defines in brackets after a body's name ("Georgian Tennis Federation (GFT)"): that body's name. */
  initialsOf?: string;
  /** Written in quotation marks, as a coinage may be ("the "Abstentions Party""). */
  quoted?: boolean;
}

/** Words for works, before their titles: "the programme Dragons' Den", "graphic novel Angel Catbird"; never one that is also a verb ("play", "film", "show"), which a name may follow. */
const WORK_TITLE =
  /(?:programme|series|sitcom|drama|documentary|movie|novel|album|song|musical|opera|podcast|poem)\s+((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:of|the|and|in|on|a)?\s*\p{Lu}[\p{L}'’-]*){0,5})/gu;

/** Where the text gives the title of a work after a word for its kind. */
export function worksIn(text: string): { start: number; end: number }[] {
  const works: { start: number; end: number }[] = [];
  for (const match of text.matchAll(WORK_TITLE)) {
    // The kind's word is a word of its own, not the end of another ("symposium").
    if (/[\p{L}-]/u.test(text[match.index - 1] ?? '')) continue;
    const start = match.index + match[0].length - match[1]!.length;
    works.push({ start, end: start + match[1]!.length });
  }
  return works;
}

/**
 * A capitalised word, initials with stops ("U.S.") or a short abbreviation
 * ("St."): a stop ends no other word, so a name never runs on into the next
 * sentence ("Party. The Senate"). Two names joined by an en dash are one word ("Harvard–Smithsonian").
 */
const NAME_WORD = "(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}\\p{Ll}{1,2}\\.(?=\\s\\p{Lu})|\\p{Lu}[\\p{L}'’&-]*(?:[–—]\\p{Lu}[\\p{L}'’&-]*)*(?:\\.\\p{L}+)*)";
/** Words before a name, not of it: "the Jewish Chronicle", "At Ballot Access News", "For Libertarian Party". */
const SENTENCE_OPENERS = new Set('the at after although as before by during for from if in on since so though to under when where whereas while with without but and or yet then'.split(' '));
/** "… of the Western District", and a second ("… for the Western District of Virginia"), and "… and Rehabilitation" where no capital follows. */
const OF_PART = `(?:\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}){1,2}(?:\\s+and\\s+${NAME_WORD}(?![\\p{L}'’&-])(?![\\s-]+\\p{Lu}))?`;
/** A broadcaster's channel or network after its name: "ABS-CBN News Channel", "Ruritania Radio Network". */
const OUTLET_PART = '(?:(?<=News|Radio|Television)\\s+(?:Channel|Network)(?![-‑\\p{L}]))?';
const ORGANISATION = new RegExp(
  `(?:\\b(?:the\\s+)?)((?:${NAME_WORD}\\s+){1,3}(?:(?<!(?:${ORGANISATION_WORDS})\\s)and\\s+(?:${NAME_WORD}\\s+){1,3}|(?<=\\p{Lu}\\p{Ll}+\\s)for\\s+(?:${NAME_WORD}(?<![’']s)\\s+){1,3})?(?:\\p{Lu}\\p{Ll}+-)?(?:${ORGANISATION_WORDS})(?![-‑\\p{L}])${OUTLET_PART}(?:${OF_PART})?|(?:${ORGANISATION_WORDS})${OF_PART})`,
  'gu',
);
/** "of The Globe and Mail": a "The" in capitals inside a sentence is a name's own, and so is the one word joined by "and" to the head after it. */
const THE_ONE_AND_HEAD = new RegExp(`(?<=[\\p{Ll},;]\\s+)The\\s+(\\p{Lu}\\p{Ll}+\\s+and\\s+(?:${ORGANISATION_WORDS}))(?![-‑\\p{L}])`, 'gu');
/** The same, at one place in the text. */
const ORGANISATION_AT = new RegExp(ORGANISATION.source, 'uy');
/** "Centre for Control of Iodine Deficiency Disorders", "Center for Disease Control": a centre named for its work is a body, not a building. */
const CENTRE_FOR = new RegExp(`\\b((?:${NAME_WORD}\\s+){0,3}(?:Centre|Center)(?=\\s+for\\s)${OF_PART})`, 'gu');
/** Words that start the names of bodies, most in other languages: "Team Estonia", "Instituto Gonzaga", "Università di Bologna", "Banco Santander". */
const FOREIGN_HEADS =
  'Team|Instituto|Istituto|Institut|Universidad|Universidade|Università|Universität|Université|Universiteit|Colegio|Collegio|Liceo|Lycée|Ospedale|Hôpital|Banco|Banca|Banque|Compagnie|Compañía|Companhia|Grupo|Gruppo|Groupe|Fundación|Fundação|Fondazione|Fondation|Stiftung|Associazione|Asociación|Associação|Partido|Partito|Movimento|Movimiento|Mouvement|Comune|Ministerio|Ministero|Ministère|Consejo|Consiglio|Conseil|Tribunale|Corte|Olympique|Atlético|Borussia';
const FOREIGN_BODY = new RegExp(
  `(?<![\\p{L}-])((?:${FOREIGN_HEADS})\\s+(?:(?:de|di|del|della|dei|degli|des|du|do|da|dos|das|für|der)\\s+(?:(?:la|le|les|los|las|l')\\s*)?)?${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`,
  'gu',
);

/** Where a paragraph names a body by words that say so whatever the tagger reads: a centre for something, a body named in another language. */
export function bodiesNamedSo(text: string): { start: number; end: number }[] {
  return [...text.matchAll(CENTRE_FOR), ...text.matchAll(FOREIGN_BODY)].map((match) => {
    const start = match.index + match[0].indexOf(match[1]!);
    return { start, end: start + match[1]!.length };
  });
}

/** Clubs named by the word sport gives them ("Leeds United", "Charlton Athletic", "Belgrave Harriers"), one club at a time, and not where more capitals follow ("United Reform Church"). */
const CLUB = new RegExp(`\\b((?:${NAME_WORD}\\s+){1,3}(?:United|Athletic|Rovers|Wanderers|Albion|Harriers))(?![-‑\\p{L}])(?!\\s+\\p{Lu})`, 'gu');
/** Political parties, which rarely carry a word that says so. */
const PARTIES = /\b((?:Democratic|Republican|Labour|Conservative|Communist|Socialist|Green) party(?![’']s\s+\p{Lu})|Labour|Conservatives?|Tory|Tories|Liberal Democrats?|Lib Dems?|SNP|Plaid Cymru|Ukip|UKIP|Reform UK|Sinn F[eé]in|DUP|Green Party|Democrats|Republicans|GOP)\b/gu;
/** Initials that name bodies (BBC, NHS, PLP), and a broadcaster's call sign ("WSET-TV"). */
const ACRONYM = /\b[A-Z]{2,6}(?:-(?:TV|FM|AM|DT))?\b/g;
/**
 * Initials that do not name a body: countries, titles and honours, times
 * and units, diseases and the body's chemistry, and the words of computing
 * and electronics, the commonest kinds in news copy.
 */
const NOT_ORGANISATIONS = new Set(
  `UK US USA UAE EU GB NZ NYC MP MPS PM GMT BST UTC EST EDT PST PDT CET TV HQ LGBT PR OK AM CEO CFO COO ID IT PC DVD CD AIDS HIV GDP VAT OBE MBE CBE QC MEP MEPS MSP MLA BC AD NB
  RIP PS CV DJ MC VIP DNA RNA FM UFO ET PHD MA BA AGM IPO HD HDR HDTV XP RSS PDF USB LCD LED OLED DSL SMS GPS AI CGI TB SUV CCTV ASAP
  COVID SARS MERS PCR ICU STD NGO POTUS FLOTUS LLC VR AR OS RAM ROM CPU GPU CT MRI SSD HDD API URL HTML PIN PII NFT ISP VPN WIFI APP KG KM MPH CO II III IV VI VII VIII IX XI XII`.split(/\s+/),
);

/**
 * Organisation names in the paragraphs, longest first where they overlap;
 * `people` are spans already taken by names of people, which are never also
 * organisations.
 */
export function findOrganisationHits(paragraphs: BodyParagraph[], people: { paragraph: number; start: number; end: number; name?: string }[]): OrganisationHit[] {
  const hits: OrganisationHit[] = [];
  // The words of the people's names in the article: "Sanders" alone is Bernie Sanders, not a body.
  const personWords = new Set(people.flatMap((person) => person.name?.split(' ') ?? []));
  // And "Barack Obama" is a person wherever the tagger reads it.
  const personNames = new Set(people.flatMap((person) => (person.name?.includes(' ') ? [person.name] : [])));
  // People's spans by paragraph, gathered once: filtering them all for each paragraph grew with paragraphs × names.
  const peopleIn = new Map<number, { start: number; end: number }[]>();
  for (const person of people) {
    const list = peopleIn.get(person.paragraph);
    if (list) list.push(person);
    else peopleIn.set(person.paragraph, [person]);
  }
  // In a match report, countries that play are teams.
  const matchReport = reportsMatches(paragraphs);
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    const spans: { start: number; end: number; bareInitials?: boolean; taggerOnly?: boolean }[] = [];
    const tagged = namesInParagraph(paragraph);
    const taggedBody = new Set(tagged.filter((name) => name.type === 'ORG').map((name) => name.text));
    // "CEI (Italian Episcopal Conference)": the name in brackets is a body's, and the initials before it are defined.
    // Not a title spelt out ("MVP (Most Valuable Player)"), which names no body.
    const speltOut = initialsSpeltOut(text).filter((spelt) => !spelt.title);
    const speltAt = new Set(speltOut.map((spelt) => spelt.initialsStart));
    spans.push(...speltOut);
    for (const match of text.matchAll(ACRONYM)) {
      // Not initials: a word written in capitals ("NOT", "UNDER") unless the text defines it ("(WHO)", "CEI (…)").
      const defined = text[match.index - 1] === '(' || speltAt.has(match.index);
      if (NOT_ORGANISATIONS.has(match[0]) || /^[IVXLCDM]+$/.test(match[0]) || (STOP_WORDS.has(match[0].toLowerCase()) && !defined)) continue;
      // Four letters or more that are no word ("MSNBC", "NDTV") name a body; fewer ("AST", "IQ") only where the text or the tagger says so.
      const bareInitials = !defined && !taggedBody.has(match[0]) && (match[0].length < 4 || lexiconTags(match[0]).length > 0);
      spans.push({ start: match.index, end: match.index + match[0].length, bareInitials });
    }
    for (const match of text.matchAll(ORGANISATION)) {
      let start = match.index + match[0].indexOf(match[1]!);
      let name = match[1]!;
      // "South Korea's National Police Agency", "Britain's National Crime Agency": a place's possessive says whose the body is; its name starts after it, and may run further.
      const whose = /^((?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}.-]*)[’']s\s+/u.exec(name);
      if (whose && isPlace(whose[1]!)) {
        ORGANISATION_AT.lastIndex = start + whose[0].length;
        const own = ORGANISATION_AT.exec(text);
        if (own) {
          start = own.index + own[0].indexOf(own[1]!);
          name = own[1]!;
        }
      }
      spans.push({ start, end: start + name.length });
    }
    for (const match of text.matchAll(THE_ONE_AND_HEAD)) {
      const start = match.index + match[0].length - match[1]!.length;
      spans.push({ start, end: start + match[1]!.length });
    }
    spans.push(...bodiesNamedSo(text), ...bodiesDescribedAfter(text), ...brandsCited(text), ...teamsInMatchReports(text, matchReport));
    for (const match of text.matchAll(CLUB)) spans.push({ start: match.index + match[0].indexOf(match[1]!), end: match.index + match[0].indexOf(match[1]!) + match[1]!.length });
    for (const match of text.matchAll(PARTIES)) spans.push({ start: match.index, end: match.index + match[0].length });
    for (const span of knownBodies(text)) spans.push(span);
    // "law firm Sidley Austin", "the band Pearl Jam": a capitalised name straight after a word for a kind of body is that body's.
    for (const match of text.matchAll(AFTER_BODY_NOUN)) {
      if (/[\p{L}-]/u.test(text[match.index - 1] ?? '')) continue;
      const start = match.index + match[0].length - match[1]!.length;
      // A possessive ends the name: "company Bridgepoint Capital's European advisory committee";
      // so does a sentence's end: "manufacturer Hirtenberger Defence Group. Hirtenberger also", not the stop of initials ("U.S.").
      const possessive = /[’']s\b/u.exec(match[1]!);
      const stop = /(?<=\p{L}{2})\.(?=\s)/u.exec(match[1]!);
      const cut = Math.min(possessive ? possessive.index : match[1]!.length, stop ? stop.index : match[1]!.length);
      spans.push({ start, end: start + cut });
    }
    // "the Kaufland chain", "its Netto chain": a name before a word for a kind of body is that body's, unless it says where or whose ("the Chicago band").
    for (const match of text.matchAll(BEFORE_BODY_NOUN)) {
      const start = match.index + match[0].indexOf(match[1]!);
      const words = match[1]!.split(/\s+/u);
      if (isPlace(match[1]!) || words.some((word) => isAdjective(word) || NATIONALS.has(word) || /(?:ish|ian|ese)$/u.test(word) || hasAnyTag(lexiconTags(word), [...GEOGRAPHY_TAGS, 'Person', 'FirstName']))) continue;
      spans.push({ start, end: start + match[1]!.length });
    }
    // The tagger's bodies: not a place the lexicon knows ("South Carolina"), a person's name or an adjective ("Democratic").
    const personEnding = new Map((peopleIn.get(paragraph.number) ?? []).map((person) => [person.end, person]));
    for (const joined of joinedBodies(tagged, text)) {
      const name = withoutPersonAtEnd(joined, text, personEnding.get(joined.end));
      if (isPlace(name.text) || (name.words.length === 1 && !oneWordBody(name.text, text, name.end, personWords)) || readsAsPersonsName(name.words)) continue;
      // Initials that name no body ("CCTV captured"), and an adjective before the noun it describes ("the U.S. Federal government"), whoever reads them.
      if (NOT_ORGANISATIONS.has(name.text) || (name.words.length > 1 && isAdjective(name.words.at(-1)!) && modifiesNoun(text, name.end))) continue;
      spans.push({ start: name.start, end: name.end, taggerOnly: true });
    }
    // A span is kept when it overlaps no person and no longer organisation already kept.
    const taken = new TakenCharacters(text.length);
    for (const person of peopleIn.get(paragraph.number) ?? []) taken.take(person);
    // The title of a work ("the programme Dragons' Den") names no body.
    for (const work of worksIn(text)) taken.take(work);
    // Nothing from lines in capitals: a headline, a caption or a photo credit ("JIM WATSON/AFP").
    const shouted = spans.length && /\p{Lu}{2}/u.test(text) ? capitalisedStretches(text) : [];
    // Nor from a photo credit ("Jim Watson/AFP").
    for (const span of spans) if (inStretches(shouted, span.start) || text[span.start - 1] === '/') taken.take(span);
    // `sure`: found by the words of the name or what stands around it, not by the tagger alone.
    const kept: { start: number; end: number; sure?: boolean; hit: OrganisationHit }[] = [];
    // Initials another finding says are a body's ("press agency PAP") are not bare.
    const saidSo = new Set(spans.filter((span) => !span.bareInitials).map((span) => `${span.start}:${span.end}`));
    for (const span of spans) if (span.bareInitials && saidSo.has(`${span.start}:${span.end}`)) span.bareInitials = false;
    for (let span of spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (taken.overlaps(span)) continue;
      // A thing's name holds no body's either: its words are taken, so no shorter piece of it is read as one ("Orange British Academy Film Awards").
      if (runsOnIntoThing(text, span.end)) {
        taken.take(span);
        continue;
      }
      let name = cleanOrganisation(text.slice(span.start, span.end));
      // "Inc", "Ltd" alone: the end of a company's name written before them ("Asset Management, Inc."), not a name.
      if (!name || PLACE_END.test(name) || THING_END.test(name) || personNames.has(name) || CORPORATE_SUFFIX.test(name)) continue;
      if (runsOnIntoWork(text, span.end) && !name.split(/\s+/u).some((word) => HEAD.test(word)) && knownBodies(name).length === 0 && !/^[\p{Lu}\p{N}&]+$/u.test(name)) {
        taken.take(span);
        continue;
      }
      // "told The EastAfrican": a "The" in capitals inside a sentence is the name's own.
      const the = /(?<![.!?:"“]\s*)(?<=\S\s+)The\s+$/u.exec(text.slice(Math.max(0, span.start - 12), span.start));
      if (the && !name.includes(' ') && /^\p{Lu}/u.test(name) && text.slice(span.start, span.end).startsWith(name)) name = `The ${name}`;
      // "Google Chrome": the company, not its product.
      const company = companyOfProduct(name, (word) => HEAD.test(word), text.slice(Math.max(0, span.start - 30), span.start));
      if (company) {
        const at = span.start + text.slice(span.start, span.end).indexOf(name);
        span = { start: at, end: at + company.length };
        name = company;
      }
      taken.take(span);
      // "the "Abstentions Party"": a name in quotation marks may be a coinage, which the dossier lists only if it is also written plainly.
      const quoted = /["“‘']$/u.test(text.slice(0, span.start)) && /^["”’']/u.test(text.slice(span.end));
      kept.push({ ...span, sure: !span.taggerOnly, hit: { name, paragraph: paragraph.number, ...(span.bareInitials ? { bareInitials: true } : {}), ...(quoted ? { quoted: true } : {}) } });
    }
    // Initials spelt out in brackets after them are that body's: "CEI (Italian Episcopal Conference)".
    for (const spelt of speltOut) {
      const initials = kept.find((other) => other.start === spelt.initialsStart && other.hit.name === spelt.initials);
      const body = kept.find((other) => other.start === spelt.start && other.end === spelt.end);
      if (initials && body && body.hit.name.includes(' ')) {
        initials.hit.initialsOf = body.hit.name;
        delete initials.hit.bareInitials;
      }
    }
    // Initials in brackets straight after a body's name are that body's, whatever order their letters come in.
    for (const initials of kept) {
      if (!/^[\p{Lu}\p{N}&]{2,8}$/u.test(initials.hit.name) || text[initials.start - 1] !== '(' || text[initials.end] !== ')') continue;
      const body = kept.find((other) => other !== initials && /^[\s,]*\($/u.test(text.slice(other.end, initials.start)) && other.end < initials.start);
      if (body && body.hit.name.includes(' ')) {
        initials.hit.initialsOf = body.hit.name;
        delete initials.hit.bareInitials;
      }
    }
    // The other items of a list of bodies: "The Ontario Ghostbusters, Doctor Who Society of Canada, and Klingon Assault Group".
    kept.sort((a, b) => a.start - b.start);
    // Only lists whose bodies the words say are bodies: the tagger's reading of film titles makes no list of bodies.
    for (const item of listSiblings(text, kept.filter((body) => body.sure && !body.hit.bareInitials))) {
      const name = cleanOrganisation(text.slice(item.start, item.end));
      const tags = name ? lexiconTags(name) : [];
      // Not a place, a person, a word the lexicon knows as another thing ("Immortals"), nor a sentence's first word.
      if (!name || taken.overlaps(item) || isPlace(name) || (!name.includes(' ') && tags.length > 0 && !tags.includes('Organization')) || personWords.has(name)) continue;
      if (capitalSaysNothing(text, item.start)) continue;
      taken.take(item);
      kept.push({ ...item, hit: { name, paragraph: paragraph.number } });
    }
    for (const { hit } of kept.sort((a, b) => a.start - b.start)) hits.push(hit);
  }
  return hits;
}

/** Words that say they name a body: a head word in them ("University of Texas Arlington", "Refugee Council"). */
export function namesABody(words: string): boolean {
  return words.split(/\s+/u).length >= 2 && words.split(/\s+/u).some((word) => HEAD.test(word));
}

/**
 * A body's name the tagger ran on into the person's after it ("University of
 * Texas Arlington Amneh Jafari"): the body's name ends where the person's starts.
 */
function withoutPersonAtEnd(body: TaggedName, text: string, person: { start: number; end: number } | undefined): TaggedName {
  if (!person || person.start <= body.start || !namesABody(text.slice(body.start, person.start).trim())) return body;
  const end = body.start + text.slice(body.start, person.start).trimEnd().length;
  const kept = text.slice(body.start, end);
  return { ...body, end, text: kept, words: kept.split(/\s+/u) };
}

/** A word for a kind of body, then its name: "law firm Sidley Austin", "the band Pearl Jam", "the news agency Saba". */
const AFTER_BODY_NOUN = new RegExp(`(?:${BODY_NOUNS})\\s+((?:\\p{Lu}[\\p{L}\\p{N}'’.-]+)(?:(?:\\s+|\\s*&\\s*)(?:\\p{Lu}[\\p{L}'’.-]*|\\d+)){0,3})`, 'gu');

/** A name between "the" or "its" and a word for a kind of body: "the Kaufland chain", "its Netto chain". */
const BEFORE_BODY_NOUN = /(?<![\p{L}-])(?:the|its|their)\s+((?:\p{Lu}[\p{L}\p{N}'’&-]*)(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*){0,2})\s+(?:chain|band|supergroup|newspaper|daily|network|broadcaster|retailer|brand)(?![\p{L}-])/gu;

/** Last words of places and buildings named as such, not bodies: "Fisht Stadium", "Shandao Station", "Hong Kong Island". */
const PLACE_END = /\s(?:Station|Stadium|Airport|Bridge|Tower|Towers|Island|Islands|Park|Square|Street|Road|Avenue|Cave|Mountain|River|Lake|Base|Plains|Valley|Hills|Mountains|Desert|Coast|Beach|Bay)$/u;
/** Last words of laws, prizes and events, which are not bodies: "Clean Air Act", "Google Science Fair", "Davis Cup". */
const THING_END = /\s(?:Act|Bill|Law|Treaty|Accord|Accords|Agreement|Award|Awards|Prize|Cup|Championship|Championships|Games|Olympics|Festival|Fair|Marathon|Expo|Summit|Week|Day|Study|Survey)$/u;

/** The words that say a company is one, alone. */
const CORPORATE_SUFFIX = /^(?:Inc|Ltd|plc|Plc|Corp|LLC|LLP|GmbH|Co|Kft|AG|SA)\.?$/u;

/** A party's adjective before a chamber's name: "Republican Senate", "Democratic House of Representatives". */
const PARTY_BEFORE_CHAMBER = /^(?:Republican|Democratic|Democrat|Labour|Conservative|Tory|Liberal|Socialist)(?:-(?:controlled|led|run))?\s+(?=(?:Senate|House|Congress|Parliament|Assembly|Legislature|Council)\b)/u;

/** Days and months before a name: "Friday Ford Motor Company". */
const DATE_BEFORE = /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\s+)+(?=\p{Lu})/u;
/** A name and a country after "of": "ABC of Australia", "Colorado State University of the US". */
const COUNTRY_AFTER = /^(.+?)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)$/u;
/** "Office of the Prime Minister", "Ministry for the Environment": a body named after an office. */
const OFFICE_OF = new RegExp(`^(?:\\p{Lu}[\\p{L}'’&-]*\\s+)?(?:${ORGANISATION_WORDS})\\s+(?:of|for)\\s+the\\s`, 'u');
/** Offices that end a capitalised run when it names a post, not a body ("Democratic Speaker", "Ottawa New Democrat MP"). */
const OFFICES = new Set(
  `Leader Speaker Spokesperson Spokesman Spokeswoman MP MEP MSP MLA Sheriff Secretary Minister President Chairman Chairwoman
  Chair Director Governor Mayor Senator Commissioner Chief Editor Correspondent Reporter Manager Coach Captain Ambassador Envoy
  Officer Candidate Whip Deputy Premier Counsel Attorney Prosecutor Inspector Superintendent Constable Sergeant Commander`.split(/\s+/),
);

/**
 * `the Jewish Chronicle,` → `Jewish Chronicle`; lower-case runs ("Jewish
 * community") are not names; a sentence's first word is not part of one
 * ("At Ballot Access News", "For Libertarian Party").
 */
function cleanOrganisation(raw: string): string | undefined {
  let name = raw
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')
    // "Polaroids of": a name ends in a name's word, not in "of" or "and".
    .replace(/(?:\s+(?:of|for|and|the|de|du|&))+$/u, '')
    // A possessive ends the name ("the BBC's"); inside one it is the name's own ("St. Mary's Hospital").
    .replace(/[’']s$/u, '')
    .trim();
  for (let first = /^(\p{Lu}\p{Ll}*)\s+/u.exec(name); first && SENTENCE_OPENERS.has(first[1]!.toLowerCase()); first = /^(\p{Lu}\p{Ll}*)\s+/u.exec(name)) {
    name = name.slice(first[0].length);
  }
  // "Edinburgh South", "Glasgow Central": a constituency, a place.
  const compass = /^(.+?)\s+(?:North|South|East|West|Central|North East|North West|South East|South West)$/u.exec(name);
  if (compass && isPlace(compass[1]!)) return undefined;
  // "Israel for Bayern Munich": a place before "for" is where someone plays or works, not a body's name.
  const beforeFor = /^(.+?)\s+for\s/u.exec(name)?.[1];
  if (beforeFor && isPlace(beforeFor)) return undefined;
  // "Republican Senate", "Democratic House": the party that holds a chamber, not another body.
  name = name.replace(PARTY_BEFORE_CHAMBER, '');
  // "Friday Ford Motor Company": a day or a month before a body's name is when, not part of it.
  // Not where the rest is one word: the "Sunday Telegraph" is a paper.
  const undated = name.replace(DATE_BEFORE, '');
  if (undated.includes(' ') && !HEAD_START.test(undated)) name = undated;
  // "ABC of Australia", "University of Sheffield of the UK": a country after a body already named says where it is.
  const where = COUNTRY_AFTER.exec(name);
  if (where && (/^(?:U\.?S\.?A?|U\.?K\.?)$/u.test(where[2]!) || hasAnyTag(lexiconTags(where[2]!), ['Country', 'Place', 'Region']))) {
    const acronym = /^[\p{Lu}\p{N}&]{2,}$/u.test(where[1]!);
    if (acronym || /\s(?:of|for)\s/u.test(where[1]!) || /^[A-Z]{2,3}$/.test(where[2]!)) name = where[1]!;
    // "Abderrahman Samba of Qatar": without a word that makes a body, someone or something from a country.
    else if (!where[1]!.split(/\s+/).some((word) => HEAD.test(word))) return undefined;
  }
  let words = name.split(/\s+/);
  // "Senate Majority Leader", "Democratic Speaker", "LA Sheriff": a title of office, not a body; a body's name before it stays ("Church of Scotland Minister").
  // "Office of the Deputy Prime Minister" is a body whose name says whose office it is.
  const office = (list: string[]) => OFFICES.has(list.at(-1)!) || list.slice(-2).join(' ') === 'Chief Executive';
  if (words.length > 1 && office(words) && !OFFICE_OF.test(name)) {
    while (words.length && office(words)) words.splice(words.slice(-2).join(' ') === 'Chief Executive' ? -2 : -1);
    const body = words.join(' ');
    if (!HEAD_WORD.test(body) && !/^(?:\p{Lu}[\p{L}'’&-]*\s+)*?(?:\p{Lu}[\p{L}'’&-]*)\s+of\s+/u.test(body)) return undefined;
    name = body;
    words = name.split(/\s+/);
  }
  // "U.S. The President": a sentence ran into the next.
  if (words.slice(1).some((word) => SENTENCE_OPENERS.has(word.toLowerCase()) && /^\p{Lu}/u.test(word))) return undefined;
  // "Democratic party": a party's name as the copy writes it.
  const partyWord = (word: string, index: number) => word === 'party' && index === words.length - 1 && index > 0;
  if (!name || !words.every((word, index) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(?:of|and|for|the|de|du|des|di|del|della|dei|degli|da|do|dos|das|der|für|et|y|e|und|van|voor|en|la|le|les|los|las)$/.test(word) || /^[dl][’']\p{Lu}/u.test(word) || partyWord(word, index))) return undefined;
  return name;
}

