// Bytes → text. Press cuttings arrive as UTF-8, as Windows-1252 (the `£` of
// old Latin-1 files), with byte-order marks and with Windows or old Mac line
// endings; everything after this stage sees clean UTF-8 text with `\n` only.
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }
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

  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    // `ignoreBOM: false` (the default) drops a leading UTF-8 byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node 20's own windows-1252 decoder drops bytes 0x80–0x9F (curly quotes,
    // dashes, the euro sign), so a real code-page table does this.
    // A UTF-8 byte-order mark on a file that is not UTF-8 after all is still not text.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start), 'windows-1252');
    encoding = 'windows-1252';
  }
  return finish(text, encoding);
}

function finish(text: string, encoding: Extract<Decoded, { ok: true }>['encoding']): Decoded {
  const lf = text.replace(/\r\n?/g, '\n');
  if (lf.trim() === '') return { ok: false, reason: 'it holds only whitespace' };
  return { ok: true, text: lf, encoding };
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
