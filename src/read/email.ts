// E-mail (.eml) → articles. mailparser decodes the message (MIME parts,
// transfer encodings, character sets, encoded headers). The subject is the
// headline, the Date: header the publication date and the sender the
// source; the HTML part goes the way of a saved page, else the text part is
// read as plain text. Attachments that are articles are read as their own.
import type { ReadArticle, StatedMeta } from '../model.js';
import { countWords } from '../words.js';
import { NoArticleError, readHtml } from './html.js';
import { InputFileError } from './input-folder.js';
import type { ReadContext } from './reader.js';
import { isoInStatedOffset } from './stated-date.js';
import { readText } from './text.js';

/** A message body shorter than this ("See attached.") is a covering note, not an article. */
const MIN_BODY_WORDS = 20;

export async function readEmail(bytes: Buffer, context: ReadContext): Promise<ReadArticle[]> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true }).catch((error: unknown) => {
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
  const message = await messageBody(mail.html || undefined, mail.text, context);
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
async function messageBody(html: string | undefined, text: string | undefined, context: ReadContext): Promise<ReadArticle | undefined> {
  if (html) {
    try {
      return await readHtml(html, context.file, context.warnings, context.root);
    } catch (error) {
      if (!(error instanceof NoArticleError)) throw error;
    }
  }
  const plain = text === undefined ? undefined : withoutSignature(text.replace(/\r\n?/g, '\n')).trim();
  if (!plain || countWords(plain) < MIN_BODY_WORDS) return undefined;
  return readText(plain, context.file);
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
