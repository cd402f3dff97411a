// Read documents on several worker threads; the results are the same as reading them one by one.
import { Worker } from "node:worker_threads";
import { KgError, type KgErrorCode } from "../errors.js";
import type { DocumentResult, SourceText } from "../pipeline/index.js";
import type { ExtractorPaths } from "./extractors.js";

type Reply = { ok: true; result: DocumentResult } | { ok: false; error: { code: KgErrorCode; message: string; where?: string } };

export interface ParallelOptions {
  paths?: ExtractorPaths;
  onDocument?: (done: number, total: number, id: string) => void;
  /** Take each result as it arrives (then none are kept for the returned array); a rejection stops the workers. */
  onResult?: (result: DocumentResult) => void | Promise<void>;
  /** Take each document's failure and go on with the others; without it the first failure stops every worker. */
  onFailure?: (source: SourceText, error: KgError) => void | Promise<void>;
}

/**
 * Read `sources` on `jobs` workers, largest first so the last ones to finish are short; `onDocument`
 * reports progress. Without `onFailure`, the first failure stops every worker and rejects with the
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
  const workers = Array.from({ length: Math.min(jobs, queue.length) }, () =>
    new Worker(new URL("./extract-worker.js", import.meta.url), { workerData: { paths: options.paths } }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let running = workers.length;
      let done = 0;
      const inFlight = new Map<Worker, SourceText>();
      const settle = (w: Worker, work: void | Promise<void>) => {
        options.onDocument?.(++done, sources.length, inFlight.get(w)!.id);
        Promise.resolve(work).then(() => next(w), reject);
      };
      const next = (w: Worker) => {
        const source = queue.shift();
        if (!source) {
          if (--running === 0) resolve();
          return;
        }
        inFlight.set(w, source);
        w.postMessage(source);
      };
      for (const w of workers) {
        w.on("message", (reply: Reply) => {
          if (!reply.ok) {
            const error = new KgError(reply.error.code, reply.error.message, { where: reply.error.where });
            if (!options.onFailure) {
              reject(error);
              return;
            }
            settle(w, options.onFailure(inFlight.get(w)!, error));
            return;
          }
          if (options.onResult) {
            settle(w, options.onResult(reply.result));
            return;
          }
          results.push(reply.result);
          settle(w, undefined);
        });
        w.on("error", (err) => reject(new KgError("STAGE_FAILED", `kg build: a worker failed: ${err.message}`, { cause: err })));
        next(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
