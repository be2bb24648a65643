// E-mail (.eml) → articles. mailparser decodes the message (MIME parts,
// transfer encodings, character sets, encoded headers). The subject is the
// headline, the Date: header the publication date and the sender the
// source; the HTML part goes the way of a saved page, else the text part is
// read as plain text. Attachments that are articles are read as their own.
// Pictures the HTML part shows by `cid:` are the message's inline
// attachments: embedded as a Word document's are, never fetched.
import type { Attachment } from 'mailparser';
import type { ReadArticle, StatedMeta } from '../model.js';
import { countWords } from '../words.js';
import { keepEmbeddedPicture } from './embedded-pictures.js';
import { NoArticleError, readHtml } from './html.js';
import { InputFileError } from './input-folder.js';
import type { PictureData } from './pictures.js';
import type { ReadContext } from './reader.js';
import { isoInStatedOffset } from './stated-date.js';
import { readText } from './text.js';

/** A message body shorter than this ("See attached.") is a covering note, not an article. */
const MIN_BODY_WORDS = 20;

export async function readEmail(bytes: Buffer, context: ReadContext): Promise<ReadArticle[]> {
  const { simpleParser } = await import('mailparser');
  // cid: links are kept as they are (mailparser would make them data: addresses): they are resolved below.
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true, keepCidLinks: true }).catch((error: unknown) => {
    throw new InputFileError(`it is not an e-mail message that can be read (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!mail.headerLines.length) throw new InputFileError('it is not an e-mail message: it has no headers (From:, Subject:, Date:)');
  const sender = mail.from?.value[0];
  const stated: StatedMeta = {};
  const subject = mail.subject?.replace(/^\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+/i, '').trim();
  if (subject) stated.title = subject;
  const date = isoInStatedOffset(mail.date, mail.headerLines.find((line) => line.key === 'date')?.line);
  if (date) stated.date = date;
  const senderName = sender?.name?.trim() || sender?.address?.trim();

  const articles: ReadArticle[] = [];
  const inline = mail.html ? inlinePictures(mail.html, mail.attachments, context) : undefined;
  const message = await messageBody(inline?.html, mail.text, context, inline?.embedded);
  if (message) {
    const source = message.meta.source ?? senderName;
    articles.push({ ...message, format: 'email', meta: { ...message.meta, ...stated, ...(source ? { source } : {}) } });
  }
  for (const attachment of mail.attachments) {
    if (!attachment.filename || !context.readInner) continue;
    for (const article of await context.readInner(attachment.filename, attachment.content)) {
      const source = article.meta.source ?? senderName;
      articles.push(source ? { ...article, meta: { ...article.meta, source } } : article);
    }
  }
  if (articles.length === 0) throw new NoArticleError('the message holds no article: its text is a few words and nothing attached is an article (.docx, .pdf, .html)');
  return articles;
}

/** The HTML part as a page, else the text part; undefined for a covering note. */
async function messageBody(
  html: string | undefined,
  text: string | undefined,
  context: ReadContext,
  embedded?: Record<string, PictureData>,
): Promise<ReadArticle | undefined> {
  if (html) {
    try {
      return await readHtml(html, context.file, context.warnings, context.root, embedded);
    } catch (error) {
      if (!(error instanceof NoArticleError)) throw error;
    }
  }
  const plain = text === undefined ? undefined : withoutSignature(text.replace(/\r\n?/g, '\n')).trim();
  if (!plain || countWords(plain) < MIN_BODY_WORDS) return undefined;
  return readText(plain, context.file);
}

/** A `cid:` address in an <img> tag's src (RFC 2392: `cid:` and the Content-ID, percent-encoded). */
const CID_SOURCE = /\ssrc\s*=\s*(?:"\s*(cid:[^"]*)"|'\s*(cid:[^']*)'|(cid:[^\s>]+))/i;

/**
 * Each <img> tag of the HTML given to `replace`, found by scanning forward
 * (a regular expression over a hostile message's unclosed tags would
 * backtrack in time quadratic in its size).
 */
function replaceImageTags(html: string, replace: (tag: string) => string): string {
  const parts: string[] = [];
  const lower = html.toLowerCase();
  let done = 0;
  for (let at = lower.indexOf('<img', done); at !== -1; at = lower.indexOf('<img', done)) {
    const end = html.indexOf('>', at);
    if (end === -1) break;
    parts.push(html.slice(done, at), replace(html.slice(at, end + 1)));
    done = end + 1;
  }
  parts.push(html.slice(done));
  return parts.join('');
}

const escapeText = (text: string) => text.replace(/&(?![#\w]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML part with each `cid:` picture given the address of the inline
 * attachment it names, kept as embedded-pictures.ts keeps a Word document's;
 * a picture whose attachment is missing or is no picture is left out with a
 * warning, its description standing in, as for a saved page's.
 */
function inlinePictures(html: string, attachments: Attachment[], context: ReadContext): { html: string; embedded: Record<string, PictureData> } {
  const embedded: Record<string, PictureData> = {};
  const byContentId = new Map<string, Attachment>();
  for (const attachment of attachments) {
    const id = (attachment.cid ?? attachment.contentId?.replace(/^\s*<|>\s*$/g, ''))?.trim();
    if (id) byContentId.set(id.toLowerCase(), attachment);
  }
  const addressOf = new Map<Attachment, string>();
  const page = replaceImageTags(html, (tag) => {
    const found = CID_SOURCE.exec(tag);
    if (!found) return tag;
    const link = (found[1] ?? found[2] ?? found[3] ?? '').trim();
    let id: string;
    try {
      id = decodeURIComponent(link.slice('cid:'.length));
    } catch {
      id = link.slice('cid:'.length);
    }
    const attachment = byContentId.get(id.toLowerCase());
    const leaveOut = (why: string) => {
      context.warnings.push({ file: context.file, message: `a picture in the message was left out: ${link.slice(0, 80)} ${why}. Its description stays as text.` });
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
      const said = (alt?.[1] ?? alt?.[2])?.trim();
      // The description as text: a quoted attribute may hold a raw <, which text must not.
      return said ? `[Picture: ${escapeText(said)}]` : '';
    };
    if (!attachment) return leaveOut('names no part of the message (no attachment has that Content-ID)');
    let address = addressOf.get(attachment);
    if (!address) {
      const kept = keepEmbeddedPicture(attachment.content, attachment.contentType ?? '');
      if ('refused' in kept) return leaveOut(`is the attachment ${attachment.filename ?? attachment.contentType}: ${kept.refused}`);
      address = `picture-${Object.keys(embedded).length + 1}`;
      embedded[address] = kept;
      addressOf.set(attachment, address);
    }
    return tag.replace(link, address);
  });
  return { html: page, embedded };
}

/**
 * The text without the sender's signature: what follows the last line that
 * is `-- ` (RFC 3676's separator; clients often drop its space), when that
 * is shorter than the text above it. A mailing's small print sits there too.
 */
function withoutSignature(text: string): string {
  const separators = [...text.matchAll(/^-- ?$/gm)];
  const last = separators.at(-1);
  if (!last) return text;
  const above = text.slice(0, last.index);
  return text.length - last.index - last[0].length < above.length ? above : text;
}
