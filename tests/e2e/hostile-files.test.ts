// A hostile or unlucky input folder: links that lead out of it and round in
// loops, FIFOs and folders named like articles, pictures and the settings
// file, odd picture addresses. Nothing outside the folder may reach any
// output, nothing may hang, and every good article is still built.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubCheck, runCli, tempDir } from '../helpers.js';

/** A build of a hostile folder that takes longer than this is taken to hang. */
const BOUND_MS = 60_000;

const ARTICLE = (headline: string, extra = '') =>
  `${headline}\n\nCouncillors approved the long-awaited bypass on Tuesday evening after a debate that lasted more than four hours in the chamber.${extra}\n\nWork is due to start next spring and should take about two years, the council said in a statement after the vote.\n`;

/** Every output a build wrote, as text: the EPUB unpacked, the markdown folder read. */
async function allOutputText(out: string): Promise<string> {
  const parts: string[] = [];
  for (const name of await readdir(out, { recursive: true })) {
    const file = path.join(out, name);
    if (name.endsWith('.epub')) {
      const zip = await JSZip.loadAsync(await readFile(file));
      for (const entry of Object.values(zip.files)) if (!entry.dir) parts.push(await entry.async('string'));
    } else if (/\.(html|json|md)$/.test(name)) {
      parts.push(await readFile(file, 'utf8'));
    }
  }
  return parts.join('\n');
}

async function epubcheck(epub: string, dir: string): Promise<unknown[]> {
  const report = path.join(dir, 'epubcheck.json');
  await epubCheck(epub, report);
  const checked = JSON.parse(await readFile(report, 'utf8'));
  return checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity));
}

describe('links out of the input folder', () => {
  let input: string;
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const canary = 'CANARY-7f3a9 text of a file in another folder';
  const outsidePicture = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('CANARY-PICTURE')]);

  beforeAll(async () => {
    const elsewhere = await tempDir('dossier-elsewhere-');
    await writeFile(path.join(elsewhere, 'canary.txt'), ARTICLE('A file in another folder', ` ${canary}.`));
    await mkdir(path.join(elsewhere, 'folder'));
    await writeFile(path.join(elsewhere, 'folder', 'inside.md'), ARTICLE(`# Another folder's article`, ` ${canary}.`));
    await writeFile(path.join(elsewhere, 'settings.yaml'), `title: ${canary}\n`);
    await writeFile(path.join(elsewhere, 'photo.png'), outsidePicture);

    input = await tempDir('dossier-links-');
    await writeFile(path.join(input, 'good.txt'), ARTICLE('Council approves bypass plan'));
    await writeFile(path.join(input, 'pictured.md'), `# Pictures through links\n\n![A linked picture](outside.png)\n\n${ARTICLE('').trim()}\n`);
    await symlink('/etc/passwd', path.join(input, 'passwd.txt'));
    await symlink('/etc/hostname', path.join(input, 'hostname.md'));
    await symlink(path.join(elsewhere, 'canary.txt'), path.join(input, 'canary.txt'));
    await symlink(path.join(elsewhere, 'folder'), path.join(input, 'linked-folder'));
    await symlink(path.join(elsewhere, 'settings.yaml'), path.join(input, 'dossier.yaml'));
    await symlink(path.join(elsewhere, 'photo.png'), path.join(input, 'outside.png'));
    // A loop of two links, and a link to the folder itself.
    await symlink('loop-b.txt', path.join(input, 'loop-a.txt'));
    await symlink('loop-a.txt', path.join(input, 'loop-b.txt'));
    await symlink('.', path.join(input, 'itself'));
    // A link that stays inside is read as the file it points to.
    await mkdir(path.join(input, 'sub'));
    await writeFile(path.join(input, 'sub', 'real.txt'), ARTICLE('Bypass work to begin in spring'));
    await symlink(path.join('sub', 'real.txt'), path.join(input, 'alias.txt'));
    out = path.join(await tempDir(), 'pack');
    result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json,md'], {}, BOUND_MS);
  });

  it('builds the articles inside the folder', async () => {
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    expect(json.articles.map((article: { file: string }) => article.file).sort()).toEqual(['alias.txt', 'good.txt', 'pictured.md']);
    // The link and its target are one text: the second is a duplicate of the first.
    expect(result.stderr).toMatch(/warning: sub\/real\.txt: skipped: an exact duplicate of alias\.txt/);
  });

  it('names each link it refused and why', () => {
    for (const [file, target] of [
      ['passwd.txt', '/etc/passwd'],
      ['hostname.md', '/etc/hostname'],
      ['canary.txt', 'canary.txt'],
      ['linked-folder', 'folder'],
    ]) {
      expect(result.stderr).toMatch(new RegExp(`warning: ${file}: skipped: it is a link to \\S*${target}, outside the input folder`));
    }
    expect(result.stderr).toMatch(/warning: loop-a\.txt: skipped: it is a link that leads round in a loop/);
    expect(result.stderr).toMatch(/warning: dossier\.yaml: the settings file was ignored: it leads to \S+settings\.yaml, outside the input folder/);
    expect(result.stderr).toMatch(/warning: pictured\.md: the picture outside\.png was left out: it leads to \S+photo\.png, outside the input folder/);
  });

  it('puts no byte of any file outside the folder into any output', async () => {
    const text = await allOutputText(out);
    expect(text).toContain('Council approves bypass plan');
    expect(text).not.toContain('CANARY-7f3a9');
    expect(text).not.toMatch(/root:x?:0:0/);
    const hostname = (await readFile('/etc/hostname', 'utf8').catch(() => '')).trim();
    if (hostname.length >= 8) expect(text).not.toContain(hostname);
    // The picture behind the link is in no book and on no page.
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    for (const entry of Object.values(zip.files)) expect((await entry.async('nodebuffer')).equals(outsidePicture), entry.name).toBe(false);
    expect(text).not.toContain(outsidePicture.toString('base64').slice(0, 11));
  });
});

describe('files that are not regular files', () => {
  // One folder per settings-file shape: a FIFO dossier.yaml, then a folder.
  for (const settings of ['fifo', 'folder'] as const) {
    describe(`with a ${settings} named dossier.yaml`, () => {
      let input: string;
      let out: string;
      let result: Awaited<ReturnType<typeof runCli>>;

      beforeAll(async () => {
        input = await tempDir('dossier-special-');
        await writeFile(path.join(input, 'good.txt'), ARTICLE('Council approves bypass plan'));
        await writeFile(path.join(input, 'pictured.md'), `# Pictures that are not files\n\n![The FIFO](fifo.png) and ![The folder](folder.png)\n\n${ARTICLE('').trim()}\n`);
        execFileSync('mkfifo', [path.join(input, 'fifo.png'), path.join(input, 'x.txt')]);
        await mkdir(path.join(input, 'folder.png'));
        if (settings === 'fifo') execFileSync('mkfifo', [path.join(input, 'dossier.yaml')]);
        else await mkdir(path.join(input, 'dossier.yaml'));
        out = path.join(await tempDir(), 'pack');
        result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json,md'], {}, BOUND_MS);
      });

      it('builds every format without hanging', async () => {
        expect(result.code, result.stderr).toBe(0);
        expect((await readdir(out)).sort()).toEqual(['dossier.epub', 'dossier.html', 'dossier.json', 'markdown']);
      });

      it('names each one, says what it is, and keeps the picture descriptions', async () => {
        const kind = settings === 'fifo' ? 'a FIFO \\(named pipe\\)' : 'a folder';
        expect(result.stderr).toMatch(new RegExp(`warning: dossier\\.yaml: the settings file was ignored: it is ${kind}, not a regular file`));
        expect(result.stderr).toMatch(/warning: x\.txt: skipped: it is a FIFO \(named pipe\), not a regular file/);
        expect(result.stderr).toMatch(/warning: pictured\.md: the picture fifo\.png was left out: it is a FIFO \(named pipe\), not a regular file/);
        expect(result.stderr).toMatch(/warning: pictured\.md: the picture folder\.png was left out: it is a folder, not a regular file/);
        const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
        expect(html).toContain('[Picture: The FIFO]');
        expect(html).toContain('[Picture: The folder]');
      });

      it('makes an EPUB that EPUBCheck passes', async () => {
        expect(await epubcheck(path.join(out, 'dossier.epub'), input)).toEqual([]);
      });
    });
  }
});

describe('odd names and settings', () => {
  let input: string;
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    input = await tempDir('dossier-odd-');
    await writeFile(path.join(input, 'good.txt'), ARTICLE('Council approves bypass plan'));
    // A malformed percent-escape in a picture's address loses the picture, not the article.
    await writeFile(path.join(input, 'escape.md'), `# An article with a malformed picture address\n\n![x](%E0%A4%A.png)\n\n${ARTICLE('').trim()}\n`);
    await writeFile(path.join(input, 'dossier.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    out = path.join(await tempDir(), 'pack');
    result = await runCli(['--input', input, '--out', out, '--formats', 'html,json'], {}, BOUND_MS);
  });

  it('keeps the article whose picture address is malformed, and says so', async () => {
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    expect(json.articles.map((article: { file: string }) => article.file).sort()).toEqual(['escape.md', 'good.txt']);
    expect(result.stderr).toMatch(/warning: escape\.md: the picture %E0%A4%A\.png was left out: its address is not valid percent-encoding/);
  });

  it('says a binary settings file was ignored', () => {
    expect(result.stderr).toMatch(/warning: dossier\.yaml: the settings file was ignored: it is a binary file/);
  });

  it('refuses an out folder that is the input folder, and writes nothing there', async () => {
    const same = await runCli(['--input', input, '--out', input, '--formats', 'html,json'], {}, BOUND_MS);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/the out folder .* is the input folder: write the dossier elsewhere/);
    expect((await readdir(input)).sort()).toEqual(['dossier.yaml', 'escape.md', 'good.txt']);
  });

  it('leaves an out folder inside the input folder out of the articles, build after build', async () => {
    const inner = path.join(input, 'pack');
    for (let run = 0; run < 2; run++) {
      const again = await runCli(['--input', input, '--out', inner, '--formats', 'html,json,md'], {}, BOUND_MS);
      expect(again.code, again.stderr).toBe(0);
      const json = JSON.parse(await readFile(path.join(inner, 'dossier.json'), 'utf8'));
      expect(json.articles).toHaveLength(2);
    }
  });
});

describe('huge headlines', () => {
  let input: string;
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const longWord = 'A'.repeat(300);

  beforeAll(async () => {
    input = await tempDir('dossier-headlines-');
    // 100,000 characters of words, and one 300-letter word: file names are bounded, the headline is not cut.
    const words = Array.from({ length: 12_000 }, (_, index) => `word${index}`).join(' ').slice(0, 100_000);
    await writeFile(path.join(input, 'huge.txt'), ARTICLE(words));
    await writeFile(path.join(input, 'long-word.txt'), ARTICLE(longWord));
    await writeFile(path.join(input, 'huge-word.md'), `# ${'B'.repeat(100_000)}\n\n${ARTICLE('').trim()}\n`);
    out = path.join(await tempDir(), 'pack');
    result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json,md'], {}, BOUND_MS);
  });

  it('writes every format with bounded file names and the headline whole', async () => {
    expect(result.code, result.stderr).toBe(0);
    const markdown = await readdir(path.join(out, 'markdown'));
    expect(markdown).toHaveLength(3);
    for (const name of markdown) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(100);
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    // The text file's 100,000-character first line reads as a paragraph, not a headline: its headline is derived.
    expect(json.articles.map((article: { title: string }) => article.title.length)).toEqual(expect.arrayContaining([300, 100_000]));
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    for (const name of Object.keys(zip.files)) expect(name.length).toBeLessThanOrEqual(120);
    expect(await readFile(path.join(out, 'dossier.html'), 'utf8')).toContain(longWord);
  });

  it('makes an EPUB that EPUBCheck passes', async () => {
    expect(await epubcheck(path.join(out, 'dossier.epub'), input)).toEqual([]);
  });
});
