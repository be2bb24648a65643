// PDF cuttings → mdast. pdf.js gives the text of each page as runs placed on
// the page; the lines, columns and paragraphs a reader sees are rebuilt from
// where the runs sit. What the printer or the clipping service put on every
// page (running heads, page numbers, the page's address, repeated footers)
// is dropped; a word broken by a hyphen at the end of a line is joined again.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Heading, Paragraph, Root } from 'mdast';
import type { ReadArticle } from '../model.js';
import { InputFileError } from './input-folder.js';
import type { ReadContext } from './reader.js';

/** A run of text on one line of a page, with no wide gap inside it. */
interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** Distance of the baseline from the top of the page. */
  top: number;
  size: number;
  page: number;
}

/** The column (or the whole width) a segment is read in: its left and right margins. */
interface Frame {
  key: string;
  left: number;
  right: number;
}

type Placed = Segment & { frame: Frame };

const NO_TEXT_ADVICE =
  'its pages are pictures (a scan?), and dossier does no OCR. Run it through OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and put the result in the input folder';

/** Pages past this are not read: a cutting is a few pages, a book is not a cutting. */
const MAX_PAGES = 500;

/** "3", "- 3 -", "Page 3", "Page 3 of 9", "3/9", "3 | Page": a page number, once digits are `#`. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s*)?#(?:\s*(?:of|\/|\|)\s*#)?(?:\s*[-–—])?$/i;
/** A page's address as a browser prints it in the page foot. */
const PRINTED_ADDRESS = /^(?:https?|file):\/\/\S+$/i;

export async function readPdf(bytes: Buffer, context: ReadContext): Promise<ReadArticle[]> {
  const { pages: runs, count, title } = await pageSegments(bytes);
  if (count > MAX_PAGES) {
    context.warnings.push({ file: context.file, message: `only its first ${MAX_PAGES} of ${count} pages were read: a cutting is a few pages. Split it into its articles to read the rest.` });
  }
  if (runs.every((page) => page.length === 0)) throw new InputFileError(`it has no text layer: ${NO_TEXT_ADVICE}`);
  const body = bodySize(runs.flat());
  const pages = runs.map((page) => lines(page, gutters(page, body)));
  const { kept, address } = withoutFurniture(pages, body);
  const tree = paragraphs(inReadingOrder(kept, body), body);
  if (tree.children.length === 0) throw new InputFileError(`it has no text but its running heads and page numbers: ${NO_TEXT_ADVICE}`);
  const source = sourceOfTitle(title, tree);
  return [{ file: context.file, format: 'pdf', tree, meta: { ...(address ? { url: address } : {}), ...(source ? { source } : {}) } }];
}

/**
 * The site's name in the document's title when the title is the headline
 * and the name ("Headline | The Gazette"), as a browser prints a page.
 */
function sourceOfTitle(title: string | undefined, tree: Root): string | undefined {
  const first = tree.children[0];
  if (!title || first?.type !== 'heading' || first.children[0]?.type !== 'text') return undefined;
  const headline = first.children[0].value;
  if (!title.startsWith(headline)) return undefined;
  return /^\s*[|–—:-]\s*(.+)$/.exec(title.slice(headline.length))?.[1]?.trim() || undefined;
}

async function pageSegments(bytes: Buffer): Promise<{ pages: Segment[][]; count: number; title?: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // The character maps and standard fonts of pdf.js itself, for text in CJK and the 14 standard fonts.
    cMapUrl: `${path.join(packageDir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(packageDir, 'standard_fonts')}${path.sep}`,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new InputFileError('it is encrypted with a password; open it with the password and save or print an unprotected copy (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`)');
    }
    if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
      throw new InputFileError(`it is not a PDF that can be opened (${(error as Error).message ?? String(error)}); is it damaged or cut short?`);
    }
    throw error;
  }
  try {
    const info = (await document.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const pages: Segment[][] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) => {
        // Spaces are left out: a wide one would bridge a gutter; the gaps between words say where spaces go.
        if (!('str' in item) || item.str.trim() === '') return [];
        const [a, b, c, d, x, y] = item.transform as number[];
        const size = Math.hypot(c!, d!) || item.height;
        // Text set at an angle (a vertical note in the margin) is not part of the reading.
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || size <= 0) return [];
        return [{ text: item.str, x0: x!, x1: x! + item.width, top: height - y!, size, page: number }];
      });
      pages.push(runs);
      page.cleanup();
    }
    const count = document.numPages;
    return typeof info?.Title === 'string' && info.Title.trim() ? { pages, count, title: info.Title.trim() } : { pages, count };
  } finally {
    await document.destroy();
  }
}

/** Where a page's columns part: the middle of each gutter. */
function gutters(runs: Segment[], body: number): number[] {
  if (runs.length === 0) return [];
  const spans = columnsOf(runs, Math.min(...runs.map((run) => run.x0)), Math.max(...runs.map((run) => run.x1)), body);
  return spans.slice(1).map(([from], index) => (spans[index]![1] + from) / 2);
}

/**
 * Runs → the segments of each line, split at the page's gutters and at gaps
 * no word space makes (a table's cells, a running head beside a page number).
 */
function lines(runs: Segment[], gutters: number[]): Segment[] {
  const sorted = [...runs].sort((p, q) => p.top - q.top || p.x0 - q.x0);
  const rows: Segment[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.top - run.top) <= 0.4 * Math.min(row[0]!.size, run.size)) row.push(run);
    else rows.push([run]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x0 - q.x0);
    let current: Segment | undefined;
    const flush = () => {
      if (!current) return;
      const text = current.text.replace(/\s+/g, ' ').trim();
      if (text) segments.push({ ...current, text });
      current = undefined;
    };
    for (const run of row) {
      const gap = current ? run.x0 - current.x1 : 0;
      // Spaces in a justified line stretch, but not to three ems.
      const acrossGutter = current && gutters.some((x) => current!.x1 <= x && run.x0 >= x);
      if (current && (acrossGutter || gap > 3 * Math.max(current.size, run.size))) flush();
      if (!current) {
        current = { ...run };
        continue;
      }
      const spaced = gap > 0.15 * run.size && !/\s$/.test(current.text) && !/^\s/.test(run.text);
      current.text += (spaced ? ' ' : '') + run.text;
      current.x1 = Math.max(current.x1, run.x1);
      current.size = Math.max(current.size, run.size);
    }
    flush();
  }
  return segments;
}

/** The key under which a line repeats from page to page: case and numbers (page numbers, dates) aside. */
const repeatKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Every page's segments without what sits at its head or foot and repeats
 * on other pages, or is a page number or the printed address (kept as the
 * article's address when it is on the web).
 */
function withoutFurniture(pages: Segment[][], body: number): { kept: Segment[][]; address?: string } {
  const edgesOf = pages.map((segments) => {
    const tops = [...new Set(segments.map((segment) => Math.round(segment.top)))].sort((p, q) => p - q);
    const edge = new Set([...tops.slice(0, 2), ...tops.slice(-2)]);
    return segments.filter((segment) => edge.has(Math.round(segment.top)));
  });
  const pagesWith = new Map<string, number>();
  for (const edges of edgesOf) {
    for (const key of new Set(edges.map((segment) => repeatKey(segment.text)))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  let address: string | undefined;
  const kept = pages.map((segments, index) => {
    const furniture = new Set(
      edgesOf[index]!.filter((segment) => {
        const key = repeatKey(segment.text);
        const repeated = pages.length > 1 && (pagesWith.get(key) ?? 0) >= Math.max(2, pages.length / 2);
        return repeated || PAGE_NUMBER.test(key) || PRINTED_ADDRESS.test(segment.text) || inMargin(segment, pages[index]!, body);
      }),
    );
    for (const segment of furniture) {
      if (!address && /^https?:\/\/\S+$/i.test(segment.text)) address = segment.text;
    }
    return segments.filter((segment) => !furniture.has(segment));
  });
  return address ? { kept, address } : { kept };
}

/** Small type at the head or foot of a page, set well apart from the text: a running head or foot on a page of its own. */
function inMargin(segment: Segment, page: Segment[], body: number): boolean {
  if (segment.size >= 0.85 * body) return false;
  const nearest = Math.min(...page.filter((other) => Math.round(other.top) !== Math.round(segment.top)).map((other) => Math.abs(other.top - segment.top)));
  return nearest > 2 * body;
}

/**
 * Each page's segments in the order they are read: top to bottom, and on a
 * page set in columns, column by column between the lines that run across
 * them (a headline over all the columns).
 */
function inReadingOrder(pages: Segment[][], body: number): Placed[] {
  return pages.flatMap((segments, index) => {
    if (segments.length === 0) return [];
    const left = Math.min(...segments.map((segment) => segment.x0));
    const right = Math.max(...segments.map((segment) => segment.x1));
    const whole = frameOf(`${index}`, segments, body);
    const columns = columnsOf(segments, left, right, body).map(([from, to], column) => ({
      from,
      to,
      frame: frameOf(`${index}:${column}`, segments.filter((segment) => segment.x0 >= from - 1 && segment.x1 <= to + 1), body),
    }));
    const sorted = [...segments].sort((p, q) => p.top - q.top || p.x0 - q.x0);
    if (columns.length < 2) return sorted.map((segment) => ({ ...segment, frame: whole }));
    const ordered: Placed[] = [];
    let band: Placed[][] = columns.map(() => []);
    const flush = () => {
      for (const column of band) ordered.push(...column);
      band = columns.map(() => []);
    };
    for (const segment of sorted) {
      const column = columns.findIndex(({ from, to }) => segment.x0 >= from - 1 && segment.x1 <= to + 1);
      if (column === -1) {
        flush();
        ordered.push({ ...segment, frame: whole });
      } else {
        band[column]!.push({ ...segment, frame: columns[column]!.frame });
      }
    }
    flush();
    return ordered;
  });
}

/**
 * The columns of a page, as [left, right] spans: found from gutters, the
 * upright strips between the text that (almost) no line crosses.
 */
function columnsOf(segments: Segment[], left: number, right: number, body: number): [number, number][] {
  const width = Math.ceil(right - left);
  if (width <= 0) return [];
  const cover = new Array<number>(width + 1).fill(0);
  // Columns are of body text: a headline, a caption or a foot in other type may run across them.
  const text = segments.filter((segment) => sizeKey(segment.size) === body);
  for (const segment of text) {
    for (let x = Math.floor(segment.x0 - left); x < Math.ceil(segment.x1 - left); x++) cover[x]!++;
  }
  const size = body;
  // A line or two in the body's type may cross a gutter (a standfirst); body lines do not.
  const crossing = Math.max(1, Math.floor(text.length * 0.05));
  const spans: [number, number][] = [];
  let from = 0;
  let x = 0;
  while (x <= width) {
    if (cover[x]! > crossing) {
      x++;
      continue;
    }
    const start = x;
    while (x <= width && cover[x]! <= crossing) x++;
    if (x - start >= size && start > 0 && x <= width) {
      spans.push([left + from, left + start]);
      from = x;
    }
  }
  spans.push([left + from, right]);
  // A column holds body text: a few lines at least, else the gap is a table's or a byline's.
  const lines = (span: [number, number]) => segments.filter((s) => s.x0 >= span[0] - 1 && s.x1 <= span[1] + 1).length;
  return spans.length > 1 && spans.every((span) => lines(span) >= 3) ? spans : [];
}

/**
 * The margins text is read between: where most lines of the body's type
 * start and end (a ragged line ends short; a stray mark in the margin is not the margin).
 */
function frameOf(key: string, segments: Segment[], body: number): Frame {
  const text = segments.filter((segment) => sizeKey(segment.size) === body);
  const lines = text.length > 0 ? text : segments;
  return { key, left: quantile(lines.map((segment) => segment.x0), 0.1), right: quantile(lines.map((segment) => segment.x1), 0.9) };
}

/** Segments in reading order → headings and paragraphs. */
function paragraphs(segments: Placed[], body: number): Root {
  const spacing = lineSpacing(segments);
  const groups: Placed[][] = [];
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (previous && !endsParagraph(previous, segment, spacing, body)) groups.at(-1)!.push(segment);
    else groups.push([segment]);
  }
  const root: Root = { type: 'root', children: [] };
  let headlineGiven = false;
  for (const group of groups) {
    const text = group.map((segment) => segment.text).reduce(joinLines);
    const size = median(group.map((segment) => segment.size));
    if (size > 1.15 * body && text.length < 300) {
      // The first larger line before any text is the headline; later ones head sections.
      const heading: Heading = { type: 'heading', depth: headlineGiven || root.children.length > 0 ? 2 : 1, children: [{ type: 'text', value: text }] };
      headlineGiven = true;
      root.children.push(heading);
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
      root.children.push(paragraph);
    }
  }
  return root;
}

/**
 * Whether a paragraph ends between two lines: the type changes size, a
 * blank line's worth of space parts them, the next line is indented, or
 * the line ended short of the margin, leaving room for the next line's
 * first word, which the typesetter would otherwise have put there.
 */
function endsParagraph(previous: Placed, segment: Placed, spacing: Map<number, number>, body: number): boolean {
  if (Math.abs(segment.size - previous.size) > 0.12 * previous.size) return true;
  const sameFrame = previous.frame.key === segment.frame.key;
  if (sameFrame) {
    const gap = segment.top - previous.top;
    const usual = spacing.get(sizeKey(segment.size)) ?? 1.25 * segment.size;
    if (gap > 1.45 * usual || gap < 0) return true;
  }
  const margin = segment.frame.left;
  if (segment.x0 > margin + segment.size && previous.x0 <= previous.frame.left + 0.5 * previous.size) return true;
  // Set in the same line (a table's cells, a head beside a page number): apart.
  if (sameFrame && Math.abs(segment.top - previous.top) < 0.4 * segment.size) return true;
  // Display type (a headline) is broken where it reads well, not where the line is full.
  if (previous.size > 1.15 * body) return false;
  const room = previous.frame.right - previous.x1;
  const charWidth = (segment.x1 - segment.x0) / Math.max(1, segment.text.length);
  const firstWord = segment.text.split(' ')[0]!.length * charWidth;
  return room > firstWord + 1.5 * charWidth + 0.25 * segment.size;
}

/** Two lines of a paragraph joined: a word hyphenated at the line's end is one word again. */
function joinLines(text: string, line: string): string {
  if (/\p{L}\u00AD$/u.test(text)) return text.slice(0, -1) + line;
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) return text.slice(0, -1) + line;
  return `${text} ${line}`;
}

const sizeKey = (size: number) => Math.round(size * 2) / 2;

/** The usual distance from one line to the next, for each size of type. */
function lineSpacing(segments: Placed[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (!previous || previous.frame.key !== segment.frame.key || sizeKey(previous.size) !== sizeKey(segment.size)) continue;
    const gap = segment.top - previous.top;
    if (gap > 0) gaps.set(sizeKey(segment.size), [...(gaps.get(sizeKey(segment.size)) ?? []), gap]);
  }
  // The lower quartile: most steps are within a paragraph, and the steps between paragraphs are larger.
  return new Map([...gaps].map(([size, list]) => [size, quantile(list, 0.25)]));
}

/** The size of the body text: the size most of the characters are set in. */
function bodySize(segments: Segment[]): number {
  const bySize = new Map<number, number>();
  for (const segment of segments) bySize.set(sizeKey(segment.size), (bySize.get(sizeKey(segment.size)) ?? 0) + segment.text.length);
  return [...bySize].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
