// Where the call of a shared passage's note goes: at the end of the clause
// the passage ends in, after its punctuation and closing quotation marks,
// never inside a phrase or a word.
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import remarkPassageNotes, { callOffset, NOTE_ARTICLES, type PlacedPassage } from '../../src/enrich/shared-passages/notes.js';

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
    ['He felt he had lost voters’ trust over the war.', 'lost voters’', 'He felt he had lost voters’ trust over the war.¹'],
    ["He felt he had lost voters' trust over the war.", "lost voters'", "He felt he had lost voters' trust over the war.¹"],
    ['He called it ‘a betrayal’ of the party.', 'a betrayal', 'He called it ‘a betrayal’¹ of the party.'],
    ['It was ‘a betrayal’, he said, and it lost voters’ trust for good.', 'lost voters’', 'It was ‘a betrayal’, he said, and it lost voters’ trust for good.¹'],
  ])('%s', (text, upTo, expected) => {
    expect(called(text, upTo)).toBe(expected);
  });
});

describe('remarkPassageNotes', () => {
  const text = 'The harbour master said the new pier would open to fishing boats before the end of the summer season.';
  const tree = (): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
  const passage = (id: string, start: number, end: number, articles: string[]): PlacedPassage => ({
    id,
    text: text.slice(start, end),
    occurrences: ['here', ...articles].map((article) => ({ article, paragraph: 1 })),
    starts: ['here', ...articles].map(() => start),
    ends: ['here', ...articles].map(() => end),
  });
  const notes = (passages: PlacedPassage[], titles = new Map<string, string>()) => {
    const result = unified().use(remarkPassageNotes, { articleId: 'here', sharedPassages: passages, titles }).runSync(tree()) as Root;
    return {
      calls: result.children.flatMap((node) => (node.type === 'paragraph' ? node.children.filter((child) => child.type === 'footnoteReference') : [])),
      definitions: result.children.filter((node) => node.type === 'footnoteDefinition').map((node) => toString(node)),
    };
  };

  it('gives passages that overlap in a paragraph one note, naming every other article once', () => {
    const found = notes([passage('passage-1', 0, 60, ['a', 'b']), passage('passage-2', 24, text.length, ['b', 'c'])], new Map([['a', 'A'], ['b', 'B'], ['c', 'C']]));
    expect(found.calls).toHaveLength(1);
    expect(found.definitions).toEqual(['Also in: A, B, C.']);
  });

  it('names a few articles and counts the rest when many share a passage', () => {
    const others = Array.from({ length: NOTE_ARTICLES + 4 }, (_, index) => `a${index}`);
    const found = notes([passage('passage-1', 0, text.length, others)]);
    expect(found.definitions).toEqual([`Also in ${others.length} other articles, among them: ${others.slice(0, NOTE_ARTICLES).join(', ')} and 4 more.`]);
  });
});
