// Printer's typography for the rendered outputs: curly quotes, dashes and
// ellipses. The normalised markdown keeps the cutting's own characters; only
// what readers see is typeset.
import type { Paragraph, Parents, Root, Text } from 'mdast';
import { smartypantsu } from 'smartypants';
import { visit } from 'unist-util-visit';

/** SmartyPants attributes: `q` quotes only; `D` `--` → en dash, `---` → em dash; `e` ellipses. */
const QUOTES = 'q';
const DASHES_AND_ELLIPSES = 'De';

/**
 * Typesets a tree in place. Quotes are decided per block with all its text
 * joined, so a quote mark next to a link or emphasis still turns the right
 * way; dashes and ellipses, which change the text's length, per text node.
 */
export function typesetTree(tree: Root): Root {
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    typesetBlock(node);
  });
  return tree;
}

function typesetBlock(block: Parents): void {
  const texts: Text[] = [];
  let joined = '';
  visit(block, (node) => {
    if (node.type === 'text') {
      texts.push(node);
      joined += node.value;
    } else if (node.type === 'inlineCode') {
      // Code stays as written, but still stands between the quotes around it.
      joined += 'x'.repeat(node.value.length);
    }
  });
  // Replacing straight quotes with curly ones keeps every offset, so the joined
  // text can be cut back into the nodes it came from.
  // Both steps keep every offset, so the joined text can be cut back into the nodes it came from.
  const quoted = smartypants(openingQuotes(joined), QUOTES);
  let offset = 0;
  visit(block, (node) => {
    if (node.type === 'inlineCode') offset += node.value.length;
    if (node.type !== 'text') return;
    const length = node.value.length;
    node.value = smartypants(spacedDashes(quoted.slice(offset, offset + length)), DASHES_AND_ELLIPSES);
    offset += length;
  });
}

/** A stand-in for `\\`, which SmartyPants would read as an escape (`\\"` → `&#34;`): plain text has no escapes. */
const BACKSLASH_STAND_IN = '\uE000';

function smartypants(text: string, attributes: string): string {
  if (!text.includes('\\')) return smartypantsu(text, attributes);
  return smartypantsu(text.replaceAll('\\', BACKSLASH_STAND_IN), attributes).replaceAll(BACKSLASH_STAND_IN, '\\');
}

/** British and wire copy write a spaced hyphen where print sets an en dash. */
function spacedDashes(text: string): string {
  return text.replace(/(\S) -{1,2} (?=\S)/g, '$1 – ');
}

/** A straight quote right after `:`, a dash or `=` opens a quotation (`said:"No"`); SmartyPants would close it. */
function openingQuotes(text: string): string {
  return text.replace(/([:=—–(\[])"(?=\S)/g, '$1“').replace(/([:=—–(\[])'(?=\S)/g, '$1‘');
}

/** Typesets a line such as a headline or a caption. */
export function typeset(text: string): string {
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
  typesetBlock(paragraph);
  const [node] = paragraph.children;
  return node?.type === 'text' ? node.value : text;
}
