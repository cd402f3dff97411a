// The extraction job as it travels through Redis: one document's bytes and the extractor version its result must be made with.
import { createHash } from "node:crypto";
import { z } from "zod";
import { formatIssues } from "../errors.js";

/** How many times a document is tried before it is reported as failed and skipped. */
export const EXTRACTION_ATTEMPTS = 3;

/** A document to extract: its id (path under the sources folder), the sha256 and size of its bytes, its decoded text. */
export const ExtractionJob = z.object({
  id: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  content: z.string(),
  /** sha256 of the decoded text as UTF-8, so that a worker can tell a damaged job from a document. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The extractor version (sha256:…) the build wants the result made with. */
  extractor: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type ExtractionJob = z.infer<typeof ExtractionJob>;

/** What a worker answers for a job: which worker, and whether it extracted or found the result already stored. */
export const ExtractionReply = z.object({ worker: z.string(), reused: z.boolean() });
export type ExtractionReply = z.infer<typeof ExtractionReply>;

/**
 * The queue of one store and one extractor version: builds and workers of the same store meet here,
 * and a worker only takes the jobs it can do exactly as the build would (same models, code and options).
 */
export function queueName(storeId: string, extractor: string): string {
  return `kgraph.${storeId}.${extractor.replace(/^sha256:/, "").slice(0, 16)}`;
}

/**
 * A job's id: the same document bytes for the same extractor are one job, however often they are
 * enqueued, so a build that is run again (or re-enqueues after a lost Redis) never doubles the work.
 */
export function jobId(job: Pick<ExtractionJob, "id" | "sha256" | "extractor">): string {
  return createHash("sha256").update(`${job.id}\u0000${job.sha256}\u0000${job.extractor}`).digest("hex").slice(0, 32);
}

/** Check a job's data as a worker receives it; the message names the document when it can. */
export function parseJob(name: string, data: unknown): ExtractionJob {
  const parsed = ExtractionJob.safeParse(data);
  if (parsed.success) {
    if (contentSha256(parsed.data.content) !== parsed.data.contentSha256) {
      throw new Error(`the text of ${parsed.data.id} in its job does not match the sha256 the build gave it; the job was damaged on the way`);
    }
    return parsed.data;
  }
  throw new Error(`the job of ${name} is not a kgraph extraction job (${formatIssues(parsed.error.issues).slice(0, 3).join("; ")})`);
}

/** sha256 of a decoded text as UTF-8. */
export const contentSha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
