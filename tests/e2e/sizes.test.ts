// Inputs whose size used to stall a build, each built on its own from its
// file as a user would: a cutting of 20,000 paragraphs, a markdown file of
// 50,000 headings, a paragraph of 5 MB. The stages are tested at these sizes
// one by one (normalise, enrich and render scale tests); this is the whole
// build, reading included. Nothing is timed: a build in time linear in its
// input takes seconds, and one that regressed to quadratic work is killed by
// the guard below and fails. (The PDF is left out: a 5 MB paragraph is beyond
// the print layout, see awkward.test.ts.)
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const PARAGRAPH = 'The council said on Monday that the library would stay open, Mr Smith told the Herald. "We will not close it."';
const SENTENCE = 'The minister, Dr Jones, said the plan would cost more than expected and that councils had not been told. ';

const INPUTS: Record<string, { file: string; text: () => string; blocks: number }> = {
  '20,000 paragraphs': { file: 'paragraphs.txt', text: () => `A headline for the test\n\n${Array(20_000).fill(PARAGRAPH).join('\n\n')}\n`, blocks: 20_000 },
  '50,000 headings': {
    file: 'headings.md',
    text: () => `# Headline\n\n${Array.from({ length: 50_000 }, (_, index) => `## Update\n\nMore text ${index}.\n\n`).join('')}`,
    blocks: 100_000,
  },
  'a paragraph of 5 MB': { file: 'paragraph.txt', text: () => `A very long report\n\n${SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length)).trim()}\n`, blocks: 1 },
};

/** A hang guard, not a measure: the builds take seconds each. */
const GUARD_MS = 180_000;

describe('inputs of hostile size', () => {
  for (const [name, input] of Object.entries(INPUTS)) {
    it(`${name} build into every format but the PDF, with every word kept`, { timeout: GUARD_MS + 30_000 }, async () => {
      const folder = await tempDir('dossier-size-');
      const text = input.text();
      await writeFile(path.join(folder, input.file), text);
      const out = await tempDir('dossier-size-out-');
      const result = await runCli(['--input', folder, '--out', out, '--formats', 'html,epub,json,md'], {}, GUARD_MS);
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')) as { articles: { file: string; words: number; markdown: string }[] };
      expect(json.articles.map((article) => article.file)).toEqual([input.file]);
      const markdown = await readFile(path.join(out, json.articles[0]!.markdown), 'utf8');
      const body = markdown.slice(markdown.indexOf('\n---\n') + 5).trim();
      // The headline is in the front matter; every block under it is in the body.
      expect(body.split(/\n\n+/)).toHaveLength(input.blocks);
      const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      // Counted block by block: run together, the last word of each block and the first of the next made one.
      expect(Math.abs(json.articles[0]!.words - words) / words).toBeLessThan(0.01);
    });
  }
});
