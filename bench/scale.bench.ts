// Scale benchmark: documents per second extracted by 1, 2 and 4 `kg worker` processes over PostgreSQL and Redis,
// against the in-process build on 1 and 2 threads, and the store's size per 1,000 documents in SQLite and PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { listSources } from "../src/cli/sources.js";
import { startPostgres } from "../test/helpers/postgres.js";
import { startRedis } from "../test/helpers/redis.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist/cli/main.js");
const CORPUS = join(ROOT, ".data/corpus");
/** Documents per run: enough that start-up weighs little, few enough that the five runs take minutes. */
const DOCUMENTS = Number(process.env.KG_BENCH_SCALE_DOCS ?? 600);

if (!existsSync(CORPUS)) {
  process.stdout.write(`scale: skipped, ${CORPUS} is absent (npm run data:corpus makes it)\n`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "kgraph-bench-scale-"));
const load = () => loadavg()[0].toFixed(1);

function kg(args: string[]): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`kg ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

/** Start `n` workers and wait until each says which queue it serves (models loaded, connected). */
async function startWorkers(n: number, store: string, queue: string): Promise<ChildProcess[]> {
  const workers: ChildProcess[] = [];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<void>((resolve, reject) => {
        const w = spawn(process.execPath, [CLI, "worker", "--store", store, "--queue", queue, "--name", `w${i + 1}`], { stdio: ["ignore", "ignore", "pipe"] });
        workers.push(w);
        let err = "";
        w.stderr!.setEncoding("utf8").on("data", (d: string) => {
          err += d;
          if (err.includes("taking jobs from")) resolve();
        });
        w.on("exit", (code) => reject(new Error(`worker exited (${code}): ${err}`)));
      }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null) return resolve();
          w.removeAllListeners("exit");
          w.on("exit", () => resolve());
          w.kill("SIGTERM");
        }),
    ),
  );
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

interface Result {
  name: string;
  /** The whole build, start to summary. */
  buildMs: number;
  /** The same build once every result is stored (outputs deleted): resolve, analyse, export. */
  assembleMs: number;
  load: string;
  same: boolean;
}

const results: Result[] = [];
const report = (r: Result) => {
  const extractMs = Math.max(1, r.buildMs - r.assembleMs);
  process.stdout.write(
    `${r.name.padEnd(34)} build ${(r.buildMs / 1000).toFixed(1).padStart(6)} s, of which extraction ${(extractMs / 1000).toFixed(1).padStart(6)} s = ` +
      `${((DOCUMENTS * 1000) / extractMs).toFixed(1).padStart(6)} documents/s; whole build ${((DOCUMENTS * 1000) / r.buildMs).toFixed(1).padStart(5)} documents/s` +
      `  (load ${r.load})${r.same ? "" : "  OUTPUT DIFFERS from the in-process build"}\n`,
  );
};
const same = (a: string, b: string) => ["graph.json", "graph.gexf"].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

const [server, redis] = await Promise.all([startPostgres("scale"), startRedis()]);
try {
  const all = await listSources(CORPUS);
  const step = Math.max(1, Math.floor(all.length / DOCUMENTS));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, DOCUMENTS);
  const sources = join(work, "sources");
  for (const p of chosen) {
    const to = join(sources, relative(CORPUS, p));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(p, to);
  }
  const bytes = chosen.reduce((n, p) => n + statSync(p).size, 0);
  process.stdout.write(`corpus: ${chosen.length} documents (${(bytes / 1e6).toFixed(1)} MB) of ${CORPUS}; ${cpus().length} cores\n`);

  // in-process, embedded store
  let reference = "";
  for (const jobs of [1, 2]) {
    const out = join(work, `in-process-${jobs}`);
    const l = load();
    const first = kg(["build", "--sources", sources, "--out", out, "--jobs", String(jobs)]);
    if (jobs === 1) {
      const m = /(\d+) documents, (\d+) sentences, (\d+) tokens/.exec(first.stderr);
      if (m) process.stdout.write(`  ${m[1]} documents, ${Number(m[3]).toLocaleString("en")} tokens (${Math.round(Number(m[3]) / Number(m[1]))} per document)\n`);
    }
    unlinkSync(join(out, "graph.json"));
    const again = kg(["build", "--sources", sources, "--out", out, "--jobs", String(jobs), "--quiet"]);
    if (!reference) reference = out;
    const r = { name: `in-process, --jobs ${jobs}, SQLite`, buildMs: first.ms, assembleMs: again.ms, load: l, same: same(reference, out) };
    results.push(r);
    report(r);
    if (jobs === 1) {
      const db = join(out, "graph.store.sqlite");
      // with its write-ahead log, should one be left beside it
      const size = ["", "-wal"].reduce((n, x) => n + (existsSync(db + x) ? statSync(db + x).size : 0), 0);
      process.stdout.write(`  SQLite store: ${(size / 1e6).toFixed(1)} MB = ${((size / 1e6 / chosen.length) * 1000).toFixed(1)} MB per 1,000 documents\n`);
    }
  }

  // workers over PostgreSQL and Redis
  let db = 0;
  for (const n of [1, 2, 4]) {
    const store = await server.createDatabase(`scale_${++db}`);
    const queue = `${redis.url}/${db}`;
    const workers = await startWorkers(n, store, queue);
    const out = join(work, `workers-${n}`);
    try {
      const l = load();
      const first = kg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue, "--quiet"]);
      unlinkSync(join(out, "graph.json"));
      const again = kg(["build", "--sources", sources, "--out", out, "--store", store, "--queue", queue, "--quiet"]);
      const r = { name: `${n} worker${n === 1 ? "" : "s"}, PostgreSQL + Redis`, buildMs: first.ms, assembleMs: again.ms, load: l, same: same(reference, out) };
      results.push(r);
      report(r);
    } finally {
      await stopWorkers(workers);
    }
    if (n === 1) {
      await sql(store, "VACUUM ANALYZE documents");
      const [t] = await sql<{ total: string; heap: string; toast: string; indexes: string }>(
        store,
        "SELECT pg_total_relation_size('documents') AS total, pg_relation_size('documents') AS heap, " +
          "COALESCE(pg_total_relation_size(reltoastrelid), 0) AS toast, pg_indexes_size('documents') AS indexes FROM pg_class WHERE relname = 'documents'",
      );
      const mb = (s: string) => Number(s) / 1e6;
      process.stdout.write(
        `  PostgreSQL documents table: ${mb(t.total).toFixed(1)} MB (heap ${mb(t.heap).toFixed(1)}, TOAST ${mb(t.toast).toFixed(1)}, indexes ${mb(t.indexes).toFixed(1)}) = ` +
          `${((mb(t.total) / chosen.length) * 1000).toFixed(1)} MB per 1,000 documents\n`,
      );
    }
  }
  const base = results[0];
  const rate = (r: Result) => DOCUMENTS / Math.max(1, r.buildMs - r.assembleMs);
  process.stdout.write(`extraction speed-up over the in-process build on one thread: ${results.map((r) => `${r.name.split(",")[0]} ${(rate(r) / rate(base)).toFixed(2)}x`).join(", ")}\n`);
  process.stdout.write(`every output byte-identical to the in-process build: ${results.every((r) => r.same) ? "yes" : "NO"}\n`);
} finally {
  await redis.stop();
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
