// `By Jane Smith` near the top is the byline, not body text.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainLine, removeBlock } from './blocks.js';
import { countWords } from './prose.js';

const LOOK_AT_BLOCKS = 4;
const BYLINE = /^(?:By|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|la|le)){0,6}(?:\s*[,|–—-]\s*.{1,60})?)$/u;

export default function remarkByline() {
  return (tree: Root, file: VFile) => {
    if (file.data.stated?.byline) {
      file.data.byline = file.data.stated.byline.replace(/^by\s+/i, '');
    }
    for (const node of tree.children.slice(0, LOOK_AT_BLOCKS)) {
      const text = plainLine(node);
      if (!text || countWords(text) > 14 || /[.!?]$/.test(text)) continue;
      const match = BYLINE.exec(text);
      if (!match?.[1]) continue;
      file.data.byline ??= match[1].trim();
      removeBlock(tree, node);
      return;
    }
  };
}
