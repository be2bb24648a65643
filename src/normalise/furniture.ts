// Page furniture that Readability keeps inside a saved page's article: the
// labels, prompts and placeholders a site prints between paragraphs
// ("Advertisement", "Continue reading the main story", "SIGN UP FOR OUR
// NEWSLETTER", "Read more:", "Photo Credit…"). They are recognised by shape,
// never by a list of one site's strings: a furniture line is short and is not
// a sentence, and then is a lone word, a label with nothing after it, a
// prompt in capitals, an imperative, or a line the site prints again and
// again (on this page or on the dossier's other pages). Only saved pages
// lose lines this way: text and markdown cuttings were written by people.
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import nlp from 'compromise';
import type { VFile } from 'vfile';
import { TRUNCATED_LABEL } from '../text-patterns.js';
import { countWords, endsLikeSentence } from './prose.js';

/** Longer lines are text, whatever their shape. */
const MAX_WORDS = 8;
const MAX_LENGTH = 60;
/** A label ("Read more:", "Related:") is a word or a few. */
const MAX_LABEL_WORDS = 3;
/** Quotation marks (not ’, which is also the apostrophe): a line in quotes is someone's words. */
const QUOTED = /["“”„«»「」『』]/u;

/** The text a furniture line may be: a paragraph of text, emphasis and links only. */
export function furnitureCandidate(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph' || !node.children.every(isTextLike)) return undefined;
  const text = toString(node).replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_LENGTH || countWords(text) > MAX_WORDS || QUOTED.test(text)) return undefined;
  return text;
}

function isTextLike(node: PhrasingContent): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return true;
  if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link') return node.children.every(isTextLike);
  return false;
}

/** The form in which lines are compared across pages. */
export function furnitureKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

export default function remarkFurniture() {
  return (tree: Root, file: VFile) => {
    if (file.data.format !== 'html') return;
    const repeated = new Set(file.data.repeatedLines ?? []);
    const counts = new Map<string, number>();
    for (const node of tree.children) {
      const text = furnitureCandidate(node);
      if (text !== undefined) counts.set(furnitureKey(text), (counts.get(furnitureKey(text)) ?? 0) + 1);
    }
    const english = !file.data.stated?.language || /^en\b/i.test(file.data.stated.language);
    const kept: RootContent[] = [];
    for (let index = 0; index < tree.children.length; index++) {
      const node = tree.children[index]!;
      const text = furnitureCandidate(node);
      if (text === undefined || endsLikeSentence(text.replace(/(?:…|\.\.\.)$/u, ''))) {
        kept.push(node);
        continue;
      }
      const next = tree.children[index + 1];
      if (isLabel(text)) {
        // A label introduces what follows: a list or a table it names stays, a link to another story goes with it, a paragraph it heads (an interview's speaker) stays.
        if (next && next.type !== 'paragraph' && next.type !== 'heading' && next.type !== 'thematicBreak') {
          kept.push(node);
          continue;
        }
        if (next?.type === 'paragraph' && isTitleLine(next)) index++;
        else if (next?.type === 'paragraph') {
          kept.push(node);
          continue;
        }
        continue;
      }
      const key = furnitureKey(text);
      const furniture =
        repeated.has(key) || (counts.get(key) ?? 0) > 1 || isLoneWord(text) || TRUNCATED_LABEL.test(text) || isShouted(text) || (english && isImperative(text));
      if (!furniture) kept.push(node);
    }
    tree.children = kept;
  };
}

/** "Read more:", "Related:", "Lesen Sie auch:": a few words that end in a colon. */
function isLabel(text: string): boolean {
  return /[:：]$/u.test(text) && countWords(text) <= MAX_LABEL_WORDS;
}

/** "Image", "Advertisement", "Anzeige", "广告": one word, nothing else. */
function isLoneWord(text: string): boolean {
  return countWords(text) === 1 && /^[\p{L}\p{M}]+$/u.test(text);
}


/** "SIGN UP FOR OUR NEWSLETTER", "ABONNEZ-VOUS": a prompt set in capitals, in a script that has them. */
function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return countWords(text) >= 2 && letters.length >= 4 && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase();
}

/** "Continue reading the main story", "Share this article": an English line that starts with a verb telling the reader to act. */
function isImperative(text: string): boolean {
  const first = nlp(text).terms().json()[0] as { terms?: { tags?: string[] }[] } | undefined;
  return first?.terms?.[0]?.tags?.includes('Infinitive') === true;
}

/** A link, or the title of one whose address was relative and so dropped: what a label such as "Read more:" names. */
function isTitleLine(node: Paragraph): boolean {
  const title = furnitureCandidate(node);
  if (title !== undefined && !endsLikeSentence(title)) return true;
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return children.length > 0 && children.every((child) => child.type === 'link');
}

/**
 * The short non-sentence lines that two or more of the dossier's saved pages
 * print: a site's furniture, in whatever language the site is written.
 */
export function repeatedFurnitureLines(trees: { format: string; tree: Root }[]): Set<string> {
  const pagesWith = new Map<string, number>();
  for (const { format, tree } of trees) {
    if (format !== 'html') continue;
    const lines = new Set<string>();
    for (const node of tree.children) {
      const text = furnitureCandidate(node);
      if (text !== undefined && !endsLikeSentence(text)) lines.add(furnitureKey(text));
    }
    for (const line of lines) pagesWith.set(line, (pagesWith.get(line) ?? 0) + 1);
  }
  return new Set([...pagesWith].filter(([, pages]) => pages > 1).map(([line]) => line));
}
