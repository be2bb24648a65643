// Lines and sentences written mostly in capitals: headlines, captions, photo
// credits ("JIM WATSON/AFP VIA GETTY IMAGES") and shouts, whose capitals say
// nothing of names. Neither people nor organisations are taken from them.

/** A line or sentence mostly in capitals is a headline, a caption or a shout: its words are not initials. */
const MOSTLY_CAPITALS = 0.6;

/** The sentences of a text written mostly in capitals (at least four words of them). */
export function capitalisedStretches(text: string): { start: number; end: number }[] {
  const stretches: { start: number; end: number }[] = [];
  for (const sentence of text.matchAll(/[^.!?\n]+[.!?]*/gu)) {
    const words = sentence[0].match(/\p{L}{2,}/gu) ?? [];
    const capitals = words.filter((word) => word === word.toUpperCase()).length;
    if (words.length >= 4 && capitals >= MOSTLY_CAPITALS * words.length) stretches.push({ start: sentence.index, end: sentence.index + sentence[0].length });
  }
  return stretches;
}


/** Whether `index` falls in one of the stretches. */
export function inStretches(stretches: readonly { start: number; end: number }[], index: number): boolean {
  return stretches.some((stretch) => index >= stretch.start && index < stretch.end);
}
