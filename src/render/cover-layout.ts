// Laying out the cover picture's boxes, setting their text and drawing them
// as SVG. Block flow (margins collapsing between siblings) and flex rows and
// columns (auto margins, justify-content, align-items); lines of text broken
// as a browser breaks them (after spaces and dashes, between Chinese and
// Japanese characters, inside a long word when overflow-wrap allows),
// shaped by HarfBuzz, right-to-left runs put in order by the Unicode
// bidirectional algorithm; line heights and baselines as Blink computes
// them. Glyphs become SVG paths (emoji, PNG pictures), so resvg needs no
// fonts of its own.
import { createRequire } from 'node:module';
import { bestFace, byCloseness, characterMap, colourGlyph, familyFaces, fontFile, installedFonts, verticalMetrics, type FaceInfo } from './cover-fonts.js';
import { borderWidths, PAGE, resolve, TEMPLATE, type Box, type Colour, type InlineItem, type Sides, type Style } from './cover-page.js';

/** Lays out the page and draws it: SVG the size of the page. */
export async function drawPage(root: Box, harfBuzz: ReturnType<typeof loadHarfBuzz>): Promise<string> {
  const fonts = await chooseFonts(root);
  await readFontFiles(fonts);
  const text = new TextEngine(await harfBuzz, fonts);
  layOutRoot(root, text);
  return paint(root, text);
}

/** Lays out the page on the picture: the root element in an 800 × 1280 viewport. */
function layOutRoot(root: Box, text: TextEngine) {
  layOut(root, PAGE.width, PAGE.height, text);
  root.x = root.margin[3];
  root.y = root.margin[0];
  // CSS: the root's background (or else the body's) covers the whole canvas.
  const body = root.children[0];
  if (!root.style.background && body?.style.background) {
    root.style = { ...root.style, background: body.style.background };
    body.propagatedBackground = true;
  }
}

/**
 * Lays out a box for a containing block `containerWidth` wide (and, when
 * known, `containerHeight` high); `width` and `height` force its border box.
 */
function layOut(box: Box, containerWidth: number, containerHeight: number | undefined, text: TextEngine, forced: { width?: number; height?: number } = {}) {
  const style = box.style;
  box.margin = style.margin.map((length) => resolve(length, containerWidth)) as Sides<number>;
  const padding = style.padding.map((length) => resolve(length, containerWidth)) as Sides<number>;
  box.padding = padding;
  const border = borderWidths(style);
  const extraWidth = padding[1] + padding[3] + border[1] + border[3];
  const extraHeight = padding[0] + padding[2] + border[0] + border[2];
  let width: number;
  if (forced.width !== undefined) width = forced.width;
  else if (style.width !== 'auto') width = resolve(style.width, containerWidth) + (style.boxSizing === 'border-box' ? 0 : extraWidth);
  else width = containerWidth - box.margin[1] - box.margin[3];
  if (style.maxWidth !== 'auto') width = Math.min(width, resolve(style.maxWidth, containerWidth) + (style.boxSizing === 'border-box' ? 0 : extraWidth));
  width = Math.max(width, extraWidth);
  // Auto side margins centre a box of a set width.
  if (forced.width === undefined && style.width !== 'auto' && style.margin[1] === 'auto' && style.margin[3] === 'auto') {
    const free = Math.max(0, containerWidth - width);
    box.margin[1] = box.margin[3] = free / 2;
  }
  box.width = width;
  const contentWidth = width - extraWidth;
  let setHeight: number | undefined;
  if (forced.height !== undefined) setHeight = forced.height - extraHeight;
  else if (style.height !== 'auto' && ('px' in style.height || containerHeight !== undefined)) {
    setHeight = resolve(style.height, containerHeight ?? 0) - (style.boxSizing === 'border-box' ? extraHeight : 0);
  }
  let contentHeight: number;
  if (box.children.length === 0) {
    box.lines = text.layOutLines(box.inline, style, contentWidth);
    contentHeight = box.lines.reduce((sum, line) => sum + line.height, 0);
  } else if (style.display === 'flex' && style.flexDirection === 'column') {
    contentHeight = layOutColumn(box, contentWidth, setHeight, text);
  } else if (style.display === 'flex') {
    contentHeight = layOutRow(box, contentWidth, setHeight, text);
  } else {
    contentHeight = layOutFlow(box, contentWidth, setHeight, text);
  }
  let height = (setHeight ?? contentHeight) + extraHeight;
  if (style.minHeight !== 'auto') height = Math.max(height, resolve(style.minHeight, containerHeight ?? 0) + (style.boxSizing === 'border-box' ? 0 : extraHeight));
  box.height = Math.max(0, height);
}


/** Block flow: children one under another, the margins between them collapsed. */
function layOutFlow(box: Box, width: number, height: number | undefined, text: TextEngine): number {
  let cursor = 0;
  let previousMargin: number | undefined;
  for (const child of box.children) {
    layOut(child, width, height, text);
    const top = child.margin[0];
    if (previousMargin !== undefined) cursor += collapse(previousMargin, top) - previousMargin;
    else cursor += top;
    child.x = child.margin[3];
    child.y = cursor;
    cursor += child.height + child.margin[2];
    previousMargin = child.margin[2];
  }
  return cursor;
}

function collapse(a: number, b: number): number {
  return Math.max(0, a, b) + Math.min(0, a, b);
}

/** A flex column: auto margins and `justify-content` share out the free height. */
function layOutColumn(box: Box, width: number, height: number | undefined, text: TextEngine): number {
  const style = box.style;
  const items = box.children;
  for (const item of items) layOutItem(item, style, width, height, text);
  const gaps = style.rowGap * Math.max(0, items.length - 1);
  const used = items.reduce((sum, item) => sum + item.margin[0] + item.height + item.margin[2], 0) + gaps;
  const free = (height ?? used) - used;
  const grow = items.reduce((sum, item) => sum + item.style.flexGrow, 0);
  if (free > 0 && grow > 0) {
    for (const item of items) {
      if (item.style.flexGrow > 0) layOutItem(item, style, width, height, text, item.height + (free * item.style.flexGrow) / grow);
    }
  }
  const remaining = (height ?? used) - items.reduce((sum, item) => sum + item.margin[0] + item.height + item.margin[2], 0) - gaps;
  const autoMargins = items.reduce((count, item) => count + (item.style.margin[0] === 'auto' ? 1 : 0) + (item.style.margin[2] === 'auto' ? 1 : 0), 0);
  let start = 0;
  let between = style.rowGap;
  if (remaining > 0 && autoMargins > 0) {
    for (const item of items) {
      if (item.style.margin[0] === 'auto') item.margin[0] = remaining / autoMargins;
      if (item.style.margin[2] === 'auto') item.margin[2] = remaining / autoMargins;
    }
  } else if (remaining > 0) {
    [start, between] = justify(style.justifyContent, remaining, items.length, style.rowGap);
  }
  let cursor = start;
  for (const item of items) {
    cursor += item.margin[0];
    item.y = cursor;
    cursor += item.height + item.margin[2] + between;
  }
  return height ?? used;
}

/** A flex row: items as wide as their content, shrunk in proportion when they do not fit. */
function layOutRow(box: Box, width: number, height: number | undefined, text: TextEngine): number {
  const style = box.style;
  const items = box.children;
  const gaps = style.columnGap * Math.max(0, items.length - 1);
  const bases = items.map((item) => {
    const margins = item.style.margin.map((length) => resolve(length, width));
    const basis = item.style.width !== 'auto' ? undefined : maxContentWidth(item, width, text);
    return { margins, basis };
  });
  const natural = items.map((item, index) => {
    layOut(item, width, height, text, bases[index]!.basis === undefined ? {} : { width: bases[index]!.basis! });
    return item.width;
  });
  const used = natural.reduce((sum, itemWidth, index) => sum + itemWidth + bases[index]!.margins[1]! + bases[index]!.margins[3]!, 0) + gaps;
  const free = width - used;
  const grow = items.reduce((sum, item) => sum + item.style.flexGrow, 0);
  const widths = natural.map((itemWidth, index) => {
    if (free > 0 && grow > 0) return itemWidth + (free * items[index]!.style.flexGrow) / grow;
    if (free < 0) return Math.max(0, itemWidth + (free * itemWidth) / Math.max(1, used - gaps));
    return itemWidth;
  });
  items.forEach((item, index) => layOut(item, width, height, text, { width: widths[index]! }));
  const lineHeight = Math.max(0, ...items.map((item) => item.margin[0] + item.height + item.margin[2]));
  const crossSize = height ?? lineHeight;
  const remaining = width - items.reduce((sum, item, index) => sum + widths[index]! + item.margin[1] + item.margin[3], 0) - gaps;
  const [start, between] = remaining > 0 ? justify(style.justifyContent, remaining, items.length, style.columnGap) : [0, style.columnGap];
  let cursor = start;
  items.forEach((child, index) => {
    const align = child.style.alignSelf === 'auto' ? style.alignItems : child.style.alignSelf;
    if (align === 'stretch' && child.style.height === 'auto') layOut(child, width, height, text, { width: widths[index]!, height: crossSize - child.margin[0] - child.margin[2] });
    cursor += child.margin[3];
    child.x = cursor;
    const space = crossSize - child.margin[0] - child.height - child.margin[2];
    child.y = child.margin[0] + (align === 'flex-end' ? space : align === 'center' ? space / 2 : 0);
    cursor += child.width + child.margin[1] + between;
  });
  return crossSize;
}

/** A flex column's item: stretched across it unless aligned otherwise. */
function layOutItem(item: Box, container: Style, width: number, height: number | undefined, text: TextEngine, forcedHeight?: number) {
  const align = item.style.alignSelf === 'auto' ? container.alignItems : item.style.alignSelf;
  const margins = item.style.margin.map((length) => resolve(length, width));
  const forced: { width?: number; height?: number } = forcedHeight === undefined ? {} : { height: forcedHeight };
  if (align !== 'stretch' && item.style.width === 'auto') forced.width = Math.min(maxContentWidth(item, width, text), width - margins[1]! - margins[3]!);
  layOut(item, width, height, text, forced);
  const space = width - item.margin[1] - item.width - item.margin[3];
  item.x = item.margin[3] + (align === 'flex-end' ? space : align === 'center' ? space / 2 : 0);
}

/** How the free space goes: before the first item, and between items. */
function justify(mode: string, free: number, count: number, gap: number): [start: number, between: number] {
  switch (mode) {
    case 'flex-end':
      return [free, gap];
    case 'center':
      return [free / 2, gap];
    case 'space-between':
      return count > 1 ? [0, gap + free / (count - 1)] : [0, gap];
    case 'space-around':
      return [free / count / 2, gap + free / count];
    case 'space-evenly':
      return [free / (count + 1), gap + free / (count + 1)];
    default:
      return [0, gap];
  }
}

/** The border box's width with no line broken but where the text says. */
function maxContentWidth(box: Box, containerWidth: number, text: TextEngine): number {
  const style = box.style;
  const padding = style.padding.map((length) => resolve(length, containerWidth));
  const border = borderWidths(style);
  const extra = padding[1]! + padding[3]! + border[1] + border[3];
  if (style.width !== 'auto') return resolve(style.width, containerWidth) + (style.boxSizing === 'border-box' ? 0 : extra);
  let content = 0;
  if (box.children.length === 0) {
    content = Math.max(0, ...text.layOutLines(box.inline, style, Infinity).map((line) => line.width));
  } else {
    const widths = box.children.map((child) => {
      const margins = child.style.margin.map((length) => resolve(length, containerWidth));
      return maxContentWidth(child, containerWidth, text) + margins[1]! + margins[3]!;
    });
    content = style.display === 'flex' && style.flexDirection === 'row' ? widths.reduce((sum, w) => sum + w, 0) + style.columnGap * Math.max(0, widths.length - 1) : Math.max(0, ...widths);
  }
  return Math.ceil(content * 64) / 64 + extra;
}

// ---------------------------------------------------------------------------
// Fonts for the text: for each style, the faces its font stack gives, in
// the order a browser tries them, and which face sets each character.

interface FontStack {
  /** Faces in order: the stack's own faces for this weight and style, then their families' other faces, then fontconfig's. */
  faces: FaceInfo[];
  /** The face for each grapheme the text in this style has. */
  byGrapheme: Map<string, FaceInfo>;
  primary: FaceInfo;
}

interface FontChoice {
  stacks: Map<string, FontStack>;
}

function styleKey(style: Style): string {
  return `${style.fontFamily.join(',').toLowerCase()}|${style.fontWeight}|${style.italic}`;
}

/** Every style the boxes set text in, with the graphemes of that text. */
function textByStyle(root: Box): Map<string, { style: Style; graphemes: Set<string> }> {
  const byStyle = new Map<string, { style: Style; graphemes: Set<string> }>();
  const visit = (box: Box) => {
    const add = (style: Style, text: string) => {
      const key = styleKey(style);
      let entry = byStyle.get(key);
      if (!entry) {
        entry = { style, graphemes: new Set() };
        byStyle.set(key, entry);
      }
      for (const { segment } of splitGraphemes(transform(text, style))) if (/\S/.test(segment)) entry.graphemes.add(segment);
    };
    // The box's own style gives the strut of its lines.
    if (box.children.length === 0) add(box.style, '');
    if (box.marker) add(box.style, box.marker);
    for (const item of box.inline) if ('text' in item) add(item.style, item.text);
    box.children.forEach(visit);
  };
  visit(root);
  return byStyle;
}

async function chooseFonts(root: Box): Promise<FontChoice> {
  const index = await installedFonts();
  const stacks = new Map<string, FontStack>();
  const asked = new Map<string, FaceInfo | undefined>();
  const found: FaceInfo[] = [];
  const styles = [...textByStyle(root)].map(([key, { style, graphemes }]) => {
    // None of the families installed: the browser's default, a serif.
    const families = style.fontFamily.some((family) => familyFaces(index, family).length > 0) ? style.fontFamily : [...style.fontFamily, 'serif', 'sans-serif'];
    const own = families.flatMap((family) => {
      const face = bestFace(familyFaces(index, family), style.fontWeight, style.italic);
      return face ? [face] : [];
    });
    return { key, style, graphemes, families, own };
  });
  // The first choice of each style, read all at once.
  await Promise.all(styles.flatMap(({ own }) => (own[0] ? [characterMap(own[0])] : [])));
  for (const { key, style, graphemes, families, own } of styles) {
    const others = families.flatMap((family) => byCloseness(familyFaces(index, family), style.fontWeight, style.italic)).filter((face) => !own.includes(face));
    const faces = [...new Set([...own, ...others])];
    const byGrapheme = new Map<string, FaceInfo>();
    let primary: FaceInfo | undefined;
    for (const face of own) {
      if (await characterMap(face)) {
        primary = face;
        break;
      }
    }
    for (const grapheme of [...graphemes].sort()) {
      const codes = significantCodePoints(grapheme);
      // An emoji is drawn in colour when a colour font has it, as browsers do.
      const emoji = EMOJI.test(grapheme);
      let chosen: FaceInfo | undefined;
      for (const face of emoji ? [...faces.filter((f) => f.colour), ...faces.filter((f) => !f.colour)] : faces) {
        const map = await characterMap(face);
        if (map && codes.every((code) => map.has(code))) {
          chosen = face;
          break;
        }
      }
      // A character none of the stack's families has: a font fontconfig found for an earlier one,
      // or whichever installed font fontconfig says has it (asked a few times at most).
      for (const face of chosen ? [] : found) {
        const map = await characterMap(face);
        if (map && codes.every((code) => map.has(code))) {
          chosen = face;
          break;
        }
      }
      for (const colour of emoji ? [true, false] : [false]) {
        if (chosen || !index.fallback || codes[0] === undefined || asked.size >= 16) break;
        const wanted = `${codes[0]}:${colour}`;
        if (!asked.has(wanted)) asked.set(wanted, await index.fallback(codes[0], colour));
        const face = asked.get(wanted);
        const map = face && (await characterMap(face));
        if (face && map && codes.every((code) => map.has(code))) {
          chosen = face;
          if (!found.includes(face)) found.push(face);
        }
      }
      if (chosen && !faces.includes(chosen)) faces.push(chosen);
      if (chosen) byGrapheme.set(grapheme, chosen);
    }
    primary ??= faces.find((face) => byGrapheme.size === 0 || [...byGrapheme.values()].includes(face)) ?? [...byGrapheme.values()][0];
    if (!primary) {
      throw new Error(
        `no font for the cover picture: none of ${style.fontFamily.join(', ')} is installed. ` +
          `Install fonts (Debian/Ubuntu: apt-get install fonts-liberation fonts-dejavu-core), or name installed ones in ${TEMPLATE}`,
      );
    }
    stacks.set(key, { faces, byGrapheme, primary });
  }
  return { stacks };
}

/** The code points a font must have for a grapheme: not joiners or variation selectors. */
function significantCodePoints(grapheme: string): number[] {
  const codes = [...grapheme].map((char) => char.codePointAt(0)!).filter((code) => !(code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef)));
  return codes.length > 0 ? codes : [grapheme.codePointAt(0)!];
}

/**
 * Grapheme clusters, near enough to Unicode's for choosing fonts and places
 * to break: a character with its combining marks, emoji modifiers and tags,
 * joined by ZWJ into a sequence (or by a virama into a conjunct), or a pair of regional indicators (a flag).
 * (Intl.Segmenter does it exactly, but its first use takes tens of milliseconds.)
 */
const GRAPHEME = /\r\n|\p{Regional_Indicator}{2}|[^\p{M}\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}][\p{M}\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]*(?:(?<=[\u200d\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d])[^\p{M}\u200d\s][\p{M}\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]*)*|[\s\S]/gu;

function splitGraphemes(text: string): { segment: string; index: number }[] {
  return [...text.matchAll(GRAPHEME)].map((match) => ({ segment: match[0], index: match.index }));
}
const EMOJI = /\p{Emoji_Presentation}|\ufe0f|\u200d|\p{Regional_Indicator}|\u20e3/u;

function transform(text: string, style: Style): string {
  if (style.textTransform === 'none') return text;
  // The language's own rules (Turkish dotted capital I), when the language tag is a valid one.
  const locale = (() => {
    try {
      return style.lang ? Intl.getCanonicalLocales(style.lang)[0] : undefined;
    } catch {
      return undefined;
    }
  })();
  switch (style.textTransform) {
    case 'uppercase':
      return text.toLocaleUpperCase(locale);
    case 'lowercase':
      return text.toLocaleLowerCase(locale);
    case 'capitalize':
      return text.replace(/(^|[\s\p{P}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase(locale));
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------
// HarfBuzz (WebAssembly), for the glyphs, their advances and their outlines.

interface HarfBuzz {
  createBlob(data: Uint8Array): { destroy(): void };
  createFace(blob: { destroy(): void }, index: number): { upem: number; destroy(): void };
  createFont(face: { upem: number }): HbFont;
  createBuffer(): HbBuffer;
  shape(font: HbFont, buffer: HbBuffer, features?: string): void;
}

interface HbFont {
  ptr: number;
  setVariations(variations: Record<string, number>): void;
}

interface HbBuffer {
  addText(text: string): void;
  setDirection(direction: 'ltr' | 'rtl'): void;
  setLanguage(language: string): void;
  guessSegmentProperties(): void;
  getGlyphInfos(): { codepoint: number; cluster: number }[];
  getGlyphPositions(): { x_advance: number; y_advance: number; x_offset: number; y_offset: number }[];
  destroy(): void;
}

interface HbModule {
  wasmExports: Record<string, (...args: number[]) => number>;
  addFunction(callback: (...args: number[]) => void, signature: string): number;
}

let harfBuzz: Promise<HarfBuzz & { outline(font: HbFont, glyph: number): string }> | undefined;

/**
 * HarfBuzz, and a glyph's outline as an SVG path. harfbuzzjs's own
 * `glyphToPath` makes five WebAssembly callbacks for every font; these are
 * made once.
 */
export function loadHarfBuzz() {
  const require = createRequire(import.meta.url);
  harfBuzz ??= (require('harfbuzzjs/hb.js') as () => Promise<HbModule>)().then((module) => {
    const api = (require('harfbuzzjs/hbjs.js') as (module: HbModule) => HarfBuzz)(module);
    const wasm = module.wasmExports;
    let path = '';
    const funcs = wasm.hb_draw_funcs_create!();
    wasm.hb_draw_funcs_set_move_to_func!(funcs, module.addFunction((_f, _d, _s, x, y) => (path += `M${x},${y}`), 'viiiffi'), 0, 0);
    wasm.hb_draw_funcs_set_line_to_func!(funcs, module.addFunction((_f, _d, _s, x, y) => (path += `L${x},${y}`), 'viiiffi'), 0, 0);
    wasm.hb_draw_funcs_set_quadratic_to_func!(funcs, module.addFunction((_f, _d, _s, cx, cy, x, y) => (path += `Q${cx},${cy} ${x},${y}`), 'viiiffffi'), 0, 0);
    wasm.hb_draw_funcs_set_cubic_to_func!(
      funcs,
      module.addFunction((_f, _d, _s, c1x, c1y, c2x, c2y, x, y) => (path += `C${c1x},${c1y} ${c2x},${c2y} ${x},${y}`), 'viiiffffffi'),
      0,
      0,
    );
    wasm.hb_draw_funcs_set_close_path_func!(funcs, module.addFunction(() => (path += 'Z'), 'viiii'), 0, 0);
    return {
      ...api,
      outline(font: HbFont, glyph: number) {
        path = '';
        wasm.hb_font_draw_glyph!(font.ptr, glyph, funcs, 0);
        return path;
      },
    };
  });
  return harfBuzz;
}

interface LoadedFont {
  key: string;
  font: HbFont;
  face: FaceInfo;
  upem: number;
  /** Ascent and descent, as fractions of the font size. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** Bold or italic a browser would make up, as the face has neither. */
  syntheticBold: boolean;
  syntheticItalic: boolean;
}

interface Glyph {
  font: LoadedFont;
  id: number;
  /** From the start of the piece, in pixels; `y` up. */
  x: number;
  y: number;
}

interface Piece {
  start: number;
  end: number;
  style: Style;
  font: LoadedFont;
  level: number;
  glyphs: Glyph[];
  width: number;
  /** Only white space: hangs at the end of a line. */
  space: boolean;
}

export interface Line {
  pieces: Piece[];
  /** Where each piece starts, from the line's left edge, in visual order. */
  offsets: number[];
  width: number;
  height: number;
  /** The baseline, from the top of the line. */
  baseline: number;
  /** From the content box's left edge. */
  left: number;
}

let bidi: { getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): { levels: Uint8Array } } | undefined;

/** Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u200f]/u;

class TextEngine {
  private readonly fonts = new Map<string, LoadedFont>();

  constructor(
    readonly hb: HarfBuzz & { outline(font: HbFont, glyph: number): string },
    private readonly choice: FontChoice,
  ) {}

  /** Lines of text: broken where the text and the width allow, each in visual order. */
  layOutLines(items: InlineItem[], blockStyle: Style, width: number): Line[] {
    const paragraphs = this.paragraphs(items);
    const lines: Line[] = [];
    for (const paragraph of paragraphs) lines.push(...this.layOutParagraph(paragraph, blockStyle, width));
    return lines;
  }

  /** The text with white space collapsed as CSS says, split at forced line breaks. */
  private paragraphs(items: InlineItem[]): { text: string; styles: Style[] }[] {
    const paragraphs: { text: string; styles: Style[] }[] = [];
    let text = '';
    let styles: Style[] = [];
    const end = () => {
      paragraphs.push({ text, styles });
      text = '';
      styles = [];
    };
    for (const item of items) {
      if ('lineBreak' in item) {
        if (text.endsWith(' ')) {
          text = text.slice(0, -1);
          styles.pop();
        }
        end();
        continue;
      }
      const preserve = /^(pre|pre-wrap|break-spaces)$/.test(item.style.whiteSpace);
      const keepLines = preserve || item.style.whiteSpace === 'pre-line';
      const raw = item.text.replace(/\r\n?/g, '\n');
      const chunks = keepLines ? raw.split('\n') : [raw];
      chunks.forEach((chunk, index) => {
        if (index > 0) end();
        // Control characters and soft hyphens are not drawn.
        let part = (preserve ? chunk.replace(/\t/g, '        ') : chunk.replace(/[ \t\n\f]+/g, ' ')).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad]/g, '');
        if (!preserve && (text === '' || text.endsWith(' ')) && part.startsWith(' ')) part = part.slice(1);
        part = transform(part, item.style);
        text += part;
        for (let at = 0; at < part.length; at++) styles.push(item.style);
      });
    }
    if (text.endsWith(' ')) {
      text = text.slice(0, -1);
      styles.pop();
    }
    if (text !== '') end();
    return paragraphs;
  }

  private layOutParagraph(paragraph: { text: string; styles: Style[] }, blockStyle: Style, width: number): Line[] {
    const { text, styles } = paragraph;
    const strut = this.loaded(this.stack(blockStyle).primary, blockStyle);
    if (text === '') return [this.finishLine([], blockStyle, strut, width)];
    const levels = this.levels(text, blockStyle.direction);
    // Graphemes, each with its font.
    const graphemes: { start: number; end: number; font: LoadedFont }[] = [];
    for (const { segment, index } of splitGraphemes(text)) {
      const style = styles[index]!;
      const stack = this.stack(style);
      const face = stack.byGrapheme.get(segment) ?? stack.primary;
      graphemes.push({ start: index, end: index + segment.length, font: this.loaded(face, style) });
    }
    // Atoms: the text between two places a line may break.
    const breaks = breakOpportunities(text, styles);
    const atoms: { start: number; end: number }[] = [];
    let atomStart = 0;
    for (const grapheme of graphemes) {
      if (grapheme.start > atomStart && breaks.has(grapheme.start)) {
        atoms.push({ start: atomStart, end: grapheme.start });
        atomStart = grapheme.start;
      }
    }
    atoms.push({ start: atomStart, end: text.length });
    const pieces = (start: number, end: number) => this.pieces(text, styles, levels, graphemes, start, end);
    const lines: Line[] = [];
    let current: Piece[] = [];
    const contentWidth = (list: Piece[]) => {
      let total = list.reduce((sum, piece) => sum + piece.width, 0);
      for (let at = list.length - 1; at >= 0 && list[at]!.space; at--) total -= list[at]!.width;
      return total;
    };
    const push = () => {
      lines.push(this.finishLine(current, blockStyle, strut, width));
      current = [];
    };
    const wraps = (style: Style) => !/^(nowrap|pre)$/.test(style.whiteSpace);
    const epsilon = 1 / 64;
    for (const atom of atoms) {
      const atomPieces = pieces(atom.start, atom.end);
      const style = styles[atom.start]!;
      if (current.length > 0 && wraps(style) && contentWidth([...current, ...atomPieces]) > width + epsilon) push();
      if (current.length === 0 && contentWidth(atomPieces) > width + epsilon && wraps(style) && (/^(break-word|anywhere)$/.test(style.overflowWrap) || /^(break-all|break-word)$/.test(style.wordBreak))) {
        // A word wider than the line: broken between any two characters.
        for (const grapheme of graphemes.filter((g) => g.start >= atom.start && g.end <= atom.end)) {
          const single = pieces(grapheme.start, grapheme.end);
          if (current.length > 0 && contentWidth([...current, ...single]) > width + epsilon) push();
          current.push(...single);
        }
        continue;
      }
      current.push(...atomPieces);
    }
    if (current.length > 0 || lines.length === 0) push();
    return lines;
  }

  /** A list item's marker as a line, as wide as its text and the space after it. */
  markerLine(marker: string, style: Style): Line {
    const text = marker.trimEnd();
    const [line] = this.layOutParagraph({ text, styles: new Array<Style>(text.length).fill(style) }, style, Infinity);
    const space = this.shape(' ', 0, 1, style, this.loaded(this.stack(style).primary, style), 0).width;
    return { ...line!, width: line!.width + space };
  }

  /** The embedding levels of the text: all 0 unless it has right-to-left text or direction. */
  private levels(text: string, direction: 'ltr' | 'rtl'): Uint8Array {
    if (direction === 'ltr' && !RIGHT_TO_LEFT.test(text)) return new Uint8Array(text.length);
    if (!bidi) {
      const require = createRequire(import.meta.url);
      const factory = require('bidi-js') as () => NonNullable<typeof bidi>;
      bidi = factory();
    }
    return bidi.getEmbeddingLevels(text, direction).levels;
  }

  /** The text from `start` to `end`, shaped in pieces of one style, font and direction. */
  private pieces(text: string, styles: Style[], levels: Uint8Array, graphemes: { start: number; end: number; font: LoadedFont }[], start: number, end: number): Piece[] {
    const pieces: Piece[] = [];
    let pieceStart = start;
    const inRange = graphemes.filter((g) => g.start >= start && g.end <= end);
    for (let at = 0; at < inRange.length; at++) {
      const grapheme = inRange[at]!;
      const next = inRange[at + 1];
      const space = (g: { start: number; end: number }) => SPACES.test(text.slice(g.start, g.end));
      const boundary =
        !next ||
        next.font !== grapheme.font ||
        styles[next.start] !== styles[grapheme.start] ||
        levels[next.start] !== levels[grapheme.start] ||
        space(next) !== space(grapheme);
      if (boundary) {
        pieces.push(this.shape(text, pieceStart, grapheme.end, styles[pieceStart]!, grapheme.font, levels[pieceStart] ?? 0));
        pieceStart = grapheme.end;
      }
    }
    return pieces;
  }

  private shape(text: string, start: number, end: number, style: Style, font: LoadedFont, level: number): Piece {
    const content = text.slice(start, end);
    const buffer = this.hb.createBuffer();
    buffer.addText(content);
    buffer.setDirection(level % 2 === 1 ? 'rtl' : 'ltr');
    if (style.lang) buffer.setLanguage(style.lang);
    buffer.guessSegmentProperties();
    this.hb.shape(font.font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    buffer.destroy();
    const scale = style.fontSize / font.upem;
    const glyphs: Glyph[] = [];
    let pen = 0;
    infos.forEach((info, index) => {
      const position = positions[index]!;
      glyphs.push({ font, id: info.codepoint, x: pen + position.x_offset * scale, y: position.y_offset * scale });
      pen += position.x_advance * scale;
      // Letter spacing after each character (each cluster), word spacing after each space.
      if (infos[index + 1]?.cluster !== info.cluster) {
        pen += style.letterSpacing;
        if (content[info.cluster] === ' ') pen += style.wordSpacing;
      }
    });
    return { start, end, style, font, level, glyphs, width: pen, space: SPACES.test(content) };
  }

  /** A line's pieces in visual order, placed; its height and baseline from the fonts' ascents and descents. */
  private finishLine(logical: Piece[], blockStyle: Style, strut: LoadedFont, width: number): Line {
    const pieces = [...logical];
    while (pieces.length > 0 && pieces[pieces.length - 1]!.space) pieces.pop();
    const visual = reorder(pieces);
    const offsets: number[] = [];
    let x = 0;
    for (const piece of visual) {
      offsets.push(x);
      x += piece.width;
    }
    // Each piece's inline box: its font's ascent and descent, plus half the leading its line height adds.
    const box = (font: LoadedFont, style: Style) => {
      const ascent = Math.round(font.ascent * style.fontSize);
      const descent = Math.round(font.descent * style.fontSize);
      const exact = 'normal' in style.lineHeight ? ascent + descent + Math.round(font.lineGap * style.fontSize) : 'factor' in style.lineHeight ? style.lineHeight.factor * style.fontSize : style.lineHeight.px;
      // As Blink does: in 1/64 px, with the half leading above the text floored to a whole pixel.
      const lineHeight = Math.floor(exact * 64) / 64;
      const above = ascent + Math.floor((lineHeight - ascent - descent) / 2);
      return { above, below: lineHeight - above };
    };
    // As Blink does: a text's box has its primary font's metrics; the fonts that stand in for
    // characters it lacks count only with `line-height: normal`.
    const boxes = [box(strut, blockStyle)];
    for (const piece of logical) {
      boxes.push(box(this.loaded(this.stack(piece.style).primary, piece.style), piece.style));
      if ('normal' in piece.style.lineHeight) boxes.push(box(piece.font, piece.style));
    }
    const above = Math.max(...boxes.map((b) => b.above));
    const below = Math.max(...boxes.map((b) => b.below));
    const align = blockStyle.textAlign;
    const free = Number.isFinite(width) ? width - x : 0;
    const rtl = blockStyle.direction === 'rtl';
    const left = align === 'center' ? free / 2 : align === 'right' || (align === 'end' && !rtl) || ((align === 'start' || align === 'justify') && rtl) ? free : 0;
    return { pieces: visual, offsets, width: x, height: above + below, baseline: above, left };
  }

  private stack(style: Style): FontStack {
    return this.choice.stacks.get(styleKey(style))!;
  }

  private loaded(face: FaceInfo, style: Style): LoadedFont {
    const variable = face.weightRange !== undefined;
    const weight = variable ? Math.min(face.weightRange![1], Math.max(face.weightRange![0], style.fontWeight)) : face.weight;
    const syntheticBold = style.fontWeight >= 600 && (variable ? face.weightRange![1] : face.weight) < 600;
    const syntheticItalic = style.italic && !face.italic;
    const key = `${face.file}#${face.index}@${weight}${syntheticBold ? 'b' : ''}${syntheticItalic ? 'i' : ''}`;
    let loaded = this.fonts.get(key);
    if (!loaded) {
      loaded = { ...harfBuzzFont(this.hb, face, weight), face, syntheticBold, syntheticItalic };
      this.fonts.set(key, loaded);
    }
    return loaded;
  }
}

const harfBuzzFonts = new Map<string, Pick<LoadedFont, 'key' | 'font' | 'upem' | 'ascent' | 'descent' | 'lineGap'>>();

/** A face at a weight, in HarfBuzz: made once per process (its bytes are copied into WebAssembly's memory). */
function harfBuzzFont(hb: HarfBuzz, face: FaceInfo, weight: number) {
  const key = `${face.file}#${face.index}@${weight}`;
  let font = harfBuzzFonts.get(key);
  if (!font) {
    const data = fontData.get(face.file);
    if (!data) throw new Error(`the font ${face.file} could not be read`);
    const hbFace = hb.createFace(hb.createBlob(data), face.index);
    const hbFont = hb.createFont(hbFace);
    if (face.weightRange) hbFont.setVariations({ wght: weight });
    font = { key: `f${harfBuzzFonts.size}`, font: hbFont, upem: hbFace.upem, ...verticalMetrics(data, face.index) };
    harfBuzzFonts.set(key, font);
  }
  return font;
}

/** Font files' bytes, read before layout (which is synchronous). */
const fontData = new Map<string, Buffer>();

async function readFontFiles(choice: FontChoice) {
  for (const stack of choice.stacks.values()) {
    for (const face of new Set([stack.primary, ...stack.byGrapheme.values()])) {
      if (fontData.has(face.file)) continue;
      const data = await fontFile(face.file);
      if (data) fontData.set(face.file, data);
    }
  }
}

/** Unicode's rule L2: from the highest level down, each run at that level or above is reversed. */
function reorder(pieces: Piece[]): Piece[] {
  if (pieces.every((piece) => piece.level === 0)) return pieces;
  const result = [...pieces];
  const highest = Math.max(...result.map((piece) => piece.level));
  const lowestOdd = Math.min(...result.map((piece) => piece.level).filter((level) => level % 2 === 1), highest);
  for (let level = highest; level >= Math.max(1, lowestOdd); level--) {
    for (let at = 0; at < result.length; ) {
      if (result[at]!.level < level) {
        at++;
        continue;
      }
      let end = at;
      while (end < result.length && result[end]!.level >= level) end++;
      result.splice(at, end - at, ...result.slice(at, end).reverse());
      at = end;
    }
  }
  return result;
}

// Where a line may break: after spaces, between Chinese, Japanese and Korean
// characters (not before closing punctuation or after opening), after
// hyphens and dashes, and after a slash before a letter, as in a URL.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Yi}\u3000-\u303f\uff00-\uffef]/u;
const NO_BREAK_BEFORE = /[)\]}!,.:;?…‼⁇⁈⁉、。，．：；！？）」』】〕〉》｝］〙〗〟｠’”»ーゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ゛゜・%％\u00a0\u202f\u2060]/u;
const NO_BREAK_AFTER = /[([{（「『【〔〈《｛［〘〖〝｟‘“«$£¥€#＃\u00a0\u202f\u2060]/u;
const SPACE = /[ \t\u3000\u1680\u2000-\u2006\u2008-\u200a\u205f]/;
/** Only white space that lines break after (not no-break spaces). */
const SPACES = /^[ \t\u3000\u1680\u2000-\u2006\u2008-\u200a\u205f]+$/;

function breakOpportunities(text: string, styles: Style[]): Set<number> {
  const breaks = new Set<number>();
  const chars = [...text];
  const starts: number[] = [];
  let offset = 0;
  for (const char of chars) {
    starts.push(offset);
    offset += char.length;
  }
  for (let at = 1; at < chars.length; at++) {
    const before = chars[at - 1]!;
    const after = chars[at]!;
    const style = styles[starts[at]!]!;
    if (SPACE.test(after)) continue;
    if (SPACE.test(before) || before === '\u200b') {
      breaks.add(starts[at]!);
      continue;
    }
    if (style.wordBreak === 'break-all' && /\p{L}|\p{N}/u.test(before) && /\p{L}|\p{N}/u.test(after)) {
      breaks.add(starts[at]!);
      continue;
    }
    if (NO_BREAK_BEFORE.test(after) || NO_BREAK_AFTER.test(before)) continue;
    const letter = /\p{L}/u;
    if ((CJK.test(before) || CJK.test(after)) && style.wordBreak !== 'keep-all') breaks.add(starts[at]!);
    else if ((before === '-' || before === '\u2010') && letter.test(chars[at - 2] ?? '') && letter.test(after)) breaks.add(starts[at]!);
    else if (before === '\u2013' || (before === '\u2014' && after !== '\u2014')) breaks.add(starts[at]!);
    else if (after === '\u2014' && before !== '\u2014') breaks.add(starts[at]!);
    else if (before === '/' && letter.test(after)) breaks.add(starts[at]!);
  }
  return breaks;
}

// ---------------------------------------------------------------------------
// Painting: the boxes and glyphs as SVG, in the page's own pixels.

function paint(root: Box, text: TextEngine): string {
  const defs = new Map<string, string>();
  const parts: string[] = [];
  // The canvas: the root's background (or the body's) over white.
  const canvas = over(root.style.background, { r: 255, g: 255, b: 255, a: 1 });
  parts.push(`<rect width="${PAGE.width}" height="${PAGE.height}" ${fill(canvas)}/>`);
  /** A line's glyphs, its left edge at `x`. */
  const drawLine = (line: Line, x: number, baseline: number) => {
    line.pieces.forEach((piece, index) => {
      const pieceX = x + line.offsets[index]!;
      const scale = piece.style.fontSize / piece.font.upem;
      const glyphs: string[] = [];
      for (const glyph of piece.glyphs) {
        if (piece.font.face.colour) {
          const picture = colourPicture(piece.font.face, glyph.id);
          if (!picture) continue;
          const size = piece.style.fontSize / picture.ppem;
          parts.push(
            `<image x="${number(pieceX + glyph.x + picture.bearingX * size)}" y="${number(baseline - glyph.y - picture.bearingY * size)}" width="${number(picture.width * size)}" height="${number(picture.height * size)}" preserveAspectRatio="none" xlink:href="${picture.url}"/>`,
          );
          continue;
        }
        const id = `${piece.font.key}g${glyph.id}`;
        if (!defs.has(id)) {
          const outline = text.hb.outline(piece.font.font, glyph.id);
          defs.set(id, outline ? `<path id="${id}" d="${outline}"/>` : '');
        }
        if (!defs.get(id)) continue;
        // Italic a face lacks: its outlines slanted, as Chromium makes it up.
        const skew = piece.font.syntheticItalic ? 0.25 * scale : 0;
        glyphs.push(`<use xlink:href="#${id}" transform="matrix(${number(scale)} 0 ${number(skew)} ${number(-scale)} ${number(pieceX + glyph.x)} ${number(baseline - glyph.y)})"/>`);
      }
      if (glyphs.length === 0) return;
      // Bold a face lacks: its outlines stroked, as Chromium makes it up.
      const size = piece.style.fontSize;
      const boldening = size <= 9 ? 1 / 24 : size >= 36 ? 1 / 32 : 1 / 24 + ((size - 9) / 27) * (1 / 32 - 1 / 24);
      const stroke = piece.font.syntheticBold ? ` stroke="${hex(piece.style.colour)}" stroke-width="${number((size * boldening) / scale)}" stroke-linejoin="round"` : '';
      parts.push(`<g ${fill(piece.style.colour)}${stroke}>${glyphs.join('')}</g>`);
    });
  };
  const visit = (box: Box, originX: number, originY: number, isRoot: boolean, backdrop: Colour, pendingMarker?: { line: Line; right: number }) => {
    const x = originX + box.x;
    const y = originY + box.y;
    const style = box.style;
    let behind = backdrop;
    // A background the colour of what is already under it changes nothing: left out.
    if (style.background && !isRoot && !box.propagatedBackground && !(style.background.a === 1 && hex(style.background) === hex(backdrop))) {
      parts.push(rect(x, y, box.width, box.height, style.background));
      behind = over(style.background, backdrop);
    }
    const border = borderWidths(style);
    const colourOf = (side: number) => style.borderColour[side] ?? style.colour;
    if (border[0] > 0) parts.push(rect(x, y, box.width, border[0], colourOf(0)));
    if (border[2] > 0) parts.push(rect(x, y + box.height - border[2], box.width, border[2], colourOf(2)));
    if (border[3] > 0) parts.push(rect(x, y, border[3], box.height, colourOf(3)));
    if (border[1] > 0) parts.push(rect(x + box.width - border[1], y, border[1], box.height, colourOf(1)));
    const contentX = x + border[3] + box.padding[3];
    const contentY = y + border[0] + box.padding[0];
    // A list item's marker sits outside it, on the baseline of its first line.
    let marker = box.marker ? { line: text.markerLine(box.marker, style), right: contentX } : pendingMarker;
    let lineTop = contentY;
    for (const line of box.lines) {
      if (marker) {
        drawLine(marker.line, marker.right - marker.line.width, lineTop + line.baseline);
        marker = undefined;
      }
      drawLine(line, contentX + line.left, lineTop + line.baseline);
      lineTop += line.height;
    }
    for (const child of box.children) {
      visit(child, contentX, contentY, false, behind, marker);
      marker = undefined;
    }
  };
  visit(root, 0, 0, true, canvas);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${PAGE.width}" height="${PAGE.height}" viewBox="0 0 ${PAGE.width} ${PAGE.height}">` +
    `<defs>${[...defs.values()].join('')}</defs>${parts.join('')}</svg>`
  );
}

/** A colour over another, as painted. */
function over(top: Colour | undefined, bottom: Colour): Colour {
  if (!top || top.a >= 1) return top ?? bottom;
  const mix = (a: number, b: number) => Math.round(a * top.a + b * (1 - top.a));
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

const pictures = new Map<string, (ReturnType<typeof colourGlyph> & { url: string }) | undefined>();

/** An emoji's picture from a colour font, as a data: URL (nothing is fetched). */
function colourPicture(face: FaceInfo, glyph: number) {
  const key = `${face.file}#${face.index}#${glyph}`;
  if (!pictures.has(key)) {
    const data = fontData.get(face.file);
    const picture = data && colourGlyph(data, face.index, glyph);
    pictures.set(key, picture ? { ...picture, url: `data:image/png;base64,${picture.png.toString('base64')}` } : undefined);
  }
  return pictures.get(key);
}

function rect(x: number, y: number, width: number, height: number, colour: Colour): string {
  return `<rect x="${number(x)}" y="${number(y)}" width="${number(width)}" height="${number(height)}" ${fill(colour)}/>`;
}

function fill(colour: Colour): string {
  return `fill="${hex(colour)}"${colour.a < 1 ? ` fill-opacity="${number(colour.a)}"` : ''}`;
}

function hex(colour: Colour): string {
  return `#${[colour.r, colour.g, colour.b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** A number for SVG: at most three decimals, the same text for the same value. */
function number(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
