// The names tagger (src/enrich/tagger/): its numeric scoring gives the labels
// the feature strings it was trained with give, and it finds names of kinds
// the first-name lexicon does not know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelWords, stringScorer, tagNames } from '../../src/enrich/tagger/index.js';
import type { TaggerModel } from '../../src/enrich/tagger/model.js';
import { sentences, tokenize } from '../../src/enrich/tagger/tokens.js';

const TEXT =
  'Rebel leader Laurent Kabila said the United Nations would meet him in Kinshasa. ' +
  '"We are ready," Japan\'s vice-minister Eisuke Sakakibara told Reuters on Monday, as striker Paolo Di Canio left the U.S. ' +
  'THE HEADLINE OF A PAGE IN CAPITALS. Mr. O\'Neill\'s side lost to Arsenal.';

describe('the names tagger', () => {
  it('splits words as the treebanks it learnt from do', () => {
    expect(tokenize("Mr. O'Neill's side left the U.S. yesterday.").map((token) => token.text)).toEqual([
      'Mr.', "O'Neill", "'s", 'side', 'left', 'the', 'U.S.', 'yesterday', '.',
    ]);
  });

  it('labels every sentence alike whether it scores by feature strings or by the indexed model', () => {
    const model = JSON.parse(readFileSync(new URL('../../data/names-tagger.json', import.meta.url), 'utf8')) as TaggerModel;
    const byString = stringScorer(new Map(Object.entries(model.weights)));
    const tokens = tokenize(TEXT);
    for (const range of sentences(tokens)) {
      const words = tokens.slice(range.start, range.end).map((token) => token.text);
      expect(labelWords(words)).toEqual(labelWords(words, byString));
    }
  });

  it('finds people and bodies whose first names no lexicon lists', () => {
    const names = tagNames(TEXT).map((name) => `${name.type} ${name.text}`);
    expect(names).toEqual(expect.arrayContaining(['PER Laurent Kabila', 'PER Paolo Di Canio', 'ORG United Nations', 'ORG Reuters', 'LOC Kinshasa']));
  });
});
