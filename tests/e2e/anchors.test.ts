// Every link inside the dossier leads to an element that is there: dates and
// shared passages in tight and loose lists, nested lists, quotations and
// saved pages' lists, tables, captions and quotations, markdown tables, and lists flattened for depth, linked from the chronology and the notes, in the HTML
// page and across the EPUB's chapters (EPUBCheck RSC-012).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubCheck, runCli, tempDir } from '../helpers.js';

const SHARED = 'The southern section of the new bypass opens to traffic on 14 July 2026, the council said in its statement.';

let out: string;

beforeAll(async () => {
  const input = await tempDir('dossier-anchors-');
  await writeFile(
    path.join(input, 'lists.md'),
    `# Council timetable agreed for the bypass

The council agreed the timetable for the new bypass on Tuesday after a long debate in the chamber.

- Work starts on 3 March 2025 with the northern section.
- ${SHARED}
  - A nested item: the bridge is due on 2 February 2027, engineers said.

1. First, on 5 May 2025, the road closes.

2. Then, on 6 June 2025, it reopens in part, as the loose list says.

> On 1 May 2024 the plan was first put to councillors, who sent it back for changes.
`,
  );
  await writeFile(
    path.join(input, 'page.html'),
    `<!doctype html><html lang="en"><head><title>Bypass dates set</title></head><body><article><h1>Bypass dates set</h1>
<p>Councillors set out the dates for the bypass in a meeting that ran late into the evening on Tuesday.</p>
<ul><li>${SHARED}</li><li>Tolls are reviewed on 9 September 2027 by the transport board.</li></ul>
<p>Residents will be consulted again before any of the work begins, the leader of the council promised.</p></article></body></html>`,
  );
  // A saved page whose dates sit in a table, a picture's caption and a quotation.
  await writeFile(
    path.join(input, 'table.html'),
    `<!doctype html><html lang="en"><head><title>Bypass works timetable published</title></head><body><article><h1>Bypass works timetable published</h1>
<p>The council published the timetable of the bypass works on its website on Wednesday, with the dates of every closure.</p>
<table><thead><tr><th>Closure</th><th>When</th></tr></thead><tbody><tr><td>Mill Road bridge</td><td>The bridge closes on 12 October 2026 for six weeks.</td></tr><tr><td>Station Street</td><td>The street closes on 4 January 2027 for a month.</td></tr></tbody></table>
<figure><img src="https://example.invalid/bridge.jpg" alt="The old bridge"><figcaption>The old bridge, photographed on 2 April 2026 before the works began.</figcaption></figure>
<blockquote><p>On 20 November 2026 the new junction is tested with the traffic lights switched on, the engineers wrote.</p></blockquote>
<p>Drivers are asked to follow the signed diversions, and buses will keep to their timetables throughout.</p></article></body></html>`,
  );
  // A markdown table whose cells give dates, one in its header row.
  await writeFile(
    path.join(input, 'closures.md'),
    `# Road closures for the bypass listed

The council listed the road closures for the bypass on Thursday, with the dates each road shuts.

| Road | Closure (from 1 February 2027) |
| --- | --- |
| Mill Lane | Shut on 15 March 2027 for a week. |
| Church Street | Shut on 22 May 2027, the council said. |

Drivers should allow more time for their journeys while the roads are shut.
`,
  );
  // A list nested deeper than the reader keeps: its deepest items are flattened into one, each paragraph keeping its anchor.
  const deep = Array.from({ length: 30 }, (_, level) => `${'  '.repeat(level)}- Item ${level} is due on ${(level % 28) + 1} March 2025, the council said.`);
  await writeFile(path.join(input, 'deep.md'), `# Dates in a deeply nested list\n\nThe council set out its dates in a deeply nested list on Tuesday evening, as below.\n\n${deep.join('\n')}\n`);
  out = await tempDir('dossier-anchors-out-');
  const result = await runCli(['--input', input, '--out', out, '--formats', 'html,epub,json']);
  expect(result.code, result.stderr).toBe(0);
});

describe('links to anchors in lists and quotations', () => {
  it('lead to an element of the HTML page, every one', async () => {
    const html = await readFile(path.join(out, 'dossier.html'), 'utf8');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
    // The chronology links to the items' paragraphs, and the notes to the shared passage in the other article.
    expect(targets.filter((target) => /-p\d+$/.test(target)).length).toBeGreaterThan(4);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
    // The dates in the saved page's table, caption and quotation are in the chronology, linked to where they are.
    const json = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')) as { articles: { id: string; file: string }[]; chronology: { date: string; article: string; paragraph?: number; sentence: string }[] };
    const table = json.articles.find((article) => article.file === 'table.html')!.id;
    const dated = json.chronology.filter((entry) => entry.article === table && entry.paragraph !== undefined).map((entry) => entry.date);
    expect(dated).toEqual(expect.arrayContaining(['2026-04-02', '2026-11-20']));
    for (const entry of json.chronology.filter((entry) => entry.article === table && entry.paragraph !== undefined)) expect(targets).toContain(`${table}-p${entry.paragraph}`);
    // A table cell is a paragraph of its own: its dates, with the cell's sentence, linked to the cell.
    expect(dated).toEqual(expect.arrayContaining(['2026-10-12', '2027-01-04']));
    const closures = json.articles.find((article) => article.file === 'closures.md')!.id;
    const inCells = json.chronology.filter((entry) => entry.article === closures && entry.paragraph !== undefined);
    expect(inCells.map((entry) => [entry.date, entry.sentence])).toEqual(
      expect.arrayContaining([
        ['2027-02-01', 'Closure (from 1 February 2027)'],
        ['2027-03-15', 'Shut on 15 March 2027 for a week.'],
        ['2027-05-22', 'Shut on 22 May 2027, the council said.'],
      ]),
    );
    for (const entry of inCells) expect(targets).toContain(`${closures}-p${entry.paragraph}`);
  });

  it('lead to an element of the EPUB chapter they name, and EPUBCheck passes', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dossier.epub')));
    const chapters = new Map<string, string>();
    for (const [name, entry] of Object.entries(zip.files)) if (name.endsWith('.xhtml')) chapters.set(path.basename(name), await entry.async('string'));
    const idsOf = (text: string) => new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
    const dead: string[] = [];
    for (const [name, text] of chapters) {
      for (const [, file, id] of text.matchAll(/href="([^"#]*)#([^"]+)"/g)) {
        const target = file ? chapters.get(file!) : text;
        if (!target || !idsOf(target).has(id!)) dead.push(`${name} → ${file}#${id}`);
      }
    }
    expect(dead).toEqual([]);
    const report = path.join(out, 'epubcheck.json');
    await epubCheck(path.join(out, 'dossier.epub'), report);
    const checked = JSON.parse(await readFile(report, 'utf8'));
    expect(checked.messages.filter((message: { severity: string }) => !['INFO', 'USAGE'].includes(message.severity))).toEqual([]);
  });
});
