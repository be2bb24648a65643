// Pictures inside a document become files the formats embed: one file per
// picture, named by its content, only when the bytes are the picture they
// say they are, in a folder that goes when the process does.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepEmbeddedPicture } from '../../src/read/embedded-pictures.js';
import { MAX_PICTURE_BYTES } from '../../src/read/pictures.js';
import { ROOT, runTool } from '../helpers.js';
import { png } from '../input-files.js';

describe('a picture inside a document', () => {
  it('is kept as a file of its own bytes, once however often it appears', () => {
    const bytes = png(6, 4);
    const kept = keepEmbeddedPicture(bytes, 'image/png');
    expect(kept).toMatchObject({ mime: 'image/png', path: expect.stringMatching(/dossier-pictures-\d+-[^/]+\/[0-9a-f]{32}\.png$/) });
    if (!('path' in kept)) return;
    expect(readFileSync(kept.path)).toEqual(bytes);
    expect(keepEmbeddedPicture(Buffer.from(bytes), 'IMAGE/PNG')).toEqual(kept);
  });

  it('is refused when it is a kind no format shows, bigger than a picture is, or not what it says it is', () => {
    expect(keepEmbeddedPicture(Buffer.from('metafile'), 'image/x-emf')).toEqual({ refused: expect.stringMatching(/it is image\/x-emf, and only PNG/) });
    expect(keepEmbeddedPicture(Buffer.alloc(MAX_PICTURE_BYTES + 1), 'image/png')).toEqual({ refused: expect.stringMatching(/larger than 10 MB/) });
    expect(keepEmbeddedPicture(png(2, 2), 'image/jpeg')).toEqual({ refused: 'it says it is image/jpeg but its data is not' });
  });

  it('goes when the process that kept it ends, and a killed build’s folder goes with the next build', async () => {
    const stale = path.join(os.tmpdir(), 'dossier-pictures-999999999-left');
    mkdirSync(stale, { recursive: true });
    const script = `import { keepEmbeddedPicture } from ${JSON.stringify(path.join(ROOT, 'src/read/embedded-pictures.ts'))};
      const kept = keepEmbeddedPicture(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg');
      console.log(kept.path);`;
    const result = await runTool(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(result.code, result.stderr).toBe(0);
    const file = result.stdout.trim();
    expect(file).toMatch(/\.jpg$/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.dirname(file))).toBe(false);
    expect(existsSync(stale)).toBe(false);
  });
});
