// A small PDF laid out the way Chromium writes them (classic xref table,
// named destinations in /Dests), for the tests of the PDF reader and of finishing.
/** A two-page PDF with an outline item, a named destination per page and an Info dictionary. */
export function samplePdf(title = 'Chromium title'): Buffer {
  const content = 'BT /F1 24 Tf 72 700 Td (Page) Tj ET';
  const objects = [
    `<</Title (${title})\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261201172314+00'00')>>`,
    '<</Type /Catalog\n/Pages 3 0 R\n/Dests 8 0 R\n/Outlines 9 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Kids [4 0 R 5 0 R]\n/Count 2>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.91998 842.88]\n/Resources <</Font <</F1 7 0 R>>>>\n/Contents 6 0 R>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595.91998 842.88]\n/Resources <</Font <</F1 7 0 R>>>>\n/Contents 6 0 R>>',
    `<</Length ${content.length}>> stream\n${content}\nendstream`,
    '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>',
    '<</article-01-first [4 0 R /XYZ 0 842 0]\n/article-02-caf#C3#A9 [5 0 R /XYZ 0 842 0]>>',
    '<</Type /Outlines\n/First 10 0 R\n/Last 10 0 R\n/Count 1>>',
    '<</Title (vote forLabour \\(again\\))\n/Parent 9 0 R\n/Dest /article-02-caf#C3#A9>>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, 'latin1');
}
