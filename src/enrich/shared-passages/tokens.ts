// Words as the shared-passage finder compares them: case, quote style,
// punctuation and a few spelling variants ("toward"/"towards") do not count.

export interface Tokens {
  /** Normalised words. */
  words: string[];
  /** Character offsets of each word in the paragraph text. */
  starts: number[];
  ends: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Spellings that differ between papers but not in meaning. */
const VARIANTS: Record<string, string> = {
  towards: 'toward',
  afterwards: 'afterward',
  upwards: 'upward',
  downwards: 'downward',
  forwards: 'forward',
  backwards: 'backward',
  amongst: 'among',
  whilst: 'while',
  amidst: 'amid',
};

export function tokenise(text: string): Tokens {
  const tokens: Tokens = { words: [], starts: [], ends: [] };
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/’/g, "'");
    tokens.words.push(VARIANTS[word] ?? word);
    tokens.starts.push(match.index);
    tokens.ends.push(match.index + match[0].length);
  }
  return tokens;
}

/** Words too common to make two passages the same passage. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers herself
  him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
  other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
  there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves said says say told tell one two new it's he's she's they're we're
  i'm don't doesn't didn't won't wouldn't can't isn't wasn't there's that's mr mrs ms us also per via`.split(/\s+/),
);
