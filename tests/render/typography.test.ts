// Printer's typography for what readers see: curly quotes, dashes and
// ellipses, with the cutting's other characters left exactly as they were.
import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/render/view/typography.js';

describe('typeset', () => {
  it('curls double quotes', () => {
    expect(typeset('He said "hello" to her.')).toBe('He said “hello” to her.');
    expect(typeset('"It is," he said, "a start."')).toBe('“It is,” he said, “a start.”');
  });

  it('curls single quotes, nested inside double ones too', () => {
    expect(typeset("'Quoted' words")).toBe('‘Quoted’ words');
    expect(typeset(`"'Nested'"`)).toBe('“‘Nested’”');
  });

  it('turns apostrophes into right single quotes', () => {
    expect(typeset("I won't go")).toBe('I won’t go');
    expect(typeset("It's John's 5 o'clock")).toBe('It’s John’s 5 o’clock');
    expect(typeset("back in the '80s")).toBe('back in the ’80s');
  });

  it('turns a spaced hyphen into a spaced en dash', () => {
    expect(typeset('London - the capital - voted')).toBe('London – the capital – voted');
    expect(typeset('1990 - 2000')).toBe('1990 – 2000');
  });

  it('leaves hyphens in words and a hyphen at an edge alone', () => {
    expect(typeset('state-of-the-art')).toBe('state-of-the-art');
    expect(typeset('- item')).toBe('- item');
    expect(typeset('the end -')).toBe('the end -');
  });

  it('turns -- into an en dash and --- into an em dash', () => {
    expect(typeset('pages 10--20')).toBe('pages 10–20');
    expect(typeset('It was -- in fact -- over')).toBe('It was – in fact – over');
    expect(typeset('wait---what')).toBe('wait—what');
  });

  it('turns three dots into an ellipsis', () => {
    expect(typeset('and so...')).toBe('and so…');
    expect(typeset('He said "yes"...')).toBe('He said “yes”…');
  });

  it('leaves backticks and HTML-like text as they are', () => {
    expect(typeset('use `code` here')).toBe('use `code` here');
    expect(typeset('<b>bold</b> & <i>x</i>')).toBe('<b>bold</b> & <i>x</i>');
    expect(typeset('&amp; stays')).toBe('&amp; stays');
  });

  it('leaves text with nothing to typeset unchanged', () => {
    expect(typeset('Minister defends school meals plan')).toBe('Minister defends school meals plan');
    expect(typeset('“already curly” — and ’set’')).toBe('“already curly” — and ’set’');
  });

  it.each(['\\', '\\\\', 'a\\"b', "a\\'b", '\\-', '\\.', '\\`', 'C:\\Users\\Me\\', 'say \\"hi\\"', '\\---', '\\...'])(
    'never turns a backslash into an HTML entity: %s',
    (text) => {
      const result = typeset(text);
      expect(result).not.toMatch(/&#?\w+;/);
      expect(result.split('\\').length).toBe(text.split('\\').length);
    },
  );

  it('typesets around backslashes as elsewhere', () => {
    expect(typeset('C:\\Users\\Me\\')).toBe('C:\\Users\\Me\\');
    expect(typeset('"C:\\temp" - done...')).toBe('“C:\\temp” – done…');
    expect(typeset('\\---')).toBe('\\—');
  });
});
