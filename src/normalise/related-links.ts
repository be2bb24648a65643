// Cuttings often end with the text of a link that sat under the article on
// the web page ("Ken Livingstone's Rich Jews Letter: Full Text"). It is not
// part of the article: it comes out of the body and is listed on its own.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainLine } from './blocks.js';
import { capitalisedShare, countWords, endsLikeSentence } from './prose.js';

const MAX_LINK_WORDS = 14;
const MAX_LINK_LENGTH = 120;
const LINK_LEAD = /^(?:read more|related|see also|more on|full text|also read|also in|watch|listen|click here)\b/i;

export default function remarkRelatedLinks() {
  return (tree: Root, file: VFile) => {
    const links: string[] = [];
    while (tree.children.length > 1) {
      const last = tree.children.at(-1);
      const line = plainLine(last);
      if (line === undefined || !isRelatedLinkLine(line)) break;
      const before = tree.children.at(-2);
      // Only after the article's last sentence, never in the middle of a run of prose.
      const beforeText = plainLine(before);
      if (beforeText !== undefined && !endsLikeSentence(beforeText) && !isRelatedLinkLine(beforeText)) break;
      tree.children.pop();
      links.unshift(line);
    }
    file.data.relatedLinks = links;
  };
}

export function isRelatedLinkLine(line: string): boolean {
  const count = countWords(line);
  if (count < 2 || count > MAX_LINK_WORDS || line.length > MAX_LINK_LENGTH) return false;
  if (LINK_LEAD.test(line)) return true;
  if (endsLikeSentence(line) && !line.endsWith('?')) return false;
  if (/[,;"“”]$/u.test(line)) return false;
  return capitalisedShare(line) >= 0.75;
}
