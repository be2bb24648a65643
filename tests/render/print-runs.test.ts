// How a long dossier's laid-out parts are grouped into runs of pages for printing.
import { describe, expect, it } from 'vitest';
import type { LaidOutPart } from '../../src/render/pdf/paged-parts.js';
import { pageRuns } from '../../src/render/pdf/print-runs.js';

const part = (pages: number): LaidOutPart => ({
  pages: Array.from({ length: pages }, (_, index) => `<div class="pagedjs_page">${index}</div>`),
  ids: [],
  styles: [],
  html: '<html>',
  body: '<body>',
  pagesElement: '<div class="pagedjs_pages">',
  repeated: [],
});

const shape = (runs: ReturnType<typeof pageRuns>) => runs.map((run) => ({ first: run.first, parts: run.pages.map((page) => page.part) }));

describe('pageRuns', () => {
  it('keeps a dossier that fits in one run whole', () => {
    expect(shape(pageRuns([part(2), part(3)], 10))).toEqual([{ first: 1, parts: [0, 0, 1, 1, 1] }]);
  });

  it('starts a run where a part starts when the part does not fit in the run before', () => {
    expect(shape(pageRuns([part(3), part(3), part(2)], 5))).toEqual([
      { first: 1, parts: [0, 0, 0] },
      { first: 4, parts: [1, 1, 1, 2, 2] },
    ]);
  });

  it('cuts a part longer than a run into runs of its own, numbering the pages through', () => {
    const runs = pageRuns([part(1), part(7), part(1)], 3);
    expect(shape(runs)).toEqual([
      { first: 1, parts: [0] },
      { first: 2, parts: [1, 1, 1] },
      { first: 5, parts: [1, 1, 1] },
      { first: 8, parts: [1, 2] },
    ]);
    expect(runs.flatMap((run) => run.pages).length).toBe(9);
  });
});
