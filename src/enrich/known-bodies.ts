// Bodies a newspaper names with no word that says they are bodies: the
// companies, bands, parties and agencies compromise's lexicon knows ("Twitter",
// "Associated Press", "Al Jazeera"), and the institutions, news agencies and
// groups of news copy it lacks ("the Treasury", "the Senate", "Reuters").
import { entriesTagged, lexiconTags } from './people/lexicon.js';
import { startsSentence } from './people/names.js';

const INSTITUTIONS = `Senate|Congress|Parliament|Treasury|Pentagon|Kremlin|Knesset|Bundestag|Duma|Politburo|Interpol|Europol|Scotland Yard|Metropolitan Police|
House of Representatives|House of Commons|House of Lords|European Commission|European Parliament|United Nations|Security Council|World Bank|
Reuters|Xinhua|TASS|Interfax|Kyodo|Yonhap|Agence France-Presse|AFP|AP|UPI|PAP|ANSA|EFE|PTI|IANS|IRNA|KCNA|Bernama|Antara|Anadolu|
Bloomberg News|Press Association|Voice of America|Radio Free Europe|Al Jazeera|Unison|Amnesty International|Greenpeace|Oxfam|
Red Cross|Red Crescent|Hamas|Hezbollah|Taliban|Boko Haram|Al-Shabaab|YouTube|Instagram|TikTok|WhatsApp|Reddit|LinkedIn|Wikipedia|Wikinews`
  .split('|')
  .map((name) => name.trim());
const KNOWN = new Set(INSTITUTIONS);
const BODY_TAGS = ['Organization', 'Company', 'SportsTeam'];
let firstWords: Set<string> | undefined;

/** The first words of every known body, in lower case: a capitalised word that starts none is passed over at once. */
function startsABody(word: string): boolean {
  firstWords ??= new Set([...INSTITUTIONS.map((name) => name.toLowerCase()), ...entriesTagged(BODY_TAGS)].map((name) => name.split(' ')[0]!));
  return firstWords.has(word.toLowerCase());
}
const LONGEST = 4;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
/** Small words inside a body's name ("House of Commons", "Procter & Gamble"). */
const INNER = new Set(['of', 'for', 'the', 'and', '&']);

function isBody(phrase: string): boolean {
  if (KNOWN.has(phrase)) return true;
  const tags = lexiconTags(phrase);
  return BODY_TAGS.some((tag) => tags.includes(tag));
}

/**
 * The stretches of a paragraph that name a known body, longest first at each
 * word: written with capitals, and, for one word of the lexicon's, not at a
 * sentence's start, where a capital says nothing ("Medium" there may be the word).
 */
export function knownBodies(text: string): { start: number; end: number }[] {
  const words = [...text.matchAll(WORD)].map((match) => ({ text: match[0].replace(/[.’']+$/u, ''), start: match.index }));
  const found: { start: number; end: number }[] = [];
  for (let index = 0; index < words.length; index++) {
    const first = words[index]!;
    // "Jim Watson/AFP": a photo credit names the photographer's agency, not a body in the story.
    if (!/^\p{Lu}/u.test(first.text) || text[first.start - 1] === '/' || !startsABody(first.text)) continue;
    for (let length = Math.min(LONGEST, words.length - index); length >= 1; length--) {
      const last = words[index + length - 1]!;
      if (!/^[\p{Lu}\p{N}]/u.test(last.text)) continue;
      const inner = words.slice(index + 1, index + length - 1);
      if (!inner.every((word) => /^[\p{Lu}\p{N}]/u.test(word.text) || INNER.has(word.text))) continue;
      const end = last.start + last.text.length;
      const phrase = text.slice(first.start, end);
      if (/\s{2,}|[,;:()"“”]/u.test(phrase)) continue;
      if (length === 1 && startsSentence(text, first.start) && !KNOWN.has(phrase)) continue;
      if (!isBody(phrase)) continue;
      found.push({ start: first.start, end });
      index += length - 1;
      break;
    }
  }
  return found;
}
