// In the article text, a person's first mention links to their entry in the
// "People involved" section; each later one is marked with an anchor of its
// own, so that the printed index can give every page a person is on.
import type { Data, Parent, PhrasingContent, Root } from 'mdast';
import { laterMentionAnchor, mentionAnchor } from '../../ids.js';
import { bodyParagraphs, wrapRanges } from '../paragraphs.js';
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
    const byParagraph = new Map<number, PersonMention[]>();
    for (const mention of options.mentions) {
      const list = byParagraph.get(mention.paragraph);
      if (list) list.push(mention);
      else byParagraph.set(mention.paragraph, [mention]);
    }
    for (const [number, mentions] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
      const paragraph = paragraphs[number - 1];
      if (!paragraph) continue;
      wrapRanges(
        paragraph.node,
        mentions.map((mention) => ({
          start: mention.start,
          end: mention.end,
          // Called in reading order, for the mentions wrapped: the first one of each person is the link.
          wrap: (text): PhrasingContent => {
            const marked = anchors.get(mention.person) ?? [];
            anchors.set(mention.person, marked);
            if (marked.length === 0) {
              const id = mentionAnchor(mention.article, mention.person);
              marked.push(id);
              // The anchor the people section points at: where this article first names the person.
              return { type: 'link', url: `#${mention.person}`, data: { hProperties: { className: ['person-mention'], id } }, children: [{ type: 'text', value: text }] };
            }
            const id = laterMentionAnchor(mention.article, mention.person, marked.length + 1);
            marked.push(id);
            return { type: 'personMark', data: { id }, children: [{ type: 'text', value: text }] };
          },
        })),
      );
    }
    options.onMarked?.(anchors);
  };
}
