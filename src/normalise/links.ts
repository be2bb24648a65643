// Links keep only web and mail addresses. A relative link means nothing
// outside its site, and `javascript:` or `data:` links must never become
// active in any output, so those keep their text and lose the link.
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Only web and mail addresses may become links in any output. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

export default function remarkSafeLinks() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if ((node.type === 'link' && !isSafeUrl(node.url)) || node.type === 'linkReference') {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
