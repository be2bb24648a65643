// A folder holding deeply nested cuttings and one normal article builds:
// exit 0, a warning per deep file, every article present, and in time (a
// regression to a hang fails on the timeout instead of stalling the run).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n');
const INTRO = 'The council met on Tuesday to discuss the new bypass, and residents told the meeting that traffic had doubled.';
const page = (body: string) => `<!doctype html><html><head><title>Bypass</title></head><body><article><p>${INTRO}</p>${body}</article></body></html>`;

const DEEP: Record<string, string> = {
  'quotes.md': `# Quotes\n\n${lines(2000, (i) => `${'>'.repeat(i + 1)} line ${i}`)}\n`,
  'inline-list.md': `# Inline list\n\n${'- '.repeat(700)}x and some words to read\n`,
  'indented-list.md': `# Indented list\n\n${lines(1000, (i) => `${'  '.repeat(i)}- item ${i}`)}\n`,
  'divs.html': page(`<div>${'<div>'.repeat(10_000)}Deep words at the bottom of the page.${'</div>'.repeat(10_000)}</div>`),
  'blockquotes.html': page(`${'<blockquote>'.repeat(4000)}Deep words in a quotation.`),
  'lists.html': page(`${'<ul><li>'.repeat(4000)}Deep words in a list.`),
};

const NORMAL = 'normal.txt';

describe('deeply nested cuttings', () => {
  it('build with the other articles, each flattened with a warning', { timeout: 120_000 }, async () => {
    const input = await tempDir();
    for (const [file, text] of Object.entries(DEEP)) await writeFile(path.join(input, file), text);
    await writeFile(path.join(input, NORMAL), `Bypass approved\n\n${INTRO} The plan was approved by nine votes to two.\n`);
    const out = await tempDir();
    // Six pathological files and one normal one; each used to take minutes or crash (the test's timeout catches that).
    const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json,md']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')) as {
      articles: { file: string }[];
      warnings: { file: string; message: string }[];
    };
    expect(json.articles.map((article) => article.file).sort()).toEqual([...Object.keys(DEEP), NORMAL].sort());
    for (const file of Object.keys(DEEP)) {
      expect(json.warnings.filter((warning) => warning.file === file && /flattened/.test(warning.message)), file).toHaveLength(1);
    }
    expect(result.stderr + result.stdout).toMatch(/quotes\.md.*flattened/);
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    for (const words of ['line 1999', 'Deep words at the bottom of the page', 'Deep words in a list', 'item 999']) expect(html).toContain(words);
  });

  for (const [file, text] of Object.entries(DEEP)) {
    it(`${file} builds on its own`, { timeout: 60_000 }, async () => {
      const input = await tempDir();
      await writeFile(path.join(input, file), text);
      const out = await tempDir();
      const result = await runCli(['--input', input, '--out', out, '--formats', 'json']);
      expect(result.code, result.stderr).toBe(0);
    });
  }
});
