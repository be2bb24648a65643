// The role written before a name ("Tory co-chairman Liam Fox"): what stands
// before it and describes the person, and nothing of the sentence around it.
import { describe, expect, it } from 'vitest';
import { roleBefore } from '../../src/enrich/people/roles.js';

const role = (text: string, name: string) => roleBefore(text, text.indexOf(name), []);

describe('roleBefore', () => {
  it('starts a role with capitals at its first capital when lower-case nouns name the occasion before it', () => {
    expect(role('Later at their poster launch Tory co-chairman Liam Fox said', 'Liam Fox')).toBe('Tory co-chairman');
    expect(role('At the campaign rally Labour MP Sarah Jones said', 'Sarah Jones')).toBe('Labour MP');
  });

  it('keeps the words that qualify a role before its capitals', () => {
    expect(role('The shadow Home Secretary David Davis said', 'David Davis')).toBe('shadow Home Secretary');
    expect(role('But former Labour minister Jack Cunningham accused', 'Jack Cunningham')).toBe('former Labour minister');
    expect(role('The veteran Labour MP Tam Dalyell said', 'Tam Dalyell')).toBe('veteran Labour MP');
  });

  it('keeps a role of lower-case words, and one whose capitals come first', () => {
    expect(role('It was rebel leader Laurent Kabila who said', 'Laurent Kabila')).toBe('rebel leader');
    expect(role('A book by Sunday Telegraph journalist Robert Peston says', 'Robert Peston')).toBe('Sunday Telegraph journalist');
    expect(role('The view of Liberal Democrat leader Charles Kennedy was', 'Charles Kennedy')).toBe('Liberal Democrat leader');
  });

  it('keeps what a role in capitals is of, before the name', () => {
    expect(role('On Monday Prime Minister of India Narendra Modi said', 'Narendra Modi')).toBe('Prime Minister of India');
    expect(role('The talks were led by Minister for Health Mary Doyle, who said', 'Mary Doyle')).toBe('Minister for Health');
    // Kin, and lower-case words, are of nobody's role: the role is what stands before the name alone, or nothing.
    expect(role('He is the son of Robert Hale', 'Robert Hale')).toBeUndefined();
    expect(role('A friend of Finance Director Tom Bright said', 'Tom Bright')).toBe('Finance Director');
    // Set off by commas: the role and the body it is of.
    expect(role('The chairman of Ferrol Holdings, Cathal Brunne, declined to comment', 'Cathal Brunne')).toBe('the chairman of Ferrol Holdings');
    expect(role('The news came from her cousin, Ada Lurie, who said', 'Ada Lurie')).toBe('her cousin');
    // A day before a title is when, not part of it.
    expect(role('On Monday Prime Minister Ann Hale said', 'Ann Hale')).toBe('Prime Minister');
  });
});
