// The headline said again at the top of the body once the furniture above it
// is gone (an alert's subject and its first heading, a page's title and its
// heading under a label), and an alert service's label over what it found.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { InputFormat, Warning } from '../../src/model.js';
import { normalise } from '../../src/normalise/index.js';

const LEDE = 'The county council will replace the footbridge over the river at Ashby Mill this autumn, closing the riverside path for nine weeks while the new span is lifted into place.';
const SECOND = 'Walkers will be sent along Mill Road instead, and the council said the diversion would add about ten minutes to the walk from the station to the town centre.';

function bodyOf(markdown: string, format: InputFormat, title?: string): string[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const warnings: Warning[] = [];
  const article = normalise({ file: `cutting.${format}`, format, tree, meta: title ? { title } : {} }, warnings);
  return article.body.children.map((node) => toString(node));
}

describe('a headline repeated at the top of the body', () => {
  it('is dropped from an e-mail under the mailing\'s lines, whatever its case and punctuation', () => {
    const body = bodyOf(`[View this email in your browser](https://alerts.example/v/1)\n\nAlert for: Ashby Mill\n\n## Footbridge at Ashby Mill to be Replaced!\n\n${LEDE}\n\n${SECOND}\n`, 'email', 'Footbridge at Ashby Mill to be replaced');
    expect(body).toEqual([LEDE, SECOND]);
  });

  it('is dropped from a saved page under a furniture line', () => {
    const body = bodyOf(`Advertisement\n\n# Footbridge at Ashby Mill to be replaced\n\n${LEDE}\n\n${SECOND}\n`, 'html', 'Footbridge at Ashby Mill to be replaced');
    expect(body).toEqual([LEDE, SECOND]);
  });

  it('stays when its words differ from the headline\'s, or when it is all the body holds', () => {
    expect(bodyOf(`## Footbridge to close for nine weeks\n\n${LEDE}\n`, 'email', 'Footbridge at Ashby Mill to be replaced')[0]).toBe('Footbridge to close for nine weeks');
    expect(bodyOf('[View online](https://alerts.example/v/1)\n\nFootbridge at Ashby Mill to be replaced\n', 'email', 'Footbridge at Ashby Mill to be replaced')).toEqual(['Footbridge at Ashby Mill to be replaced']);
  });

  it('keeps a first sentence that mentions an alert: only a short label over the results is the mailing\'s', () => {
    const news = 'A flood alert for the valley was issued on Tuesday, and the footbridge at Ashby Mill was closed.';
    expect(bodyOf(`${news}\n\n${LEDE}\n`, 'email', 'Flood alert for the valley')[0]).toBe(news);
  });
});
