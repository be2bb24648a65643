// Reading and rewriting a PDF as Chromium writes it: a classic xref table,
// no object streams. pdf-lib parses every object of a file before it can
// change one, which takes 20 seconds for a 1,300-page dossier; finishing the
// PDF touches a few dozen objects, so this reads only those and copies every
// other object's bytes as they are.

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;
export class PdfName {
  /** The name as written, without the slash (`#xx` escapes kept). */
  constructor(readonly raw: string) {}
}
export class PdfString {
  /** The string's bytes, one per character. */
  constructor(readonly bytes: string) {}
  /** Text strings are UTF-16BE with a byte order mark, or PDFDocEncoding (Latin-1 for what Chromium writes). */
  text(): string {
    if (this.bytes.startsWith('\xfe\xff')) return Buffer.from(this.bytes.slice(2), 'latin1').swap16().toString('utf16le');
    return this.bytes;
  }
  static fromText(text: string): PdfString {
    return new PdfString(`\xfe\xff${Buffer.from(text, 'utf16le').swap16().toString('latin1')}`);
  }
}
export class PdfRef {
  constructor(readonly num: number) {}
}
export type PdfDict = Map<string, PdfValue>;

/** One object of the file: its value, and for a stream the bytes between `stream` and `endstream`. */
export interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

/** A PDF laid out otherwise than this reader reads (cross-reference streams): another reader can take it. */
export class PdfLayoutError extends Error {}

export class PdfFile {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: PdfDict;
  private readonly xrefOffset: number;

  constructor(readonly bytes: Buffer) {
    // Latin-1 keeps one character per byte, so string positions are file offsets.
    this.text = bytes.toString('latin1');
    const startxref = this.text.lastIndexOf('startxref');
    if (startxref === -1) throw new Error('not a PDF: no startxref');
    this.xrefOffset = Number(/startxref\s+(\d+)/.exec(this.text.slice(startxref))?.[1]);
    if (!this.text.startsWith('xref', this.xrefOffset)) throw new PdfLayoutError('the PDF has no classic xref table where startxref points');
    let position = this.xrefOffset + 4;
    const subsection = /\s*(\d+)\s+(\d+)\s*/y;
    for (;;) {
      subsection.lastIndex = position;
      const match = subsection.exec(this.text);
      if (!match) break;
      const [first, count] = [Number(match[1]), Number(match[2])];
      position = subsection.lastIndex;
      for (let index = 0; index < count; index++) {
        const entry = this.text.slice(position, position + 20);
        if (entry[17] === 'n') this.offsets.set(first + index, Number(entry.slice(0, 10)));
        position += 20;
      }
    }
    const trailer = this.text.indexOf('trailer', position);
    this.trailer = new Parser(this.text, trailer + 7).value() as PdfDict;
  }

  /** Every object the xref table lists, in file order. */
  objectNumbers(): number[] {
    return [...this.offsets].sort((a, b) => a[1] - b[1]).map(([num]) => num);
  }

  get size(): number {
    return Number(this.trailer.get('Size'));
  }

  object(num: number): PdfObject {
    let object = this.cache.get(num);
    if (object) return object;
    const offset = this.offsets.get(num);
    if (offset === undefined) return { value: null };
    const parser = new Parser(this.text, offset);
    parser.expectObjectHeader(num);
    const value = parser.value();
    parser.skipSpace();
    if (this.text.startsWith('stream', parser.position)) {
      let start = parser.position + 6;
      if (this.text[start] === '\r') start++;
      if (this.text[start] === '\n') start++;
      const length = this.resolve((value as PdfDict).get('Length') ?? 0);
      object = { value, stream: this.bytes.subarray(start, start + Number(length)) };
    } else {
      object = { value };
    }
    this.cache.set(num, object);
    return object;
  }

  /** A value, with a reference followed to what it points at. */
  resolve(value: PdfValue): PdfValue {
    return value instanceof PdfRef ? this.object(value.num).value : value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = value === undefined ? undefined : this.resolve(value);
    return resolved instanceof Map ? resolved : undefined;
  }

  get catalog(): PdfDict {
    const catalog = this.dict(this.trailer.get('Root'));
    if (!catalog) throw new Error('the PDF has no catalog');
    return catalog;
  }

  /** Object numbers of the pages, in order. */
  pages(): number[] {
    const pages: number[] = [];
    const walk = (ref: PdfValue | undefined) => {
      if (!(ref instanceof PdfRef)) return;
      const node = this.dict(ref);
      if (!node) return;
      const kids = this.resolve(node.get('Kids') ?? null);
      if (Array.isArray(kids)) kids.forEach(walk);
      else pages.push(ref.num);
    };
    walk(this.catalog.get('Pages'));
    return pages;
  }

  /** Page index (from 0) of each named destination, as links to `#id` anchors use them. */
  destinationPages(): Map<string, number> {
    const pageIndex = new Map(this.pages().map((num, index) => [num, index]));
    const found = new Map<string, number>();
    const dests = this.dict(this.catalog.get('Dests'));
    for (const [name, destination] of dests ?? []) {
      const target = this.resolve(destination);
      const page = Array.isArray(target) ? target[0] : target instanceof Map ? (this.resolve(target.get('D') ?? null) as PdfValue[])?.[0] : undefined;
      if (page instanceof PdfRef && pageIndex.has(page.num)) found.set(decodeName(name), pageIndex.get(page.num)!);
    }
    return found;
  }

  /**
   * The file again, with some objects replaced and others added: every other
   * object's bytes are copied unchanged, and the xref table is written anew.
   */
  rewrite(changed: Map<number, PdfObject>, trailer: PdfDict = this.trailer): Buffer {
    const chunks: Buffer[] = [];
    let length = 0;
    const push = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
    };
    const ordered = [...this.offsets].sort((a, b) => a[1] - b[1]);
    push(this.bytes.subarray(0, ordered[0]?.[1] ?? this.xrefOffset));
    const newOffsets = new Map<number, number>();
    ordered.forEach(([num, offset], index) => {
      newOffsets.set(num, length);
      const replacement = changed.get(num);
      if (replacement) push(serialiseObject(num, replacement));
      else push(this.bytes.subarray(offset, ordered[index + 1]?.[1] ?? this.xrefOffset));
    });
    for (const [num, object] of [...changed].sort((a, b) => a[0] - b[0])) {
      if (newOffsets.has(num)) continue;
      newOffsets.set(num, length);
      push(serialiseObject(num, object));
    }
    const size = Math.max(this.size, ...[...changed.keys()].map((num) => num + 1));
    const xrefAt = length;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let num = 1; num < size; num++) {
      const offset = newOffsets.get(num);
      xref += offset === undefined ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`;
    }
    const newTrailer = new Map(trailer);
    newTrailer.set('Size', size);
    xref += `trailer\n${serialise(newTrailer)}\nstartxref\n${xrefAt}\n%%EOF\n`;
    push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(chunks, length);
  }
}

function serialiseObject(num: number, object: PdfObject): Buffer {
  const head = `${num} 0 obj\n${serialise(object.value)}`;
  if (!object.stream) return Buffer.from(`${head}\nendobj\n`, 'latin1');
  return Buffer.concat([Buffer.from(`${head} stream\n`, 'latin1'), object.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}

export function serialise(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (value instanceof PdfName) return `/${value.raw}`;
  if (value instanceof PdfRef) return `${value.num} 0 R`;
  if (value instanceof PdfString) return `<${Buffer.from(value.bytes, 'latin1').toString('hex').toUpperCase()}>`;
  if (Array.isArray(value)) return `[${value.map(serialise).join(' ')}]`;
  return `<<${[...value].map(([key, item]) => `/${key} ${serialise(item)}`).join('\n')}>>`;
}

/** Renumbers every reference inside a value. */
export function mapRefs(value: PdfValue, renumber: (num: number) => number): PdfValue {
  if (value instanceof PdfRef) return new PdfRef(renumber(value.num));
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, renumber));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, mapRefs(item, renumber)]));
  return value;
}

/** `#xx` escapes in a name, as bytes of UTF-8. */
function decodeName(raw: string): string {
  return raw.includes('#') ? Buffer.from(raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8') : raw;
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/** A reader of PDF values (ISO 32000-1, 7.3) from a Latin-1 string. */
class Parser {
  constructor(
    private readonly text: string,
    public position: number,
  ) {}

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const char = text[this.position];
      if (char === '%') {
        while (this.position < text.length && text[this.position] !== '\n' && text[this.position] !== '\r') this.position++;
      } else if (char !== undefined && /\s|\0/.test(char)) {
        this.position++;
      } else {
        return;
      }
    }
  }

  expectObjectHeader(num: number): void {
    const header = /(\d+)\s+(\d+)\s+obj/y;
    header.lastIndex = this.position;
    const match = header.exec(this.text);
    if (!match || Number(match[1]) !== num) throw new Error(`the PDF's xref table is wrong for object ${num}`);
    this.position = header.lastIndex;
  }

  value(): PdfValue {
    this.skipSpace();
    const text = this.text;
    const char = text[this.position];
    if (char === '/') {
      let end = this.position + 1;
      while (end < text.length && !DELIMITER.test(text[end]!)) end++;
      const name = new PdfName(text.slice(this.position + 1, end));
      this.position = end;
      return name;
    }
    if (char === '<' && text[this.position + 1] === '<') {
      this.position += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (text.startsWith('>>', this.position)) {
          this.position += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName)) throw new Error(`a PDF dictionary key is not a name at byte ${this.position}`);
        dict.set(key.raw, this.value());
      }
    }
    if (char === '<') {
      const end = text.indexOf('>', this.position);
      const hex = text.slice(this.position + 1, end).replace(/\s/g, '');
      this.position = end + 1;
      return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
    }
    if (char === '(') return this.literalString();
    if (char === '[') {
      this.position++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (text[this.position] === ']') {
          this.position++;
          return array;
        }
        array.push(this.value());
      }
    }
    const ref = /(\d+)\s+(\d+)\s+R(?=[\s()<>[\]{}/%]|$)/y;
    ref.lastIndex = this.position;
    const refMatch = ref.exec(text);
    if (refMatch) {
      this.position = ref.lastIndex;
      return new PdfRef(Number(refMatch[1]));
    }
    const token = /[^\s()<>[\]{}/%]+/y;
    token.lastIndex = this.position;
    const word = token.exec(text)?.[0];
    if (word === undefined) throw new Error(`unexpected "${char}" in the PDF at byte ${this.position}`);
    this.position = token.lastIndex;
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    const number = Number(word);
    if (Number.isNaN(number)) throw new Error(`unexpected "${word}" in the PDF at byte ${this.position}`);
    return number;
  }

  private literalString(): PdfString {
    const text = this.text;
    let depth = 0;
    let bytes = '';
    let position = this.position;
    for (;;) {
      const char = text[position++];
      if (char === undefined) throw new Error('a PDF string does not end');
      if (char === '\\') {
        const next = text[position++]!;
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
        if (next in escapes) bytes += escapes[next];
        else if (/[0-7]/.test(next)) {
          let octal = next;
          while (octal.length < 3 && /[0-7]/.test(text[position]!)) octal += text[position++];
          bytes += String.fromCharCode(parseInt(octal, 8) & 0xff);
        } else if (next === '\r') {
          if (text[position] === '\n') position++;
        } else if (next !== '\n') bytes += next;
        continue;
      }
      if (char === '(') {
        depth++;
        if (depth === 1) continue;
      } else if (char === ')') {
        depth--;
        if (depth === 0) break;
      }
      bytes += char;
    }
    this.position = position;
    return new PdfString(bytes);
  }
}
