// Bytes → text: every later stage relies on getting clean text with `\n` line
// endings, whatever encoding and line endings the cutting was saved with.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const bytes = (...parts: (number | number[])[]): Uint8Array => Uint8Array.from(parts.flat());

function utf16(text: string, order: 'le' | 'be'): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const high = unit >> 8;
    const low = unit & 0xff;
    out.push(...(order === 'le' ? [low, high] : [high, low]));
  }
  return out;
}

function decodedText(input: Uint8Array): string {
  const result = decode(input);
  if (!result.ok) throw new Error(`expected text, got: ${result.reason}`);
  return result.text;
}

describe('decode: UTF-8', () => {
  it('decodes UTF-8, multi-byte characters included', () => {
    const input = new TextEncoder().encode('Café prices rose by £5 — “sharply”.');
    expect(decode(input)).toEqual({ ok: true, text: 'Café prices rose by £5 — “sharply”.', encoding: 'utf-8' });
  });

  it('does not mistake valid UTF-8 for Windows-1252 (no Â£ mojibake)', () => {
    // C2 A3 is `£` in UTF-8; read as Windows-1252 it would be `Â£`.
    expect(decodedText(bytes(ascii('Cost: '), 0xc2, 0xa3, ascii('10')))).toBe('Cost: £10');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const result = decode(bytes(0xef, 0xbb, 0xbf, ascii('Headline')));
    expect(result).toEqual({ ok: true, text: 'Headline', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark even when the rest falls back to Windows-1252', () => {
    expect(decodedText(bytes(0xef, 0xbb, 0xbf, ascii('Price '), 0xa3, ascii('5')))).toBe('Price £5');
  });
});

describe('decode: Windows-1252 fallback', () => {
  it('reads bytes that are not valid UTF-8 as Windows-1252', () => {
    const input = bytes(ascii('Tickets cost '), 0xa3, ascii('5 or '), 0x80, ascii('6, he said: '), 0x93, ascii('cheap'), 0x94, ascii('.'));
    expect(decode(input)).toEqual({
      ok: true,
      text: 'Tickets cost £5 or €6, he said: “cheap”.',
      encoding: 'windows-1252',
    });
  });

  it('maps the 0x80–0x9F range to punctuation, not control characters', () => {
    // 0x91/0x92 single quotes, 0x96 en dash, 0x97 em dash, 0x85 ellipsis.
    const text = decodedText(bytes(0x91, ascii('Hi'), 0x92, 0x20, 0x96, 0x20, ascii('it'), 0x92, ascii('s over'), 0x97, ascii('now'), 0x85));
    expect(text).toBe('‘Hi’ – it’s over—now…');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });
});

describe('decode: line endings', () => {
  it('turns CRLF into LF', () => {
    expect(decodedText(bytes(ascii('one\r\ntwo\r\n\r\nthree\r\n')))).toBe('one\ntwo\n\nthree\n');
  });

  it('turns a lone CR (old Mac files) into LF', () => {
    expect(decodedText(bytes(ascii('one\rtwo\r\rthree')))).toBe('one\ntwo\n\nthree');
  });

  it('handles mixed line endings in one file', () => {
    expect(decodedText(bytes(ascii('a\r\nb\rc\nd')))).toBe('a\nb\nc\nd');
  });

  it('normalises line endings in Windows-1252 text too', () => {
    expect(decodedText(bytes(0xa3, ascii('1\r\n'), 0xa3, ascii('2\r')))).toBe('£1\n£2\n');
  });
});

describe('decode: UTF-16 with a byte-order mark', () => {
  it('decodes UTF-16LE and drops the mark', () => {
    const input = bytes(0xff, 0xfe, utf16('Price: £5 – “fair”\r\nNext', 'le'));
    expect(decode(input)).toEqual({ ok: true, text: 'Price: £5 – “fair”\nNext', encoding: 'utf-16le' });
  });

  it('decodes UTF-16BE and drops the mark', () => {
    const input = bytes(0xfe, 0xff, utf16('Price: £5 – “fair”\rNext', 'be'));
    expect(decode(input)).toEqual({ ok: true, text: 'Price: £5 – “fair”\nNext', encoding: 'utf-16be' });
  });

  it('decodes characters outside the BMP (surrogate pairs)', () => {
    expect(decodedText(bytes(0xff, 0xfe, utf16('Vote 🗳 now', 'le')))).toBe('Vote 🗳 now');
  });

  it('is not rejected as binary although UTF-16 text is full of NUL bytes', () => {
    expect(decode(bytes(0xff, 0xfe, utf16('plain ASCII words', 'le'))).ok).toBe(true);
  });
});

describe('decode: files that are not articles', () => {
  it('rejects an empty file with a reason', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty' });
  });

  it('rejects a whitespace-only file with a reason', () => {
    expect(decode(bytes(ascii('  \n\t\r\n   \n')))).toEqual({ ok: false, reason: 'it holds only whitespace' });
  });

  it('rejects a file that is only a byte-order mark and whitespace', () => {
    const result = decode(bytes(0xef, 0xbb, 0xbf, ascii(' \n')));
    expect(result.ok).toBe(false);
  });

  it('rejects a file with NUL bytes as binary', () => {
    const png = bytes(0x89, ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ascii('IHDR'));
    expect(decode(png)).toEqual({ ok: false, reason: 'it is a binary file, not text' });
  });

  it('rejects an otherwise textual file that holds one NUL byte', () => {
    const result = decode(bytes(ascii('A long line of perfectly ordinary words '.repeat(10)), 0x00, ascii('more')));
    expect(result).toEqual({ ok: false, reason: 'it is a binary file, not text' });
  });

  it('rejects a file with many control characters as binary', () => {
    const result = decode(bytes(ascii('AB'), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, ascii('CD')));
    expect(result).toEqual({ ok: false, reason: 'it is a binary file, not text' });
  });

  it('accepts text with stray control characters (form feed, ESC, bell) and drops them, keeping tabs', () => {
    const input = bytes(ascii('Column\tColumn\n'), 0x0c, ascii('Page two '), 0x1b, ascii(' and a bell '), 0x07, ascii(' in a long enough line of text.'));
    const result = decode(input);
    expect(result.ok).toBe(true);
    // Not text, and not allowed in XML: an EPUB with them is rejected.
    expect(result.ok && result.text).toBe('Column\tColumn\nPage two  and a bell  in a long enough line of text.');
  });

  it('reads each line of a mostly UTF-8 file with one stray Windows-1252 byte in its own encoding', () => {
    const input = bytes(ascii('Caf'), 0xc3, 0xa9, ascii(' prices rise\n\nThe '), 0xe2, 0x80, 0x9c, ascii('best'), 0xe2, 0x80, 0x9d, ascii(' coffee\nnow costs '), 0xa3, ascii('5'));
    const result = decode(input);
    expect(result.ok && result.text).toBe('Café prices rise\n\nThe “best” coffee\nnow costs £5');
    expect(result.ok && result.encoding).toBe('mixed');
  });
});
