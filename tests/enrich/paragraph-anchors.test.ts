import type { Root } from 'mdast';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkParagraphAnchors from '../../src/enrich/paragraph-anchors.js';
import { paragraphId } from '../../src/ids.js';

describe('paragraph anchors', () => {
  it('numbers every paragraph of text, in quotations and list items too', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'one' }] },
        { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'two' }] }] },
        { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'item' }] }] }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'three' }] },
      ],
    };
    unified().use(remarkParagraphAnchors, { articleId: '07-x' }).runSync(tree);
    const ids: unknown[] = [];
    const walk = (node: { data?: { hProperties?: { id?: unknown } }; children?: unknown[] }) => {
      if (node.data?.hProperties?.id) ids.push(node.data.hProperties.id);
      node.children?.forEach((child) => walk(child as never));
    };
    walk(tree as never);
    expect(ids).toEqual(['07-x-p1', '07-x-p2', '07-x-p3', '07-x-p4']);
    expect(paragraphId('07-x', 4)).toBe('07-x-p4');
  });
});
