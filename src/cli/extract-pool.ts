// A pool of worker threads that read documents: each thread loads the tagger and the classifier once, then reads one document at a time.
import { Worker } from "node:worker_threads";
import { KgError, type KgErrorCode } from "../errors.js";
import type { DocumentResult, SourceText } from "../pipeline/index.js";
import type { ExtractorPaths } from "./extractors.js";

type Reply = { ok: true; result: DocumentResult } | { ok: false; error: { code: KgErrorCode; message: string; where?: string } };

interface Task {
  source: SourceText;
  resolve(result: DocumentResult): void;
  reject(error: KgError): void;
}

/**
 * `size` threads reading documents in the order they are asked for. The thread that reads a document
 * is whichever is free first; the result does not depend on it. A thread that dies (out of memory, a
 * crash in native code) fails the document it was reading and every one after it: the pool is broken.
 */
export class ExtractorPool {
  readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private broken?: KgError;
  private closed = false;

  constructor(size: number, paths?: ExtractorPaths) {
    if (!Number.isInteger(size) || size < 1) throw new KgError("INVARIANT", `ExtractorPool: size must be a positive integer, not ${size}`);
    this.size = size;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn(paths));
  }

  /** Whether a thread died: then every document fails, through no fault of its own. */
  get isBroken(): boolean {
    return this.broken !== undefined;
  }

  /**
   * Read one document on the next free thread.
   * @throws KgError from the document's stage, STAGE_FAILED when a thread died, INVARIANT after close.
   */
  extract(source: SourceText): Promise<DocumentResult> {
    if (this.closed) return Promise.reject(new KgError("INVARIANT", `ExtractorPool: closed; ${source.id} was not read`));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ source, resolve, reject });
      this.pump();
    });
  }

  /** Stop every thread; documents still waiting or being read are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.failAll(new KgError("INVARIANT", "ExtractorPool: closed before the document was read"));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(paths?: ExtractorPaths): Worker {
    const w = new Worker(new URL("./extract-worker.js", import.meta.url), { workerData: { paths } });
    w.on("message", (reply: Reply) => {
      const task = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      if (task) {
        if (reply.ok) task.resolve(reply.result);
        else task.reject(new KgError(reply.error.code, reply.error.message, { where: reply.error.where }));
      }
      this.pump();
    });
    w.on("error", (err) => this.fail(new KgError("STAGE_FAILED", `kg: a thread reading documents failed: ${err.message}`, { cause: err })));
    w.on("exit", (code) => {
      if (!this.closed) this.fail(new KgError("STAGE_FAILED", `kg: a thread reading documents stopped (exit code ${code})`));
    });
    return w;
  }

  private pump(): void {
    while (!this.broken && this.idle.length > 0 && this.waiting.length > 0) {
      const w = this.idle.shift()!;
      const task = this.waiting.shift()!;
      this.busy.set(w, task);
      w.postMessage(task.source);
    }
  }

  private fail(error: KgError): void {
    if (this.broken) return;
    this.broken = error;
    this.failAll(error);
  }

  private failAll(error: KgError): void {
    for (const task of this.busy.values()) {
      task.reject(new KgError(error.code, `${error.message} while reading ${task.source.id}`, { cause: error.cause, where: task.source.id }));
    }
    this.busy.clear();
    for (const task of this.waiting.splice(0)) task.reject(error);
  }
}
