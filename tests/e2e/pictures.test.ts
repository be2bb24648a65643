// Pictures: those in the input folder, and those inside a Word document, are
// embedded in every format; remote ones are never fetched and nothing
// outside the input folder is read.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubCheck, runCli, runTool, tempDir } from '../helpers.js';
import { CUTTINGS, docx, emailWithInlinePictures, png } from '../input-files.js';

let out: string;
let stderr: string;

beforeAll(async () => {
  const root = await tempDir();
  const input = path.join(root, 'input');
  await mkdir(path.join(input, 'img'), { recursive: true });
  await writeFile(path.join(input, 'img', 'map.png'), png(40, 20));
  await writeFile(path.join(root, 'secret.png'), png(4, 4));
  await writeFile(
    path.join(input, 'a.md'),
    '# Bypass route agreed\n\nThe council agreed the route of the bypass on Tuesday evening after a long debate.\n\n![Map of the agreed route](img/map.png)\n\n![A secret](../secret.png) ![Remote](https://example.invalid/x.png) ![Inline](data:image/png;base64,AAAA)\n',
  );
  // A Word document with a photograph inside it, and a chart Word keeps as a Windows metafile, which no format shows.
  await writeFile(
    path.join(input, 'orchard.docx'),
    await docx(CUTTINGS.orchard, {
      pictures: [
        { bytes: png(30, 24), extension: 'png', contentType: 'image/png', description: 'Pupils planting the first apple tree' },
        { bytes: Buffer.from('not a picture Word could draw'), extension: 'emf', contentType: 'image/x-emf', description: 'A chart of the varieties planted' },
      ],
    }),
  );
  // An e-mail alert whose photograph is a part of the message, shown by cid:.
  await writeFile(
    path.join(input, 'stalls.eml'),
    emailWithInlinePictures(CUTTINGS.market, {
      date: 'Thu, 21 Mar 2024 08:15:00 +0000',
      from: '"Eastgate Evening Post" <alerts@eastgate.example>',
      pictures: [{ cid: 'stalls@eastgate.example', alt: 'Stalls under the market roof' }],
      parts: [{ cid: 'stalls@eastgate.example', type: 'image/png', name: 'stalls.png', bytes: png(36, 18) }],
    }),
  );
  await writeFile(path.join(input, 'dossier.yaml'), 'order: file\n');
  out = path.join(root, 'out');
  // A remote picture costs nothing: nothing waits on the network (the hook's timeout would end a build that did).
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,pdf,md,json']);
  expect(result.code, result.stderr).toBe(0);
  stderr = result.stderr;
});

describe('pictures', () => {
  it('leaves out what is outside the input folder, on the web or inline, saying why', () => {
    expect(stderr).toMatch(/a\.md: the picture \.\.\/secret\.png was left out: it is outside the input folder/);
    expect(stderr).toMatch(/a\.md: a picture was left out: https:\/\/example\.invalid\/x\.png is on the web/);
    expect(stderr).toMatch(/a\.md: a picture was left out: data:image\/png;base64,AAAA is not a file in the input folder/);
    expect(stderr).not.toMatch(/map\.png: skipped/);
    expect(stderr).toMatch(/orchard\.docx: a picture inside the Word document was left out: it is image\/x-emf, and only PNG, JPEG, GIF and WebP pictures are embedded/);
  });

  it('embeds the picture from the input folder in the HTML page, with its description', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images).toHaveLength(3);
    expect(images[0]).toMatch(/src="data:image\/png;base64,iVBOR/);
    expect(images[0]).toMatch(/alt="Map of the agreed route"/);
    expect(html).toContain('[Picture: A secret]');
  });

  it('embeds the picture inside the Word document, its description with it, and describes the one it cannot show', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images[1]).toMatch(/src="data:image\/png;base64,iVBOR/);
    expect(images[1]).toMatch(/alt="Pupils planting the first apple tree"/);
    expect(html).toContain('[Picture: A chart of the varieties planted]');
    // In the article, after the paragraph it follows in the document.
    const article = html.slice(html.indexOf('The orchard was designed by pupils'));
    expect(article.indexOf('Pupils planting the first apple tree')).toBeGreaterThan(0);
    expect(article.indexOf('Pupils planting the first apple tree')).toBeLessThan(article.indexOf('Gardener'));
  });

  it('embeds the picture an e-mail shows from a part of the message', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images[2]).toMatch(/src="data:image\/png;base64,iVBOR/);
    expect(images[2]).toMatch(/alt="Stalls under the market roof"/);
    expect(stderr).not.toMatch(/stalls\.eml: .*picture/);
  });

  it('packs it into the EPUB, which EPUBCheck passes', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    // The cover first, then the articles' pictures.
    expect(Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/images/') && !name.endsWith('/'))).toEqual([
      'OEBPS/images/picture-1.png',
      'OEBPS/images/picture-2.png',
      'OEBPS/images/picture-3.png',
      'OEBPS/images/picture-4.png',
    ]);
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toMatch(/href="images\/picture-1\.png" media-type="image\/png" properties="cover-image"/);
    expect(opf).toMatch(/href="images\/picture-2\.png" media-type="image\/png" \/>/);
    const chapter = await zip.file(Object.keys(zip.files).find((name) => name.includes('bypass-route-agreed'))!)!.async('string');
    expect(chapter).toMatch(/<img src="images\/picture-2\.png" alt="Map of the agreed route"/);
    const orchard = await zip.file(Object.keys(zip.files).find((name) => name.includes('community-orchard'))!)!.async('string');
    expect(orchard).toMatch(/<img src="images\/picture-3\.png" alt="Pupils planting the first apple tree"/);
    const stalls = await zip.file(Object.keys(zip.files).find((name) => name.includes('covered-market'))!)!.async('string');
    expect(stalls).toMatch(/<img src="images\/picture-4\.png" alt="Stalls under the market roof"/);
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });

  it('prints it in the PDF', async () => {
    const list = (await runTool('pdfimages', ['-list', path.join(out, 'dossier.pdf')])).stdout;
    expect(list).toMatch(/^\s+\d+\s+\d+\s+image\s+40\s+20\s/m);
    expect(list).toMatch(/^\s+\d+\s+\d+\s+image\s+30\s+24\s/m);
    expect(list).toMatch(/^\s+\d+\s+\d+\s+image\s+36\s+18\s/m);
  });

  it('refers to it by its place in the input folder in the markdown', async () => {
    const markdown = await readFile(path.join(out, 'markdown', '01-bypass-route-agreed.md'), 'utf8');
    expect(markdown).toContain('![Map of the agreed route](img/map.png)');
    // A picture inside a document, by the document it is inside.
    const orchard = await readFile(path.join(out, 'markdown', '02-community-orchard-planted-on-former-car.md'), 'utf8');
    expect(orchard).toContain('![Pupils planting the first apple tree](orchard.docx#picture-1)');
    const stalls = await readFile(path.join(out, 'markdown', '03-covered-market-traders-win-a-years.md'), 'utf8');
    expect(stalls).toContain('![Stalls under the market roof](stalls.eml#picture-1)');
  });
});
