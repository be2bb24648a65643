// Where the call of a shared passage's note goes: at the end of the clause
// the passage ends in, after its punctuation and closing quotation marks,
// never inside a phrase or a word.
import { describe, expect, it } from 'vitest';
import { callOffset } from '../../src/enrich/shared-passages/notes.js';

/** The text with the call marked where callOffset puts it, for a passage ending after `upTo`. */
function called(text: string, upTo: string): string {
  const at = callOffset(text, text.indexOf(upTo) + upTo.length);
  return `${text.slice(0, at)}¹${text.slice(at)}`;
}

describe('callOffset', () => {
  it.each([
    ['He renewed his pledge to stand down before the election, aides said.', 'his pledge to', 'He renewed his pledge to stand down before the election,¹ aides said.'],
    ['She directly denied Mr Brown had asked her.', 'directly denied', 'She directly denied Mr Brown had asked her.¹'],
    ['“It is unremittingly New Labour,” he said.', 'unremittingly New', '“It is unremittingly New Labour,”¹ he said.'],
    ['He called it "a betrayal" of the party.', 'a betrayal', 'He called it "a betrayal"¹ of the party.'],
    ['The party’s leader spoke of Labour’s future today', 'party', 'The party’s leader spoke of Labour’s future today¹'],
    ['It ended (as expected) in a vote.', 'as expected', 'It ended (as expected)¹ in a vote.'],
    ['It ended here. Then more.', 'It ended here.', 'It ended here.¹ Then more.'],
  ])('%s', (text, upTo, expected) => {
    expect(called(text, upTo)).toBe(expected);
  });
});
