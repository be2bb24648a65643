// The names a quotation's speaker may be called by: every form of every
// person the people list gives as mentioned in the article (name and
// aliases), found in a stretch of the reporter's words with where each
// stands, whether it is a possessive ("Mr Brown's spokesman") and the word
// before it ("a spokesman for Mr Brown").
import type { Person } from '../model.js';

export interface NameMatch {
  /** Character offsets in the text searched. */
  start: number;
  end: number;
  /** Every person the form may be; more than one is no attribution. */
  people: string[];
  /** "Brown's": the name owns something, it is not the speaker. */
  possessive: boolean;
  /** The word just before the name, lower-cased ("for", "to", "mr"), or "" at the start. */
  before: string;
}

interface Token {
  key: string;
  start: number;
  end: number;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.‑-]*/gu;

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    // A stop ends the sentence, not the name, except after an initial or an abbreviation: "A.", "Jr.".
    const raw = /^(?:\p{L}|Jr|Sr|Jnr|Snr|St|Dr|Mr|Mrs|Ms|Prof)\.$/u.test(match[0]) ? match[0] : match[0].replace(/\.+$/u, '');
    let value = raw.replace(/’/g, "'");
    const possessive = /'s?$/u.test(value) && !/^\p{L}'$/u.test(value);
    value = value.replace(/'s?$/u, '').replace(/\.+$/u, '');
    // The offsets of the word itself: "Jr." keeps its stop, "Brown's" loses its "'s".
    const end = match.index + (possessive ? raw.replace(/['’]s?$/u, '').length : raw.length);
    return { key: value.toLowerCase(), start: match.index, end, possessive };
  });
}

/** Men's and women's titles: "she" is not Mr Brown. */
const MEN = new Set(['mr', 'sir', 'lord', 'baron', 'king', 'prince', 'father', 'brother']);
const WOMEN = new Set(['mrs', 'ms', 'miss', 'lady', 'dame', 'baroness', 'queen', 'princess', 'sister']);

export type Gender = 'man' | 'woman' | undefined;

/** The "person" a form stands for when it may be any of several, or someone the list does not hold. */
export const UNSURE = '';

/**
 * Capitalised words that may stand before a name without being part of it
 * ("Prime Minister Boris Johnson", "Mr Brown"); any other capitalised word
 * right before a known surname makes a longer name the list does not hold:
 * "Sadiq Khan" is not the Usman Khan the list calls "Khan". A capitalised
 * word right after any known name does the same ("Jorge Eduardo Scheinig").
 */
const BEFORE_NAMES = new Set(
  `mr mrs ms miss mx dr sir dame lord lady baroness baron prof professor rev reverend father bishop archbishop cardinal rabbi imam
  sheikh pope king queen prince princess president minister secretary chancellor mayor senator governor judge justice director
  chairman chairwoman chair chief leader speaker ambassador commissioner inspector sergeant sgt officer constable superintendent
  commander general gen colonel col captain capt lieutenant coach manager councillor cllr mp deputy vice prosecutor detective
  attorney spokesman spokeswoman spokesperson actor actress singer broadcaster designer chef presenter author writer artist
  founder president-elect premier emperor empress crown sultan emir ayatollah`.split(/\s+/u),
);
/** Words after a name that are part of it. */
const AFTER_NAMES = new Set(['jr', 'sr', 'jnr', 'snr', 'mp', 'mep', 'qc', 'kc', 'obe', 'mbe', 'cbe', 'ii', 'iii']);

export class NameMatcher {
  private readonly forms = new Map<string, Set<string>>();
  private readonly longest: number;
  readonly genders = new Map<string, Gender>();

  /**
   * `people` are those the article mentions, by any of their forms;
   * `others` are known only by their full name, should the people list have
   * missed their mention here.
   */
  constructor(people: readonly Person[], others: readonly Person[] = []) {
    let longest = 1;
    for (const person of [...people, ...others]) {
      let gender: Gender;
      const forms = people.includes(person) ? [person.name, ...person.aliases] : tokens(person.name).length > 1 ? [person.name] : [];
      for (const form of forms) {
        const keys = tokens(form).map((token) => token.key);
        if (keys.length === 0) continue;
        longest = Math.max(longest, keys.length);
        const key = keys.join(' ');
        const ids = this.forms.get(key) ?? new Set<string>();
        ids.add(person.id);
        this.forms.set(key, ids);
        if (MEN.has(keys[0]!)) gender = gender === 'woman' ? undefined : 'man';
        if (WOMEN.has(keys[0]!)) gender = gender === 'man' ? undefined : 'woman';
      }
      this.genders.set(person.id, gender);
    }
    // A surname the list has not made anyone's form ("Mugabe", with Robert and Grace Mugabe listed) names
    // someone, but not who: it matches nobody (UNSURE), so it can only stop a guess.
    for (const person of [...people, ...others]) {
      const last = tokens(person.name).at(-1);
      if (last && last.key.length > 2 && !this.forms.has(last.key)) this.forms.set(last.key, new Set([UNSURE]));
    }
    this.longest = longest;
  }

  /** Every known form in the text, longest first at each word, not overlapping. */
  find(text: string): NameMatch[] {
    const words = tokens(text);
    const found: NameMatch[] = [];
    for (let index = 0; index < words.length; index++) {
      for (let length = Math.min(this.longest, words.length - index); length >= 1; length--) {
        const run = words.slice(index, index + length);
        // A name is written without a stop or comma inside it ("Smith, Jones" is two words, not "Smith Jones").
        if (run.some((word, at) => at > 0 && /[,;:]/u.test(text.slice(run[at - 1]!.end, word.start)))) continue;
        if (run.slice(0, -1).some((word) => word.possessive)) continue;
        const ids = this.forms.get(run.map((word) => word.key).join(' '));
        // Written as a name: "Day" is Doris Day, "day" is a day.
        if (!ids || !/^\p{Lu}/u.test(text[run[0]!.start]!)) continue;
        const last = run.at(-1)!;
        const previous = words[index - 1];
        const next = words[index + length];
        const joined = (a: Token, b: Token) => /^[ \t\u00a0]+$/u.test(text.slice(a.end, b.start)) && !a.possessive;
        if (length === 1 && previous && joined(previous, run[0]!) && /^\p{Lu}/u.test(text[previous.start]!) && !BEFORE_NAMES.has(previous.key)) break;
        if (next && joined(last, next) && /^\p{Lu}/u.test(text[next.start]!) && !AFTER_NAMES.has(next.key)) break;
        found.push({
          start: run[0]!.start,
          end: last.end,
          people: [...ids],
          possessive: last.possessive,
          before: index > 0 && /^[\s\p{Pd}]*$/u.test(text.slice(words[index - 1]!.end, run[0]!.start)) ? words[index - 1]!.key : '',
        });
        index += length - 1;
        break;
      }
    }
    return found;
  }
}
