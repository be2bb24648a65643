// Each folder in tests/fixtures/enrich is a small dossier (`input/`, with a
// dossier.yaml where the case needs one) and what enrichment must find in it
// (`expected.json`): people, organisations, chronology and shared passages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { expectedFile, fixtureCases, tempDir } from '../helpers.js';

describe('enriching small dossiers', () => {
  for (const { name, dir } of fixtureCases('enrich')) {
    it(name, async () => {
      const out = await tempDir();
      await build({ input: path.join(dir, 'input'), out, formats: ['json'] });
      const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
      const found = `${JSON.stringify(
        { people: json.people, organisations: json.organisations, chronology: json.chronology, sharedPassages: json.sharedPassages, warnings: json.warnings },
        null,
        2,
      )}\n`;
      expect(found).toBe(expectedFile(dir, 'expected.json', found));
    });
  }
});
