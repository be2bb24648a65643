// An article's language and writing direction: read from what the file
// states, else guessed from its script where the script says it clearly.
// Readers, normalisation and the writers all ask here.

export type Direction = 'ltr' | 'rtl';

/** A BCP 47 tag in its canonical form (`pt_br` → `pt-BR`), or undefined when it is none. */
export function languageTag(value: string | null | undefined): string | undefined {
  const text = value?.trim().replace(/_/g, '-').split(/[,;\s]/)[0];
  if (!text) return undefined;
  try {
    const tag = Intl.getCanonicalLocales(text)[0];
    // "und", "x-…" and the like say nothing about the language.
    return tag && /^[a-z]{2,3}(?:-|$)/.test(tag) && !tag.startsWith('und') ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** `ltr` or `rtl` as an HTML `dir` states it; `auto` and anything else say nothing. */
export function directionValue(value: string | null | undefined): Direction | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'rtl' || text === 'ltr' ? text : undefined;
}

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb', 'syr', 'ku-Arab']);

/** The direction a language is written in: from its script subtag when it has one (`az-Arab`), else the language. */
export function directionOf(language: string): Direction {
  try {
    const locale = new Intl.Locale(language).maximize();
    if (locale.script) return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(locale.script) ? 'rtl' : 'ltr';
    return RTL.has(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Letters only Urdu writes (ٹ ڈ ڑ ں ے ھ ہ), and letters Persian and Urdu write but Arabic does not (پ چ ژ گ ک ی). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1]/u;
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;

/** Urdu, Persian or Arabic, by the letters each alphabet adds: a page of Persian or Urdu is not marked as Arabic. */
function arabicScriptLanguage(letters: string[]): string {
  const share = (pattern: RegExp) => letters.filter((letter) => pattern.test(letter)).length / letters.length;
  if (share(URDU_LETTERS) >= 0.01) return 'ur';
  if (share(PERSIAN_LETTERS) >= 0.02) return 'fa';
  return 'ar';
}

/** Letters looked at: enough to know the script, few enough to cost nothing on a long article. */
const SAMPLE = 4000;
/** Share of the letters a script must have before the text is taken to be in its language. */
const CLEAR = 0.6;

/**
 * The language when the script alone says it: kana (with or without kanji)
 * is Japanese, Hangul Korean, Han alone Chinese, Arabic script Arabic (or Persian or Urdu, by their letters),
 * Hebrew Hebrew, Greek Greek, Thai Thai. Latin or Cyrillic script is shared by many languages: undefined.
 */
export function languageFromScript(text: string): string | undefined {
  const letters = text.slice(0, SAMPLE).match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return undefined;
  const share = (pattern: RegExp) => letters.filter((letter) => pattern.test(letter)).length / letters.length;
  const kana = share(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  const han = share(/\p{Script=Han}/u);
  if (kana + han >= CLEAR && kana >= 0.1) return 'ja';
  if (share(/\p{Script=Hangul}/u) >= CLEAR) return 'ko';
  if (han >= CLEAR) return 'zh';
  if (share(/\p{Script=Arabic}/u) >= CLEAR) return arabicScriptLanguage(letters);
  if (share(/\p{Script=Hebrew}/u) >= CLEAR) return 'he';
  if (share(/\p{Script=Greek}/u) >= CLEAR) return 'el';
  if (share(/\p{Script=Thai}/u) >= CLEAR) return 'th';
  return undefined;
}
