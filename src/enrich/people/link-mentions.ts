// In the article text, a person's first mention links to their entry in the
// "People involved" section.
import type { Root } from 'mdast';
import { mentionAnchor } from '../../ids.js';
import { bodyParagraphs, wrapRange } from '../paragraphs.js';
import type { PersonMention } from './index.js';

export interface LinkMentionsOptions {
  /** This article's mentions, in reading order. */
  mentions: PersonMention[];
  /** Given the ids of the people whose first mention was linked. */
  onLinked?: (people: string[]) => void;
}


export default function remarkLinkMentions(options: LinkMentionsOptions) {
  return (tree: Root) => {
    const paragraphs = bodyParagraphs(tree);
    const linked = new Set<string>();
    for (const mention of options.mentions) {
      if (linked.has(mention.person)) continue;
      const paragraph = paragraphs[mention.paragraph - 1];
      if (!paragraph) continue;
      const done = wrapRange(paragraph.node, mention.start, mention.end, (text) => ({
        type: 'link',
        url: `#${mention.person}`,
        // The anchor the people section points at: where this article first names the person.
        data: { hProperties: { className: ['person-mention'], id: mentionAnchor(mention.article, mention.person) } },
        children: [{ type: 'text', value: text }],
      }));
      if (done) linked.add(mention.person);
    }
    options.onLinked?.([...linked]);
  };
}
