// Dates that e-mail headers and feeds state with an offset from UTC
// ("Wed, 21 Mar 2012 23:30:00 -0500"), as ISO 8601 in that same offset: the
// calendar day stays the one the sender or the paper wrote, not UTC's.

/** `date` (parsed from `text`) as ISO 8601 in the offset `text` gives, or UTC when it gives none. */
export function isoInStatedOffset(date: Date | null | undefined, text: string | undefined): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const offset = /([+-])(\d{2}):?(\d{2})\s*(?:\([^)]*\))?\s*$/.exec(text ?? '');
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  return `${local}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
