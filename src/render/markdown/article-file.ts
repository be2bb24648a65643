// One normalised markdown file per article: YAML front matter for what the
// cutting says about itself, then the body. The words are exactly the
// cutting's; markdown escapes keep plain text from ever turning into markup.
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import type { Article } from '../../model.js';
import { articleRecord } from '../json/record.js';
import { withoutEdgeSpaces } from './phrasing-edges.js';

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' })
  .freeze();

/** A quotation as the article's front matter lists it: who said it (when the article says), the words, the paragraph. */
export interface FrontMatterQuote {
  speaker?: string;
  text: string;
  paragraph: number;
}

export function articleMarkdown(article: Article, quotes: FrontMatterQuote[] = []): string {
  // The headline first, where a reader of the file looks for it; where it came from last.
  const { id: _id, markdown: _markdown, file, format, relatedLinks, words, ...fields } = articleRecord(article);
  const frontMatter = { ...fields, ...(relatedLinks.length ? { relatedLinks } : {}), ...(quotes.length ? { quotes } : {}), words, file, format };
  const body = stringifier.stringify(withoutEdgeSpaces(article.body));
  return `---\n${toYaml(frontMatter, { lineWidth: 0 })}---\n\n${body}`;
}
