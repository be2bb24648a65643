// Words and punctuation of a paragraph, split the way Universal Dependencies'
// English treebanks split them (the tagger was trained on those): "Byron's" is
// "Byron" and "'s", "U.S." and "Dr." are one token, "O'Neill" and "Jean-Claude"
// are one, every other mark is a token of its own. Offsets are kept, so a span
// of tokens maps back to the text.

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations written with a stop that belongs to the word. */
const ABBREVIATIONS = 'Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Rev|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rt|Hon|Cllr|Det|Insp|Supt|Maj|Adm|Inc|Ltd|Corp|Co|No|Mt|Ft|vs|etc';
const TOKEN = new RegExp(
  [
    // Initials: "J.", "U.S.", "J.R.R."
    '\\p{Lu}\\.(?:\\p{Lu}\\.)*',
    `(?:${ABBREVIATIONS})\\.(?=\\s)`,
    // A possessive or a contraction's tail, as its own token.
    "['’](?:s|S|re|ve|ll|d|m)\\b",
    // A word: letters and digits, with inner hyphens, ampersands and apostrophes ("O'Neill", "AT&T").
    "[\\p{L}\\p{M}\\p{N}]+(?:[-‑&][\\p{L}\\p{M}\\p{N}]+|['’](?![sS]\\b|re\\b|ve\\b|ll\\b|d\\b|m\\b)[\\p{L}\\p{M}]+)*",
    '\\S',
  ].join('|'),
  'gu',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return tokens;
}

/** Sentences as ranges of tokens: a stop, a question or an exclamation mark ends one, and any closing quotation after it. */
export function sentences(tokens: readonly Token[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (let index = 0; index < tokens.length; index++) {
    const text = tokens[index]!.text;
    if (text !== '.' && text !== '!' && text !== '?') continue;
    let end = index + 1;
    while (end < tokens.length && /^["”’')\]]$/u.test(tokens[end]!.text)) end++;
    ranges.push({ start, end });
    start = end;
    index = end - 1;
  }
  if (start < tokens.length) ranges.push({ start, end: tokens.length });
  return ranges;
}
