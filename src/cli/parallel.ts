// Read documents on several worker threads; the results are the same as reading them one by one.
import { KgError } from "../errors.js";
import type { DocumentResult, SourceText } from "../pipeline/index.js";
import { ExtractorPool } from "./extract-pool.js";
import type { ExtractorPaths } from "./extractors.js";

export interface ParallelOptions {
  paths?: ExtractorPaths;
  onDocument?: (done: number, total: number, id: string) => void;
  /** Take each result as it arrives (then none are kept for the returned array); a rejection stops the workers. */
  onResult?: (result: DocumentResult) => void | Promise<void>;
  /** Take each document's failure and go on with the others; without it the first failure stops every worker. */
  onFailure?: (source: SourceText, error: KgError) => void | Promise<void>;
}

/**
 * Read `sources` on `jobs` threads, largest first so the last ones to finish are short; `onDocument`
 * reports progress. Without `onFailure`, the first failure stops every thread and rejects with the
 * document's KgError.
 * @throws KgError from the failing document's stage, or what `onResult` or `onFailure` throws.
 */
export async function readDocumentsInParallel(
  sources: readonly SourceText[],
  jobs: number,
  options: ParallelOptions = {},
): Promise<DocumentResult[]> {
  const queue = [...sources].sort((a, b) => b.content.length - a.content.length || (a.id < b.id ? -1 : 1));
  const results: DocumentResult[] = [];
  if (queue.length === 0) return results;
  const pool = new ExtractorPool(Math.min(jobs, queue.length), options.paths);
  let done = 0;
  const read = async (source: SourceText) => {
    let result: DocumentResult;
    try {
      result = await pool.extract(source);
    } catch (err) {
      // a dead thread is not the document's fault: it stops the build instead of skipping every document
      if (!(err instanceof KgError) || !options.onFailure || pool.isBroken) throw err;
      await options.onFailure(source, err);
      options.onDocument?.(++done, sources.length, source.id);
      return;
    }
    if (options.onResult) await options.onResult(result);
    else results.push(result);
    options.onDocument?.(++done, sources.length, source.id);
  };
  try {
    await Promise.all(queue.map(read));
  } finally {
    await pool.close();
  }
  return results;
}
