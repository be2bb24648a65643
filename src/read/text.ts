// Plain-text cuttings → mdast. Plain text is text, not markdown: every
// character ends up in a `text` node, so `#1`, `* note`, `[^1]` or `<b>` can
// never turn into markup. Blank lines separate paragraphs; single line breaks
// inside a paragraph are joined, except where lines are list-like items.
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { ReadArticle } from '../model.js';
import { CREDIT_LINE, LIST_ITEM } from '../text-patterns.js';

declare module 'mdast' {
  interface ParagraphData {
    /** The lines of a plain-text paragraph before they were joined. */
    sourceLines?: string[];
  }
}

/** A line that starts like a bullet, a numbered item or a credit ("Editing by …") keeps its own line. */
const isItemLine = (line: string) => LIST_ITEM.test(line.trimStart()) || CREDIT_LINE.test(line.trimStart());

export function readText(text: string, file: string): ReadArticle {
  const lines = text.split('\n');
  const root: Root = { type: 'root', children: [] };
  let block: { start: number; lines: string[] } | undefined;

  const flush = (endLine: number) => {
    if (!block) return;
    root.children.push(paragraph(block.lines, block.start, endLine));
    block = undefined;
  };

  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') {
      flush(index);
      return;
    }
    if (!block) block = { start: index + 1, lines: [] };
    block.lines.push(line);
  });
  flush(lines.length);

  return { file, format: 'text', tree: root, meta: {} };
}

function paragraph(lines: string[], startLine: number, endLine: number): Paragraph {
  const children: PhrasingContent[] = [];
  let current = '';
  lines.forEach((line, index) => {
    if (index > 0 && isItemLine(line)) {
      children.push({ type: 'text', value: current }, { type: 'break' });
      current = line;
    } else {
      current = current ? `${current} ${line}` : line;
    }
  });
  children.push({ type: 'text', value: current });
  return {
    type: 'paragraph',
    children,
    // Structure detection sometimes needs the lines as they were (link texts
    // at the end of a cutting are one per line, with no blank line between).
    data: { sourceLines: lines },
    position: {
      start: { line: startLine, column: 1 },
      end: { line: endLine, column: 1 },
    },
  };
}
