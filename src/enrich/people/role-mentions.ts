// A role used alone, in lower case, for the person who holds it: "the prime
// minister said" in an article that names the prime minister is a mention of
// them, when the people list gives that role to one person only (the rule the
// quotations' speakers follow, role-holders.ts). Their entry then carries the
// form, and the article's text links it.
import type { Person } from '../../model.js';
import type { BodyParagraph } from '../paragraphs.js';
import { roleHolder, roleIndex } from '../role-holders.js';
import type { PersonMention } from './index.js';

/** "the" and up to three lower-case words, where a role may stand alone: "the prime minister", "the deputy chief constable". */
const ROLE_ALONE = /(?<![\p{L}-])[Tt]he\s+(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,3})/gu;
/** A name straight after or in apposition: the role describes a name already read as a mention ("the prime minister Boris Johnson", "The mayor, Sandra Okoye,"). */
const NAME_AFTER = /^,?\s+\p{Lu}/u;
/** A name in apposition before: "Michael Howard, the opposition leader, said". */
const NAME_BEFORE = /\p{Lu}[\p{L}'’.-]*,\s+$/u;

/**
 * The mentions of people by a role alone in each article, longest role first
 * at each "the"; the people's entries gain the form and the counts.
 */
export function roleMentions(articles: readonly { id: string; paragraphs: BodyParagraph[] }[], people: Person[]): PersonMention[] {
  const roles = roleIndex(people);
  if (![...roles.values()].some(Boolean)) return [];
  const byId = new Map(people.map((person) => [person.id, person]));
  const found: PersonMention[] = [];
  // Who each article names, gathered once: asked of every person for every article, it would grow as their product.
  const presentIn = new Map<string, Set<string>>();
  for (const person of people) {
    for (const { article } of person.mentions) {
      const present = presentIn.get(article);
      if (present) present.add(person.id);
      else presentIn.set(article, new Set([person.id]));
    }
  }
  for (const article of articles) {
    const present = presentIn.get(article.id);
    if (!present) continue;
    for (const paragraph of article.paragraphs) {
      for (const match of paragraph.text.matchAll(ROLE_ALONE)) {
        if (NAME_BEFORE.test(paragraph.text.slice(Math.max(0, match.index - 40), match.index))) continue;
        const words = match[1]!.split(/\s+/u);
        for (let length = words.length; length >= 1; length--) {
          const phrase = `${match[0].slice(0, match[0].length - match[1]!.length)}${words.slice(0, length).join(' ')}`;
          const end = match.index + match[0].indexOf(match[1]!) + words.slice(0, length).join(' ').length;
          const holder = roleHolder(phrase, roles, present);
          if (!holder || NAME_AFTER.test(paragraph.text.slice(end, end + 3))) continue;
          const written = paragraph.text.slice(match.index, end);
          // The role's words are linked, not "the".
          found.push({ person: holder, article: article.id, paragraph: paragraph.number, start: match.index + match[0].indexOf(match[1]!), end });
          count(byId.get(holder)!, article.id, written.replace(/^The\s/u, 'the '));
          break;
        }
      }
    }
  }
  // Most mentioned first, as the list was.
  if (found.length) people.sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'en'));
  return found;
}

const total = (person: Person) => person.mentions.reduce((sum, mention) => sum + mention.count, 0);

function count(person: Person, article: string, form: string): void {
  const mention = person.mentions.find((entry) => entry.article === article);
  if (mention) mention.count++;
  if (!person.aliases.includes(form)) person.aliases = [...person.aliases, form].sort();
}
