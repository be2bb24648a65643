// PDFs that Chromium printed from consecutive runs of a long dossier's pages,
// joined into one file. Chromium's printing costs more per page the longer
// the document (each page it prints walks the whole of it), so a dossier of
// thousands of pages is printed a few hundred pages at a time and joined
// here: one page tree, one outline, one tagged structure, one set of named
// destinations, every object renumbered and copied, streams as they are.
// A link from one run to a page in another is printed as a link to
// LINK_PREFIX + page number (Chromium keeps no link to a place outside the
// document it prints) and becomes a link to that page here.
import { PdfFile, PdfName, PdfRef, PdfString, mapRefs, serialise, type PdfDict, type PdfObject, type PdfValue } from './pdf-file.js';

/** Links to a page of another run: `https://dossier.invalid/page/12`. `.invalid` never resolves, should one be left. */
export const LINK_PREFIX = 'https://dossier.invalid/page/';

/** One file's objects in the joined one. */
interface Run {
  file: PdfFile;
  /** Added to each object number. */
  offset: number;
  /** Added to each key of the structure's parent tree. */
  keyOffset: number;
  pages: number[];
}

const name = (raw: string) => new PdfName(raw);

/** The entries of a number tree (the structure's parent tree), in order. */
function numberTree(file: PdfFile, node: PdfDict | undefined, entries: [number, PdfValue][] = []): [number, PdfValue][] {
  if (!node) return entries;
  const nums = file.resolve(node.get('Nums') ?? null);
  if (Array.isArray(nums)) for (let index = 0; index + 1 < nums.length; index += 2) entries.push([Number(nums[index]), nums[index + 1]!]);
  const kids = file.resolve(node.get('Kids') ?? null);
  if (Array.isArray(kids)) for (const kid of kids) numberTree(file, file.dict(kid), entries);
  return entries;
}

/** A value as a list: the structure's K and an annotation list may be one value or an array. */
function list(file: PdfFile, value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  const resolved = value instanceof PdfRef ? file.resolve(value) : value;
  return Array.isArray(resolved) ? resolved : [value];
}

/** The files joined in order. */
export function mergePdfs(files: PdfFile[]): Buffer {
  if (files.length === 0) throw new Error('no PDF to join');
  const runs: Run[] = [];
  let offset = 0;
  let keyOffset = 0;
  for (const file of files) {
    runs.push({ file, offset, keyOffset, pages: file.pages() });
    offset += file.size - 1;
    const root = file.dict(file.catalog.get('StructTreeRoot'));
    // Without ParentTreeNextKey, past the highest key the tree holds.
    keyOffset += Number(file.resolve(root?.get('ParentTreeNextKey') ?? 0)) || numberTree(file, file.dict(root?.get('ParentTree'))).reduce((next, [key]) => Math.max(next, key + 1), 0);
  }
  let nextNumber = offset + 1;
  const allocate = () => nextNumber++;
  const pagesRoot = allocate();
  const outlinesRoot = allocate();
  const structRoot = allocate();
  const parentTree = allocate();
  const catalogNumber = allocate();

  const objects = new Map<number, PdfObject>();
  /** Every page of the joined file, as its object number there. */
  const allPages = runs.flatMap((run) => run.pages.map((num) => num + run.offset));
  /** Objects of the runs left out (their catalogs, outline roots, structure roots), by their numbers in the joined file. */
  const skipped = new Set<number>();

  /** The top bookmarks of every run, in order: each one's number in the joined file and its dictionary there. */
  const outlineItems: { num: number; item: PdfDict }[] = [];
  const structKids: PdfValue[] = [];
  const parentEntries: [number, PdfValue][] = [];
  const dests: PdfDict = new Map();
  let outlineCount = 0;

  for (const run of runs) {
    const { file } = run;
    const renumber = (num: number) => num + run.offset;
    const mapped = (value: PdfValue) => mapRefs(value, renumber);
    const catalog = file.catalog;
    const catalogRef = file.trailer.get('Root');
    if (catalogRef instanceof PdfRef) skipped.add(renumber(catalogRef.num));
    const info = file.trailer.get('Info');
    if (info instanceof PdfRef && run !== runs[0]) skipped.add(renumber(info.num));

    // The run's page tree hangs under the joined one.
    const pages = catalog.get('Pages');
    if (pages instanceof PdfRef) {
      const node = new Map(file.dict(pages)!);
      node.set('Parent', new PdfRef(pagesRoot));
      objects.set(renumber(pages.num), { value: mapped(node) });
    }

    // Its bookmarks go on from the last run's.
    const outlines = catalog.get('Outlines');
    if (outlines instanceof PdfRef) {
      skipped.add(renumber(outlines.num));
      const top = file.dict(outlines);
      for (let item = top?.get('First'); item instanceof PdfRef; item = file.dict(item)?.get('Next')) {
        outlineItems.push({ num: renumber(item.num), item: mapped(file.dict(item)!) as PdfDict });
      }
      outlineCount += Math.abs(Number(file.resolve(top?.get('Count') ?? 0)) || 0);
    }

    // Its structure: the top elements under the joined root, the parent tree's keys moved past the runs before.
    const structRef = catalog.get('StructTreeRoot');
    const root = file.dict(structRef);
    if (structRef instanceof PdfRef && root) {
      skipped.add(renumber(structRef.num));
      const tree = root.get('ParentTree');
      if (tree instanceof PdfRef) skipped.add(renumber(tree.num));
      for (const kid of list(file, root.get('K'))) {
        structKids.push(mapped(kid));
        if (kid instanceof PdfRef) {
          const element = new Map(file.dict(kid)!);
          element.set('P', new PdfRef(structRoot));
          objects.set(renumber(kid.num), { value: mapped(element) });
        }
      }
      for (const [key, value] of numberTree(file, file.dict(tree))) parentEntries.push([key + run.keyOffset, mapped(value)]);
    }

    const named = file.dict(catalog.get('Dests'));
    for (const [key, value] of named ?? []) if (!dests.has(key)) dests.set(key, mapped(value));

    // Each page's key in the parent tree, and each link to another run's page.
    for (const pageNum of run.pages) {
      const page = new Map(file.dict(new PdfRef(pageNum))!);
      if (typeof page.get('StructParents') === 'number') page.set('StructParents', (page.get('StructParents') as number) + run.keyOffset);
      const annots = page.get('Annots');
      const annotations = list(file, annots);
      const joinedAnnotations = annotations.map((annotation) => {
        const dict = file.dict(annotation);
        if (!dict) return mapped(annotation);
        const { changed, target } = relinked(dict, run.keyOffset, allPages);
        const joined = mapped(changed) as PdfDict;
        if (target !== undefined) joined.set('Dest', [new PdfRef(target), name('XYZ'), null, null, null]);
        if (!(annotation instanceof PdfRef)) return joined;
        objects.set(renumber(annotation.num), { value: joined });
        return new PdfRef(renumber(annotation.num));
      });
      const joinedPage = mapped(page) as PdfDict;
      // An array written in the page (not an object of its own) holds the annotations changed here.
      if (annots !== undefined && !(annots instanceof PdfRef)) joinedPage.set('Annots', joinedAnnotations);
      objects.set(renumber(pageNum), { value: joinedPage });
    }
  }

  // Bookmarks linked through, one list.
  outlineItems.forEach(({ num, item }, index) => {
    const linked = new Map(item);
    linked.set('Parent', new PdfRef(outlinesRoot));
    if (index > 0) linked.set('Prev', new PdfRef(outlineItems[index - 1]!.num));
    else linked.delete('Prev');
    if (index < outlineItems.length - 1) linked.set('Next', new PdfRef(outlineItems[index + 1]!.num));
    else linked.delete('Next');
    objects.set(num, { value: linked });
  });

  const first = runs[0]!;
  const firstCatalog = mapRefs(first.file.catalog, (num) => num + first.offset) as PdfDict;
  const catalog: PdfDict = new Map(firstCatalog);
  catalog.set('Pages', new PdfRef(pagesRoot));
  objects.set(pagesRoot, {
    value: new Map<string, PdfValue>([
      ['Type', name('Pages')],
      ['Kids', runs.flatMap((run) => (run.file.catalog.get('Pages') instanceof PdfRef ? [new PdfRef((run.file.catalog.get('Pages') as PdfRef).num + run.offset)] : []))],
      ['Count', allPages.length],
    ]),
  });
  if (outlineItems.length) {
    catalog.set('Outlines', new PdfRef(outlinesRoot));
    objects.set(outlinesRoot, {
      value: new Map<string, PdfValue>([
        ['Type', name('Outlines')],
        ['First', new PdfRef(outlineItems[0]!.num)],
        ['Last', new PdfRef(outlineItems.at(-1)!.num)],
        ['Count', outlineCount],
      ]),
    });
  }
  if (structKids.length) {
    const firstRoot = first.file.dict(first.file.catalog.get('StructTreeRoot'));
    const rootDict: PdfDict = new Map<string, PdfValue>([
      ['Type', name('StructTreeRoot')],
      ['K', structKids],
      ['ParentTree', new PdfRef(parentTree)],
      ['ParentTreeNextKey', parentEntries.reduce((next, [key]) => Math.max(next, key + 1), 0)],
    ]);
    const roleMap = firstRoot?.get('RoleMap');
    if (roleMap !== undefined) rootDict.set('RoleMap', mapRefs(roleMap, (num) => num + first.offset));
    catalog.set('StructTreeRoot', new PdfRef(structRoot));
    objects.set(structRoot, { value: rootDict });
    objects.set(parentTree, { value: new Map<string, PdfValue>([['Nums', parentEntries.sort((a, b) => a[0] - b[0]).flat()]]) });
  }
  if (dests.size) catalog.set('Dests', dests);
  objects.set(catalogNumber, { value: catalog });

  return write(runs, objects, skipped, catalogNumber, nextNumber);
}

/** An annotation with its parent-tree key moved, and for a link to LINK_PREFIX + page, that page (in the joined file's numbers). */
function relinked(annotation: PdfDict, keyOffset: number, allPages: number[]): { changed: PdfDict; target?: number } {
  const changed = new Map(annotation);
  if (typeof changed.get('StructParent') === 'number') changed.set('StructParent', (changed.get('StructParent') as number) + keyOffset);
  const action = annotation.get('A');
  const uri = action instanceof Map ? action.get('URI') : undefined;
  const text = uri instanceof PdfString ? uri.bytes : undefined;
  if (!text?.startsWith(LINK_PREFIX)) return { changed };
  const target = allPages[Number(text.slice(LINK_PREFIX.length)) - 1];
  if (target === undefined) return { changed };
  changed.delete('A');
  return { changed, target };
}

/** The joined file's bytes. */
function write(runs: Run[], objects: Map<number, PdfObject>, skipped: Set<number>, catalogNumber: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets = new Map<number, number>();
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  push(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const emit = (num: number, object: PdfObject) => {
    offsets.set(num, length);
    const head = `${num} 0 obj\n${serialise(object.value)}`;
    if (!object.stream) push(Buffer.from(`${head}\nendobj\n`, 'latin1'));
    else push(Buffer.concat([Buffer.from(`${head} stream\n`, 'latin1'), object.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]));
  };
  for (const run of runs) {
    for (const num of run.file.objectNumbers()) {
      const joined = num + run.offset;
      if (skipped.has(joined)) continue;
      const replaced = objects.get(joined);
      if (replaced) {
        emit(joined, replaced);
        objects.delete(joined);
        continue;
      }
      const object = run.file.object(num);
      emit(joined, { value: mapRefs(object.value, (n) => n + run.offset), ...(object.stream ? { stream: object.stream } : {}) });
    }
  }
  for (const [num, object] of [...objects].sort((a, b) => a[0] - b[0])) emit(num, object);
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let num = 1; num < size; num++) {
    const offset = offsets.get(num);
    xref += offset === undefined ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  const firstInfo = runs[0]!.file.trailer.get('Info');
  const trailer: PdfDict = new Map<string, PdfValue>([
    ['Size', size],
    ['Root', new PdfRef(catalogNumber)],
    ...(firstInfo instanceof PdfRef ? [['Info', new PdfRef(firstInfo.num + runs[0]!.offset)] as [string, PdfValue]] : []),
  ]);
  xref += `trailer\n${serialise(trailer)}\nstartxref\n${length}\n%%EOF\n`;
  push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks, length);
}
