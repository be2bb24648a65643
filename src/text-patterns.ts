// Line shapes that readers and normalisers both recognise, defined once.

/** A line that starts like a list item: a bullet, a dash, or a number and a stop. */
export const LIST_ITEM = /^(?:[-*•–—·]\s|\d{1,3}[.)]\s)/u;

/** A credit line that ends agency copy: "Editing by …", "Additional reporting by …". */
export const CREDIT_LINE = /^(?:additional reporting|reporting|editing|edited|writing|written|compiled|translated|research|graphics|pictures)(?: and \w+)? by\b/i;

/** "Photo Credit…", "Foto…": a label of a word or a few cut short where the page hid the rest. */
export const TRUNCATED_LABEL = /^\s*\S+(?:\s+\S+){0,2}\s*(?:…|\.\.\.)\s*$/u;
