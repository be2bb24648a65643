// What is and is not part of a person's name in newspaper copy.
import { lexiconTags } from './lexicon.js';
import { FUNCTION_WORD_TAGS, PLACE_TAGS } from './tags.js';

/** Courtesy titles: never part of the name, never a role. */
export const HONORIFICS = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron', 'Prof', 'Professor', 'Hon', 'Rt',
  'Sheikh', 'Sheik', 'Ayatollah', 'Mullah', 'Sayyid', 'Haji',
]);

/** Titles that also say what the person is: not part of the name, but a role. */
export const FUNCTION_TITLES = new Set([
  'Rabbi', 'Imam', 'Father', 'Rev', 'Reverend', 'Bishop', 'Archbishop', 'Cardinal', 'Cllr', 'Councillor',
  'President', 'Chancellor', 'Senator', 'Judge', 'Justice', 'Captain', 'Capt', 'General', 'Gen', 'Colonel', 'Col', 'Sgt',
  'Sergeant', 'Inspector', 'Det', 'Detective', 'Pope', 'King', 'Queen', 'Prince', 'Princess',
]);

/** Letters after a name. */
const SUFFIXES = new Set(['MP', 'MEP', 'MSP', 'AM', 'QC', 'KC', 'OBE', 'MBE', 'CBE', 'Jr', 'Sr', 'Jnr', 'Snr']);

/** Every title, for finding "Mr Brown" and "Rabbi Danny Rich". */
export const TITLES = new Set([...HONORIFICS, ...FUNCTION_TITLES]);
/** Titles that may be written with a stop ("Mr.", "Gen."); after others a stop ends the sentence. */
export const ABBREVIATED_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Rev', 'Gen', 'Col', 'Capt', 'Sgt', 'Det', 'Cllr', 'Hon', 'Rt', 'St']);
/** Titles that say the person is a woman, or a man: "Mrs Howard" is not Michael Howard. */
export const WOMEN_TITLES = new Set(['Mrs', 'Ms', 'Miss', 'Lady', 'Dame', 'Baroness', 'Princess', 'Queen']);
export const MEN_TITLES = new Set(['Mr', 'Sir', 'Lord', 'Baron', 'Prince', 'King', 'Father']);

/** Lower-case particles inside names: Yusuf al-Qaradawi, Ursula von der Leyen, Charles de Gaulle, Filipino "dela" and "delos", Portuguese "das", Italian "dei" and "degli". */
export const PARTICLES = 'al|el|bin|ibn|bint|de|del|della|dela|delos|dei|degli|der|den|di|da|du|dos|das|van|von|la|le|ter|ten';
const PARTICLE = new RegExp(`^(?:${PARTICLES})(?:[-‑\\s]|$)|^d['’]\\p{Lu}`, 'u');

/** Words that make a capitalised run an organisation or a place, not a person. */
const NOT_A_PERSON = new Set(
  `House Street Road Lane Avenue Square Place Park Bridge Hall Centre Center Court Station Airport Hospital School College
  University Institute Church Mosque Synagogue Chronicle Post Times Telegraph Guardian Herald Mail Express Mirror Sun Observer
  Independent News Journal Gazette Review Magazine Party Council Forum Committee Office Ministry Department Commission
  Association Union Brotherhood Foundation Trust Board Society Agency Bank Group Company Corporation Ltd Plc Inc Club United
  City County Borough Government Parliament Assembly Senate Congress Cabinet Treasury Labour Conservative Conservatives Tory
  Tories Democrats Republicans Republican Democrat Liberal Greens Jewish Muslim Christian Israeli British English
  Scottish Welsh Irish American European Arab Islamic Zionist Today Programme BBC ITV Sky Reuters
  Plan Act Bill Report Fund Scheme Strategy Policy Treaty Agreement Summit Prize Award Cup Games War PhD Lib Dem Dems
  Christmas Easter Premiership Championship Olympics Police Army Navy Museum Stadium Mosque Temple Cathedral Memorial Island Islands
  Image Photo Advisory Planetarium Factory Aviation Gallery Theatre Theater Arena Hotel Library Foundation Prison Athletic Rovers Wanderers Albion Harriers
  Holdings Capital Partners Ventures Industries Enterprises Associates Motors Airlines Airways Studios Pictures Records Federation League Alliance
  Network Authority Corp LLC LLP GmbH Organisation Organization Orchestra Ensemble Choir Quartet Quintet Chamber Confederation Movement
  Service Radio Television Administration Bureau Brigade Municipality`.split(/\s+/),
);

/** A word that makes a capitalised run a body's, a place's or a thing's ("Memorial", "Hall", "Party"). */
export function isNotPersonWord(word: string): boolean {
  return NOT_A_PERSON.has(word.replace(/[’']s$/u, ''));
}

/** Initials written together that are a place's or a body's, not a person's. */
const PLACE_INITIALS = new Set('U.S. U.K. U.N. E.U. D.C. L.A. N.Y. N.Z. U.A.E. U.S.A. U.S.S.R. P.R.C.'.split(' '));

/** Capitalised at a sentence start, these are never part of a name. */
const FUNCTION_WORDS = new Set(
  `a an and or but the this that these those his her its our their my your it he she they we you i if as at in on of to for
  with by from no not all there earlier later meanwhile however yet still also now then today yesterday tomorrow most many`.split(/\s+/),
);

/** First names that are also everyday words, too risky to count when they stand alone. */
export const AMBIGUOUS_FIRST_NAMES = new Set(
  `Will Mark May Bill Rose Grace Hope Joy Faith Dawn Summer June April August Art Frank Guy Jack Pat Rob Sue Victor Wade Ray
  Gene Jean Glen Dale Rich Sandy Rusty Chase Drew Dick Earl Lance Miles Pearl Ruby Sky Sterling Warren`.split(/\s+/),
);

export interface CleanName {
  /** The name without titles, suffixes, possessive or punctuation. */
  name: string;
  /** The titles in front of it, as written. */
  titles: string[];
}

/** `"Sheik Yusuf al-Qaradawi’s` → `{ name: 'Yusuf al-Qaradawi', titles: ['Sheik'] }`; undefined when no name is left. */
/**
 * `said`: what the text has said of an everyday word in the name, which is then
 * kept: `surname`, the last word after a first name ("illustrator Johnnie
 * Christmas", "James To of the Democratic Party"); `family-name`, the first word
 * before a romanised given name ("Park Joo-ho").
 */
export function cleanName(raw: string, said?: 'surname' | 'family-name'): CleanName | undefined {
  const words = raw
    .replace(/[’']s\b|[’']$/gu, '')
    .replace(/[^\p{L}\p{N}\s.'’-]/gu, ' ')
    .split(/\s+/)
    // An initial keeps its stop ("Robert F. Kennedy"); other words lose the marks around them.
    .map((word) => (/^(?:\p{Lu}\.)+$/u.test(word) ? word : word.replace(/^[.'’-]+|[.'’-]+$/gu, '')))
    .filter(Boolean);
  const titles: string[] = [];
  while (words.length && (HONORIFICS.has(words[0]!) || FUNCTION_TITLES.has(words[0]!))) titles.push(words.shift()!);
  while (words.length && SUFFIXES.has(words.at(-1)!)) words.pop();
  if (words.length === 0) return undefined;
  if (!words.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && PARTICLE.test(word)))) return undefined;
  // A first name that is also such a word starts a name all the same: "Bill Weld", not the "Education Bill".
  const firstNameAtStart = (word: string, index: number) => index === 0 && words.length > 1 && (isFirstName(word) || AMBIGUOUS_FIRST_NAMES.has(word));
  const surnameSaid = (index: number) =>
    (said === 'surname' && index === 1 && words.length === 2 && isFirstName(words[0]!)) || (said === 'family-name' && index === 0 && words.length > 1);
  if (words.some((word, index) => !surnameSaid(index) && ((NOT_A_PERSON.has(word) && !firstNameAtStart(word, index)) || FUNCTION_WORDS.has(word.toLowerCase())))) return undefined;
  if (words.length > 4) return undefined;
  // A surname is never a lone initial ("Cell Block H", "Mr P").
  if (/^\p{Lu}\.?$/u.test(words.at(-1)!)) return undefined;
  return { name: words.join(' '), titles };
}

/** Whether `index` starts a sentence (or a quotation), where a capital says nothing of a name. */
export function startsSentence(text: string, index: number): boolean {
  return /(?:^|[.!?]["'”’]?\s+|["“]\s*)$/u.test(text.slice(Math.max(0, index - 4), index));
}

export function nameParts(name: string): { first: string; last: string; count: number } {
  const words = name.split(' ');
  return { first: words[0]!, last: words.at(-1)!, count: words.length };
}

/** A name form starts with a capital, or with a particle and a capital ("al-Qaradawi"). */
export function looksLikeName(form: string): boolean {
  const first = form[0] ?? '';
  if (first !== first.toLowerCase()) return true;
  return PARTICLE.test(form);
}

/** "von der Leyen", "al-Qaradawi", "d'Estaing": a surname that starts with a particle. */
export function startsWithParticle(word: string): boolean {
  return PARTICLE.test(word);
}

/** compromise tags that make a word something other than part of a person's name. */
const NOT_NAME_TAGS = [
  ...FUNCTION_WORD_TAGS, ...PLACE_TAGS, 'Adverb', 'There', 'Expression', 'QuestionWord',
  'Demonym', 'Month', 'WeekDay', 'Holiday', 'Date', 'Value', 'Copula', 'Modal', 'Auxiliary',
];

/**
 * Whether a capitalised word can be part of a person's name: not an acronym
 * ("US"), a lone letter without a stop, a place, a body, a nationality or a
 * function word — unless compromise knows it as a first or last name too.
 */
export function isNameWord(word: string): boolean {
  const bare = word.replace(/[’']s$|[’']$/u, '');
  // An initial, or initials written together ("F.", "K.C."), but not a place's or a body's ("U.S.").
  if (/^(?:\p{Lu}\.)+$/u.test(bare)) return bare.length === 2 || !PLACE_INITIALS.has(bare);
  if (startsWithParticle(bare)) return true;
  if (/[’'](?:d|ll|re|ve|m)$|n[’']t$/u.test(bare)) return false;
  if (/^[\p{Lu}\p{N}]{2,}$/u.test(bare) || /^\p{Lu}$/u.test(bare)) return false;
  if (NOT_A_PERSON.has(bare) || FUNCTION_WORDS.has(bare.toLowerCase())) return false;
  const tags = lexiconTags(bare);
  if (tags.includes('FirstName') || tags.includes('LastName')) return true;
  return !NOT_NAME_TAGS.some((tag) => tags.includes(tag));
}

export function isFirstName(word: string): boolean {
  return lexiconTags(word.replace(/[’']s$|\.$/u, '')).includes('FirstName');
}

/** compromise knows the word as a first name, a last name or a person. */
export function isKnownName(word: string): boolean {
  const tags = lexiconTags(word.replace(/[’']s$/u, ''));
  return tags.includes('FirstName') || tags.includes('LastName') || tags.includes('Person');
}

/** A known word that is not a name ("Live" in "Jimmy Kimmel Live"). */
export function isOrdinaryWord(word: string): boolean {
  const tags = lexiconTags(word.replace(/[’']s$/u, ''));
  return tags.length > 0 && !tags.includes('FirstName') && !tags.includes('LastName') && !tags.includes('Person');
}
