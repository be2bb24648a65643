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
/** What a surname no one's form holds matches: somebody, not known who. */
const UNSURE_IDS = new Set([UNSURE]);

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

/** The gender a person's forms say, from a title before them ("Mrs", "Lord"), if they agree. */
function addForm(forms: Map<string, Set<string>>, keys: string[], id: string, gender: Gender): Gender {
  const key = keys.join(' ');
  const ids = forms.get(key) ?? new Set<string>();
  ids.add(id);
  forms.set(key, ids);
  if (MEN.has(keys[0]!)) return gender === 'woman' ? undefined : 'man';
  if (WOMEN.has(keys[0]!)) return gender === 'man' ? undefined : 'woman';
  return gender;
}

/**
 * What every article's matcher knows of the dossier's people, made once:
 * each one by their full name (should the people list have missed their
 * mention in an article), and their surnames. Made per article, it cost
 * every article a pass over every person: a thousand articles took 16 s.
 */
export class KnownNames {
  readonly forms = new Map<string, Set<string>>();
  readonly genders = new Map<string, Gender>();
  readonly surnames = new Set<string>();
  readonly longest: number = 1;
  readonly keys = new Map<string, string[]>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      const keys = tokens(person.name).map((token) => token.key);
      this.keys.set(person.id, keys);
      if (keys.length > 1) {
        this.longest = Math.max(this.longest, keys.length);
        this.genders.set(person.id, addForm(this.forms, keys, person.id, undefined));
      }
      const last = keys.at(-1);
      if (last && last.length > 2) this.surnames.add(last);
    }
  }
}

export class NameMatcher {
  private readonly forms = new Map<string, Set<string>>();
  private readonly longest: number;
  private readonly genders = new Map<string, Gender>();

  /**
   * `people` are those the article mentions, by any of their forms; the
   * dossier's `known` people (all of them, by default these) by their full name.
   */
  constructor(
    people: readonly Person[],
    private readonly known: KnownNames = new KnownNames(people),
  ) {
    let longest = known.longest;
    for (const person of people) {
      let gender: Gender;
      for (const form of [person.name, ...person.aliases]) {
        const keys = form === person.name ? (known.keys.get(person.id) ?? tokens(form).map((token) => token.key)) : tokens(form).map((token) => token.key);
        if (keys.length === 0) continue;
        longest = Math.max(longest, keys.length);
        gender = addForm(this.forms, keys, person.id, gender);
      }
      this.genders.set(person.id, gender);
    }
    this.longest = longest;
  }

  /** The gender a person's forms say here, or their full name says. */
  gender(person: string): Gender {
    return this.genders.has(person) ? this.genders.get(person) : this.known.genders.get(person);
  }

  /**
   * The people a form names: the article's people by any of their forms and
   * the dossier's by their full names. A surname the list has not made
   * anyone's form ("Mugabe", with Robert and Grace Mugabe listed) names
   * someone, but not who: it matches nobody (UNSURE), so it can only stop a guess.
   */
  private named(key: string): Set<string> | undefined {
    const here = this.forms.get(key);
    const known = this.known.forms.get(key);
    if (here && known) return new Set([...here, ...known]);
    return here ?? known ?? (this.known.surnames.has(key) ? UNSURE_IDS : undefined);
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
        const ids = this.named(run.map((word) => word.key).join(' '));
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
