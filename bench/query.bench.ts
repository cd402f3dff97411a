// Query benchmark: the API on a 100k-node, 500k-edge synthetic graph (index build, look-ups, paths, matches: median and p99),
// then the HTTP API of a server over the real corpus graph under 32 concurrent clients (p50 and p99 per route).
import { fork } from "node:child_process";
import { startServer } from "../src/cli/server.js";
import { KnowledgeGraph } from "../src/query/index.js";
import { toTable } from "../src/query/format.js";
import { CLIENTS, CORPUS, corpusGraph, loadRoute, routeUrls } from "./query-http.js";
import { seededRandom, syntheticGraph } from "./synthetic.js";

const NODES = 100_000;
const EDGES = 500_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function timeMs<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t0) / 1e6];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Time `calls` seeded random calls; returns median and p99 in microseconds. */
function sample(calls: number, seed: number, make: (rnd: () => number) => () => unknown): { median: number; p99: number; calls: number } {
  const rnd = seededRandom(seed);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const call = make(rnd);
    const t0 = process.hrtime.bigint();
    call();
    times.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p99: quantile(times, 0.99), calls };
}

function syntheticBench(): void {
  const graph = syntheticGraph({ nodes: NODES, edges: EDGES });
  const keys = graph.nodes();
  const aliases = keys.flatMap((k) => graph.getNodeAttribute(k, "aliases").slice(0, 1));
  const heapBefore = heapMb();
  const [kg, buildMs] = timeMs(() => KnowledgeGraph.fromGraph(graph));
  const indexMb = heapMb() - heapBefore;
  const [, viewMs] = timeMs(() => kg.path(keys[0], keys[1], { maxLength: 100 }));

  const pick = <T>(list: T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)];
  const rows: Array<[string, string, string, string]> = [];
  const add = (name: string, r: { median: number; p99: number; calls: number }): void => {
    rows.push([name, r.median.toFixed(1), r.p99.toFixed(1), String(r.calls)]);
  };
  add("entity(alias)", sample(20_000, 1, (rnd) => { const a = pick(aliases, rnd); return () => kg.entity(a); }));
  add("entity(label, case-folded)", sample(20_000, 2, (rnd) => { const l = graph.getNodeAttribute(pick(keys, rnd), "label").toUpperCase(); return () => kg.entity(l); }));
  add("relations({entity})", sample(20_000, 3, (rnd) => { const k = pick(keys, rnd); return () => kg.relations({ entity: k }); }));
  add("neighbors(depth 2)", sample(2_000, 4, (rnd) => { const k = pick(keys, rnd); return () => kg.neighbors(k, { depth: 2 }); }));
  add("path(random pair)", sample(500, 5, (rnd) => { const a = pick(keys, rnd); const b = pick(keys, rnd); return () => kg.path(a, b); }));
  add("match one hop (id)", sample(5_000, 6, (rnd) => { const k = pick(keys, rnd); return () => kg.match(`(a {id: "${k}"})-[r]->(b)`); }));
  add("match one hop (kind, rel)", sample(200, 7, () => () => kg.match("(a:person)-[r:official_of]->(b:state)", { limit: 100 })));

  const json = graph.export();
  const [, jsonMs] = timeMs(() => KnowledgeGraph.fromJson(json));

  process.stdout.write(
    `graph: ${NODES.toLocaleString("en")} nodes, ${EDGES.toLocaleString("en")} edges\n` +
      `fromGraph (index build): ${buildMs.toFixed(0)} ms, index heap ≈ ${indexMb.toFixed(0)} MB\n` +
      `fromJson (zod validation + graphology import + index): ${jsonMs.toFixed(0)} ms\n` +
      `first path() call (builds the undirected path view): ${viewMs.toFixed(0)} ms\n` +
      `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n\n` +
      toTable({ columns: ["call", "median µs", "p99 µs", "calls"], rows }),
  );
}

/** The server side: a child process serving the graph file, so the clients' work is not counted in its latency. */
async function serve(graphFile: string): Promise<void> {
  const running = await startServer({ graphFile, port: 0 });
  // asked between routes, the CPU time the server spent: its cost per request, whatever else the machine is doing
  process.on("message", () => process.send!({ cpu: process.cpuUsage() }));
  process.send!({ port: running.port });
}

async function httpBench(): Promise<void> {
  const graphFile = corpusGraph();
  if (!graphFile) {
    process.stdout.write(`\nHTTP API under load: skipped (no ${CORPUS}; or set KG_BENCH_GRAPH=FILE)\n`);
    return;
  }
  const perRoute = Number(process.env.KG_BENCH_REQUESTS ?? 480);
  // process.argv[1] is the bundle that runs (import.meta.url names the source file here)
  const child = fork(process.argv[1], ["--serve", graphFile], { execArgv: ["--max-old-space-size=8192"] });
  try {
    const port = await new Promise<number>((ok, fail) => {
      child.once("message", (m) => ok((m as { port: number }).port));
      child.once("exit", (code) => fail(new Error(`server exited with code ${code}`)));
    });
    const cpuMs = (): Promise<number> =>
      new Promise((ok) => {
        child.once("message", (m) => {
          const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
          ok((user + system) / 1000);
        });
        child.send("cpu");
      });
    const routes = routeUrls(graphFile, perRoute);
    // one request per route first: the graph loads on the first request, path views on the first path
    for (const [, urls] of routes) await loadRoute(port, urls.slice(0, 1), 1);
    const rows: string[][] = [];
    for (const [name, urls] of routes) {
      const serial = await loadRoute(port, urls.slice(0, 64), 1);
      const before = await cpuMs();
      const r = await loadRoute(port, urls);
      const cpu = ((await cpuMs()) - before) / urls.length;
      rows.push([
        name, serial.p50.toFixed(1), r.p50.toFixed(0), r.p99.toFixed(0), r.max.toFixed(0), cpu.toFixed(2), r.kbMedian.toFixed(1), r.kbMax.toFixed(1),
        String(urls.length), String(r.errors),
      ]);
    }
    process.stdout.write(
      `\nHTTP API under load: ${graphFile}, ${CLIENTS} concurrent clients, half the entities hubs (most connected), half seeded random\n` +
        `(1 client: p50 with one request at a time; server CPU: the server's CPU time per request under load)\n` +
        toTable({ columns: ["route", "1 client p50 ms", "p50 ms", "p99 ms", "max ms", "server CPU ms", "median KB", "max KB", "requests", "5xx"], rows }),
    );
  } finally {
    child.kill();
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3]);
else {
  if (process.env.KG_BENCH_HTTP_ONLY !== "1") syntheticBench();
  // the synthetic graph is garbage now: collect it here, not in a pause the clients would count as latency
  gc();
  await httpBench();
}
