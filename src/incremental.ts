// What a watch session keeps between builds: each article file's reading
// and normalising, so that a rebuild after one edit reads and normalises
// only the file that changed. Enriching and rendering always run again:
// they depend on every article together.
import { stat } from 'node:fs/promises';
import type { Warning } from './model.js';
import type { NormalisedArticle } from './normalise/index.js';
import type { ReadOutcome } from './read/index.js';

type ReadArticleResult = NonNullable<ReadOutcome>['articles'][number];

interface Entry {
  /** Modification time, size and inode: an edit or a replaced file changes it. */
  stamp: string;
  read: ReadOutcome;
  readWarnings: Warning[];
}

export class ArticleCache {
  private readonly entries = new Map<string, Entry>();
  /** Each article read (a file may hold several: a feed's items) and what normalising it made. */
  private readonly normalisedOf = new WeakMap<ReadArticleResult, { settings: string; result: NormalisedArticle; warnings: Warning[] }>();
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
      return cached.read;
    }
    this.stats.read++;
    const before = warnings.length;
    const read = await readFile();
    const entry: Entry = { stamp: stamp ?? '', read, readWarnings: warnings.slice(before) };
    if (stamp === undefined) this.entries.delete(filePath);
    else this.entries.set(filePath, entry);
    return read;
  }

  /** The article normalised, or what the last build made of it with the same settings. */
  normalised(article: ReadArticleResult, settings: object, warnings: Warning[], normalise: () => NormalisedArticle): NormalisedArticle {
    const cached = this.normalisedOf.get(article);
    const key = JSON.stringify(settings);
    if (cached?.settings === key) {
      warnings.push(...cached.warnings);
      return cached.result;
    }
    this.stats.normalised++;
    const before = warnings.length;
    const result = normalise();
    this.normalisedOf.set(article, { settings: key, result, warnings: warnings.slice(before) });
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
