// Spelling variants of one name across a dossier: "Robert Preston" in one
// article, "Robert Peston" in eleven. Both stay in the list, each marked with
// the other, since a wrong merge hides a person and a silent split doubles one.
import type { Person } from '../../model.js';

/** The shortest surname two spellings of which count as one name. */
const SHORTEST = 4;

/** Whether two words are one letter apart: one letter changed, added or dropped. */
export function oneLetterApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return endA - start <= 1 && endB - start <= 1;
}

/**
 * Marks people whose names are the same but for one letter of the surname, the
 * first names the same ("Robert Preston", "Robert Peston"), with each other's id.
 */
export function markVariants(people: Person[]): void {
  const byRest = new Map<string, Person[]>();
  for (const person of people) {
    const words = person.name.split(' ');
    if (words.length < 2) continue;
    const key = `${words.slice(0, -1).join(' ').toLowerCase()}|${words.length}`;
    const list = byRest.get(key);
    if (list) list.push(person);
    else byRest.set(key, [person]);
  }
  for (const group of byRest.values()) {
    for (const [index, person] of group.entries()) {
      for (const other of group.slice(index + 1)) {
        const a = person.name.split(' ').at(-1)!.toLowerCase();
        const b = other.name.split(' ').at(-1)!.toLowerCase();
        if (Math.min(a.length, b.length) < SHORTEST || !oneLetterApart(a, b)) continue;
        (person.variants ??= []).push(other.id);
        (other.variants ??= []).push(person.id);
      }
    }
  }
}
