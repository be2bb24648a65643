// Cuttings often end with the text of a link that sat under the article on
// the web page ("Ken Livingstone's Rich Jews Letter: Full Text"). It is not
// part of the article: it comes out of the body and is listed on its own.
// Lists that end an article (team sheets, rankings) are not links and stay.
import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainLine } from './blocks.js';
import { capitalisedShare, countWords, endsLikeSentence } from './prose.js';
import { CREDIT_LINE } from '../text-patterns.js';

const MAX_LINK_WORDS = 14;
const MAX_LINK_LENGTH = 120;
/** More trailing short lines than this are a list, not links. */
const MAX_LINKS = 3;
/** The prose before the links must be a real paragraph. */
const MIN_PROSE_WORDS = 8;
const LINK_LEAD = /^(?:read more|related|see also|more on|full text|also read|also in|watch|listen|click here)\b/i;

export default function remarkRelatedLinks() {
  return (tree: Root, file: VFile) => {
    file.data.relatedLinks = [];
    // The trailing lines, last first: whole one-line paragraphs, or the lines
    // of a final paragraph whose link lines had no blank line between them.
    const trailing: { line: string; node: Paragraph; lineIndex: number }[] = [];
    for (let index = tree.children.length - 1; index > 0 && trailing.length <= MAX_LINKS; index--) {
      const node = tree.children[index]!;
      if (plainLine(node) === undefined || node.type !== 'paragraph') break;
      const lines = node.data?.sourceLines ?? [plainLine(node)!];
      let whole = true;
      for (let lineIndex = lines.length - 1; lineIndex >= 0 && trailing.length <= MAX_LINKS; lineIndex--) {
        const line = lines[lineIndex]!;
        if (!isRelatedLinkLine(line)) {
          whole = false;
          break;
        }
        trailing.push({ line, node, lineIndex });
      }
      if (!whole) break;
    }
    if (trailing.length === 0 || trailing.length > MAX_LINKS) return;

    // What stays: the paragraphs before the links, and any first lines of a
    // paragraph that ended in link lines.
    const first = trailing.at(-1)!;
    const keptLines = (first.node.data?.sourceLines ?? []).slice(0, first.lineIndex);
    const nodeIndex = tree.children.indexOf(first.node);
    const before = keptLines.length ? keptLines.join(' ') : plainLine(tree.children[nodeIndex - 1]);
    if (before === undefined || !isProse(before)) return;

    tree.children.splice(keptLines.length ? nodeIndex + 1 : nodeIndex);
    if (keptLines.length) {
      first.node.children = [{ type: 'text', value: keptLines.join(' ') }];
      first.node.data = { ...first.node.data, sourceLines: keptLines };
    }
    file.data.relatedLinks = trailing.map((entry) => entry.line).reverse();
  };
}

/** A sentence-ending paragraph of mostly lower-case words: not a team sheet or a table row. */
function isProse(text: string): boolean {
  return endsLikeSentence(text) && countWords(text, MIN_PROSE_WORDS) >= MIN_PROSE_WORDS && capitalisedShare(text) < 0.5;
}

export function isRelatedLinkLine(line: string): boolean {
  const count = countWords(line, MAX_LINK_WORDS);
  if (count < 2 || count > MAX_LINK_WORDS || line.length > MAX_LINK_LENGTH) return false;
  // Scores, rankings, initials and bullets start list items, not link titles.
  if (!/^["“‘']?\p{L}{2}/u.test(line) || CREDIT_LINE.test(line)) return false;
  if (LINK_LEAD.test(line)) return true;
  if (endsLikeSentence(line) && !line.endsWith('?')) return false;
  if (/[,;:"“”]$/u.test(line)) return false;
  return capitalisedShare(line) >= 0.75;
}
