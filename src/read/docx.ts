// Word documents → the HTML reader. mammoth turns the document's structure
// (headings, paragraphs, quotations, lists, pictures) into plain HTML,
// ignoring the look; tracked deletions and comments are left out, insertions
// kept, as when the changes are accepted. The HTML then goes the way of a
// saved page; the pictures inside the document are embedded in every format
// (embedded-pictures.ts), those linked from outside it never read.
import JSZip from 'jszip';
import type { ReadArticle } from '../model.js';
import { keepEmbeddedPicture } from './embedded-pictures.js';
import { readHtml } from './html.js';
import { InputFileError } from './input-folder.js';
import type { PictureData } from './pictures.js';
import type { ReadContext } from './reader.js';

/** More than this unpacked is a zip bomb, not a cutting: Word files of long reports are a few megabytes. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** Word's paragraph styles that carry meaning for a cutting, beyond mammoth's headings and lists. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

export async function readDocx(bytes: Buffer, context: ReadContext): Promise<ReadArticle[]> {
  const zip = await openZip(bytes);
  const mammoth = (await import('mammoth')).default;
  // The document's own pictures, by the address the page made from it gives each.
  const embedded: Record<string, PictureData> = {};
  const refused: string[] = [];
  const converted = await mammoth
    .convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        // A picture linked from outside the file would be read from the disk: never.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const kept = keepEmbeddedPicture(await image.read(), image.contentType ?? '');
          if ('refused' in kept) {
            refused.push(kept.refused);
            return { src: '' };
          }
          const address = `picture-${Object.keys(embedded).length + 1}`;
          embedded[address] = kept;
          return { src: address };
        }),
      },
    )
    .catch((error: unknown) => {
      throw new InputFileError(`it is not a Word document that can be opened (${String(error instanceof Error ? error.message : error).split('\n')[0]}); save it again from Word as .docx`);
    });
  for (const reason of refused) {
    context.warnings.push({ file: context.file, message: `a picture inside the Word document was left out: ${reason}. Its description stays as text.` });
  }
  // A picture that could not be kept has no address: its description stands in, as for a saved page's.
  const body = converted.value.replace(/<img\b[^>]*\bsrc=""[^>]*>/g, (tag) => {
    const alt = /\balt="([^"]*)"/.exec(tag)?.[1]?.trim();
    return alt ? `[Picture: ${alt}]` : '';
  });
  const title = firstHeading(body) ?? (await coreTitle(zip));
  const page = `<!doctype html><html><head>${title ? `<title>${title}</title>` : ''}</head><body><article>${body}</article></body></html>`;
  const article = await readHtml(page, context.file, context.warnings, context.root, embedded);
  return [{ ...article, format: 'docx' }];
}

/** The document's zip, checked for what no Word file holds: a broken archive, an unpacked size past the limit, XML entities of its own. */
async function openZip(bytes: Buffer): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new InputFileError(`it is not a Word document: its zip archive is damaged (${error instanceof Error ? error.message : String(error)}); save it again from Word as .docx`);
  }
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) {
    unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new InputFileError(`it would unpack to ${Math.round(unpacked / 1024 / 1024)} MB, more than the ${MAX_UNPACKED_BYTES / 1024 / 1024} MB a Word document holds (a zip bomb?)`);
  }
  const document = zip.file('word/document.xml');
  if (!document) throw new InputFileError('it is not a Word document: it has no word/document.xml (is it another kind of zip, renamed?)');
  if (/<!ENTITY/i.test(await document.async('string'))) {
    throw new InputFileError('its word/document.xml declares XML entities of its own, which Word never writes (an XML bomb?)');
  }
  return zip;
}

/** The title in the document's properties (File › Info in Word), escaped for the page made from it. */
async function coreTitle(zip: JSZip): Promise<string | undefined> {
  const core = await zip.file('docProps/core.xml')?.async('string');
  const title = core ? /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1]?.trim() : undefined;
  // The XML's own escapes are kept: the text goes into HTML, which reads them alike.
  return title || undefined;
}

/** The first heading's text (HTML as mammoth escaped it), for the page's title. */
function firstHeading(html: string): string | undefined {
  const heading = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(html)?.[1];
  return heading?.replace(/<[^>]+>/g, '').trim() || undefined;
}
