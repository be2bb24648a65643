// File- and anchor-safe names made from headlines, in any script: the
// letters and digits of a Japanese, Greek or Arabic headline are kept, so
// `東京都が新たな計画` names its file instead of becoming `12---.md`.
import { slug } from 'github-slugger';
import { wordSpans } from './words.js';

const MAX_SLUG_WORDS = 6;
/**
 * Bounded in characters too: a one-word headline of 300 letters would make
 * a file name too long for the file system, and a long name inside a zip
 * overflows the EPUB's directory. The headline itself stays whole in the text.
 */
const MAX_SLUG_CHARACTERS = 60;
/**
 * And in bytes, which a Chinese letter takes three of: file systems bound
 * names (255 on most), and a PDF's named destinations, which ids become,
 * hold 127 (`article-NNNN-` and `-p99` go around the slug). A Latin slug's
 * 60 characters are 60 bytes.
 */
const MAX_SLUG_BYTES = 60;

/** Scripts written without spaces: their words are found by the segmenter and joined by hyphens like any others. */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Latin letters that do not decompose into a letter and an accent, spelled in ASCII as the slugs of Latin text are. */
const LATIN_SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th', ð: 'd', ı: 'i' };

/** `Ken Livingstone: what he really thinks` → `ken-livingstone-what-he-really-thinks`; `Αθήνα σήμερα` → `αθήνα-σήμερα`. */
export function slugify(text: string): string {
  // Accents go from Latin letters only (café → cafe, as the slugs always were); й or ή are letters of their own.
  const plain = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøłđþðı]/giu, (letter) => LATIN_SPELLED[letter.toLowerCase()] ?? letter);
  const short = slug(spacedWords(plain))
    .split('-')
    .map((part) => part.replace(/[^\p{L}\p{M}\p{N}]/gu, ''))
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS)
    .join('-');
  return bounded(short);
}

/** Puts a space between the words of unspaced scripts, so they split into words like spaced ones. */
function spacedWords(text: string): string {
  if (!NO_SPACES.test(text)) return text;
  let spaced = '';
  let end = 0;
  for (const { text: word, index } of wordSpans(text)) {
    if (!NO_SPACES.test(word)) continue;
    spaced += `${text.slice(end, index)} ${word} `;
    end = index + word.length;
  }
  return spaced + text.slice(end);
}

function bounded(slugText: string): string {
  let short = slugText.length <= MAX_SLUG_CHARACTERS ? slugText : cutAtWord(slugText, MAX_SLUG_CHARACTERS);
  while (Buffer.byteLength(short) > MAX_SLUG_BYTES) {
    const lastBreak = short.lastIndexOf('-');
    // Whole code points only: a cut inside a surrogate pair would not be text.
    short = lastBreak > 0 ? short.slice(0, lastBreak) : Array.from(short).slice(0, -1).join('');
  }
  return short;
}

/** The longest run of whole words that fits, or the first word cut short when even that is too long. */
function cutAtWord(slugText: string, limit: number): string {
  const cut = slugText.slice(0, limit + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : Array.from(slugText).slice(0, limit).join('');
}
