// Pictures: those in the input folder are embedded in every format; remote
// ones are never fetched and nothing outside the input folder is read.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runTool, tempDir } from '../helpers.js';

/** A small solid-colour PNG. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x99)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

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
  out = path.join(root, 'out');
  const started = performance.now();
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,pdf,md,json']);
  expect(result.code, result.stderr).toBe(0);
  // A remote picture costs nothing: nothing waits on the network.
  expect(performance.now() - started).toBeLessThan(60_000);
  stderr = result.stderr;
});

describe('pictures', () => {
  it('leaves out what is outside the input folder, on the web or inline, saying why', () => {
    expect(stderr).toMatch(/a\.md: the picture \.\.\/secret\.png was left out: it is outside the input folder/);
    expect(stderr).toMatch(/a\.md: a picture was left out: https:\/\/example\.invalid\/x\.png is on the web/);
    expect(stderr).toMatch(/a\.md: a picture was left out: data:image\/png;base64,AAAA is not a file in the input folder/);
    expect(stderr).not.toMatch(/map\.png: skipped/);
  });

  it('embeds the picture from the input folder in the HTML page, with its description', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/src="data:image\/png;base64,iVBOR/);
    expect(images[0]).toMatch(/alt="Map of the agreed route"/);
    expect(html).toContain('[Picture: A secret]');
  });

  it('packs it into the EPUB, which EPUBCheck passes', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    // The cover first, then the article's picture.
    expect(Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/images/') && !name.endsWith('/'))).toEqual([
      'OEBPS/images/picture-1.png',
      'OEBPS/images/picture-2.png',
    ]);
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toMatch(/href="images\/picture-1\.png" media-type="image\/png" properties="cover-image"/);
    expect(opf).toMatch(/href="images\/picture-2\.png" media-type="image\/png" \/>/);
    const chapter = await zip.file(Object.keys(zip.files).find((name) => name.includes('bypass-route-agreed'))!)!.async('string');
    expect(chapter).toMatch(/<img src="images\/picture-2\.png" alt="Map of the agreed route"/);
    const report = path.join(out, 'epubcheck.json');
    await runTool('java', ['-jar', '/usr/share/java/epubcheck.jar', path.join(out, 'dossier.epub'), '--json', report]);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });

  it('prints it in the PDF', async () => {
    const list = (await runTool('pdfimages', ['-list', path.join(out, 'dossier.pdf')])).stdout;
    expect(list).toMatch(/^\s+\d+\s+\d+\s+image\s+40\s+20\s/m);
  });

  it('refers to it by its place in the input folder in the markdown', async () => {
    const markdown = await readFile(path.join(out, 'markdown', '01-bypass-route-agreed.md'), 'utf8');
    expect(markdown).toContain('![Map of the agreed route](img/map.png)');
  });
});
