// What a mailing prints around the article it sends: "View this email in
// your browser" above it, and below it why the reader gets it, how to stop
// it, whom it was sent to, the sender's copyright and address, links to a
// privacy policy and to social media. These lines speak of the mailing, not
// of the story, in the few phrases every mailing service uses in its
// reader's language; they are taken from the message's edges only (the run
// of blocks before the first, or after the last, line of the article), so
// that an article which mentions a newsletter keeps its words.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { countWords, endsLikeSentence } from './prose.js';

/** A line about the mailing itself: unsubscribing, its settings, why it came, where else to read it, whom it was sent to. */
const ABOUT_THE_MAILING = new RegExp(
  [
    // English
    String.raw`\bun-?subscri\w*|\bopt(?:ed)?[- ]out\b|\b(?:e-?mail|alert|newsletter|notification|subscription)s? (?:preferences|settings)\b`,
    String.raw`\bmanage (?:your )?(?:preferences|subscriptions?|alerts?|e-?mails?)\b|\bmailing list\b|\bview (?:it |this (?:e-?mail |message )?)?(?:online|in (?:your |a )?(?:web )?browser)\b`,
    String.raw`\bforward (?:this (?:e-?mail |message )?)?to a friend\b|\byou(?:'re|’re| are) receiving\b|\byou (?:have )?received this\b|\bsent to \S+@\S+`,
    // German, French, Spanish, Portuguese, Italian, Dutch
    String.raw`\babbestellen\b|\b(?:newsletter|e-?mails?) abmelden\b|\bsie erhalten diese\w*|\bim browser (?:ansehen|anzeigen|öffnen)\b`,
    String.raw`désabonne\w*|désinscri\w*|\bne plus recevoir\b|\bvous recevez ce\w*|\bdarse de baja\b|\bcancelar (?:la )?suscripción\b|\brecibes este\b`,
    String.raw`descadastr\w*|\bcancelar inscrição\b|\bdisiscri\w*|\bcancella(?:re)? (?:l'|la )?iscrizione\b|\buitschrijven\b`,
  ].join('|'),
  'iu',
);

/**
 * The sender's small print: copyright, address, privacy policy, terms,
 * imprint. On a short line that is no sentence, or one that carries the
 * copyright sign: "The firm changed its privacy policy." is news.
 */
const SMALL_PRINT =
  /©|\ball rights reserved\b|\bcopyright\b|\bprivacy (?:policy|notice|statement)\b|\bterms (?:of (?:use|service)|and conditions)\b|\bimpressum\b|\bdatenschutz(?:erklärung|hinweise)\b|\bmentions légales\b|\bpolitique de confidentialité\b|\baviso legal\b|\bpolítica de privacidad[e]?\b/iu;
const MAX_SMALL_PRINT_WORDS = 16;

/**
 * The label an alert service puts over what it found: "News alert: your
 * search "harbour"", "Google Alert – harbour", "Alert for: Mill Lane". A short
 * line that is no sentence: "A flood alert for the valley was issued." is news.
 */
const ALERT_LABEL = /^(?:[\p{L}-]+ )?alerts?\b\s*(?:[:–—-]|for\b)|\byour (?:saved )?(?:search|keywords?|alerts?)\b/iu;
const MAX_ALERT_LABEL_WORDS = 10;

/** A row of links with a few words each: a footer's "Facebook | X | Instagram", "Help · Contact". */
const MAX_LINK_ROW_LENGTH = 80;

export default function remarkMailFurniture() {
  return (tree: Root, file: VFile) => {
    if (file.data.format !== 'email') return;
    const children = tree.children;
    const head = edgeRun(children);
    const tail = edgeRun([...children].reverse());
    if (head + tail >= children.length) return; // the whole message is furniture: leave it to be seen
    tree.children = children.slice(head, children.length - tail);
  };
}

/**
 * How many blocks from the start of `blocks` are the mailing's: the run of
 * lines about it, rows of links and pictures, up to its last line about the
 * mailing and the pictures and rules right after that. A row of links alone
 * is no evidence (an alert's headlines are links), nor is a picture.
 */
function edgeRun(blocks: RootContent[]): number {
  let cut = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const kind = block.type === 'thematicBreak' || isPictureOnly(block) ? 'spacer' : mailingKind(block);
    if (!kind) break;
    if (kind === 'mailing') cut = index + 1;
    else if (kind === 'spacer' && cut > 0 && cut === index) cut = index + 1;
  }
  return cut;
}

function mailingKind(block: RootContent): 'mailing' | 'links' | undefined {
  if (block.type !== 'paragraph') return undefined;
  const text = toString(block).replace(/\s+/g, ' ').trim();
  if (ABOUT_THE_MAILING.test(text)) return 'mailing';
  if (ALERT_LABEL.test(text) && countWords(text) <= MAX_ALERT_LABEL_WORDS && !endsLikeSentence(text)) return 'mailing';
  if (SMALL_PRINT.test(text) && countWords(text) <= MAX_SMALL_PRINT_WORDS && (/©|\ball rights reserved\b/iu.test(text) || !endsLikeSentence(text))) return 'mailing';
  const visible = block.children.filter((child) => !(child.type === 'text' && /^[\s|·•/–—-]*$/u.test(child.value)));
  return visible.length > 0 && visible.every((child) => child.type === 'link') && text.length <= MAX_LINK_ROW_LENGTH ? 'links' : undefined;
}

/** A logo or a banner: a paragraph of pictures, or of what stands in for pictures left out. */
function isPictureOnly(block: RootContent): boolean {
  if (block.type !== 'paragraph') return false;
  return block.children.every((child) => child.type === 'image' || (child.type === 'text' && /^\s*(?:\[Picture: [^\]]*\]\s*)*$/u.test(child.value)));
}
