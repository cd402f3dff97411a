// Read documents on several worker threads; the results are the same as reading them one by one.
import { Worker } from "node:worker_threads";
import { KgError, type KgErrorCode } from "../errors.js";
import type { DocumentResult, SourceText } from "../pipeline/index.js";
import type { ExtractorPaths } from "./extractors.js";

type Reply = { ok: true; result: DocumentResult } | { ok: false; error: { code: KgErrorCode; message: string; where?: string } };

/**
 * Read `sources` on `jobs` workers, largest first so the last ones to finish are short; `onDocument`
 * reports progress. The first failure stops every worker and rejects with the document's KgError.
 * @throws KgError from the failing document's stage.
 */
export async function readDocumentsInParallel(
  sources: readonly SourceText[],
  jobs: number,
  options: { paths?: ExtractorPaths; onDocument?: (done: number, total: number, id: string) => void } = {},
): Promise<DocumentResult[]> {
  const queue = [...sources].sort((a, b) => b.content.length - a.content.length || (a.id < b.id ? -1 : 1));
  const results: DocumentResult[] = [];
  const workers = Array.from({ length: Math.min(jobs, queue.length) }, () =>
    new Worker(new URL("./extract-worker.js", import.meta.url), { workerData: { paths: options.paths } }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let running = workers.length;
      const next = (w: Worker) => {
        const source = queue.shift();
        if (!source) {
          if (--running === 0) resolve();
          return;
        }
        w.postMessage(source);
      };
      for (const w of workers) {
        w.on("message", (reply: Reply) => {
          if (!reply.ok) {
            reject(new KgError(reply.error.code, reply.error.message, { where: reply.error.where }));
            return;
          }
          results.push(reply.result);
          options.onDocument?.(results.length, sources.length, reply.result.info.id);
          next(w);
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
