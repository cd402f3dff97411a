// Query benchmark on a 100k-node, 500k-edge synthetic graph: index build, look-ups, paths and one-hop matches (median and p99).
import { KnowledgeGraph } from "../src/query/index.js";
import { toTable } from "../src/query/format.js";
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
