// Each folder in tests/fixtures/normalise is a cutting (`input.*`) and the
// normalised markdown the build must write for it (`expected.md`): headline,
// dateline, standfirst, related links and block quotations all show there.
// `expected-warnings.json`, where present, lists the warnings it must give.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../src/render/markdown/article-file.js';
import { articleFrom, expectedFile, fixtureCases, inputFile } from '../helpers.js';

describe('normalising cuttings', () => {
  for (const { name, dir } of fixtureCases('normalise')) {
    it(name, async () => {
      const { article, warnings } = await articleFrom(dir, inputFile(dir));
      const expectedWarnings = existsSync(path.join(dir, 'expected-warnings.json'))
        ? JSON.parse(readFileSync(path.join(dir, 'expected-warnings.json'), 'utf8'))
        : [];
      expect(warnings).toEqual(expectedWarnings);
      const markdown = articleMarkdown(article);
      expect(markdown).toBe(expectedFile(dir, 'expected.md', markdown));
    });
  }
});
