// Inputs that try to break the outputs: control characters, markup in
// titles and settings, unsafe links in metadata, footnotes that share labels
// across articles, relative links in saved pages, an out folder inside the
// input. The EPUB must still pass EPUBCheck and nothing may become active.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubCheck, runCli, tempDir } from '../helpers.js';

let input: string;
let out: string;
let stderr: string;

beforeAll(async () => {
  input = await tempDir();
  await writeFile(path.join(input, 'ctl.txt'), 'Headline with\x1b an escape & <b>tags</b> ]]>\n\nBody text with a form\x0cfeed and a vertical\x0btab in it, which no XML may hold.\n');
  await writeFile(
    path.join(input, 'a.md'),
    '---\ntitle: First markdown article\nurl: "javascript:alert(document.domain)"\n---\n\nA claim with a note.[^1] And more text after it, so the article has a body.\n\n[^1]: The first article\'s note.\n',
  );
  await writeFile(path.join(input, 'b.md'), '# Second markdown article\n\nAnother claim with a note.[^1] And more text after it for the body.\n\n[^1]: The second article\'s note.\n');
  await writeFile(
    path.join(input, 'page.html'),
    `<!doctype html><html><head><title>Council approves bypass plan | The Northern Echo</title><meta property="og:site_name" content="The Northern Echo"></head>
<body><article><h1>Council approves bypass plan</h1>
<p>Councillors approved the long-awaited bypass on Tuesday evening after a debate that lasted more than four hours in the chamber.</p>
<p>Read <a href="/news/122">the earlier story</a> and <a href="https://example.org/plan">the plan itself</a> for the background to the scheme and its costs.</p>
<p>Work is due to start next spring and should take about two years, the council said in a statement after the vote.</p></article></body></html>`,
  );
  await writeFile(path.join(input, 'dossier.yaml'), 'title: "Pack & <test> ]]>"\nlanguage: english\n');
  out = path.join(input, 'pack');
  await mkdir(out);
  // A previous build in the out folder, inside the input folder.
  await writeFile(path.join(out, 'dossier.html'), '<html><body><p>An old build that must not be read back as an article, however long its text may be.</p></body></html>');
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json']);
  expect(result.code, result.stderr).toBe(0);
  stderr = result.stderr;
});

describe('hostile inputs', () => {
  it('does not read its own out folder back as articles', async () => {
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    expect(json.articles.map((article: { file: string }) => article.file).sort()).toEqual(['a.md', 'b.md', 'ctl.txt', 'page.html']);
  });

  it('warns about the unsafe link and the language it could not use', () => {
    expect(stderr).toMatch(/a\.md: the link "javascript:alert\(document\.domain\)" was left out/);
    expect(stderr).toMatch(/dossier\.yaml:2: "language: english" is not a language tag/);
  });

  it('makes an EPUB that EPUBCheck passes', async () => {
    const report = path.join(input, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });

  it('keeps ids unique and links safe in the HTML', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(html).not.toMatch(/href="javascript:|dossier\.invalid/);
    expect(html).toContain('<a href="https://example.org/plan">the plan itself</a>');
    expect(html).toContain('the earlier story');
    expect(html).toContain('Pack &amp; &lt;test&gt; ]]&gt;');
    expect(html).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });

  it('takes the site name off a saved page’s title', async () => {
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8'));
    const page = json.articles.find((article: { file: string }) => article.file === 'page.html');
    expect(page.title).toBe('Council approves bypass plan');
    expect(page.source).toBe('The Northern Echo');
  });

  it('links each markdown footnote to its own article’s note in the EPUB', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const names = Object.keys(zip.files).filter((name) => /\/article-0\d-(?:first|second)-markdown/.test(name));
    expect(names).toHaveLength(2);
    for (const name of names) {
      const chapter = await zip.file(name)!.async('string');
      const file = path.basename(name);
      for (const match of chapter.matchAll(/href="([^"#]*)#([^"]*fn-[^"]+)"/g)) {
        expect(match[1] === '' || match[1] === file, `${file} links to ${match[1]}`).toBe(true);
        expect(chapter).toContain(`id="${match[2]}"`);
      }
    }
    expect((await readdir(out)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
