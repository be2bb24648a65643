// A standfirst or picture caption under the headline: a short line that does
// not end like a sentence. Kept as its own element, never merged into the body.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Deck } from '../model.js';
import { plainLine, removeBlock } from './blocks.js';
import { countWords, endsLikeSentence } from './prose.js';

const MAX_DECK_WORDS = 40;
/** Words that point at a picture that was on the page. */
const CAPTION_HINT =
  /\((?:pictured|left|right|centre|center|above|below|top|bottom)\)|\bpictured\b|\b(?:picture|photo(?:graph)?|image)\s*:|\b(?:these|those) (?:men|women|people|two)\b|\b(?:this|that) (?:man|woman)\b|\bone of these\b/i;
/** A lede that lost its full stop still ends with its attribution: "…, police have said". */
const ENDS_WITH_ATTRIBUTION = /\b(?:said|says|say|reported|reports|announced|confirmed|told \w+|claimed|revealed)$/i;

export default function remarkDeck() {
  return (tree: Root, file: VFile) => {
    // The editor's standfirst: nothing in the text is taken for one.
    const corrected = file.data.override?.standfirst;
    if (corrected) {
      file.data.deck = deckOf(corrected);
      return;
    }
    const stated = file.data.stated?.standfirst;
    if (stated) {
      const lede = plainLine(tree.children[0]) ?? '';
      if (!lede.startsWith(stated.replace(/[.…]+$/u, ''))) file.data.deck = deckOf(stated);
      return;
    }
    if (!file.data.headline?.fromText) return;
    const next = tree.children[0];
    const line = plainLine(next);
    if (!next || line === undefined || tree.children.length < 2) return;
    // A line ending in a colon or comma leads into what follows: it is body text.
    if (countWords(line, MAX_DECK_WORDS) > MAX_DECK_WORDS || endsLikeSentence(line) || /[:,;]$/.test(line) || ENDS_WITH_ATTRIBUTION.test(line)) return;
    file.data.deck = deckOf(line);
    removeBlock(tree, next);
  };
}

export function deckOf(text: string): Deck {
  return { kind: CAPTION_HINT.test(text) ? 'caption' : 'standfirst', text };
}
