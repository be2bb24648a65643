// Groups of compromise's tags the name finders test words against, named
// once so that every rule means the same by "a place" or "a function word".

/** Words that glue a sentence together and are never part of a name. */
export const FUNCTION_WORD_TAGS = ['Preposition', 'Conjunction', 'Determiner', 'Pronoun'];

/** Words compromise knows as places. */
export const GEOGRAPHY_TAGS = ['Place', 'Country', 'City', 'Region'];

/** Words compromise knows as places or bodies, not people. */
export const PLACE_TAGS = [...GEOGRAPHY_TAGS, 'Organization'];

export function hasAnyTag(tags: readonly string[], group: readonly string[]): boolean {
  return group.some((tag) => tags.includes(tag));
}
