// `kg worker` and `kg build --queue` against real PostgreSQL and Redis servers started for the test:
// workers killed mid-build, a Redis restart and a document that fails every attempt leave the embedded build's bytes.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { CLI, ROOT, runKg } from "../helpers/kg.js";
import { freePort, skipPostgres, startPostgres, type PostgresServer } from "../helpers/postgres.js";
import { skipRedis, startRedis, type RedisServer } from "../helpers/redis.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-queue-"));
const sources = join(tmp, "sources");
const embedded = join(tmp, "embedded");
let postgres: PostgresServer;
let redis: RedisServer;
let documents = 0;
let databases = 0;
let redisDbs = 0;

/**
 * A few hundred real documents: the default corpus's 45 articles (Wikinews, CC BY 2.5; US government
 * works, public domain) and each of their longer paragraphs as a document of its own.
 */
function writeCorpus(dir: string): number {
  const root = join(ROOT, "graph-data/sources");
  const articles: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name) && !/^readme/i.test(e.name)) articles.push(p);
    }
  };
  walk(root);
  let n = 0;
  for (const a of articles.sort()) {
    const rel = a.slice(root.length + 1);
    mkdirSync(join(dir, "articles", rel, ".."), { recursive: true });
    cpSync(a, join(dir, "articles", rel));
    n++;
    const paragraphs = readFileSync(a, "utf8")
      .split(/\n\s*\n/)
      .filter((p) => p.length > 200 && !p.startsWith("---"));
    paragraphs.forEach((p, i) => {
      mkdirSync(join(dir, "paragraphs"), { recursive: true });
      writeFileSync(join(dir, "paragraphs", `${basename(a).replace(/\.\w+$/, "")}-${String(i + 1).padStart(2, "0")}.txt`), p.trim() + "\n");
      n++;
    });
  }
  return n;
}

beforeAll(async () => {
  if (skipPostgres || skipRedis) return;
  [postgres, redis] = await Promise.all([startPostgres("queue"), startRedis()]);
  documents = writeCorpus(sources);
  const r = runKg(["build", "--sources", sources, "--out", embedded, "--jobs", "2", "--quiet"]);
  expect(r.status, r.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await redis?.stop();
  postgres?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function spawnKg(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A worker process, started once it has said which queue it takes jobs from. */
async function startWorker(store: string, queue: string, name: string, extra: string[] = []): Promise<Running & { queueName: string }> {
  const w = spawnKg(["worker", "--store", store, "--queue", queue, "--name", name, "--lock-duration", "2", ...extra]);
  const queueName = await until(`worker ${name} to start`, () => {
    if (w.child.exitCode !== null) throw new Error(`worker ${name} exited: ${w.stderr()}`);
    return /taking jobs from (\S+)/.exec(w.stderr())?.[1];
  });
  return { ...w, queueName };
}

async function stop(w: Running | undefined): Promise<number | null | undefined> {
  if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return w?.child.exitCode;
  w.child.kill("SIGTERM");
  return w.exited;
}

function sameAsEmbedded(out: string) {
  for (const f of ["graph.json", "graph.gexf"]) expect(readFileSync(join(out, f)).equals(readFileSync(join(embedded, f))), f).toBe(true);
}

async function storedCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch(() => undefined);
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM documents")).rows[0].n);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection of the test's own; its errors once a server is stopped are expected, not failures. */
function redisConnection(url: string): Redis {
  const r = new Redis(url, { maxRetriesPerRequest: null });
  r.on("error", () => undefined);
  return r;
}
const duplicate = (r: Redis) => {
  const d = r.duplicate();
  d.on("error", () => undefined);
  return d;
};

describe.skipIf(skipPostgres || skipRedis)("kg worker and kg build --queue", () => {
  it("two workers build a few hundred documents, one killed with SIGKILL mid-job, into the embedded build's bytes", async () => {
    expect(documents).toBeGreaterThan(250);
    const store = await postgres.createDatabase(`q_${++databases}`);
    const queue = `${redis.url}/${++redisDbs}`;
    const a = await startWorker(store, queue, "worker-a");
    const b = await startWorker(store, queue, "worker-b");
    expect(b.queueName).toBe(a.queueName);
    const connection = redisConnection(queue);
    const q = new Queue(a.queueName, { connection });
    const events = new QueueEvents(a.queueName, { connection: duplicate(connection) });
    const stalled: string[] = [];
    events.on("stalled", ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const out = join(tmp, "two-workers");
    const build = spawnKg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue]);
    try {
      // once worker-a has done some documents and holds one in hand, it dies without a word
      const inHand = await until("worker-a to hold a job mid-build", async () => {
        if ((await storedCount(store)) < 20) return undefined;
        const active = await q.getActive();
        return active.find((j) => j.processedBy === "worker-a");
      });
      a.child.kill("SIGKILL");
      await a.exited;
      expect(await build.exited, build.stderr()).toBe(0);
      sameAsEmbedded(out);
      // the job it held went back to the queue when its lock ran out, and worker-b did it
      expect(stalled).toContain(inHand.id);
      const summary = build.stderr();
      expect(summary).toContain(`store     ${store}: ${documents} new, 0 changed, 0 removed, 0 reused`);
      expect(summary).toMatch(new RegExp(`queue     ${queue.replace(/[/.]/g, "\\$&")} ${a.queueName}: ${documents} documents by 2 workers \\(worker-a \\d+, worker-b \\d+\\)`));
      expect(summary).not.toMatch(/\d+ failed|skipped/);
    } finally {
      build.child.kill("SIGKILL");
      expect(await stop(b)).toBe(0);
      await events.close();
      await q.close();
      connection.disconnect();
    }
    expect(b.stderr()).toMatch(/worker-b: stopped after \d+ extracted/);
  }, 300_000);

  it("reports a document whose every attempt fails by name, skips it, and extracts it in the next build", async () => {
    const store = await postgres.createDatabase(`q_${++databases}`);
    const queue = `${redis.url}/${++redisDbs}`;
    const out = join(tmp, "failing");
    const target = `paragraphs/${readdirSync(join(sources, "paragraphs")).sort()[3]}`;
    const build = spawnKg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue]);
    const connection = redisConnection(queue);
    let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      // no worker yet: the jobs wait; one of them is damaged in Redis before any worker sees it
      const name = await until("the build's queue", async () => (await connection.keys("bull:kgraph.*:meta"))[0]?.split(":")[1]);
      const q = new Queue(name, { connection });
      const job = await until("the document's job", async () => (await q.getWaiting(0, -1)).find((j) => j.name === target));
      await connection.hset(`bull:${name}:${job.id}`, "data", JSON.stringify({ ...job.data, content: `${job.data.content as string} (altered)` }));
      await q.close();
      worker = await startWorker(store, queue, "worker-c");
      expect(await build.exited, build.stderr()).toBe(0);
    } finally {
      build.child.kill("SIGKILL");
    }
    const summary = build.stderr();
    expect(summary).toContain(`skipped   1 file:\n    ${target}: extraction failed 3 times on the queue: the text of ${target} in its job does not match`);
    expect(summary).toContain(`${documents - 1} documents by 1 worker (worker-c ${documents - 1}), 1 failed`);
    const graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as { attributes: { sources: Array<{ id: string; skipped?: string }> } };
    const skipped = graph.attributes.sources.filter((s) => s.skipped);
    expect(skipped.map((s) => s.id)).toEqual([target]);
    expect(graph.attributes.sources).toHaveLength(documents);
    expect(worker!.stderr()).toContain(`${target}: attempt 3 failed`);

    // the next build enqueues it again, with its true text: the graph is then the embedded one
    const again = spawnKg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue]);
    try {
      expect(await again.exited, again.stderr()).toBe(0);
    } finally {
      again.child.kill("SIGKILL");
      await stop(worker);
      connection.disconnect();
    }
    expect(again.stderr()).toContain(`: 1 new, 0 changed, 0 removed, ${documents - 1} reused`);
    expect(again.stderr()).toContain("1 document by 1 worker (worker-c 1)");
    sameAsEmbedded(out);
  }, 300_000);

  it("waits out a Redis restart that loses every job, and writes the same bytes", async () => {
    const store = await postgres.createDatabase(`q_${++databases}`);
    // a server of its own, so that the restart only touches this build
    const own = await startRedis();
    const queue = own.url;
    const a = await startWorker(store, queue, "worker-d");
    const b = await startWorker(store, queue, "worker-e");
    const out = join(tmp, "redis-restart");
    const build = spawnKg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue]);
    try {
      await until("some documents stored", async () => ((await storedCount(store)) >= 30 ? true : undefined));
      await own.restart();
      expect(await build.exited, build.stderr()).toBe(0);
      sameAsEmbedded(out);
      expect(build.stderr()).toMatch(/lost the queue at redis:\/\/127\.0\.0\.1:\d+/);
      expect(build.stderr()).toMatch(new RegExp(`: ${documents} documents by 2 workers \\(worker-d \\d+, worker-e \\d+(, \\d+ unreported)?\\), \\d+ enqueued again`));
      expect(await storedCount(store)).toBe(documents);
    } finally {
      build.child.kill("SIGKILL");
      await stop(a);
      await stop(b);
      await own.stop();
    }
  }, 300_000);

  it("stops a worker that loses the store without spending its job's attempts; a new worker finishes the build", async () => {
    const store = await postgres.createDatabase(`q_${++databases}`);
    const queue = `${redis.url}/${++redisDbs}`;
    const g = await startWorker(store, queue, "worker-g");
    const out = join(tmp, "store-lost");
    const build = spawnKg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue]);
    let h: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      await until("some documents stored", async () => ((await storedCount(store)) >= 20 ? true : undefined));
      // the server ends the worker's session (the build's is the one holding the advisory lock)
      const client = new pg.Client({ connectionString: store });
      await client.connect();
      try {
        const ended = await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'kgraph' AND pid <> pg_backend_pid()
             AND pid NOT IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')`,
        );
        expect(ended.rowCount).toBe(1);
      } finally {
        await client.end();
      }
      expect(await g.exited).toBe(2);
      expect(g.stderr()).toContain("kg worker: cannot go on: cannot use the store");
      expect(g.stderr()).not.toMatch(/attempt \d+ failed/);
      h = await startWorker(store, queue, "worker-h");
      expect(await build.exited, build.stderr()).toBe(0);
    } finally {
      build.child.kill("SIGKILL");
      await stop(g);
      await stop(h);
    }
    sameAsEmbedded(out);
    expect(build.stderr()).not.toMatch(/\d+ failed|skipped/);
    expect(build.stderr()).toMatch(/by 2 workers \(worker-g \d+, worker-h \d+\)/);
  }, 300_000);

  it("does a job twice into one stored result: the second time it finds the result and extracts nothing", async () => {
    const storeUrl = await postgres.createDatabase(`q_${++databases}`);
    const queue = `${redis.url}/${++redisDbs}`;
    const worker = await startWorker(storeUrl, queue, "worker-f");
    // the build's side, from the compiled code the worker runs, so that the extractor versions agree
    const dist = (p: string) => import(pathToFileURL(join(ROOT, "dist", p)).href);
    const { extractorVersion } = (await dist("cli/extractor-version.js")) as typeof import("../../src/cli/extractor-version.js");
    const { contentSha256 } = (await dist("queue/jobs.js")) as typeof import("../../src/queue/jobs.js");
    const store = await openStore(storeUrl, { exclusive: false });
    const connection = redisConnection(queue);
    const q = new Queue(worker.queueName, { connection });
    const events = new QueueEvents(worker.queueName, { connection: duplicate(connection) });
    try {
      await events.waitUntilReady();
      const content = readFileSync(join(ROOT, "graph-data/sources/north-korea-russia.txt"), "utf8");
      const data = {
        id: "north-korea-russia.txt",
        sha256: "1".repeat(64),
        size: Buffer.byteLength(content),
        content,
        contentSha256: contentSha256(content),
        extractor: extractorVersion({}).id,
      };
      const replies: unknown[] = [];
      for (const jobId of ["first", "second"]) {
        const job = await q.add(data.id, data, { jobId });
        replies.push(await job.waitUntilFinished(events, 60_000));
      }
      expect(replies).toEqual([
        { worker: "worker-f", reused: false },
        { worker: "worker-f", reused: true },
      ]);
      expect(await store.documents()).toEqual([{ id: data.id, sha256: data.sha256, size: data.size, extractor: data.extractor }]);
    } finally {
      await events.close();
      await q.close();
      connection.disconnect();
      await store.close();
      await stop(worker);
    }
  }, 120_000);
});

describe("kg worker and kg build --queue: arguments", () => {
  it("refuses a queue without a store the workers share, and URLs of the wrong kind, naming the option", () => {
    const local = runKg(["build", "--sources", join(ROOT, "graph-data/sources"), "--out", join(tmp, "bad"), "--queue", "redis://127.0.0.1:6379"]);
    expect(local.status).toBe(2);
    expect(local.stderr).toContain("--queue needs a store that the workers share: pass --store postgres://");
    const badQueue = runKg(["build", "--out", join(tmp, "bad"), "--store", "postgres://kg@127.0.0.1:1/kg", "--queue", "http://127.0.0.1:6379"]);
    expect(badQueue.status).toBe(2);
    expect(badQueue.stderr).toContain("--queue must be a redis:// or rediss:// URL, not http://");
    const noStore = runKg(["worker", "--queue", "redis://127.0.0.1:6379"]);
    expect(noStore.status).toBe(2);
    expect(noStore.stderr).toContain("kg worker: --store postgres://USER@HOST:PORT/DB is required");
    const sqlite = runKg(["worker", "--store", join(tmp, "x.sqlite"), "--queue", "redis://127.0.0.1:6379"]);
    expect(sqlite.status).toBe(2);
    expect(sqlite.stderr).toContain("kg worker: --store must be a PostgreSQL URL");
    const concurrency = runKg(["worker", "--store", "postgres://kg@127.0.0.1:1/kg", "--queue", "redis://127.0.0.1:6379", "--concurrency", "0"]);
    expect(concurrency.status).toBe(2);
    expect(concurrency.stderr).toContain("--concurrency must be a positive integer");
  });

  it.skipIf(skipPostgres)("names a Redis server that cannot be reached, without the URL's password", async () => {
    const store = await postgres.createDatabase(`q_${++databases}`);
    const port = await freePort();
    const r = runKg(["worker", "--store", store, "--queue", `redis://kg:secret@127.0.0.1:${port}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot reach the Redis server of the queue at redis://kg@127.0.0.1:${port} (ECONNREFUSED)`);
    expect(r.stderr).not.toContain("secret");
  }, 60_000);
});
