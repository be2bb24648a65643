// What a watch session keeps between builds: each article file's reading
// and normalising, so that a rebuild after one edit reads and normalises
// only the file that changed. Enriching and rendering always run again:
// they depend on every article together.
import { stat } from 'node:fs/promises';
import type { Warning } from './model.js';
import type { NormalisedArticle } from './normalise/index.js';
import type { ReadOutcome } from './read/index.js';

type ReadArticleResult = NonNullable<ReadOutcome>['article'];

interface Entry {
  /** Modification time, size and inode: an edit or a replaced file changes it. */
  stamp: string;
  read: ReadOutcome;
  readWarnings: Warning[];
  normalised?: { settings: string; result: NormalisedArticle; warnings: Warning[] };
}

export class ArticleCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byArticle = new WeakMap<ReadArticleResult, Entry>();
  /** Files read (or normalised) afresh and taken from the cache in the last build. */
  stats = { read: 0, reused: 0, normalised: 0 };

  /** Called at the start of each build. */
  reset(): void {
    this.stats = { read: 0, reused: 0, normalised: 0 };
  }

  async read(filePath: string, warnings: Warning[], readFile: () => Promise<ReadOutcome>): Promise<ReadOutcome> {
    const stamp = await fileStamp(filePath);
    const cached = this.entries.get(filePath);
    if (cached && stamp !== undefined && cached.stamp === stamp) {
      this.stats.reused++;
      warnings.push(...cached.readWarnings);
      if (cached.read) this.byArticle.set(cached.read.article, cached);
      return cached.read;
    }
    this.stats.read++;
    const before = warnings.length;
    const read = await readFile();
    const entry: Entry = { stamp: stamp ?? '', read, readWarnings: warnings.slice(before) };
    if (stamp === undefined) this.entries.delete(filePath);
    else this.entries.set(filePath, entry);
    if (read) this.byArticle.set(read.article, entry);
    return read;
  }

  /** The article normalised, or what the last build made of it with the same settings. */
  normalised(article: ReadArticleResult, settings: object, warnings: Warning[], normalise: () => NormalisedArticle): NormalisedArticle {
    const entry = this.byArticle.get(article);
    const key = JSON.stringify(settings);
    if (entry?.normalised?.settings === key) {
      warnings.push(...entry.normalised.warnings);
      return entry.normalised.result;
    }
    this.stats.normalised++;
    const before = warnings.length;
    const result = normalise();
    if (entry) entry.normalised = { settings: key, result, warnings: warnings.slice(before) };
    return result;
  }
}

async function fileStamp(filePath: string): Promise<string | undefined> {
  try {
    const info = await stat(filePath, { bigint: true });
    return `${info.mtimeNs}:${info.size}:${info.ino}`;
  } catch {
    return undefined;
  }
}
