// What the words around a body's name say of it, for organisation-hits.ts:
// initials spelt out in brackets after them ("CEI (Italian Episcopal
// Conference)"), a company's name before its product's ("Google Chrome"), and
// a name that runs on into a thing's or a place's ("the National Iodine
// Nutrition Study", "NTU Hospital Station").
import { lexiconTags } from './people/lexicon.js';
import { isRoleNoun } from './people/roles.js';

/** Initials, then a name of two to eight capitalised words in brackets: "CEI (Italian Episcopal Conference)". */
const INITIALS_SPELT_OUT =
  /(?<![\p{L}\p{N}])([\p{Lu}][\p{Lu}\p{N}&]{1,7})\s+\(((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|for|and|on|the|de|di|del|della|des|du)\s+)*\p{Lu}[\p{L}'’-]*){1,7})\)/gu;

/** Last words of what initials also abbreviate that is no body: techniques, diseases, measures ("HSDPA (High Speed Downlink Packet Access)"). */
const NOT_A_BODY_END =
  /\s(?:Access|Protocol|Language|Interface|System|Systems|Technology|Format|Standard|Syndrome|Disease|Disorder|Virus|Index|Rate|Test|Scale|Unit|Method|Process|Model|Device|Code|Act|Treaty|Agreement|Programme|Program|Project|Plan|Scheme|Award|Prize)$/u;

/**
 * Whether what initials spell out names someone's title, not a body: it ends in a role of one person and says
 * of nothing whose it is ("MVP (Most Valuable Player)", "CEO (Chief Executive Officer)"; not "Office of the Secretary General").
 */
function namesATitle(words: string): boolean {
  const last = /(\p{L}+)$/u.exec(words)?.[1] ?? '';
  return !/\s(?:of|for)\s/u.test(words) && !/s$/u.test(last) && isRoleNoun(last.toLowerCase());
}

/** Where a paragraph spells out initials in brackets after them: the name's span, and the initials; `title` where they spell out a title, not a body's name. */
export function initialsSpeltOut(text: string): { start: number; end: number; initials: string; initialsStart: number; title?: true }[] {
  return [...text.matchAll(INITIALS_SPELT_OUT)].filter((match) => !NOT_A_BODY_END.test(match[2]!)).map((match) => {
    const start = match.index + match[0].lastIndexOf(`(${match[2]!}`) + 1;
    return { start, end: start + match[2]!.length, initials: match[1]!, initialsStart: match.index, ...(namesATitle(match[2]!) ? { title: true as const } : {}) };
  });
}

/** Words before a product's name: "released", "the new", "using". */
const PRODUCT_BEFORE = /(?:released|launched|unveiled|new|latest|using|uses|use|installed|download|downloaded|update|updated|rival)\s+(?:the\s+)?$/iu;

/**
 * "Google Chrome": a company the lexicon knows by one word, then words no
 * lexicon knows and no head of a body's name, is the company's product; the
 * body named is the company. Undefined when the name is no such thing.
 */
export function companyOfProduct(name: string, isHead: (word: string) => boolean, before: string): string | undefined {
  // Only where the text says a product is meant ("the recently released Google Chrome"): "Bayer Leverkusen" is a club.
  if (!PRODUCT_BEFORE.test(before)) return undefined;
  const words = name.split(/\s+/u);
  // Initials name a broadcaster or an agency, whose words after them name a part of it ("BBC Sport", "CNN International").
  if (words.length < 2 || words.length > 3 || /^[\p{Lu}\p{N}&]+$/u.test(words[0]!) || !lexiconTags(words[0]!).includes('Organization')) return undefined;
  if (words.slice(1).some((word) => isHead(word) || !/^\p{Lu}/u.test(word) || lexiconTags(word).length > 0)) return undefined;
  return words[0];
}

/** A capitalised word after a name that makes the whole a thing's or a place's: a study, a prize, a station. */
const THING_AFTER = /^\s+(?:Study|Survey|Programme|Program|Project|Prize|Award|Awards|Cup|Act|Station|Stadium|Airport|Building|Campus)(?![\p{L}-])/u;

export function runsOnIntoThing(text: string, end: number): boolean {
  return THING_AFTER.test(text.slice(end, end + 20));
}

/** The same in lower case ("the National Iodine Nutrition study"): only for a name that nothing else says is a body's. */
const WORK_AFTER = /^\s+(?:study|survey|programme|program|project)(?![\p{L}-])/u;

export function runsOnIntoWork(text: string, end: number): boolean {
  return WORK_AFTER.test(text.slice(end, end + 20));
}

/** A list's separator, then an item: a run of capitalised words, "of" joining them ("Doctor Who Society of Canada"). */
/** A word of an item: capitalised, or initials with stops; a stop after a word ends the sentence, not the word ("Williamson. Prosecutors"). */
const ITEM_WORD = "(?:(?:\\p{Lu}\\.)+|\\p{Lu}[\\p{L}\\p{N}'’&-]*)";
const NEXT_ITEM = new RegExp(`^(?:,\\s+(?:and\\s+)?|\\s+and\\s+)(?:[Tt]he\\s+)?(${ITEM_WORD}(?:\\s+(?:of\\s+(?:the\\s+)?)?${ITEM_WORD}){0,4})(?![\\p{L}\\p{N}.])`, 'u');
const PREVIOUS_ITEM = new RegExp(`(?:^|[^\\p{L}\\p{N}'’.&-])((?:[Tt]he\\s+)?${ITEM_WORD}(?:\\s+(?:of\\s+(?:the\\s+)?)?${ITEM_WORD}){0,4})(?:,\\s+(?:and\\s+)?|\\s+and\\s+)(?:[Tt]he\\s+)?$`, 'u');

/**
 * The other items of lists that name at least two bodies found already
 * ("groups included The Ontario Ghostbusters, Doctor Who Society of Canada, and
 * Klingon Assault Group"): a list holds things of one kind. `bodies` are the
 * spans found, in text order; the result, the items not among them.
 */
export function listSiblings(text: string, bodies: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  // Bodies by where they start, so each item is looked up, not compared with every body (a long paragraph has thousands).
  const endsAt = new Map(bodies.map((body) => [body.start, body.end]));
  const isBody = (start: number, end: number) => {
    // A found body may start a few characters earlier, with "the ".
    for (let at = start; at >= start - 4; at--) if ((endsAt.get(at) ?? -1) >= end) return true;
    return false;
  };
  const seen = new Set<number>();
  for (const body of bodies) {
    if (seen.has(body.start)) continue;
    // Walk the list both ways from this body.
    const items = [{ start: body.start, end: body.end }];
    // A list has commas ("A, B and C"); "A and B and C" may be one long name.
    let commas = 0;
    for (let end = body.end, next = NEXT_ITEM.exec(text.slice(end)); next; next = NEXT_ITEM.exec(text.slice(end))) {
      if (next[0].startsWith(',')) commas++;
      const start = end + next[0].length - next[1]!.length;
      end = start + next[1]!.length;
      items.push({ start, end });
    }
    for (let start = body.start, previous = PREVIOUS_ITEM.exec(text.slice(Math.max(0, start - 120), start)); previous; ) {
      const from = Math.max(0, start - 120) + previous.index + previous[0].indexOf(previous[1]!);
      const item = previous[1]!.replace(/^[Tt]he\s+/u, '');
      const at = from + previous[1]!.length - item.length;
      if (/,\s+(?:and\s+)?(?:[Tt]he\s+)?$/u.test(previous[0])) commas++;
      items.unshift({ start: at, end: at + item.length });
      start = at;
      previous = PREVIOUS_ITEM.exec(text.slice(Math.max(0, start - 120), start));
    }
    const known = items.filter((item) => isBody(item.start, item.end));
    for (const item of known) seen.add(item.start);
    if (items.length < 3 || known.length < 2 || commas === 0) continue;
    for (const item of items) if (!isBody(item.start, item.end)) found.push(item);
  }
  return found;
}

/** One word with capitals inside ("RealClearPolitics", "EastAfrican"), not a surname's prefix ("McDonald", "DiCaprio", "DeSantis"). */
const CAMEL_WORD = /(?<![\p{L}\p{N}'’.-])(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Del|Della|Fitz)\p{Lu})(\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+)(?![\p{L}\p{N}'’-])/gu;
/** Where an outlet or a service is named: "according to", "told", "on", "by" before it; "reported" after it. */
const SOURCE_BEFORE = /(?:according to|told|to|by|via|from)\s+(?:[Tt]he\s+)?$/u;
const SOURCE_AFTER = /^\s+(?:reported|reports|said|says|published|revealed|wrote|found|showed)\b/u;

/**
 * Brands written as one word with capitals inside, where the text cites them
 * as a source or a medium ("measured by RealClearPolitics", "told The
 * EastAfrican", "a post on MediumWorks"): such a word is a company's or an
 * outlet's, not a person's.
 */
export function brandsCited(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(CAMEL_WORD)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (SOURCE_BEFORE.test(before) || SOURCE_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 20))) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** A match's score: "1 – 0", "3-2"; not a span of years ("2010–2012"). */
const SCORE = /(?<![\p{N}.,:])\d{1,2}\s*[–—-]\s*\d{1,2}(?![\p{N}.,:%])/u;
/** A country's name of one or two capitalised words. */
const COUNTRY_WORDS = /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?![\p{L}'’-])/gu;
/** What a team does in a match report, after its name. */
const TEAM_VERB = /^(?:[’']s\s+\p{Ll}+\s+)?\s*(?:\d{1,2}\s*[–—-]\s*\d{1,2}|defeated|beat|beats|faced|faces|lost|drew|won|wins|led|trailed|scored|conceded|made a change|substituted|had (?:greater|higher|more) (?:ball )?possession)\b/u;

/**
 * National teams in a match report (`reportsMatches`): a country's name where
 * it plays ("Sweden defeated South Korea 1 – 0", "Group F — Sweden 1 – 0",
 * "Belgium made a change"). A team is a body; a country in a court's "5–4
 * ruling" is not one.
 */
export function teamsInMatchReports(text: string, reportsMatches: boolean): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const sentence of text.matchAll(/[^.!?]+[.!?]?/gu)) {
    if (!reportsMatches) break;
    const scored = SCORE.test(sentence[0]);
    for (const match of sentence[0].matchAll(COUNTRY_WORDS)) {
      if (!lexiconTags(match[0]).includes('Country')) continue;
      const after = sentence[0].slice(match.index + match[0].length);
      const before = sentence[0].slice(0, match.index);
      const plays = TEAM_VERB.test(after) || (scored && /(?:\d{1,2}\s*[–—-]\s*\d{1,2}|defeated|beat|to|against|faced)\s+$/u.test(before));
      if (plays) found.push({ start: sentence.index + match.index, end: sentence.index + match.index + match[0].length });
    }
  }
  return found;
}

/** Words of a match report: a court's "5–4 ruling" is no match. */
const SPORT_WORDS = /\b(?:match|matches|goal|goals|minute|penalty|tournament|league|innings|wickets|tries|half-time|halftime|semi-final|quarter-final|final whistle)\b/iu;

/** Whether an article reports matches: two scores or more in its text, and the words of a match. */
export function reportsMatches(paragraphs: readonly { text: string }[]): boolean {
  let scores = 0;
  let sport = false;
  for (const paragraph of paragraphs) {
    sport ||= SPORT_WORDS.test(paragraph.text);
    for (const _ of paragraph.text.matchAll(new RegExp(SCORE.source, 'gu'))) scores++;
    if (sport && scores >= 2) return true;
  }
  return false;
}

/** Nouns for kinds of body that an apposition after a name may end in: "Vyasna, an independent human rights center". */
const BODY_KINDS =
  'agency|firm|company|corporation|legislature|parliament|chamber|center|centre|charity|group|organisation|organization|party|militia|newspaper|daily|weekly|broadcaster|network|union|bank|retailer|chain|manufacturer|club|band|court|council|commission|institution|authority|ministry|university|publisher|watchdog|regulator|insurer|lender|airline|carrier|conglomerate|startup|nonprofit|non-profit|foundation|association|federation|movement|alliance|coalition|think tank';
/**
 * A name, then ", a/an/the" and up to four words that describe ("independent
 * Belarusian human rights", "Polish anti-monopoly", "upper") before a kind of
 * body, the apposition ending there: "UOKiK, the Polish anti-monopoly agency, has".
 */
const DESCRIBED_AS_BODY = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(\\p{Lu}[\\p{L}\\p{N}'’&.-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.-]*){0,3}),\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${BODY_KINDS})(?=\\s*[,.;:)]|\\s+(?:that|which|who|whose|in|of|based|founded|run|owned|led)\\b)`,
  'gu',
);

/** Where an apposition after a name says it is a body's ("Rajya Sabha, the upper legislature"): the name's span. */
export function bodiesDescribedAfter(text: string): { start: number; end: number }[] {
  if (!text.includes(',')) return [];
  return [...text.matchAll(DESCRIBED_AS_BODY)].flatMap((match) => {
    const name = match[1]!.replace(/[’']s$/u, '');
    // The words between the article and the kind describe: no verb or function word ("the group that", "a man of the party").
    const described = match[0].slice(match[1]!.length).replace(/^,\s+(?:a|an|the)\s+/u, '').split(/\s+/u).slice(0, -1);
    if (described.some((word) => /^(?:of|for|and|or|with|by|to|from|as|his|her|their|its|who|which|that)$/u.test(word))) return [];
    // A sentence's first word alone, when it is a word, says nothing of a body ("Meanwhile, the agency, which").
    if (!name.includes(' ') && /(?:^|[.!?]\s+)$/u.test(text.slice(0, match.index)) && lexiconTags(name).some((tag) => tag !== 'Organization' && tag !== 'ProperNoun')) return [];
    return [{ start: match.index, end: match.index + name.length }];
  });
}
