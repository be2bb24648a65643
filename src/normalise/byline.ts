// `By Jane Smith` near the top is the byline, not body text. Stated and found
// bylines alike are cleaned by `cleanByline`; one that is only a date dates
// the article when nothing else does.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainLine, removeBlock } from './blocks.js';
import { cleanByline } from './byline-clean.js';
import { parseStatedDate } from './dates.js';
import { countWords } from './prose.js';

const LOOK_AT_BLOCKS = 4;
const BYLINE = /^(?:By|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|la|le)){0,6}(?:\s*[,|–—-]\s*.{1,60})?)$/u;

export default function remarkByline() {
  return (tree: Root, file: VFile) => {
    if (file.data.stated?.byline) take(file, file.data.stated.byline);
    for (const node of tree.children.slice(0, LOOK_AT_BLOCKS)) {
      const text = plainLine(node);
      if (!text || countWords(text, 14) > 14 || /[.!?]$/.test(text)) continue;
      const match = BYLINE.exec(text);
      if (!match?.[1]) continue;
      if (!file.data.byline) take(file, match[1]);
      removeBlock(tree, node);
      return;
    }
  };
}

function take(file: VFile, raw: string): void {
  const { byline, date } = cleanByline(raw);
  if (byline) file.data.byline = byline;
  const dated = date && !file.data.publication ? parseStatedDate(date, file.data.dateOrder) : undefined;
  if (dated) file.data.publication = dated;
}
