// Chromium's own layout of the HTML page's print stylesheet, for a dossier
// too long for Paged.js: page numbers in Chromium's head and foot, the
// contents numbered by printing the front matter a second time.
import type { Browser } from 'puppeteer';
import type { Dossier, Warning } from '../../model.js';
import { offlinePage } from '../browser.js';
import type { Templates } from '../view/templates.js';
import { typeset } from '../view/typography.js';
import { timer, type StepTimer } from '../../timing.js';
import type { Paper } from '../writer.js';
import { finishPdf, headingTexts } from './finish.js';
import { printTimeout } from './layout.js';
import { PdfFile } from './pdf-file.js';

/**
 * Prints the HTML page with its print stylesheet; the running head and foot
 * come from templates. Chromium cannot number the contents itself, so the
 * page is printed twice: in full, which says on which page each contents
 * link lands, then only its front matter with those numbers, whose pages
 * replace the first ones. The numbers sit out of the flow, so both
 * printings break the pages in the same places.
 */
export async function renderBrowserPdf(
  html: string,
  dossier: Dossier,
  browser: Browser,
  options: { paper: Paper; templates: Templates; onStep?: StepTimer },
): Promise<{ pdf: Uint8Array; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const step = timer(options.onStep ?? (() => {}));
  const page = await offlinePage(browser, { javaScript: false });
  try {
    const timeout = printTimeout(dossier);
    const context = { title: typeset(dossier.title), marking: dossier.marking };
    const header = options.templates.render('print-browser-header.njk', context);
    const footer = options.templates.render('print-browser-footer.njk', context);
    // Printed on their own, the front pages would count only themselves.
    const withTotal = (template: string, totalPages?: number) =>
      totalPages === undefined ? template : template.replace(/<span class="totalPages"><\/span>/g, `<span>${totalPages}</span>`);
    const print = async (source: string, totalPages?: number) => {
      await page.setContent(source, { waitUntil: 'load', timeout });
      return page.pdf({
        format: options.paper === 'letter' ? 'Letter' : 'A4',
        margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: withTotal(header, totalPages),
        footerTemplate: withTotal(footer, totalPages),
        outline: true,
        tagged: true,
        timeout,
      });
    };
    const printed = withFewerLinks(html);
    const full = new PdfFile(Buffer.from(await step('print', () => print(printed))));
    const pages = full.destinationPages();
    const targets = [...printed.matchAll(/<li\b[^>]*><a href="#([^"]+)"/g)].map((match) => match[1]!).filter((id) => pages.has(id));
    const firstArticle = dossier.articles[0] && pages.get(dossier.articles[0].id);
    let frontPages: PdfFile | undefined;
    if (targets.length > 0 && firstArticle !== undefined) {
      const numbers = targets.map((id) => `.contents a[href="#${id}"] { --page: "${pages.get(id)! + 1}"; }`).join('\n');
      const front = new PdfFile(
        Buffer.from(await step('print contents', () => print(withStyle(frontMatter(printed), numbers), full.pages().length))),
      );
      // The front matter alone must fill exactly the pages before the first article; if not, the numbers are left out.
      if (front.pages().length === firstArticle) frontPages = front;
      else warnings.push({ file: 'dossier.pdf', message: 'the contents have no page numbers: printed on their own, they took a different number of pages.' });
    }
    const pdf = await step('finish', () => finishPdf(full, dossier, { headings: headingTexts(printed), ...(frontPages ? { frontPages } : {}) }));
    return { pdf, warnings };
  } finally {
    await page.close();
  }
}

/**
 * The page as it prints: Chromium's printing slows with the square of the
 * links inside the page (500 articles' 7,000 links double its time), so
 * only the contents and the notes keep theirs. Names in the articles, and
 * the people, organisations and chronology after them, keep their text,
 * which gives the article numbers.
 */
export function withFewerLinks(html: string): string {
  const main = html.indexOf('</main>');
  if (main === -1) return html;
  const unlink = (part: string, target: string) => part.replace(new RegExp(`<a href="#${target}[^"]*"[^>]*>([^<]*)</a>`, 'g'), '$1');
  return unlink(html.slice(0, main), 'person-') + unlink(html.slice(main), '');
}

/**
 * The page up to the end of its contents: all the second printing needs.
 * Chromium then parses a hundredth of a long dossier's page, not all of it.
 */
function frontMatter(html: string): string {
  const contents = html.search(/<nav class="contents[ "]/);
  const end = contents === -1 ? -1 : html.indexOf('</nav>', contents);
  if (end === -1) return withStyle(html, 'nav.contents ~ * { display: none !important; }');
  return `${html.slice(0, end + '</nav>'.length)}\n</body>\n</html>\n`;
}

/** The page with one more stylesheet, after its own. */
function withStyle(html: string, css: string): string {
  const end = html.indexOf('</head>');
  return `${html.slice(0, end)}<style>\n${css}\n</style>\n${html.slice(end)}`;
}
