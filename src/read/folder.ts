// Reading every article file of the input folder: a few at a time, from a
// watch session's cache where the file did not change, and the second and
// later copies of an identical text left out.
import path from 'node:path';
import type { ArticleCache } from '../incremental.js';
import type { ReadArticle, Warning } from '../model.js';
import { readArticle, type ReadOutcome } from './index.js';

const READ_CONCURRENCY = 32;

export async function readArticles(
  input: string,
  files: string[],
  warningsOf: Map<string, Warning[]>,
  options: { cache?: ArticleCache; progress?: (done: number, total: number) => void },
): Promise<{ article: ReadArticle }[]> {
  const results = new Array<ReadOutcome>(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const warnings = warningsOf.get(file)!;
      const read = () => readArticle(input, file, warnings);
      results[index] = await (options.cache ? options.cache.read(path.join(input, file), warnings, read) : read());
      options.progress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const kept = dropDuplicates(results.filter((result) => result !== undefined), warningsOf);
  return kept.flatMap(({ articles }) => articles.map((article) => ({ article })));
}

/** The second and later copies of an identical file are skipped, naming the first. */
function dropDuplicates(reads: NonNullable<ReadOutcome>[], warnings: Map<string, Warning[]>): NonNullable<ReadOutcome>[] {
  const seen = new Map<string, string>();
  return reads.filter(({ articles, digest }) => {
    const file = articles[0]!.file;
    const first = seen.get(digest);
    if (first) {
      warnings.get(file)!.push({ file, message: `skipped: an exact duplicate of ${first}.` });
      return false;
    }
    seen.set(digest, file);
    return true;
  });
}
