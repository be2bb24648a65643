// Bytes → text. Press cuttings arrive as UTF-8, as Windows-1252 (the `£` of
// old Latin-1 files), with byte-order marks and with Windows or old Mac line
// endings; everything after this stage sees clean UTF-8 text with `\n` only.
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed' }
  | { ok: false; reason: string };

const SNIFF_BYTES = 8192;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };

  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(2));
    return finish(text, utf16);
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'it is a binary file, not text' };

  // A UTF-8 byte-order mark is dropped whatever the rest turns out to be.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  const utf8 = strictUtf8(body);
  if (utf8 !== undefined) return finish(utf8, 'utf-8');
  // Not UTF-8 throughout. Cuttings pasted together mix encodings line by
  // line, so each line is read as UTF-8 when it is, else as Windows-1252.
  const lines: string[] = [];
  let lineStart = 0;
  let anyUtf8 = false;
  for (let index = 0; index <= body.length; index++) {
    if (index < body.length && body[index] !== 0x0a) continue;
    const line = body.subarray(lineStart, index);
    const asUtf8 = strictUtf8(line);
    if (asUtf8 !== undefined && /[^\x00-\x7f]/.test(asUtf8)) anyUtf8 = true;
    // Node 20's own windows-1252 decoder drops bytes 0x80–0x9F (curly quotes,
    // dashes, the euro sign), so a real code-page table does this.
    lines.push(asUtf8 ?? iconv.decode(line, 'windows-1252'));
    lineStart = index + 1;
  }
  return finish(lines.join('\n'), anyUtf8 ? 'mixed' : 'windows-1252');
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab and line breaks: not text, and not allowed in XML (the EPUB). */
const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g;

function finish(text: string, encoding: Extract<Decoded, { ok: true }>['encoding']): Decoded {
  const lf = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
  if (lf.trim() === '') return { ok: false, reason: 'it holds only whitespace' };
  return { ok: true, text: lf, encoding };
}

/** For text from elsewhere (settings, file names): what `decode` does to article text. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** NUL bytes, or many control characters, mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, FF, CR and ESC turn up in real text; other C0 controls do not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control / sample.length > 0.1;
}
