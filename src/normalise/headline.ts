// The headline: stated in front matter or page metadata, or the first line of
// the cutting when it reads like one. When the first line is already the lede
// (some cuttings lose their headline), a short headline is made from the first
// sentence and marked as derived, so no reader mistakes it for the paper's.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { plainLine, removeBlock } from './blocks.js';
import { capitalisedShare, countWords, endsLikeSentence, firstSentence, lastStop, wordSpans } from './prose.js';

const MAX_HEADLINE_WORDS = 20;
const MAX_HEADLINE_LENGTH = 160;
const DERIVED_TARGET_WORDS = 12;

export default function remarkHeadline() {
  return (tree: Root, file: VFile) => {
    findHeadline(tree, file);
    // The editor's headline replaces whatever was found; the found one is still not body text.
    const corrected = file.data.override?.title;
    if (corrected) file.data.headline = { text: corrected, derived: false, fromText: file.data.headline?.fromText ?? false };
  };
}

/**
 * The headline said again at the top of the body, once what stood above it is
 * gone: an e-mail alert's subject is its headline and its first heading, under
 * the mailing's "View this email in your browser", repeats it; a page's <title>
 * and its heading, under furniture. The same words after case and punctuation
 * are the same line; a headline made from the lede never takes the lede.
 */
export function remarkRepeatedHeadline() {
  return (tree: Root, file: VFile) => {
    const headline = file.data.headline;
    const first = tree.children[0];
    if (!headline || headline.derived || !first || (first.type !== 'heading' && first.type !== 'paragraph')) return;
    if (tree.children.length > 1 && sameText(toString(first), headline.text)) removeBlock(tree, first);
  };
}

const MAX_KICKER_WORDS = 3;

const MAX_HEADLINE_AFTER_KICKER_WORDS = 14;

/** "UK Politics" over the headline: a section label, kept apart from the headline. */
function takeKicker(tree: Root, file: VFile): void {
  const kicker = plainLine(tree.children[0]);
  const next = plainLine(tree.children[1]);
  if (kicker === undefined || next === undefined || tree.children.length < 3 || file.data.stated?.title) return;
  const kickerWords = countWords(kicker, MAX_KICKER_WORDS);
  const nextWords = countWords(next, MAX_HEADLINE_AFTER_KICKER_WORDS);
  if (kickerWords > MAX_KICKER_WORDS || nextWords <= kickerWords + 1 || nextWords > MAX_HEADLINE_AFTER_KICKER_WORDS) return;
  if (!isHeadlineLike(kicker) || !isHeadlineLike(next) || capitalisedShare(kicker) < 1) return;
  file.data.kicker = kicker;
  removeBlock(tree, tree.children[0]!);
}

function findHeadline(tree: Root, file: VFile): void {
  takeKicker(tree, file);
  const first = tree.children[0];
  const stated = file.data.stated?.title?.trim();
  if (stated) {
    file.data.headline = { text: stated, derived: false, fromText: false };
    if (first && (first.type === 'heading' || first.type === 'paragraph') && sameText(toString(first), stated)) {
      removeBlock(tree, first);
    }
    return;
  }
  if (first?.type === 'heading') {
    file.data.headline = { text: toString(first).trim(), derived: false, fromText: true };
    removeBlock(tree, first);
    return;
  }
  const line = plainLine(first);
  // A lone short line is a headline with no text under it, not a lede.
  if (first && line !== undefined && isHeadlineLike(line) && (tree.children.length > 1 || !endsLikeSentence(line))) {
    file.data.headline = { text: line, derived: false, fromText: true };
    removeBlock(tree, first);
    return;
  }
  const lede = tree.children.find((node) => node.type === 'paragraph');
  const text = lede ? deriveHeadline(toString(lede)) : '';
  file.data.headline = { text: text || untitled(file), derived: true, fromText: false };
}

/** A headline is one short line that does not end like a sentence or a clause. */
export function isHeadlineLike(line: string): boolean {
  const count = countWords(line, MAX_HEADLINE_WORDS);
  if (count === 0 || count > MAX_HEADLINE_WORDS || line.length > MAX_HEADLINE_LENGTH) return false;
  return !/[.,;:]/.test(lastStop(line)) || /(?:\.\.\.|…)["'”’]*$/u.test(line);
}

const ATTRIBUTION =
  /,?\s+(?:according to|it (?:has|had) (?:emerged|been (?:revealed|reported|claimed|confirmed))|it (?:is|was) (?:understood|claimed|reported|believed)|(?:sources|reports|officials) (?:say|said|have said)|(?:he|she|they) (?:said|says|told)).*$/i;
/** A closing attribution: ", police said", ", the company told reporters". */
const CLOSING_ATTRIBUTION = /,\s+(?:[\p{L}'’-]+\s+){1,4}(?:said|says|told [\p{L}\s]+|reported|announced|confirmed|claimed)$/u;
const CLAUSE_BREAK = /,\s|\s(?:because|after|as|while|when|since|although|though|despite|amid|following|which|who|whose|where|but|and then)\s/g;
/** A leading description such as "London mayoral candidate" before a name. */
const PREMODIFIER =
  /^(?:\p{Lu}[\p{L}’'-]*\s+){0,2}(?:[\p{Ll}][\p{L}’'-]*\s+){1,3}(?=(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}\p{Ll})/u;
const NOT_A_PREMODIFIER = /^(?:the|a|an|this|that|these|those|it|there|in|on|at|by|after|when|as)\s/i;

/** A short headline from the lede's first sentence: its main clause, without attribution. */
export function deriveHeadline(lede: string): string {
  let text = firstSentence(lede).replace(/[.!…]+["'”’]?$/u, '').replace(ATTRIBUTION, '').replace(CLOSING_ATTRIBUTION, '').trim();
  if (countWords(text, DERIVED_TARGET_WORDS) > DERIVED_TARGET_WORDS) {
    for (const match of text.matchAll(CLAUSE_BREAK)) {
      const head = text.slice(0, match.index);
      if (countWords(head, 6) >= 6) {
        text = head;
        break;
      }
    }
  }
  if (countWords(text, DERIVED_TARGET_WORDS) > DERIVED_TARGET_WORDS) {
    const premodifier = PREMODIFIER.exec(text)?.[0];
    if (premodifier && !NOT_A_PREMODIFIER.test(premodifier) && !/\b(?:by|of|to|in|was|is|has|had|have)\b/.test(premodifier)) {
      text = text.slice(premodifier.length);
    }
  }
  const spans = wordSpans(text, DERIVED_TARGET_WORDS + 2);
  if (spans.length > DERIVED_TARGET_WORDS + 2) {
    const cut = spans[DERIVED_TARGET_WORDS]!.index;
    text = `${text.slice(0, cut).trimEnd().replace(/[,;:–—-]$/u, '')}…`;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sameText(a: string, b: string): boolean {
  const simple = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return simple(a) === simple(b);
}

function untitled(file: VFile): string {
  const name = (file.basename ?? file.path ?? 'Untitled').replace(/\.[^.]+$/, '');
  return `Untitled (${name})`;
}
