// Input files of the formats a press office receives, made by the tests from
// text written for them: a Word document zipped from WordprocessingML, a PDF
// printed by Chromium from a web page, an e-mail and RSS and Atom feeds.
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';

/** A cutting: headline, dateline, paragraphs; the same text in every format. */
export interface Cutting {
  headline: string;
  date: string;
  source: string;
  paragraphs: string[];
}

export const CUTTINGS: Record<'ferry' | 'library' | 'market' | 'orchard' | 'tram', Cutting> = {
  ferry: {
    headline: 'Island ferry timetable cut as crews refuse overtime',
    date: '14 May 2024',
    source: 'The Coastal Courier',
    paragraphs: [
      'The morning ferry to Selby Island will sail an hour later from Monday after the operator said it could no longer cover the first crossing without overtime that its crews have voted to refuse.',
      'Harbour manager Petra Olsen said the company had tried for three weeks to recruit relief deckhands and had found only two, neither of whom could start before the summer season.',
      '“We are not going to sail short-handed, and nobody on the island would want us to,” Ms Olsen said. “The later start is the safest timetable we can run with the people we have.”',
      'Parents on the island say the change means children will miss the first lesson at the mainland secondary school, and the parish council has asked for a meeting with the operator before the end of the month.',
      'Council chair Idris Vaughan said the island had been promised a reliable service when the contract was renewed in 2022, and that residents would hold the company to it.',
      'The crews’ union said its members had worked more than four hundred hours of overtime since January and that a fair rota, not longer shifts, was the only lasting answer to the shortage.',
    ],
  },
  library: {
    headline: 'Town library to open on Sundays after volunteers step in',
    date: '3 June 2024',
    source: 'Northfield Gazette',
    paragraphs: [
      'Northfield’s central library will open on Sunday afternoons from next month, the first time in eleven years, after a group of forty volunteers offered to staff the issue desk and the children’s room.',
      'Librarian Amara Chen said the volunteers would work alongside two paid staff on every shift, and that no paid post would be cut or replaced as a result of the scheme.',
      '“People have asked for Sunday opening at every consultation we have held,” Ms Chen said. “Families who work all week have never been able to bring their children here together.”',
      'The council’s cabinet member for culture, Tomas Reid, said the trial would run for six months and be judged on how many people used the library and how many new members joined.',
      'The Friends of Northfield Library, who organised the volunteers, said they had been overwhelmed by the response and already had a waiting list for the autumn rota.',
    ],
  },
  market: {
    headline: 'Covered market traders win a year’s rent freeze',
    date: '21 March 2024',
    source: 'Eastgate Evening Post',
    paragraphs: [
      'Traders at Eastgate’s covered market will pay no rent increase for a year after the council agreed a freeze at a meeting on Tuesday night that ran past eleven o’clock.',
      'The market’s traders’ association had warned that a planned rise of nine per cent would close at least a dozen stalls, among them the butcher who has traded there since 1968.',
      'Councillor Grace Nwosu, who proposed the freeze, said the market brought more people into the town centre than any shop on the high street and could not be treated as a simple landlord’s asset.',
      '“Every stall that closes takes a family business with it, and the ones that come after pay less and stay a shorter time,” she told the meeting.',
      'The freeze will cost the council an estimated sixty thousand pounds in the coming year, which officers said would be met from the town centre reserve.',
    ],
  },
  orchard: {
    headline: 'Community orchard planted on former car park',
    date: '9 April 2024',
    source: 'Valley Weekly',
    paragraphs: [
      'Forty fruit trees were planted on Saturday on the site of the old Mill Lane car park, which the council closed last year after the surface was found to be unsafe.',
      'The orchard was designed by pupils from two primary schools, who chose apples, pears and plums from varieties that were once grown in the valley and had almost disappeared.',
      'Gardener Ruth Okoye, who led the planting, said the first fruit should be ready to pick in three summers and that every household in the nearby streets would be welcome to share it.',
      'The council paid for the trees from a fund set aside for green spaces, and a local builders’ merchant gave the topsoil and the fencing at no charge.',
    ],
  },
  tram: {
    headline: 'Tram extension approved despite objections over trees',
    date: '28 February 2024',
    source: 'City Transport Review',
    paragraphs: [
      'The planning committee has approved the extension of the city’s tram line to the hospital and the university, ending four years of argument over the route through Linden Park.',
      'Objectors had asked for the line to run along the ring road instead, saving the avenue of limes that lines the park’s eastern edge, but engineers said that route would add seven minutes to every journey.',
      'The transport authority has promised to plant three trees for every one it fells and to move the youngest limes to the new hospital gardens rather than cut them down.',
      'Work on the extension is due to begin in the autumn and the first passengers should travel on it in the spring of 2027, the authority said in a statement after the vote.',
    ],
  },
};

export const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

export function cuttingWords(cutting: Cutting): number {
  return cutting.paragraphs.reduce((sum, paragraph) => sum + words(paragraph), 0);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small solid-colour PNG. */
export function png(width: number, height: number): Buffer {
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

/** A picture inside a Word document: its bytes, their kind as the package declares it, and its description (Alt Text in Word). */
export interface DocxPicture {
  bytes: Buffer;
  extension: string;
  contentType: string;
  description: string;
}

/** A picture as Word places one in line with the text: a drawing whose blip points at the picture's part. */
function drawing(picture: DocxPicture, index: number): string {
  const id = `rIdPicture${index}`;
  return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1828800" cy="914400"/><wp:docPr id="${index}" name="Picture ${index}" descr="${escapeXml(picture.description)}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${index}" name="image${index}.${picture.extension}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

/**
 * A Word document as Word writes one: a Title paragraph, the dateline, body
 * paragraphs (the third in the Quote style), plus a tracked deletion, a
 * tracked insertion and a comment, which must not (or must) reach the text,
 * and pictures placed in line after the second paragraph.
 */
export async function docx(
  cutting: Cutting,
  extras: { deleted?: string; inserted?: string; comment?: string; pictures?: DocxPicture[] } = {},
): Promise<Buffer> {
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const paragraph = (text: string, style?: string, more = '') =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text)}${more}</w:p>`;
  const tracked =
    (extras.deleted ? `<w:del w:id="1" w:author="Editor" w:date="2024-05-14T10:00:00Z"><w:r><w:delText xml:space="preserve"> ${escapeXml(extras.deleted)}</w:delText></w:r></w:del>` : '') +
    (extras.inserted ? `<w:ins w:id="2" w:author="Editor" w:date="2024-05-14T10:00:00Z">${run(` ${extras.inserted}`)}</w:ins>` : '') +
    (extras.comment ? '<w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' : '');
  const body = [
    paragraph(cutting.headline, 'Title'),
    paragraph(cutting.date),
    ...cutting.paragraphs.flatMap((text, index) => [
      paragraph(text, index === 2 ? 'Quote' : undefined, index === 0 ? tracked : ''),
      ...(index === 1 ? (extras.pictures ?? []).map((picture, n) => drawing(picture, n + 1)) : []),
    ]),
  ].join('');
  const w =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  const pictures = extras.pictures ?? [];
  const pictureTypes = [...new Map(pictures.map((picture) => [picture.extension, picture.contentType]))]
    .map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`)
    .join('');
  const pictureRelationships = pictures
    .map((picture, n) => `<Relationship Id="rIdPicture${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${n + 1}.${picture.extension}"/>`)
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${pictureTypes}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>${pictureRelationships}</Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${w}><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style></w:styles>`,
  );
  zip.file(
    'word/comments.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${w}><w:comment w:id="0" w:author="Editor"><w:p>${run(extras.comment ?? 'A note to the editor.')}</w:p></w:comment></w:comments>`,
  );
  pictures.forEach((picture, n) => zip.file(`word/media/image${n + 1}.${picture.extension}`, picture.bytes));
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The cutting as a newspaper's web page, with the site's furniture around the article. */
export function webPage(cutting: Cutting, options: { columns?: number; url?: string } = {}): string {
  const style = options.columns
    ? `article .body { column-count: ${options.columns}; column-gap: 2em; text-align: justify; }`
    : 'article { max-width: 34em; }';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeXml(cutting.headline)} | ${escapeXml(cutting.source)}</title>
<meta property="og:site_name" content="${escapeXml(cutting.source)}">${options.url ? `<link rel="canonical" href="${options.url}">` : ''}
<style>body { font: 11pt/1.45 serif; margin: 0; } h1 { font-size: 22pt; } nav, footer { font: 9pt sans-serif; } ${style}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>${escapeXml(cutting.headline)}</h1><p class="dateline"><time datetime="${isoDate(cutting.date)}">${cutting.date}</time></p>
<div class="body">${cutting.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('\n')}</div></article>
<footer><p>© ${escapeXml(cutting.source)}. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></p></footer></body></html>`;
}

function isoDate(date: string): string {
  return new Date(`${date} 12:00 UTC`).toISOString().slice(0, 10);
}

/**
 * A PDF printed by Chromium from a page, with the browser's running head
 * (date and title) and foot (address and page number) on every page.
 */
export async function printPdf(html: string, file: string, options: { address?: string; headAndFoot?: false } = {}): Promise<void> {
  const puppeteer = (await import('puppeteer')).default;
  const browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const foot = options.address
      ? `<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;margin:0 1cm"><span>${options.address}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`
      : '<div style="font-size:8px;width:100%;text-align:right;margin:0 1cm"><span class="pageNumber"></span>/<span class="totalPages"></span></div>';
    await page.pdf({
      path: file,
      format: 'A5',
      displayHeaderFooter: options.headAndFoot !== false,
      headerTemplate: '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;margin:0 1cm"><span>Printed 2 December 2026</span><span class="title"></span></div>',
      footerTemplate: foot,
      margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' },
    });
  } finally {
    await browser.close();
  }
}

/** An alert e-mail: an HTML part (the article, with the sender's furniture) and a text part. */
export function email(cutting: Cutting, options: { date: string; from: string; attachments?: { name: string; type: string; bytes: Buffer }[] }): string {
  const boundary = 'dossier-test-boundary';
  const inner = 'dossier-test-alternative';
  const html = `<html><body><p style="font-size:small">News alert: your search "harbour"</p><h1>${escapeXml(cutting.headline)}</h1><p>${cutting.date}</p>${cutting.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('')}<p style="font-size:small"><a href="https://alerts.example/unsubscribe">Unsubscribe</a></p></body></html>`;
  const text = [cutting.headline, cutting.date, ...cutting.paragraphs].join('\n\n');
  const part = (type: string, body: string) =>
    `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`;
  const attachments = (options.attachments ?? [])
    .map(
      (attachment) =>
        `--${boundary}\r\nContent-Type: ${attachment.type}; name="${attachment.name}"\r\nContent-Disposition: attachment; filename="${attachment.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment.bytes.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
    )
    .join('');
  return [
    `From: ${options.from}`,
    'To: press-office@example.org',
    `Subject: =?utf-8?B?${Buffer.from(`Fwd: ${cutting.headline}`).toString('base64')}?=`,
    `Date: ${options.date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: multipart/alternative; boundary="${inner}"`,
    '',
    `--${inner}`,
    part('text/plain', text),
    `--${inner}`,
    part('text/html', html),
    `--${inner}--`,
    attachments + `--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * An HTML e-mail whose pictures are parts of the message (multipart/related):
 * each `<img src="cid:…">` after the first paragraph names a part by its
 * Content-ID; `parts` are the inline parts the message carries.
 */
export function emailWithInlinePictures(
  cutting: Cutting,
  options: { date: string; from: string; pictures: { cid: string; alt: string }[]; parts: { cid: string; type: string; name: string; bytes: Buffer }[] },
): string {
  const boundary = 'dossier-test-related';
  const images = options.pictures.map((picture) => `<p><img src="cid:${encodeURIComponent(picture.cid).replace(/%40/g, '@')}" alt="${escapeXml(picture.alt)}" width="300"></p>`).join('');
  const html = `<html><body><h1>${escapeXml(cutting.headline)}</h1><p>${cutting.date}</p>${cutting.paragraphs.map((text, index) => `<p>${escapeXml(text)}</p>${index === 0 ? images : ''}`).join('')}</body></html>`;
  const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  const parts = options.parts
    .map((part) => `--${boundary}\r\nContent-Type: ${part.type}; name="${part.name}"\r\nContent-Disposition: inline; filename="${part.name}"\r\nContent-ID: <${part.cid}>\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64(part.bytes)}\r\n`)
    .join('');
  return [
    `From: ${options.from}`,
    'To: press-office@example.org',
    `Subject: ${cutting.headline}`,
    `Date: ${options.date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${boundary}"; type="text/html"`,
    '',
    `--${boundary}`,
    `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64(Buffer.from(html))}\r\n${parts}--${boundary}--`,
    '',
  ].join('\r\n');
}

/** An RSS 2.0 feed: items with `content:encoded`, or with a `description` only when `summaryOnly`. */
export function rss(source: string, items: { cutting: Cutting; url: string; pubDate: string; author?: string; summaryOnly?: boolean }[]): string {
  const entries = items.map(({ cutting, url, pubDate, author, summaryOnly }) => {
    const content = cutting.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('');
    return `<item><title>${escapeXml(cutting.headline)}</title><link>${url}</link><guid>${url}</guid><pubDate>${pubDate}</pubDate>${author ? `<dc:creator>${escapeXml(author)}</dc:creator>` : ''}
<description>${escapeXml(cutting.paragraphs[0]!)}</description>${summaryOnly ? '' : `<content:encoded><![CDATA[${content}]]></content:encoded>`}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(source)}</title><link>https://news.example/</link><description>Local news</description><language>en-gb</language>
${entries.join('\n')}
</channel></rss>
`;
}

/** An Atom feed of one entry with its full content. */
export function atom(source: string, cutting: Cutting, options: { url: string; updated: string; author: string }): string {
  const content = cutting.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(source)}</title><id>urn:x-dossier:test</id><updated>${options.updated}</updated>
<entry><title>${escapeXml(cutting.headline)}</title><id>${options.url}</id><link href="${options.url}"/><updated>${options.updated}</updated><published>${options.updated}</published>
<author><name>${escapeXml(options.author)}</name></author><content type="html">${escapeXml(content)}</content></entry></feed>
`;
}

export async function writeInput(file: string, data: string | Buffer): Promise<void> {
  await writeFile(file, data);
}

/**
 * A PDF set like a clipping service's: the cutting typeset in one or more
 * columns over as many pages as it takes, words too long for the line's end
 * hyphenated, a running head and "Page N of M" on every page.
 */
export async function typesetPdf(cutting: Cutting, options: { columns: number; runningHead: string; pageSize?: [number, number] }): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const [width, height] = options.pageSize ?? [298, 420];
  const margin = 30;
  const gutter = 14;
  const size = 9;
  const leading = 11.5;
  const columnWidth = (width - 2 * margin - (options.columns - 1) * gutter) / options.columns;
  // Lines of each paragraph, wrapped to the column, a long word hyphenated where it overflows.
  const wrap = (text: string) => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= columnWidth) {
        line = candidate;
        continue;
      }
      let cut = word.length - 2;
      while (cut >= 3 && font.widthOfTextAtSize(`${line} ${word.slice(0, cut)}-`, size) > columnWidth) cut--;
      if (word.length >= 7 && cut >= 3 && /^\p{Ll}+$/u.test(word.slice(0, cut + 2))) {
        lines.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    return lines;
  };
  const pages: { draw: (page: import('pdf-lib').PDFPage) => void }[][] = [];
  let column = 0;
  let y = 0;
  const top = height - margin - 14;
  const newPage = () => {
    pages.push([]);
    column = 0;
    y = top;
  };
  newPage();
  const place = (text: string, font_: typeof font, fontSize: number, x: number, at: number) =>
    pages.at(-1)!.push({ draw: (page) => page.drawText(text, { x, y: at, size: fontSize, font: font_ }) });
  // The headline across all the columns, then the dateline.
  for (const line of cutting.headline.match(/.{1,28}(\s|$)/g)!) {
    place(line.trim(), bold, 15, margin, y);
    y -= 18;
  }
  place(cutting.date, font, size, margin, y);
  y -= leading * 2;
  const columnTop = y;
  for (const paragraph of cutting.paragraphs) {
    for (const line of wrap(paragraph)) {
      if (y < margin + 20) {
        column++;
        y = pages.length === 1 ? columnTop : top;
        if (column >= options.columns) {
          newPage();
        }
      }
      place(line, font, size, margin + column * (columnWidth + gutter), y);
      y -= leading;
    }
    y -= leading * 0.6;
  }
  for (const [index, items] of pages.entries()) {
    const page = pdf.addPage([width, height]);
    page.drawText(options.runningHead, { x: margin, y: height - margin + 6, size: 7, font });
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: width / 2 - 20, y: margin - 14, size: 7, font });
    for (const item of items) item.draw(page);
  }
  pdf.setTitle(`${cutting.headline} | ${cutting.source}`);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
