// `kg worker`'s engine: take extraction jobs from the store's BullMQ queue, read each document on a thread, write its facts to the store in one transaction.
import { hostname } from "node:os";
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { KgError } from "../errors.js";
import type { FactStore } from "../store/index.js";
import { ExtractorPool } from "../cli/extract-pool.js";
import { extractorVersion } from "../cli/extractor-version.js";
import type { ExtractorPaths } from "../cli/extractors.js";
import { parseJob, queueName, type ExtractionReply } from "./jobs.js";
import { connectRedis, publicQueueLocation, reportQueueLoss } from "./redis.js";

export interface ExtractionWorkerOptions {
  /** The shared store, opened without the build's lock. */
  store: FactStore;
  /** redis:// URL of the queue's server. */
  queue: string;
  /** Documents read at once, each on its own thread (default 1). */
  concurrency?: number;
  paths?: ExtractorPaths;
  /** How this worker is named in the build's progress and summary (default host:pid). */
  name?: string;
  /**
   * How long a job stays locked to this worker without a sign of life (default 30 s): a killed worker's
   * job goes back to the queue this long after, checked as often by every other worker.
   */
  lockDurationMs?: number;
  /** Told of each job as it ends. */
  onJob?: (event: WorkerJobEvent) => void;
  /** Told of connection trouble (Redis lost, back), as lines to show. */
  onWarning?: (message: string) => void;
}

export interface WorkerJobEvent {
  document: string;
  outcome: "extracted" | "reused" | "failed";
  /** Which attempt this was, from 1. */
  attempt: number;
  error?: string;
}

export interface ExtractionWorker {
  readonly name: string;
  /** The queue this worker takes jobs from (named by the store and the extractor version). */
  readonly queue: string;
  readonly extractor: string;
  /** Stop taking jobs, let the ones in hand finish, and release the threads and the connection. */
  close(): Promise<void>;
  /** Settles when the worker has stopped: resolves after close(), rejects when it cannot go on (a reading thread died, the store cannot be used). */
  readonly stopped: Promise<void>;
}

/** Errors that say the store cannot be used from here, whatever the document. */
const MACHINE_FAULTS = new Set(["WRITE_FAILED", "STORE_BUSY", "STORE_VERSION", "STORE_CORRUPT"]);

export const WORKER_DEFAULTS = { concurrency: 1, lockDurationMs: 30_000 } as const;

/**
 * Start taking jobs. Each job is idempotent: a document whose result for this extractor is already
 * stored is acknowledged without extracting it again, and a result replaces the document's row, so a
 * job done twice (after a lost lock or a lost queue) stores one result.
 * @throws KgError QUEUE_UNREACHABLE when Redis does not answer, or the model files' errors.
 */
export async function startExtractionWorker(options: ExtractionWorkerOptions): Promise<ExtractionWorker> {
  const { concurrency, lockDurationMs } = { ...WORKER_DEFAULTS, ...options };
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new KgError("INVALID_ARGS", `kg worker: --concurrency must be a positive integer, not ${concurrency}`);
  const { store } = options;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const extractor = extractorVersion(options.paths ?? {});
  const queue = queueName(store.id, extractor.id);
  const connection = await connectRedis(options.queue, { name: "kgraph-worker" });
  const pool = new ExtractorPool(concurrency, options.paths);
  const warn = options.onWarning ?? (() => undefined);
  const location = publicQueueLocation(options.queue);

  let fatal: (err: Error) => void = () => undefined;
  const processor = async (job: Job): Promise<ExtractionReply> => {
    const data = parseJob(job.name, job.data);
    if (data.extractor !== extractor.id) {
      // the queue's name holds the version, so only a hand-made job gets here
      throw new Error(`the job of ${data.id} wants extractor ${data.extractor}, this worker runs ${extractor.id}`);
    }
    // trouble with the store or a dead thread is this machine's, not the document's: the worker stops
    // without settling the job, so that no attempt is spent on it and its lock lapses for another worker
    const ownFault = (err: unknown): never | Promise<never> => {
      if (pool.isBroken || (err instanceof KgError && MACHINE_FAULTS.has(err.code))) {
        fatal(err as Error);
        return new Promise<never>(() => undefined);
      }
      throw err;
    };
    const [stored] = await store.find([data.id]).catch(ownFault);
    if (stored && stored.sha256 === data.sha256 && stored.extractor === extractor.id) return { worker: name, reused: true };
    const result = await pool.extract({ id: data.id, content: data.content, sha256: data.sha256 }).catch(ownFault);
    await store.putResult({ id: data.id, sha256: data.sha256, size: data.size }, extractor.id, result).catch(ownFault);
    return { worker: name, reused: false };
  };

  const worker = new Worker(queue, processor, {
    connection: connection as Redis,
    name,
    concurrency,
    lockDuration: lockDurationMs,
    stalledInterval: lockDurationMs,
    // a job whose worker was killed is put back twice before it counts as failed
    maxStalledCount: 2,
    autorun: false,
  });
  const loss = reportQueueLoss(connection, [worker], { who: "kg worker", location, meanwhile: "retrying", warn });
  worker.on("completed", (job: Job, reply: ExtractionReply) => {
    options.onJob?.({ document: job.name, outcome: reply.reused ? "reused" : "extracted", attempt: job.attemptsMade + 1 });
  });
  worker.on("failed", (job: Job | undefined, err: Error) => {
    if (job) options.onJob?.({ document: job.name, outcome: "failed", attempt: job.attemptsMade, error: err.message });
  });
  void worker.run().catch((err: Error) => warn(`kg worker: stopped taking jobs: ${err.message}`));
  await worker.waitUntilReady();

  let settle: (err?: Error) => void = () => undefined;
  const stopped = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err) : resolve());
  });
  stopped.catch(() => undefined);
  let shutting: Promise<void> | undefined;
  const shutdown = (force: boolean, error?: KgError) => {
    loss.stop();
    shutting ??= (async () => {
      await worker.close(force);
      await pool.close();
      await connection.quit().catch(() => connection.disconnect());
      settle(error);
    })();
    return shutting;
  };
  fatal = (err) => {
    // without waiting for the jobs in hand, which can no longer finish here: their locks lapse and other workers take them
    void shutdown(true, new KgError("STAGE_FAILED", `kg worker: cannot go on: ${err.message.replace(/^kg \w+: /, "")}`, { cause: err }));
  };
  return { name, queue, extractor: extractor.id, close: () => shutdown(false), stopped };
}
