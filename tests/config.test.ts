// dossier.yaml: every key optional; an unknown key is a warning, a config the
// build cannot use is a ConfigError naming the file and line.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const FILE = 'input/dossier.yaml';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads every setting, with per-article settings keyed by path', () => {
    const text = [
      'title: Livingstone dossier',
      'subtitle: Press coverage, March 2012',
      'compiled-by: Research desk',
      'date: 2012-03-21',
      'language: en-GB',
      'description: Cuttings about the mayoral race.',
      'date-order: month-first',
      'articles:',
      '  guardian/one.txt:',
      '    title: A better headline',
      '    source: The Guardian',
      '    date: 21 March 2012',
      '    byline: Jane Smith',
      '    url: https://example.com/one',
      '    standfirst: A summary.',
      '  two.md:',
      '    source: BBC News',
      '',
    ].join('\n');
    expect(parseConfig(text, FILE)).toEqual({
      config: {
        title: 'Livingstone dossier',
        subtitle: 'Press coverage, March 2012',
        compiledBy: 'Research desk',
        date: '2012-03-21',
        language: 'en-GB',
        description: 'Cuttings about the mayoral race.',
        dateOrder: 'month-first',
        articles: {
          'guardian/one.txt': {
            title: 'A better headline',
            source: 'The Guardian',
            date: '21 March 2012',
            byline: 'Jane Smith',
            url: 'https://example.com/one',
            standfirst: 'A summary.',
          },
          'two.md': { source: 'BBC News' },
        },
      },
      warnings: [],
    });
  });

  it('writes the dossier date as YYYY-MM-DD whatever form it was given in', () => {
    expect(parseConfig('date: 21 March 2012\n', FILE).config.date).toBe('2012-03-21');
  });

  it('reads a number as text', () => {
    expect(parseConfig('title: 2012\n', FILE).config.title).toBe('2012');
  });

  it.each(['', '\n\n', '# only a comment\n', 'articles:\n'])('gives an empty config for a file with no settings: %j', (text) => {
    expect(parseConfig(text, FILE)).toEqual({ config: { articles: {} }, warnings: [] });
  });

  it('warns about an unknown setting, naming the file and line, and ignores it', () => {
    const { config, warnings } = parseConfig('title: T\ncolour: blue\n', FILE);
    expect(config).toEqual({ title: 'T', articles: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: FILE, line: 2 });
    expect(warnings[0]!.message).toContain('"colour"');
  });

  it('warns about an unknown article setting, naming the file and line, and keeps the rest', () => {
    const { config, warnings } = parseConfig('articles:\n  a.txt:\n    source: S\n    colour: red\n', FILE);
    expect(config.articles).toEqual({ 'a.txt': { source: 'S' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: FILE, line: 4 });
    expect(warnings[0]!.message).toContain('"colour"');
    expect(warnings[0]!.message).toContain('a.txt');
  });

  it('warns about a date that is not a date, with its line, and leaves it out', () => {
    const { config, warnings } = parseConfig('title: T\ndate: sometime soon\n', FILE);
    expect(config.date).toBeUndefined();
    expect(warnings).toMatchObject([{ file: FILE, line: 2, message: expect.stringContaining('sometime soon') }]);
  });

  it('throws a ConfigError naming the file for invalid YAML', () => {
    const error = configError('title: T\narticles:\n  a.txt: [unclosed\n');
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('not valid YAML');
  });

  it('gives the line of invalid YAML in the ConfigError', () => {
    expect(configError('title: a\nsubtitle: b\ntitle: c\n').message).toMatch(/^input\/dossier\.yaml:3: not valid YAML/);
  });

  it('gives the line of a tab used as indentation', () => {
    expect(configError('title: T\n\tsubtitle: x\n').message).toMatch(/^input\/dossier\.yaml:2: not valid YAML/);
  });

  it('throws a ConfigError with the line when a setting is a list, not text', () => {
    const error = configError('subtitle: fine\ntitle:\n  - one\n  - two\n');
    expect(error.message).toMatch(/^input\/dossier\.yaml:3: "title" must be a single line of text/);
  });

  it('throws a ConfigError with the line when an article setting is not text', () => {
    expect(configError('articles:\n  a.txt:\n    source:\n      - x\n').message).toMatch(/^input\/dossier\.yaml:4: .*"source" for "a\.txt"/);
  });

  it('throws a ConfigError with the line for an unknown date order', () => {
    expect(configError('title: T\ndate-order: sideways\n').message).toMatch(/^input\/dossier\.yaml:2: .*day-first or month-first/);
  });

  it('reads how articles follow one another in print, and names the choices when it is neither', () => {
    expect(parseConfig('article-break: run-on\n', FILE).config.articleBreak).toBe('run-on');
    expect(parseConfig('article-break: page\n', FILE).config.articleBreak).toBe('page');
    expect(configError('title: T\narticle-break: sometimes\n').message).toMatch(/^input\/dossier\.yaml:2: "article-break" must be page or run-on/);
  });

  it('reads the reading order and what to do with versions of one report, and names the choices when it is neither', () => {
    expect(parseConfig('order: source\nversions: fold\n', FILE).config).toMatchObject({ order: 'source', versions: 'fold' });
    expect(configError('title: T\norder: newest\n').message).toMatch(/^input\/dossier\.yaml:2: "order" must be file, date, source/);
    expect(configError('versions: merge\n').message).toMatch(/^input\/dossier\.yaml:1: "versions" must be keep or fold/);
  });

  it('throws a ConfigError with the line when "articles" is not a mapping', () => {
    expect(configError('articles:\n  - a.txt\n').message).toMatch(/^input\/dossier\.yaml:2: /);
    expect(configError('articles:\n  a.txt: The Guardian\n').message).toMatch(/^input\/dossier\.yaml:2: .*a\.txt/);
  });

  it('throws a ConfigError when the file is not a mapping of settings', () => {
    expect(configError('just a line of text\n').message).toMatch(/^input\/dossier\.yaml:1: /);
  });
});
