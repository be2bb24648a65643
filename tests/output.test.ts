// Writing the outputs: a build killed at any moment leaves the previous
// outputs all there, valid and from one build; the next build finishes or
// undoes what the killed one left and removes its temporary files.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { recoverOutFolder, StagedOutputs } from '../src/output.js';
import { CLI, ROOT, runCli, tempDir } from './helpers.js';

const OUTPUT_NAMES = ['dossier.html', 'dossier.pdf', 'dossier.epub', 'markdown', 'dossier.json'];
/** A process id that is surely not running: beyond Linux's largest. */
const DEAD_PID = 4_194_999;

describe('StagedOutputs', () => {
  it('puts nothing in place before the commit, and everything at it', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'dossier.html'), 'old page');
    await mkdir(path.join(out, 'markdown'));
    await writeFile(path.join(out, 'markdown', 'old.md'), 'old');
    const outputs = new StagedOutputs(out);
    await outputs.file('dossier.html', 'new page');
    await outputs.folder('markdown', new Map([['new.md', 'new']]));
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toBe('old page');
    expect(await readdir(path.join(out, 'markdown'))).toEqual(['old.md']);
    expect(outputs.commit()).toEqual(['dossier.html', 'markdown']);
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toBe('new page');
    expect(await readdir(path.join(out, 'markdown'))).toEqual(['new.md']);
    expect((await readdir(out)).sort()).toEqual(['dossier.html', 'markdown']);
  });

  it('says which file could not be written and what to do', async () => {
    const parent = await tempDir();
    const file = path.join(parent, 'a-file');
    await writeFile(file, 'not a folder');
    await expect(new StagedOutputs(path.join(file, 'out')).file('dossier.html', 'x')).rejects.toThrow(/^dossier\.html was not written: part of the path .*a-file.* is a file, not a folder: choose another --out \(ENOTDIR\)\.$/);
  });
});

describe('recoverOutFolder', () => {
  it('finishes a commit that a killed build began', async () => {
    const out = await tempDir();
    // Killed between moving the old markdown aside and putting the new one in place.
    await mkdir(path.join(out, `.markdown.${DEAD_PID}.old`));
    await mkdir(path.join(out, `.markdown.${DEAD_PID}.tmp`));
    await writeFile(path.join(out, `.markdown.${DEAD_PID}.tmp`, 'new.md'), 'new');
    await writeFile(path.join(out, `.dossier.json.${DEAD_PID}.tmp`), '{"new":true}');
    await writeFile(path.join(out, 'dossier.json'), '{"old":true}');
    await writeFile(path.join(out, `.dossier-commit.${DEAD_PID}.json`), JSON.stringify([{ name: 'markdown', folder: true }, { name: 'dossier.json', folder: false }]));
    recoverOutFolder(out, OUTPUT_NAMES);
    expect((await readdir(out)).sort()).toEqual(['dossier.json', 'markdown']);
    expect(await readdir(path.join(out, 'markdown'))).toEqual(['new.md']);
    expect(await readFile(path.join(out, 'dossier.json'), 'utf8')).toBe('{"new":true}');
  });

  it('puts back a folder moved aside, removes stale temporaries and leaves other files alone', async () => {
    const out = await tempDir();
    await mkdir(path.join(out, `.markdown.${DEAD_PID}.old`));
    await writeFile(path.join(out, `.markdown.${DEAD_PID}.old`, 'old.md'), 'old');
    await mkdir(path.join(out, `.markdown.${DEAD_PID}.tmp`));
    await writeFile(path.join(out, `.dossier.pdf.${DEAD_PID}.tmp`), 'half a PDF');
    // A build still running (this test's own parent process) keeps its files.
    await writeFile(path.join(out, `.dossier.html.${process.ppid}.tmp`), 'being written');
    await writeFile(path.join(out, `.notes.${DEAD_PID}.tmp`), 'not ours');
    recoverOutFolder(out, OUTPUT_NAMES);
    expect((await readdir(out)).sort()).toEqual([`.dossier.html.${process.ppid}.tmp`, `.notes.${DEAD_PID}.tmp`, 'markdown']);
    expect(await readdir(path.join(out, 'markdown'))).toEqual(['old.md']);
  });
});

/** Checks that the out folder holds one whole, valid build. */
async function expectWholeBuild(out: string, moment: string): Promise<void> {
  const names = await readdir(out);
  for (const name of ['dossier.html', 'dossier.epub', 'dossier.json', 'markdown']) expect(names, `${name} after a kill ${moment}`).toContain(name);
  const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
  const markdown = (await readdir(path.join(out, 'markdown'))).sort();
  // The JSON and the markdown folder come from the same build.
  expect(json.articles.map((article: { markdown: string }) => article.markdown.replace(/^markdown\//, '')).sort(), moment).toEqual(markdown);
  expect(await readFile(path.join(out, 'dossier.html'), 'utf8'), moment).toMatch(/<\/html>\s*$/);
  const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
  expect(await zip.file('mimetype')?.async('string'), moment).toBe('application/epub+zip');
}

describe('a build killed with SIGKILL', () => {
  it('leaves the previous outputs whole at every moment, and the next build cleans up', async () => {
    const input = await tempDir();
    for (const name of await readdir(path.join(ROOT, 'seeds'))) await writeFile(path.join(input, name), await readFile(path.join(ROOT, 'seeds', name)));
    const out = await tempDir();
    const formats = ['--formats', 'html,epub,json,md'];
    const first = await runCli(['--input', input, '--out', out, ...formats]);
    expect(first.code, first.stderr).toBe(0);
    await expectWholeBuild(out, 'before');

    // Each kill lands at another moment: as a stage finishes, or after a delay.
    const moments = ['read', 'enrich', 'render markdown', 'render html', 'render epub', 'wrote', 'after 150 ms', 'after 900 ms'];
    for (const [index, moment] of moments.entries()) {
      // A different article each time, so that every build has something new to write.
      await writeFile(path.join(input, 'extra.txt'), `Extra headline number ${index}\n\nAn extra article, version ${index}, with a body long enough to count as an article for the dossier.\n`);
      const child = spawn(process.execPath, [CLI, '--input', input, '--out', out, ...formats], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve) => {
        const delay = /after (\d+) ms/.exec(moment);
        if (delay) setTimeout(resolve, Number(delay[1]));
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (!delay && stderr.includes(`dossier: ${moment}`)) resolve();
        });
        void exited.then(() => resolve());
      });
      child.kill('SIGKILL');
      await exited;
      await expectWholeBuild(out, `at "${moment}"`);
    }

    const last = await runCli(['--input', input, '--out', out, ...formats]);
    expect(last.code, last.stderr).toBe(0);
    await expectWholeBuild(out, 'after the last build');
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(path.join(out, 'markdown'))).toBe(true);
  });
});

describe('an out folder that cannot be written', () => {
  it('says so for each format, naming the folder, instead of a missing file', async () => {
    const source = await tempDir();
    const mounted = await tempDir();
    // A read-only bind mount: permissions alone do not stop root, who runs the tests here.
    const { execFileSync } = await import('node:child_process');
    try {
      execFileSync('mount', ['--bind', source, mounted], { stdio: 'ignore' });
      execFileSync('mount', ['-o', 'remount,bind,ro', mounted], { stdio: 'ignore' });
    } catch {
      console.warn('skipped: this machine does not allow a read-only bind mount');
      return;
    }
    try {
      const result = await runCli(['--out', mounted, '--formats', 'html,md,json']);
      expect(result.code).toBe(1);
      for (const name of ['html: dossier.html', 'md: markdown', 'json: dossier.json']) {
        expect(result.stderr).toContain(`error: ${name} was not written: ${mounted} is on a read-only file system: choose another --out (EROFS).`);
      }
    } finally {
      execFileSync('umount', [mounted], { stdio: 'ignore' });
    }
  });
});
