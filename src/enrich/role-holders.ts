// Who a role or a body's name stands for: "the prime minister" is the one
// person the people list gives that role to, "the Guardian" the one body
// with that name. Read alike by the quotations' speakers (quotes.ts) and by
// the people's mentions (people/role-mentions.ts).
import type { Person } from '../model.js';

/** One key for "the Prime Minister" and "prime minister". */
export const formKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/^(?:the)\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** Forms → ids: only a form that one entry has says who is meant (`null` where two share it). */
export function formIndex(entries: { id: string; forms: string[] }[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const entry of entries) {
    for (const form of new Set(entry.forms.map(formKey))) map.set(form, map.has(form) && map.get(form) !== entry.id ? null : entry.id);
  }
  return map;
}

/** Each role's holder, where the people list gives it to one person. */
export const roleIndex = (people: readonly Person[]) => formIndex(people.map((person) => ({ id: person.id, forms: person.roles.map((role) => role.text) })));

/** "the prime minister": a person only when the people list gives that role to one person, and they are in the article. */
export function roleHolder(text: string, roles: Map<string, string | null>, present: ReadonlySet<string>): string | undefined {
  if (!/^the\s/iu.test(text.trim())) return undefined;
  const role = roles.get(formKey(text));
  return role && present.has(role) ? role : undefined;
}
