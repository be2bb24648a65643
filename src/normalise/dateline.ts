// Takes the publication date out of the text: a line near the top that is a
// date and nothing else (`21/03/2012 11:27 GMT | Updated …`). A date stated in
// front matter or page metadata wins over one found in the text.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainLine, removeBlock } from './blocks.js';
import { parseDateline, parseStatedDate } from './dates.js';

/** Datelines sit above or just below the headline. */
const LOOK_AT_BLOCKS = 4;

export default function remarkDateline() {
  return (tree: Root, file: VFile) => {
    const order = file.data.dateOrder ?? 'day-first';
    let found;
    for (const node of tree.children.slice(0, LOOK_AT_BLOCKS)) {
      const text = plainLine(node);
      const date = text === undefined ? undefined : parseDateline(text, order);
      if (date) {
        found = date;
        removeBlock(tree, node);
        break;
      }
    }
    const corrected = file.data.override?.date;
    const statedText = corrected ?? file.data.stated?.date;
    const stated = statedText ? parseStatedDate(statedText, order) : undefined;
    if (statedText && !stated) {
      const where = corrected ? 'dossier.yaml gives' : 'the file states';
      file.message(`${where} the date "${statedText}", which could not be read as a date; write it as YYYY-MM-DD`);
    }
    const updated = !corrected && file.data.stated?.updated ? parseStatedDate(file.data.stated.updated, order) : undefined;
    const changed = updated && stated && (updated.published ?? updated.date) !== (stated.published ?? stated.date);
    const date = stated
      ? { ...stated, ...(changed ? { updated: updated.published ?? updated.date } : {}), ...(found?.dateline ? { dateline: found.dateline } : {}) }
      : found;
    if (date) file.data.publication = date;
  };
}
