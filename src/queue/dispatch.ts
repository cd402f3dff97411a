// The build's side of the queue: enqueue the documents whose facts are missing or stale, follow the workers until the store holds them all.
import { Queue, QueueEvents, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { FactStore } from "../store/index.js";
import type { SourceFile } from "../cli/sources.js";
import { EXTRACTION_ATTEMPTS, ExtractionReply, contentSha256, jobId, queueName, type ExtractionJob } from "./jobs.js";
import { connectRedis, publicQueueLocation, reportQueueLoss } from "./redis.js";

export interface DispatchOptions {
  /** redis:// URL of the queue's server. */
  queue: string;
  /** The extractor version (sha256:…) the results must be made with. */
  extractor: string;
  /** At most this many jobs wait in Redis at once (default 1,000): the rest are added as those are done, so Redis holds a window of the corpus, not all of it. */
  window?: number;
  /** How often the store and the queue are checked (default 500 ms); a finished job also wakes the check. */
  pollMs?: number;
  /** After this long without a worker on the queue, say so once (default 30 s). */
  noWorkerWarningMs?: number;
  onProgress?: (progress: DispatchProgress) => void;
  /** Told of each document that failed its last attempt, as it happens. */
  onFailure?: (id: string, reason: string) => void;
  /** Lines to show: no worker yet, Redis lost and back. */
  onWarning?: (message: string) => void;
}

export interface DispatchProgress {
  /** Documents whose facts the store now holds. */
  done: number;
  toExtract: number;
  failed: number;
  /** Documents done by each worker (by its name), as the workers reported them. */
  byWorker: Record<string, number>;
  /** Workers connected to the queue now. */
  workers: number;
}

export interface DispatchResult {
  /** Documents the workers stored. */
  done: number;
  /** Documents that failed every attempt, with the reason of the last. */
  failures: Map<string, string>;
  /** Documents done by each worker, sorted by name. */
  byWorker: Record<string, number>;
  /** Jobs added again because the queue had lost them (a restarted Redis). */
  requeued: number;
  /** The queue's name and server, for the summary. */
  queue: string;
  location: string;
}

export const DISPATCH_DEFAULTS = { window: 1000, pollMs: 500, noWorkerWarningMs: 30_000 } as const;

const JOB_OPTIONS: JobsOptions = {
  attempts: EXTRACTION_ATTEMPTS,
  backoff: { type: "exponential", delay: 500 },
  // the result is in the store; the queue keeps only failures, for a while, to be looked at
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/**
 * Have workers extract `todo` into `store`: each document becomes a job on the store's queue for this
 * extractor, and the build waits until the store holds a current result for every one, or its job
 * failed its last attempt. What the store holds is the truth: a job that Redis lost (restarted without
 * its data) is added again, a job done twice is stored once.
 * @throws KgError QUEUE_UNREACHABLE when Redis does not answer at the start, or the store's errors.
 */
export async function extractOnQueue(store: FactStore, todo: readonly SourceFile[], options: DispatchOptions): Promise<DispatchResult> {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  const name = queueName(store.id, o.extractor);
  const location = publicQueueLocation(o.queue);
  const result: DispatchResult = { done: 0, failures: new Map(), byWorker: {}, requeued: 0, queue: name, location };
  if (todo.length === 0) return result;

  const connection = await connectRedis(o.queue, { name: "kgraph-build" });
  const queue = new Queue(name, { connection: connection as Redis });
  const events = new QueueEvents(name, { connection: connection.duplicate() as Redis });
  const warn = o.onWarning ?? (() => undefined);
  const loss = reportQueueLoss(connection, [queue, events], { who: "kg build", location, meanwhile: "waiting for it to come back", warn });

  let wake: () => void = () => undefined;
  events.on("completed", ({ returnvalue }) => {
    const reply = ExtractionReply.safeParse(typeof returnvalue === "string" ? safeJson(returnvalue) : returnvalue);
    if (reply.success) result.byWorker[reply.data.worker] = (result.byWorker[reply.data.worker] ?? 0) + 1;
    wake();
  });
  events.on("failed", () => wake());

  const byJob = new Map<string, SourceFile>();
  for (const f of todo) {
    const id = jobId({ id: f.id, sha256: f.sha256, extractor: o.extractor });
    byJob.set(id, f);
  }
  /** Jobs not yet added, in path order. */
  const waiting = [...byJob.keys()];
  /** Jobs added and not yet settled. */
  const inQueue = new Set<string>();
  let done = 0;
  let workers = 0;
  let lastFailedCount = -1;
  let noWorkerSince = Date.now();
  let warnedNoWorker = false;
  const progress = () => o.onProgress?.({ done, toExtract: todo.length, failed: result.failures.size, byWorker: { ...result.byWorker }, workers });

  const jobData = (f: SourceFile): ExtractionJob => ({
    id: f.id,
    sha256: f.sha256,
    size: f.size,
    content: f.source!.content,
    contentSha256: contentSha256(f.source!.content),
    extractor: o.extractor,
  });
  const add = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    // a job of the same id still kept from an earlier build (failed, or completed and not yet removed)
    // would make the add a no-op: a document that failed then gets its attempts again now
    const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
    await Promise.all(ids.map((id, i) => (states[i] === "failed" || states[i] === "completed" ? queue.remove(id) : undefined)));
    await queue.addBulk(ids.map((id) => ({ name: byJob.get(id)!.id, data: jobData(byJob.get(id)!), opts: { ...JOB_OPTIONS, jobId: id } })));
    for (const id of ids) inQueue.add(id);
  };
  /** Of these jobs, those whose document the store now holds as the build needs it (same sha256 and extractor), and the others. */
  const partition = async (ids: readonly string[]) => {
    const stored = new Map((await findAll(store, ids.map((id) => byJob.get(id)!.id))).map((d) => [d.id, d]));
    const current: string[] = [];
    const other: string[] = [];
    for (const id of ids) {
      const f = byJob.get(id)!;
      const d = stored.get(f.id);
      (d && d.sha256 === f.sha256 && d.extractor === o.extractor ? current : other).push(id);
    }
    return { current, other };
  };

  try {
    await events.waitUntilReady();
    // jobs left waiting by an earlier build of this store that did not finish: this build holds the
    // store, so it alone decides what is to be done (jobs in hand finish on their own, harmlessly)
    await queue.drain(true);
    progress();

    for (;;) {
      // top the window up
      if (waiting.length > 0 && inQueue.size < o.window) await add(waiting.splice(0, o.window - inQueue.size));
      if (inQueue.size === 0) {
        // every job settled: check once more that the store holds what the build needs (a slow worker
        // holding an old job could have written over a document since)
        const { other: again } = await partition([...byJob.keys()].filter((id) => !result.failures.has(byJob.get(id)!.id)));
        if (again.length === 0) break;
        done -= again.length;
        result.requeued += again.length;
        waiting.push(...again);
        continue;
      }

      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed");
      const live = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      for (const id of (await partition([...inQueue])).current) {
        inQueue.delete(id);
        done++;
      }
      // jobs that failed, or that the queue no longer has: look at each
      if (inQueue.size > 0 && ((counts.failed ?? 0) !== lastFailedCount || live < inQueue.size)) {
        lastFailedCount = counts.failed ?? 0;
        const open = [...inQueue];
        const states = await Promise.all(open.map((id) => queue.getJobState(id)));
        const missing: string[] = [];
        for (let i = 0; i < open.length; i++) {
          const id = open[i];
          if (states[i] === "failed") {
            const job = await queue.getJob(id);
            const reason = `extraction failed ${EXTRACTION_ATTEMPTS} times on the queue: ${job?.failedReason ?? "no reason recorded"}`;
            result.failures.set(byJob.get(id)!.id, reason);
            inQueue.delete(id);
            o.onFailure?.(byJob.get(id)!.id, reason);
          } else if (states[i] === "unknown" || states[i] === "completed") {
            missing.push(id);
          }
        }
        if (missing.length > 0) {
          // done since the store was read, or lost by the queue: the store decides
          const { current, other: lostJobs } = await partition(missing);
          for (const id of current) {
            inQueue.delete(id);
            done++;
          }
          // a completed job whose result is not (or no longer) current is done again
          for (const id of lostJobs) inQueue.delete(id);
          await add(lostJobs);
          result.requeued += lostJobs.length;
        }
      }

      workers = await queue.getWorkersCount().catch(() => workers);
      if (workers > 0) noWorkerSince = Date.now();
      else if (!warnedNoWorker && Date.now() - noWorkerSince >= o.noWorkerWarningMs) {
        warnedNoWorker = true;
        warn(
          `kg build: no kg worker has taken jobs from the queue ${name} at ${location} for ${Math.round(o.noWorkerWarningMs / 1000)} s; ` +
            `start one with: kg worker --store STORE --queue ${location} (the same kgraph version and models as this build: extractor ${o.extractor.slice(0, 19)}…)`,
        );
      }
      progress();
      if (inQueue.size > 0 || waiting.length > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, o.pollMs);
          wake = () => {
            clearTimeout(timer);
            wake = () => undefined;
            // let a burst of completions land before the next look
            setTimeout(resolve, 20);
          };
        });
      }
    }
    progress();
  } finally {
    loss.stop();
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    await connection.quit().catch(() => connection.disconnect());
  }
  result.done = done;
  result.byWorker = Object.fromEntries(Object.entries(result.byWorker).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return result;
}

/** store.find over many ids, a few thousand at a time. */
async function findAll(store: FactStore, ids: readonly string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await store.find(ids.slice(i, i + 5000))));
  return out;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
