// A paragraph that is wholly a quotation becomes a block quotation. Press
// style runs a long quote over several paragraphs, each opening with a quote
// mark and only the last closing it; a lead-in that stops mid-sentence
// ("Part of their problem, they said, was that") introduces a quoted passage
// whose marks were lost when the cutting was saved.
import type { Blockquote, Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { plainParagraph } from './blocks.js';
import { LIST_ITEM } from '../text-patterns.js';

const OPENERS = /^["“]/u;
const LEAD_IN = /(?::|\b(?:that|as follows|the following))$/u;

export default function remarkBlockQuotes() {
  return (tree: Root, file: VFile) => {
    if (file.data.format !== 'text') return;
    const out: RootContent[] = [];
    let quoteOpen = false;
    let previous: string | undefined;
    for (const node of tree.children) {
      const text = plainParagraph(node);
      if (text === undefined) {
        out.push(node);
        quoteOpen = false;
        previous = undefined;
        continue;
      }
      const quoted =
        isWhollyQuoted(text) ||
        (quoteOpen && OPENERS.test(text) && !closesThenNarrates(text)) ||
        (previous !== undefined && LEAD_IN.test(previous) && !OPENERS.test(text) && !LIST_ITEM.test(text));
      quoteOpen = quoteLeftOpen(text, quoteOpen);
      previous = text;
      if (!quoted) {
        out.push(node);
        continue;
      }
      const last = out.at(-1);
      if (last?.type === 'blockquote') last.children.push(node as Paragraph);
      else out.push({ type: 'blockquote', children: [node as Paragraph], position: node.position } satisfies Blockquote);
    }
    tree.children = out;
  };
}

/** `"…"` or `“…”` with nothing outside the marks but a final stop. */
export function isWhollyQuoted(text: string): boolean {
  if (/^".*"[.!?]?$/su.test(text)) return (text.match(/"/g) ?? []).length === 2;
  if (/^“.*”[.!?]?$/su.test(text)) return (text.match(/”/g) ?? []).length === 1;
  return false;
}

/**
 * A continued quotation that closes and then goes on in the reporter's words
 * (`"…on Monday." She then got into a car…`) is not wholly a quotation.
 */
function closesThenNarrates(text: string): boolean {
  const close = /[”"](?=\s+\S)/u.exec(text.slice(1));
  return close !== null;
}

/** Whether a quotation is still open at the end of the paragraph. */
export function quoteLeftOpen(text: string, openBefore: boolean): boolean {
  if (/[“”]/u.test(text)) return text.lastIndexOf('“') > text.lastIndexOf('”');
  let marks = (text.match(/"/g) ?? []).length;
  let open = openBefore;
  // A continuing quotation re-opens with a mark at the start of each paragraph.
  if (openBefore && text.startsWith('"')) marks -= 1;
  if (marks % 2 === 1) open = !open;
  return open;
}
