// The cover page's HTML as the tree of elements satori draws: read by
// rehype-parse as a browser reads it, then element by element from a short
// list of those that hold text and boxes. Anything that would show a picture
// or load something (<img>, <svg>, <link>, <script>, url() in the CSS) is
// refused or taken out, so nothing is fetched and no input is ever more than
// text on the picture.
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** What satori takes: a React element, without React. */
export interface CoverNode {
  type: string;
  props: { children?: (CoverNode | string)[]; [attribute: string]: unknown };
}

export interface CoverTree {
  root: CoverNode;
  /** The page's stylesheets, with nothing left in them that could load. */
  css: string;
  /** Every character the page draws (its text and the CSS's strings), for choosing fonts. */
  text: string;
}

const ELEMENTS = [
  'html', 'body', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'aside',
  'small', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'abbr', 'cite', 'q', 'time', 'br', 'hr', 'blockquote',
  'dl', 'dt', 'dd', 'ul', 'ol', 'li',
];
const ALLOWED = new Set(ELEMENTS);
/** In <head>: what it holds besides the stylesheets is not drawn. */
const HEAD = new Set(['head', 'title', 'meta']);
const ATTRIBUTES = ['id', 'lang', 'dir'] as const;

export function coverTree(html: string): CoverTree {
  const document = unified().use(rehypeParse).parse(html) as Root;
  const styles: string[] = [];
  const text: string[] = [];
  const convert = (element: Element): CoverNode | undefined => {
    const name = element.tagName;
    if (name === 'style') {
      styles.push(element.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
      return undefined;
    }
    if (HEAD.has(name)) {
      element.children.forEach((child) => child.type === 'element' && convert(child));
      return undefined;
    }
    if (!ALLOWED.has(name)) {
      throw new Error(`<${name}> cannot be drawn on the cover picture, which takes only text and boxes: ${ELEMENTS.map((allowed) => `<${allowed}>`).join(' ')}`);
    }
    const props: CoverNode['props'] = {};
    const classes = element.properties.className;
    if (Array.isArray(classes) && classes.length > 0) props.className = classes.join(' ');
    for (const attribute of ATTRIBUTES) if (typeof element.properties[attribute] === 'string') props[attribute] = element.properties[attribute];
    if (typeof element.properties.style === 'string') props.style = inlineStyle(element.properties.style);
    const children = element.children.flatMap((child: ElementContent): (CoverNode | string)[] => {
      if (child.type === 'text') {
        text.push(child.value);
        return [child.value];
      }
      if (child.type !== 'element') return [];
      const node = convert(child);
      return node ? [node] : [];
    });
    if (children.length > 0) props.children = children;
    return { type: name, props };
  };
  const htmlElement = document.children.find((child): child is Element => child.type === 'element' && child.tagName === 'html');
  const root = htmlElement && convert(htmlElement);
  if (!root) throw new Error('the cover template gave no <html> page');
  const css = inertCss(styles.join('\n'));
  // The stylesheet goes first, as satori applies a <style> element to the whole tree.
  root.props.children = [{ type: 'style', props: { dangerouslySetInnerHTML: { __html: css } } }, ...(root.props.children ?? [])];
  return { root, css, text: text.join('') + [...css.matchAll(/"([^"]*)"|'([^']*)'/g)].map((match) => match[1] ?? match[2]).join('') };
}

/**
 * CSS with nothing left that loads: `@import`, `url()` and the image
 * functions become `none`, and an escape outside a string, which could spell
 * one of them where this cannot see it, is refused.
 */
export function inertCss(css: string): string {
  const inert = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;?/gi, '')
    .replace(/(?:url|src|image|image-set|-webkit-image-set|cross-fade|element|paint)\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\)/gi, 'none');
  const outsideStrings = inert.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  if (outsideStrings.includes('\\')) throw new Error('the cover picture\'s CSS has an escape (\\) outside a string: write the characters themselves');
  if (/url\s*\(|image-set|@import/i.test(outsideStrings)) throw new Error('the cover picture\'s CSS would load something (url(), @import), and the picture draws only text and boxes');
  return inert;
}

/** A style attribute as satori takes it: `{ fontSize: '12px' }`. */
function inlineStyle(style: string): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const declaration of inertCss(style).split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!property || !value) continue;
    // `font-size` is fontSize; `-webkit-line-clamp` is WebkitLineClamp.
    const key = property.replace(/^-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    declarations[property.startsWith('--') ? property : property.startsWith('-') ? key[0]!.toUpperCase() + key.slice(1) : key] = value;
  }
  return declarations;
}
