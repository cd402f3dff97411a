// The work queue: extraction jobs on BullMQ over Redis, for workers on many machines sharing one store.
export { extractOnQueue, DISPATCH_DEFAULTS, type DispatchOptions, type DispatchProgress, type DispatchResult } from "./dispatch.js";
export { EXTRACTION_ATTEMPTS, ExtractionJob, ExtractionReply, contentSha256, jobId, parseJob, queueName } from "./jobs.js";
export { connectRedis, publicQueueLocation, redisOptions, REDIS_CONNECT_TIMEOUT_MS } from "./redis.js";
export { startExtractionWorker, WORKER_DEFAULTS, type ExtractionWorker, type ExtractionWorkerOptions, type WorkerJobEvent } from "./worker.js";
