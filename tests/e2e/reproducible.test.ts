// Same input, same moment: the same bytes in every format. And a build
// stopped half way leaves the previous outputs as they were.
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, FIXTURES, ROOT, runCli, runTool, tempDir } from '../helpers.js';

describe('reproducible builds', () => {
  it('gives byte-identical outputs for SOURCE_DATE_EPOCH, whatever the time zone', async () => {
    const outs: string[] = [];
    for (const zone of ['UTC', 'Asia/Tokyo']) {
      const out = await tempDir();
      const result = await runCli(['--input', path.join(ROOT, 'seeds'), '--out', out], { SOURCE_DATE_EPOCH: '1700000000', TZ: zone });
      expect(result.code, result.stderr).toBe(0);
      outs.push(out);
    }
    const [first, second] = outs as [string, string];
    for (const file of ['dossier.html', 'dossier.json', 'dossier.epub', 'dossier.pdf', ...(await readdir(path.join(first, 'markdown'))).map((name) => `markdown/${name}`)]) {
      const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
      expect(Buffer.compare(a, b), file).toBe(0);
    }
    const info = (await runTool('pdfinfo', [path.join(first, 'dossier.pdf')])).stdout;
    expect(info).toMatch(/CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC/);
  });
});

describe('an interrupted build', () => {
  it('leaves the previous outputs and no partial files', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'dossier.pdf'), 'the previous PDF');
    await writeFile(path.join(out, 'dossier.epub'), 'the previous EPUB');
    // One Node process, as `npm run build` runs it.
    const child = spawn(process.execPath, [CLI, '--input', path.join(FIXTURES, 'enrich', 'shared-passage-variants', 'input'), '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    // Stop it once the HTML is made, while Chromium prints the PDF.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('render html')) resolve();
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code).not.toBe(0);
    expect(await readFile(path.join(out, 'dossier.pdf'), 'utf8')).toBe('the previous PDF');
    expect(await readFile(path.join(out, 'dossier.epub'), 'utf8')).toBe('the previous EPUB');
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('--strict', () => {
  it('turns warnings into exit code 1, after writing the dossier', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, 'a.txt'), 'A headline\n\nThe article has a body of its own, long enough to count.\n');
    await writeFile(path.join(input, 'empty.txt'), '');
    const out = await tempDir();
    const relaxed = await runCli(['--input', input, '--out', out, '--formats', 'json']);
    expect(relaxed.code).toBe(0);
    // One of each, counted as such.
    expect(relaxed.stderr).toMatch(/\(1 article, 1 warning\) in /);
    const strict = await runCli(['--input', input, '--out', out, '--formats', 'json', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: 1 warning/);
    expect(JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')).articles).toHaveLength(1);
  });
});
