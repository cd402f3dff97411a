// Connections to the Redis server that holds the work queue: redis:// URLs checked up front, a server that cannot be reached named clearly.
import type { EventEmitter } from "node:events";
import { Redis, type RedisOptions } from "ioredis";
import { KgError } from "../errors.js";

/** How long a build or worker waits for Redis when it starts before it gives up and says so. */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/** A redis:// URL without its password, for messages. */
export function publicQueueLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/:[^:@/]*@/, "@");
  }
}

/**
 * The ioredis options of a redis:// (or rediss://, TLS) URL: host, port (6379), user, password, and a
 * database number as its path (`redis://host:6379/2`).
 * @throws KgError INVALID_ARGS naming the option and what is wrong.
 */
export function redisOptions(url: string, option = "--queue"): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new KgError("INVALID_ARGS", `kg: ${option} must be a redis://HOST:PORT URL, not "${url}"`, { where: option });
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    throw new KgError("INVALID_ARGS", `kg: ${option} must be a redis:// or rediss:// URL, not ${u.protocol}// ("${publicQueueLocation(url)}")`, { where: option });
  }
  if (!u.hostname) throw new KgError("INVALID_ARGS", `kg: ${option} names no host ("${publicQueueLocation(url)}"); write redis://HOST:PORT`, { where: option });
  const path = u.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d+$/.test(path)) {
    throw new KgError("INVALID_ARGS", `kg: ${option}'s path must be a database number (redis://HOST:PORT/0), not "/${path}"`, { where: option });
  }
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(path ? { db: Number(path) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

/**
 * Connect to the Redis server at `url`, as BullMQ needs it (commands wait for a lost connection to come
 * back instead of failing), and wait until it answers.
 * @throws KgError QUEUE_UNREACHABLE when it does not answer within `timeoutMs`, naming the server and the reason.
 */
export async function connectRedis(url: string, options: { name: string; timeoutMs?: number; option?: string }): Promise<Redis> {
  const location = publicQueueLocation(url);
  const redis = new Redis({
    ...redisOptions(url, options.option),
    connectionName: options.name,
    maxRetriesPerRequest: null,
    lazyConnect: true,
    // reconnect for ever, at most every 2 s: a restarted server delays the work, it does not end it
    retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
  });
  let lastError: Error | undefined;
  const onError = (err: Error) => {
    lastError = err;
  };
  redis.on("error", onError);
  const timeoutMs = options.timeoutMs ?? REDIS_CONNECT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      // the first attempt decides: a refused or unknown server is named at once (ioredis would go on retrying)
      (async () => {
        await redis.connect();
        await redis.ping();
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    redis.disconnect();
    const e = (lastError ?? err) as NodeJS.ErrnoException;
    const reason = e.code ?? e.message;
    throw new KgError("QUEUE_UNREACHABLE", `kg: cannot reach the Redis server of the queue at ${location} (${reason}); start redis-server there, or check ${options.option ?? "--queue"}`, {
      cause: e,
      where: location,
    });
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/**
 * Say once when the queue's server is lost — an error on the connection or on one of `emitters` (a
 * BullMQ queue, worker or event stream), or the connection closing without one, as a server
 * restarted at once does — and once when it is back. `stop()` before closing on purpose.
 */
export function reportQueueLoss(
  connection: Redis,
  emitters: readonly EventEmitter[],
  o: { who: string; location: string; meanwhile: string; warn: (message: string) => void },
): { stop(): void } {
  let lost = false;
  let stopped = false;
  const onLost = (reason: string) => {
    if (stopped) return;
    if (!lost) o.warn(`${o.who}: lost the queue at ${o.location} (${reason}); ${o.meanwhile}`);
    lost = true;
  };
  for (const e of emitters) e.on("error", (err: Error) => onLost((err as NodeJS.ErrnoException).code ?? err.message));
  connection.on("close", () => onLost("connection closed"));
  connection.on("ready", () => {
    if (lost && !stopped) o.warn(`${o.who}: the queue at ${o.location} is back`);
    lost = false;
  });
  return {
    stop() {
      stopped = true;
    },
  };
}
