// A passage quoted on its own opens every quotation it closes and closes
// every one it opens, in the marks of any language: extended in its
// paragraph to the mark that pairs with a stray one when that is near,
// else trimmed or closed.
import { describe, expect, it } from 'vitest';
import { balanceQuotes, MAX_EXTENSION_WORDS } from '../../src/enrich/balanced-quotes.js';

describe('balanceQuotes', () => {
  it('leaves balanced passages, apostrophes and possessives alone', () => {
    expect(balanceQuotes('He said: "We will not close it." The voters\' trust was lost.')).toBe('He said: "We will not close it." The voters\' trust was lost.');
    expect(balanceQuotes('The plan was “dead”, and the pair’s rift “deep”.')).toBe('The plan was “dead”, and the pair’s rift “deep”.');
  });

  it('extends a passage that ends on a closing mark back to its opening mark', () => {
    const paragraph = 'Mr Blair told MPs: "Nothing is going to get in the way of a unified party." Labour\'s Paul Flynn disagreed.';
    expect(balanceQuotes('Nothing is going to get in the way of a unified party."', paragraph)).toBe('"Nothing is going to get in the way of a unified party."');
  });

  it('extends a passage that opens a quotation on to its closing mark', () => {
    const paragraph = 'The mayor said: “We have done what we can. The rest is up to the government.” She then left.';
    expect(balanceQuotes('The mayor said: “We have done what we can.', paragraph)).toBe('The mayor said: “We have done what we can. The rest is up to the government.”');
  });

  it('trims a stray closing mark whose opening is too far back, or not in the paragraph', () => {
    const far = `She said: "${'and the council will keep going '.repeat(MAX_EXTENSION_WORDS / 5)}until the work is done."`;
    expect(balanceQuotes('until the work is done."', far)).toBe('until the work is done.');
    expect(balanceQuotes('or we have nothing,” she said.')).toBe('or we have nothing, she said.');
  });

  it('closes a quotation it cannot extend: after its stop, or after an ellipsis in mid-sentence', () => {
    expect(balanceQuotes('Mr Blair said: "I\'ve dealt with this. You don\'t do deals over jobs.')).toBe('Mr Blair said: "I\'ve dealt with this. You don\'t do deals over jobs."');
    expect(balanceQuotes('The minister said: “the plan would cost more than')).toBe('The minister said: “the plan would cost more than…”');
  });

  it('pairs the marks of German, French and Japanese', () => {
    const german = 'Die Bürgermeisterin sagte: „Wir bauen die Brücke im Sommer.“ Der Rat stimmte zu.';
    expect(balanceQuotes('Wir bauen die Brücke im Sommer.“', german)).toBe('„Wir bauen die Brücke im Sommer.“');
    const french = 'Le maire a déclaré : « Nous fermerons la route en mai. » Les riverains protestent.';
    expect(balanceQuotes('Nous fermerons la route en mai. »', french)).toBe('« Nous fermerons la route en mai. »');
    const japanese = '市長は「来年から運行を始める」と述べた。';
    expect(balanceQuotes('来年から運行を始める」と述べた。', japanese)).toBe('「来年から運行を始める」と述べた。');
  });
});
