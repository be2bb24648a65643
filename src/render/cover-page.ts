// The cover picture's page, as templates/cover-image.njk makes it: HTML
// parsed into elements, the CSS cascade computed for the properties the
// cover draws, and the boxes that come of it. A small CSS engine for a page
// of a few dozen elements: type, class, id, :root, descendant and child
// selectors; block and flex boxes; colours, borders, backgrounds and text. Anything else in the CSS is left out, as a
// browser leaves out what it does not know; nothing in it is ever fetched
// (it has no images), and elements that would need more than text and boxes
// (pictures, frames, forms, scripts) are refused.
import type { Element as HastElement, Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Line } from './cover-layout.js';

/** The page's size in CSS pixels (the picture has twice as many). */
export const PAGE = { width: 800, height: 1280 };
export const TEMPLATE = 'cover-image.njk';

// ---------------------------------------------------------------------------
// HTML: the template's page as a tree of elements.

export interface Element {
  type: string;
  attributes: Record<string, string>;
  children: (Element | string)[];
}

export interface Page {
  root: Element;
  /** The text of the style elements. */
  stylesheet: string;
}

/** What a cover may be made of: text, boxes and their styles. */
const ALLOWED = new Set(
  [
    'html head meta title style body',
    'section header footer main article aside nav div span p br hr address',
    'h1 h2 h3 h4 h5 h6 dl dt dd ul ol li blockquote figure figcaption',
    'time strong b em i small abbr cite q sub sup mark s u del ins dfn var code kbd samp bdi bdo data',
  ]
    .join(' ')
    .split(' '),
);
/** Elements whose text is not drawn: the stylesheet, and the page's title. */
const RAW_TEXT = new Set(['style', 'title']);

/** The template's page, parsed as a browser parses it (rehype-parse, that is parse5). */
export function parsePage(html: string): Page {
  const styles: string[] = [];
  const convert = (node: HastElement): Element => {
    const name = node.tagName;
    if (!ALLOWED.has(name)) {
      throw new Error(`${TEMPLATE}: <${name}> cannot be drawn on the cover picture, which is made of text and CSS boxes only (${[...ALLOWED].join(', ')})`);
    }
    const { id, className, lang, dir, style } = node.properties;
    const element: Element = {
      type: name,
      attributes: {
        ...(id !== undefined ? { id: String(id) } : {}),
        ...(Array.isArray(className) ? { class: className.join(' ') } : {}),
        ...(lang !== undefined ? { lang: String(lang) } : {}),
        ...(dir !== undefined ? { dir: String(dir) } : {}),
        ...(style !== undefined ? { style: String(style) } : {}),
      },
      children: [],
    };
    if (RAW_TEXT.has(name)) {
      if (name === 'style') styles.push(node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
      return element;
    }
    for (const child of node.children) {
      if (child.type === 'element') element.children.push(convert(child));
      else if (child.type === 'text') element.children.push(child.value);
    }
    return element;
  };
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const root = tree.children.find((node): node is HastElement => node.type === 'element');
  if (!root) throw new Error(`${TEMPLATE} made no page`);
  return { root: convert(root), stylesheet: styles.join('\n') };
}

// ---------------------------------------------------------------------------
// CSS: rules, selectors (type, class, id, :root, descendant and child), and
// the cascade of the properties this file draws.

interface Rule {
  selectors: Selector[];
  declarations: Declaration[];
  order: number;
}

interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** Compound selectors right to left, each with the combinator on its left. */
interface Selector {
  parts: { type?: string; id?: string; classes: string[]; combinator: ' ' | '>' | '' }[];
  specificity: number;
}

function parseStylesheet(css: string): Rule[] {
  const rules: Rule[] = [];
  const read = (text: string) => {
    let at = 0;
    while (at < text.length) {
      const open = findOutside(text, '{', at);
      if (open === -1) break;
      const close = matchingBrace(text, open);
      const prelude = text.slice(at, open).replace(/^(?:[\s;]|@[^;{]*;)*/, '').trim();
      const body = text.slice(open + 1, close === -1 ? text.length : close);
      at = close === -1 ? text.length : close + 1;
      if (prelude.startsWith('@')) {
        // A picture is neither print nor a dark screen: only `@media screen` and `all` without conditions apply.
        if (/^@media\s+(only\s+)?(all|screen)\s*$/i.test(prelude) || /^@(supports|layer)\b/i.test(prelude)) read(body);
        continue;
      }
      const selectors = splitOutside(prelude, ',').map(parseSelector);
      const declarations = parseDeclarations(body);
      const valid = selectors.filter((selector): selector is Selector => selector !== undefined);
      if (valid.length > 0 && declarations.length > 0) rules.push({ selectors: valid, declarations, order: rules.length });
    }
  };
  read(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  return rules;
}

function parseDeclarations(text: string): Declaration[] {
  const declarations: Declaration[] = [];
  for (const part of splitOutside(text, ';')) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    const name = part.slice(0, colon).trim();
    let value = part.slice(colon + 1).trim();
    const important = /!\s*important\s*$/i.test(value);
    if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
    if (name && value) declarations.push({ property: name.startsWith('--') ? name : name.toLowerCase(), value, important });
  }
  return declarations;
}

/** A selector this file follows, or undefined (pseudo-classes, attributes, siblings: the rule is left out). */
function parseSelector(text: string): Selector | undefined {
  const tokens = text.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/).filter(Boolean);
  const parts: Selector['parts'] = [];
  let specificity = 0;
  let combinator: ' ' | '>' = ' ';
  for (const token of tokens) {
    if (token === '>') {
      if (parts.length === 0) return undefined;
      combinator = '>';
      continue;
    }
    const compound = /^(\*|[a-zA-Z][\w-]*|:root)?((?:[.#][\w-]+)*)$/.exec(token);
    if (!compound || (compound[1] === undefined && !compound[2])) return undefined;
    const isRoot = compound[1] === ':root';
    const type = isRoot ? 'html' : compound[1] === '*' ? undefined : compound[1]?.toLowerCase();
    const ids = [...(compound[2] ?? '').matchAll(/#([\w-]+)/g)].map((match) => match[1]!);
    const classes = [...(compound[2] ?? '').matchAll(/\.([\w-]+)/g)].map((match) => match[1]!);
    if (ids.length > 1) return undefined;
    specificity += ids.length * 10_000 + (classes.length + (isRoot ? 1 : 0)) * 100 + (type && !isRoot ? 1 : 0);
    parts.push({ ...(type ? { type } : {}), ...(ids[0] ? { id: ids[0] } : {}), classes, combinator: parts.length === 0 ? '' : combinator });
    combinator = ' ';
  }
  return parts.length === 0 ? undefined : { parts: parts.reverse(), specificity };
}

function matches(selector: Selector, element: Element, ancestors: Element[], from = 0): boolean {
  const part = selector.parts[from];
  if (!part) return false;
  if (part.type && part.type !== element.type) return false;
  if (part.id && element.attributes.id !== part.id) return false;
  if (part.classes.length > 0) {
    const classes = (element.attributes.class ?? '').split(/\s+/);
    if (!part.classes.every((name) => classes.includes(name))) return false;
  }
  if (from + 1 >= selector.parts.length) return true;
  if (part.combinator === '>') return ancestors.length > 0 && matches(selector, ancestors[0]!, ancestors.slice(1), from + 1);
  for (let index = 0; index < ancestors.length; index++) if (matches(selector, ancestors[index]!, ancestors.slice(index + 1), from + 1)) return true;
  return false;
}

/** Splits at `separator` where it is outside quotes and brackets. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  const atSeparator = (char: string) => {
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    else return char === separator && depth === 0;
    return false;
  };
  let start = 0;
  for (let at = scanOutsideQuotes(text, 0, atSeparator); at !== -1; at = scanOutsideQuotes(text, start, atSeparator)) {
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** The first index from `from` outside quoted strings where `stop` says yes, or -1. */
function scanOutsideQuotes(text: string, from: number, stop: (char: string) => boolean): number {
  let quote = '';
  for (let index = from; index < text.length; index++) {
    const current = text[index]!;
    if (quote) {
      if (current === '\\') index++;
      else if (current === quote) quote = '';
    } else if (current === '"' || current === "'") quote = current;
    else if (stop(current)) return index;
  }
  return -1;
}

function findOutside(text: string, char: string, from: number): number {
  return scanOutsideQuotes(text, from, (current) => current === char);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  return scanOutsideQuotes(text, open, (current) => {
    if (current === '{') depth++;
    return current === '}' && --depth === 0;
  });
}

// Computed styles.

export type Length = { px: number } | { percent: number } | 'auto';
export type Sides<T> = [top: T, right: T, bottom: T, left: T];

export interface Colour {
  r: number;
  g: number;
  b: number;
  a: number;
}

export interface Style {
  display: 'block' | 'flex' | 'inline' | 'none';
  /** `display: list-item`: a block with a marker. */
  listItem: boolean;
  listStyleType: string;
  flexDirection: 'row' | 'column';
  justifyContent: string;
  alignItems: string;
  alignSelf: string;
  flexGrow: number;
  rowGap: number;
  columnGap: number;
  width: Length;
  height: Length;
  minHeight: Length;
  maxWidth: Length;
  boxSizing: 'content-box' | 'border-box';
  margin: Sides<Length>;
  padding: Sides<Length>;
  borderWidth: Sides<number>;
  borderStyle: Sides<string>;
  borderColour: Sides<Colour | undefined>;
  background?: Colour;
  colour: Colour;
  fontFamily: string[];
  fontSize: number;
  fontWeight: number;
  italic: boolean;
  /** `normal`, a factor of the font size, or pixels. */
  lineHeight: { normal: true } | { factor: number } | { px: number };
  letterSpacing: number;
  wordSpacing: number;
  textTransform: string;
  textAlign: string;
  whiteSpace: string;
  overflowWrap: string;
  wordBreak: string;
  direction: 'ltr' | 'rtl';
  lang: string;
  /** The root element's font size, for `rem`. */
  rem: number;
  custom: Map<string, string>;
}

const BLACK: Colour = { r: 0, g: 0, b: 0, a: 1 };

function initialStyle(): Style {
  return {
    display: 'inline',
    listItem: false,
    listStyleType: 'disc',
    flexDirection: 'row',
    justifyContent: 'flex-start',
    alignItems: 'stretch',
    alignSelf: 'auto',
    flexGrow: 0,
    rowGap: 0,
    columnGap: 0,
    width: 'auto',
    height: 'auto',
    minHeight: 'auto',
    maxWidth: 'auto',
    boxSizing: 'content-box',
    margin: [{ px: 0 }, { px: 0 }, { px: 0 }, { px: 0 }],
    padding: [{ px: 0 }, { px: 0 }, { px: 0 }, { px: 0 }],
    borderWidth: [3, 3, 3, 3],
    borderStyle: ['none', 'none', 'none', 'none'],
    borderColour: [undefined, undefined, undefined, undefined],
    colour: BLACK,
    fontFamily: ['serif'],
    fontSize: 16,
    fontWeight: 400,
    italic: false,
    lineHeight: { normal: true },
    letterSpacing: 0,
    wordSpacing: 0,
    textTransform: 'none',
    textAlign: 'start',
    whiteSpace: 'normal',
    overflowWrap: 'normal',
    wordBreak: 'normal',
    direction: 'ltr',
    lang: '',
    rem: 16,
    custom: new Map(),
  };
}

/** The inherited part of a style, for a child (or an anonymous box). */
export function inherit(parent: Style): Style {
  const style = initialStyle();
  for (const key of ['listStyleType', 'colour', 'fontFamily', 'fontSize', 'fontWeight', 'italic', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textTransform', 'textAlign', 'whiteSpace', 'overflowWrap', 'wordBreak', 'direction', 'lang', 'rem', 'custom'] as const) {
    (style as unknown as Record<string, unknown>)[key] = parent[key];
  }
  return style;
}

const BLOCK_ELEMENTS = new Set(
  'html body section header footer main article aside nav div p address h1 h2 h3 h4 h5 h6 dl dt dd ul ol li blockquote figure figcaption hr'.split(' '),
);
const HIDDEN_ELEMENTS = new Set(['head', 'meta', 'title', 'style']);

/** Chromium's default styles for these elements, as declarations under the page's own. */
const PRESETS: Record<string, string> = {
  body: 'margin: 8px',
  p: 'margin: 1em 0',
  h1: 'font-size: 2em; margin: 0.67em 0; font-weight: bold',
  h2: 'font-size: 1.5em; margin: 0.83em 0; font-weight: bold',
  h3: 'font-size: 1.17em; margin: 1em 0; font-weight: bold',
  h4: 'margin: 1.33em 0; font-weight: bold',
  h5: 'font-size: 0.83em; margin: 1.67em 0; font-weight: bold',
  h6: 'font-size: 0.67em; margin: 2.33em 0; font-weight: bold',
  dl: 'margin: 1em 0',
  dd: 'margin-left: 40px',
  ul: 'margin: 1em 0; padding-left: 40px; list-style-type: disc',
  ol: 'margin: 1em 0; padding-left: 40px; list-style-type: decimal',
  li: 'display: list-item',
  blockquote: 'margin: 1em 40px',
  figure: 'margin: 1em 40px',
  hr: 'margin: 0.5em 0; border: 1px solid #808080',
  address: 'font-style: italic',
  strong: 'font-weight: bolder',
  b: 'font-weight: bolder',
  em: 'font-style: italic',
  i: 'font-style: italic',
  cite: 'font-style: italic',
  var: 'font-style: italic',
  dfn: 'font-style: italic',
  small: 'font-size: smaller',
  sub: 'font-size: smaller',
  sup: 'font-size: smaller',
  code: 'font-family: monospace',
  kbd: 'font-family: monospace',
  samp: 'font-family: monospace',
};
const presetDeclarations = new Map(Object.entries(PRESETS).map(([name, text]) => [name, parseDeclarations(text)]));

class Cascade {
  private readonly rules: Rule[];

  constructor(stylesheet: string) {
    this.rules = parseStylesheet(stylesheet);
  }

  /** The computed style of an element, from its parent's. */
  style(element: Element, ancestors: Element[], parent: Style | undefined): Style {
    const style = parent ? inherit(parent) : initialStyle();
    style.display = HIDDEN_ELEMENTS.has(element.type) ? 'none' : BLOCK_ELEMENTS.has(element.type) ? 'block' : 'inline';
    if (element.attributes.lang !== undefined) style.lang = element.attributes.lang;
    if (element.attributes.dir === 'rtl' || element.attributes.dir === 'ltr') style.direction = element.attributes.dir;
    const matched = this.rules
      .flatMap((rule) => {
        const specificity = Math.max(-1, ...rule.selectors.filter((selector) => matches(selector, element, ancestors)).map((selector) => selector.specificity));
        return specificity < 0 ? [] : [{ rule, specificity }];
      })
      .sort((a, b) => a.specificity - b.specificity || a.rule.order - b.rule.order);
    const inline = element.attributes.style ? parseDeclarations(element.attributes.style) : [];
    const author = [...matched.flatMap(({ rule }) => rule.declarations), ...inline];
    const declarations = [...(presetDeclarations.get(element.type) ?? []), ...author.filter((d) => !d.important), ...author.filter((d) => d.important)];
    // Custom properties first (they inherit), then the font size, which `em` lengths need.
    const custom = new Map(style.custom);
    for (const declaration of declarations) if (declaration.property.startsWith('--')) custom.set(declaration.property, declaration.value);
    style.custom = custom;
    const values = new Map<string, string>();
    for (const { property, value } of declarations) {
      if (property.startsWith('--')) continue;
      const resolved = resolveVariables(value, custom);
      for (const [longhand, part] of expandShorthand(property, resolved)) values.set(longhand, part);
    }
    const parentStyle = parent ?? initialStyle();
    const fontSize = values.get('font-size');
    if (fontSize !== undefined) style.fontSize = parseFontSize(fontSize, parentStyle.fontSize, parentStyle.rem) ?? style.fontSize;
    // `rem`: the root element's font size.
    if (!parent) style.rem = style.fontSize;
    for (const [property, value] of values) applyProperty(style, parentStyle, property, value);
    return style;
  }
}

function resolveVariables(value: string, custom: Map<string, string>, depth = 0): string {
  if (depth > 8 || !value.includes('var(')) return value;
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g, (_, name: string, fallback?: string) =>
    resolveVariables(custom.get(name) ?? fallback ?? '', custom, depth + 1),
  );
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** A shorthand as its longhands: `margin: 0 0 30px` → `margin-top: 0`, … */
function expandShorthand(property: string, value: string): [string, string][] {
  const boxValues = (prefix: string, suffix = '') => {
    const parts = splitSpaces(value);
    const [top = '0', right = top, bottom = top, left = right] = parts;
    return [top, right, bottom, left].map((part, index) => [`${prefix}-${SIDES[index]}${suffix}`, part] as [string, string]);
  };
  switch (property) {
    case 'margin':
    case 'padding':
      return boxValues(property);
    case 'border-width':
    case 'border-style':
    case 'border-color':
      return boxValues('border', `-${property.slice(7)}`);
    case 'border':
    case 'border-top':
    case 'border-right':
    case 'border-bottom':
    case 'border-left': {
      const sides = property === 'border' ? SIDES : [property.slice(7) as (typeof SIDES)[number]];
      let width = 'medium';
      let style = 'none';
      let colour = 'currentcolor';
      for (const part of splitSpaces(value)) {
        if (/^(none|hidden|solid|dashed|dotted|double|groove|ridge|inset|outset)$/i.test(part)) style = part;
        else if (/^(thin|medium|thick|[\d.]+[a-z%]*)$/i.test(part)) width = part;
        else colour = part;
      }
      return sides.flatMap((side) => [[`border-${side}-width`, width], [`border-${side}-style`, style], [`border-${side}-color`, colour]] as [string, string][]);
    }
    case 'font': {
      const match = FONT_SHORTHAND.exec(value);
      if (!match) return [];
      let style = 'normal';
      let weight = 'normal';
      for (const word of (match[1] ?? '').split(/\s+/).filter(Boolean)) {
        if (/^(italic|oblique)$/i.test(word)) style = word;
        else if (/^(bold|bolder|lighter|\d+)$/i.test(word)) weight = word;
      }
      return [['font-style', style], ['font-weight', weight], ['font-size', match[2]!], ['line-height', match[3] ?? 'normal'], ['font-family', match[4]!]];
    }
    case 'background': {
      const colour = splitSpaces(value).find((part) => parseColour(part) !== undefined);
      return colour ? [['background-color', colour]] : [];
    }
    case 'gap': {
      const [row = '0', column = row] = splitSpaces(value);
      return [['row-gap', row], ['column-gap', column]];
    }
    case 'flex': {
      const [grow = '0'] = splitSpaces(value);
      return [['flex-grow', value === 'none' ? '0' : value === 'auto' ? '1' : grow]];
    }
    case 'flex-flow':
      return splitSpaces(value)
        .filter((part) => /^(row|column)/.test(part))
        .map((part) => ['flex-direction', part] as [string, string]);
    case 'word-wrap':
      return [['overflow-wrap', value]];
    case 'list-style': {
      const type = splitSpaces(value).find((part) => !/^(inside|outside|url\(.*)$/i.test(part));
      return type ? [['list-style-type', type]] : [];
    }
    default:
      return [[property, value]];
  }
}

/** `[style] [variant] [weight] [stretch] size[/line-height] family, …` */
const FONT_SHORTHAND =
  /^((?:[^\s,]+\s+)*?)([\d.]+(?:px|pt|pc|em|rem|ex|ch|vw|vh|vmin|vmax|in|cm|mm|q|%)|0|(?:xx?-|xxx-)?(?:small|large)|medium|smaller|larger)(?:\s*\/\s*([^\s,]+))?\s+(.+)$/i;

function splitSpaces(value: string): string[] {
  return splitOutside(value.trim().replace(/\s+/g, ' '), ' ').filter(Boolean);
}

function applyProperty(style: Style, parent: Style, property: string, raw: string) {
  const value = raw.trim();
  const keyword = value.toLowerCase();
  if (keyword === 'inherit' || keyword === 'initial' || keyword === 'unset' || keyword === 'revert') {
    const from = keyword === 'inherit' ? parent : initialStyle();
    copyProperty(style, from, property);
    return;
  }
  const em = style.fontSize;
  const side = SIDES.findIndex((name) => property.endsWith(`-${name}`) || property.includes(`-${name}-`));
  switch (property) {
    case 'display':
      if (keyword === 'none') style.display = 'none';
      else if (keyword === 'flex' || keyword === 'inline-flex') style.display = 'flex';
      else if (keyword === 'inline') style.display = 'inline';
      else if (/^(block|list-item|flow-root|inline-block|table|grid)$/.test(keyword)) style.display = 'block';
      style.listItem = keyword === 'list-item';
      break;
    case 'list-style-type':
      style.listStyleType = keyword;
      break;
    case 'flex-direction':
      style.flexDirection = keyword.startsWith('column') ? 'column' : 'row';
      break;
    case 'justify-content':
      style.justifyContent = keyword.replace(/^(start|left)$/, 'flex-start').replace(/^(end|right)$/, 'flex-end');
      break;
    case 'align-items':
    case 'align-self':
      style[property === 'align-items' ? 'alignItems' : 'alignSelf'] = keyword.replace(/^(start|self-start)$/, 'flex-start').replace(/^(end|self-end)$/, 'flex-end').replace('normal', property === 'align-items' ? 'stretch' : 'auto');
      break;
    case 'flex-grow':
      style.flexGrow = Math.max(0, Number(value) || 0);
      break;
    case 'row-gap':
    case 'column-gap': {
      const length = parseLength(value, em, false, style.rem);
      if (length && length !== 'auto' && 'px' in length) style[property === 'row-gap' ? 'rowGap' : 'columnGap'] = length.px;
      break;
    }
    case 'width':
    case 'height':
    case 'min-height':
    case 'max-width': {
      const length = parseLength(value, em, true, style.rem);
      const key = ({ width: 'width', height: 'height', 'min-height': 'minHeight', 'max-width': 'maxWidth' } as const)[property];
      if (length) style[key] = keyword === 'none' ? 'auto' : length;
      break;
    }
    case 'box-sizing':
      style.boxSizing = keyword === 'border-box' ? 'border-box' : 'content-box';
      break;
    case 'margin-top':
    case 'margin-right':
    case 'margin-bottom':
    case 'margin-left':
    case 'padding-top':
    case 'padding-right':
    case 'padding-bottom':
    case 'padding-left': {
      const length = parseLength(value, em, property.startsWith('margin'), style.rem);
      if (length) style[property.startsWith('margin') ? 'margin' : 'padding'][side] = length;
      break;
    }
    case 'border-top-width':
    case 'border-right-width':
    case 'border-bottom-width':
    case 'border-left-width': {
      const named: Record<string, number> = { thin: 1, medium: 3, thick: 5 };
      const length = named[keyword] !== undefined ? { px: named[keyword] } : parseLength(value, em, false, style.rem);
      style.borderWidth = [...style.borderWidth];
      if (length && length !== 'auto' && 'px' in length) style.borderWidth[side] = Math.max(0, length.px);
      break;
    }
    case 'border-top-style':
    case 'border-right-style':
    case 'border-bottom-style':
    case 'border-left-style':
      // Widths count only with a style that draws; each style draws as a solid line.
      style.borderStyle = [...style.borderStyle];
      style.borderStyle[side] = keyword;
      break;
    case 'border-top-color':
    case 'border-right-color':
    case 'border-bottom-color':
    case 'border-left-color': {
      const colour = keyword === 'currentcolor' ? undefined : parseColour(value);
      style.borderColour = [...style.borderColour];
      if (colour || keyword === 'currentcolor') style.borderColour[side] = colour;
      break;
    }
    case 'background-color': {
      const colour = parseColour(value);
      if (colour) style.background = colour.a > 0 ? colour : undefined;
      break;
    }
    case 'color': {
      const colour = keyword === 'currentcolor' ? parent.colour : parseColour(value);
      if (colour) style.colour = colour;
      break;
    }
    case 'font-family': {
      const families = splitOutside(value, ',')
        .map((family) => family.trim().replace(/^(["'])(.*)\1$/, '$2').trim())
        .filter(Boolean);
      if (families.length > 0) style.fontFamily = families;
      break;
    }
    case 'font-weight': {
      const weight = parseWeight(keyword, parent.fontWeight);
      if (weight) style.fontWeight = weight;
      break;
    }
    case 'font-style':
      style.italic = /^(italic|oblique)/.test(keyword);
      break;
    case 'line-height':
      if (keyword === 'normal') style.lineHeight = { normal: true };
      else if (/^[\d.]+$/.test(value)) style.lineHeight = { factor: Number(value) };
      else {
        const length = parseLength(value, em, false, style.rem);
        if (length && length !== 'auto') style.lineHeight = 'px' in length ? { px: length.px } : { factor: length.percent / 100 };
      }
      break;
    case 'letter-spacing':
    case 'word-spacing': {
      const length = keyword === 'normal' ? { px: 0 } : parseLength(value, em, false, style.rem);
      if (length && length !== 'auto' && 'px' in length) style[property === 'letter-spacing' ? 'letterSpacing' : 'wordSpacing'] = length.px;
      break;
    }
    case 'text-transform':
      style.textTransform = keyword;
      break;
    case 'text-align':
      style.textAlign = keyword.replace(/^-webkit-/, '');
      break;
    case 'white-space':
      style.whiteSpace = keyword;
      break;
    case 'overflow-wrap':
      style.overflowWrap = keyword;
      break;
    case 'word-break':
      style.wordBreak = keyword;
      break;
    case 'direction':
      if (keyword === 'rtl' || keyword === 'ltr') style.direction = keyword;
      break;
  }
}

function copyProperty(style: Style, from: Style, property: string) {
  const key = property.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const map: Record<string, keyof Style> = { color: 'colour', fontStyle: 'italic', backgroundColor: 'background' };
  const target = map[key] ?? (key as keyof Style);
  if (target in from) (style as unknown as Record<string, unknown>)[target] = from[target];
}

function parseLength(value: string, em: number, allowAuto = false, rem = 16): Length | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'auto' || text === 'none') return allowAuto ? 'auto' : undefined;
  const match = /^(-?[\d.]+)(px|em|rem|%|pt|pc|in|cm|mm|q|vw|vh|ex|ch)?$/.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return undefined;
  switch (match[2]) {
    case undefined:
      return number === 0 ? { px: 0 } : undefined;
    case 'px':
      return { px: number };
    case 'em':
      return { px: number * em };
    case 'rem':
      return { px: number * rem };
    case 'ex':
    case 'ch':
      return { px: number * em * 0.5 };
    case '%':
      return { percent: number };
    case 'pt':
      return { px: (number * 4) / 3 };
    case 'pc':
      return { px: number * 16 };
    case 'in':
      return { px: number * 96 };
    case 'cm':
      return { px: (number * 96) / 2.54 };
    case 'mm':
      return { px: (number * 96) / 25.4 };
    case 'q':
      return { px: (number * 96) / 101.6 };
    case 'vw':
      return { px: (number * PAGE.width) / 100 };
    case 'vh':
      return { px: (number * PAGE.height) / 100 };
  }
  return undefined;
}

function parseFontSize(value: string, parent: number, rem: number): number | undefined {
  const keywords: Record<string, number> = { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32, 'xxx-large': 48 };
  const text = value.trim().toLowerCase();
  if (keywords[text]) return keywords[text];
  if (text === 'smaller') return parent / 1.2;
  if (text === 'larger') return parent * 1.2;
  const length = parseLength(text, parent, false, rem);
  if (!length || length === 'auto') return undefined;
  return 'px' in length ? Math.max(0, length.px) : (parent * length.percent) / 100;
}

function parseWeight(value: string, parent: number): number | undefined {
  if (value === 'normal') return 400;
  if (value === 'bold') return 700;
  if (value === 'bolder') return parent < 350 ? 400 : parent < 550 ? 700 : 900;
  if (value === 'lighter') return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  const number = Number(value);
  return number >= 1 && number <= 1000 ? number : undefined;
}

const NAMED_COLOURS: Record<string, string> = {
  black: '000000', white: 'ffffff', red: 'ff0000', green: '008000', blue: '0000ff', yellow: 'ffff00', orange: 'ffa500',
  purple: '800080', gray: '808080', grey: '808080', silver: 'c0c0c0', maroon: '800000', navy: '000080', teal: '008080',
  olive: '808000', lime: '00ff00', aqua: '00ffff', fuchsia: 'ff00ff', darkred: '8b0000', darkblue: '00008b',
  darkgreen: '006400', darkgray: 'a9a9a9', darkgrey: 'a9a9a9', dimgray: '696969', dimgrey: '696969', lightgray: 'd3d3d3',
  lightgrey: 'd3d3d3', gainsboro: 'dcdcdc', whitesmoke: 'f5f5f5', ivory: 'fffff0', beige: 'f5f5dc', linen: 'faf0e6',
  snow: 'fffafa', crimson: 'dc143c', firebrick: 'b22222', brown: 'a52a2a', gold: 'ffd700', slategray: '708090',
  slategrey: '708090', darkslategray: '2f4f4f', darkslategrey: '2f4f4f', steelblue: '4682b4', midnightblue: '191970',
};

function parseColour(value: string): Colour | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = NAMED_COLOURS[text] ?? (/^#([0-9a-f]{3,8})$/.exec(text)?.[1] ?? '');
  if (hex.length === 3 || hex.length === 4) {
    const [r, g, b, a = 'f'] = hex.split('').map((digit) => digit + digit) as string[];
    return { r: parseInt(r!, 16), g: parseInt(g!, 16), b: parseInt(b!, 16), a: parseInt(a, 16) / 255 };
  }
  if (hex.length === 6 || hex.length === 8) {
    return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16), a: hex.length === 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1 };
  }
  const functional = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(text);
  if (!functional) return undefined;
  const parts = functional[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const number = (part: string, scale: number) => (part.endsWith('%') ? (Number(part.slice(0, -1)) / 100) * scale : Number(part));
  const alpha = parts[3] === undefined ? 1 : number(parts[3], 1);
  if (functional[1]!.startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((part) => Math.round(Math.min(255, Math.max(0, number(part, 255)))));
    return [r, g, b, alpha].every(Number.isFinite) ? { r: r!, g: g!, b: b!, a: Math.min(1, Math.max(0, alpha)) } : undefined;
  }
  const hue = (((Number(parts[0]!.replace(/deg$/, '')) % 360) + 360) % 360) / 360;
  const saturation = number(parts[1]!, 1);
  const light = number(parts[2]!, 1);
  const q = light < 0.5 ? light * (1 + saturation) : light + saturation - light * saturation;
  const p = 2 * light - q;
  const channel = (t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = x < 1 / 6 ? p + (q - p) * 6 * x : x < 1 / 2 ? q : x < 2 / 3 ? p + (q - p) * (2 / 3 - x) * 6 : p;
    return Math.round(Math.min(1, Math.max(0, v)) * 255);
  };
  const colour = { r: channel(hue + 1 / 3), g: channel(hue), b: channel(hue - 1 / 3), a: Math.min(1, Math.max(0, alpha)) };
  return Object.values(colour).every(Number.isFinite) ? colour : undefined;
}

// ---------------------------------------------------------------------------
// Boxes: block and flex boxes, and the lines of text in them.

export interface Box {
  style: Style;
  children: Box[];
  /** Text and line breaks, for a box whose content is inline. */
  inline: InlineItem[];
  /** Position of the border box, relative to the parent's content box. */
  x: number;
  y: number;
  width: number;
  height: number;
  margin: Sides<number>;
  padding: Sides<number>;
  lines: Line[];
  /** The body's background, painted over the whole picture instead. */
  propagatedBackground?: boolean;
  /** A list item's marker (`•`, `3.`), drawn left of its first line. */
  marker?: string;
}

export type InlineItem = { text: string; style: Style } | { lineBreak: true; style: Style };

function newBox(style: Style): Box {
  return { style, children: [], inline: [], x: 0, y: 0, width: 0, height: 0, margin: [0, 0, 0, 0], padding: [0, 0, 0, 0], lines: [] };
}

/** The boxes of the page: one for each element that is a block or flex box, text and inline elements as their content. */
export function buildBoxes(page: Page): Box {
  const cascade = new Cascade(page.stylesheet);
  const build = (element: Element, ancestors: Element[], style: Style): Box => {
    const box = newBox(style);
    let pending: InlineItem[] = [];
    const flush = () => {
      if (pending.some((item) => 'lineBreak' in item || /\S/.test(item.text))) {
        const anonymous = newBox({ ...inherit(style), display: 'block' });
        anonymous.inline = pending;
        box.children.push(anonymous);
      }
      pending = [];
    };
    const collect = (node: Element | string, parentStyle: Style, chain: Element[]) => {
      if (typeof node === 'string') {
        pending.push({ text: node, style: parentStyle });
        return;
      }
      const childStyle = cascade.style(node, chain, parentStyle);
      if (childStyle.display === 'none') return;
      if (childStyle.display === 'inline') {
        if (node.type === 'br') pending.push({ lineBreak: true, style: childStyle });
        for (const child of node.children) collect(child, childStyle, [node, ...chain]);
        return;
      }
      flush();
      const child = build(node, chain, childStyle);
      if (childStyle.listItem) child.marker = marker(childStyle.listStyleType, box.children.filter((other) => other.style.listItem).length + 1);
      box.children.push(child);
    };
    for (const child of element.children) collect(child, style, [element, ...ancestors]);
    if (box.children.length === 0) box.inline = pending;
    else flush();
    return box;
  };
  const rootStyle = cascade.style(page.root, [], undefined);
  rootStyle.display = rootStyle.display === 'flex' ? 'flex' : 'block';
  return build(page.root, [], rootStyle);
}

/** A list item's marker, with the space after it. */
function marker(type: string, number: number): string | undefined {
  const markers: Record<string, string> = { disc: '•', circle: '◦', square: '▪' };
  if (markers[type]) return `${markers[type]} `;
  if (type === 'decimal') return `${number}. `;
  if (type === 'decimal-leading-zero') return `${String(number).padStart(2, '0')}. `;
  if (type === 'lower-alpha' || type === 'lower-latin' || type === 'upper-alpha' || type === 'upper-latin') {
    const letter = String.fromCharCode(97 + ((number - 1) % 26));
    return `${type.startsWith('upper') ? letter.toUpperCase() : letter}. `;
  }
  if (type === 'lower-roman' || type === 'upper-roman') {
    let rest = number;
    let roman = '';
    for (const [value, digits] of [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']] as const) {
      for (; rest >= value; rest -= value) roman += digits;
    }
    return `${type.startsWith('upper') ? roman.toUpperCase() : roman}. `;
  }
  return undefined;
}

/** A length in pixels, percentages of `base`; `auto` as 0. */
export function resolve(length: Length, base: number): number {
  if (length === 'auto') return 0;
  return 'px' in length ? length.px : (length.percent / 100) * base;
}

/** Border widths that draw: none where the style is `none` or `hidden`. */
export function borderWidths(style: Style): Sides<number> {
  return style.borderWidth.map((width, side) => (/^(none|hidden)$/.test(style.borderStyle[side]!) ? 0 : width)) as Sides<number>;
}
