// In the article text, a person's first mention links to their entry in the
// "People involved" section; each later one is marked with an anchor of its
// own, so that the printed index can give every page a person is on.
import type { Data, Parent, PhrasingContent, Root } from 'mdast';
import { laterMentionAnchor, mentionAnchor } from '../../ids.js';
import { bodyParagraphs, wrapRange } from '../paragraphs.js';
import type { PersonMention } from './index.js';

/** A person's later mention in an article: no link, an anchor only. */
export interface PersonMark extends Parent {
  type: 'personMark';
  children: PhrasingContent[];
  data: PersonMarkData;
}

interface PersonMarkData extends Data {
  id: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    personMark: PersonMark;
  }
  interface RootContentMap {
    personMark: PersonMark;
  }
}

export interface LinkMentionsOptions {
  /** This article's mentions, in reading order. */
  mentions: PersonMention[];
  /** Given the anchors of each person's mentions in the article, in reading order: the first is the link. */
  onMarked?: (anchors: Map<string, string[]>) => void;
}

export default function remarkLinkMentions(options: LinkMentionsOptions) {
  return (tree: Root) => {
    const paragraphs = bodyParagraphs(tree);
    const anchors = new Map<string, string[]>();
    for (const mention of options.mentions) {
      const paragraph = paragraphs[mention.paragraph - 1];
      if (!paragraph) continue;
      const marked = anchors.get(mention.person) ?? [];
      const id = marked.length === 0 ? mentionAnchor(mention.article, mention.person) : laterMentionAnchor(mention.article, mention.person, marked.length + 1);
      const done = wrapRange(paragraph.node, mention.start, mention.end, (text): PhrasingContent =>
        marked.length === 0
          ? // The anchor the people section points at: where this article first names the person.
            { type: 'link', url: `#${mention.person}`, data: { hProperties: { className: ['person-mention'], id } }, children: [{ type: 'text', value: text }] }
          : { type: 'personMark', data: { id }, children: [{ type: 'text', value: text }] },
      );
      if (done) anchors.set(mention.person, [...marked, id]);
    }
    options.onMarked?.(anchors);
  };
}
