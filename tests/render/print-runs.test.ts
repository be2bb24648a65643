// How a long dossier's laid-out parts are grouped into runs of pages for printing.
import { describe, expect, it } from 'vitest';
import type { LaidOutPart } from '../../src/render/pdf/paged-parts.js';
import { pageRuns, RUN_PAGES, runSize } from '../../src/render/pdf/print-runs.js';

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

describe('runSize', () => {
  it('prints a short dossier in one run, so that no second tab is started for it', () => {
    expect(runSize(60, 2)).toBe(RUN_PAGES);
  });

  it('gives every tab that prints at once a run of its own, never more than a run holds', () => {
    expect(runSize(388, 2)).toBe(194);
    expect(pageRuns([{ ...part(388) }], runSize(388, 2)).length).toBe(2);
    expect(runSize(4000, 2)).toBe(RUN_PAGES);
    expect(runSize(388, 1)).toBe(388);
  });
});
