// The HTTP API under load: a `kg serve` process over the corpus graph, 32 clients at once, p50/p99 latency and body size per route.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "./synthetic.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
export const CORPUS = join(root, ".data/corpus");
export const CLIENTS = 32;

/**
 * The corpus graph: `KG_BENCH_GRAPH` if set, else one built once from .data/corpus with `kg build`
 * into the temp folder and reused by later runs (delete it to rebuild). Undefined when there is no corpus.
 */
export function corpusGraph(): string | undefined {
  if (process.env.KG_BENCH_GRAPH) return resolve(process.env.KG_BENCH_GRAPH);
  if (!existsSync(CORPUS)) return undefined;
  const out = join(tmpdir(), "kgraph-bench-corpus");
  const file = join(out, "graph.json");
  if (existsSync(file)) return file;
  mkdirSync(out, { recursive: true });
  process.stdout.write(`building the corpus graph: kg build --sources ${CORPUS} --out ${out} (once)\n`);
  const r = spawnSync(process.execPath, [join(root, "dist/cli/main.js"), "build", "--sources", CORPUS, "--out", out], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`kg build failed with exit code ${r.status}`);
  return file;
}

interface Node {
  key: string;
  attributes: { label: string; degree: number };
}

/** Request URLs per route: hubs (the most connected entities) and seeded random entities, as a user would ask them. */
export function routeUrls(graphFile: string, perRoute: number): Array<[string, string[]]> {
  const json = JSON.parse(readFileSync(graphFile, "utf8")) as { nodes: Node[] };
  const byDegree = [...json.nodes].sort((a, b) => b.attributes.degree - a.attributes.degree || (a.key < b.key ? -1 : 1));
  const hubs = byDegree.slice(0, 16).map((n) => n.attributes.label);
  const rnd = seededRandom(7);
  const any = (): string => json.nodes[Math.floor(rnd() * json.nodes.length)].attributes.label;
  // half hubs, half random entities: hubs are the heavy queries, the rest what a long tail asks
  const name = (i: number): string => (i % 2 === 0 ? hubs[(i / 2) % hubs.length] : any());
  const q = encodeURIComponent;
  const make = (f: (i: number) => string): string[] => Array.from({ length: perRoute }, (_, i) => f(i));
  return [
    ["entities", make((i) => `/api/entities?search=${q(name(i).split(" ")[0])}`)],
    ["entity", make((i) => `/api/entity?name=${q(name(i))}`)],
    ["relations", make((i) => `/api/relations?entity=${q(name(i))}`)],
    ["relations+cooc", make((i) => `/api/relations?entity=${q(name(i))}&cooccurrence=true`)],
    ["neighbors d2+cooc", make((i) => `/api/neighbors?entity=${q(name(i))}&depth=2&cooccurrence=true`)],
    ["path+cooc", make((i) => `/api/path?from=${q(name(i))}&to=${q(name(i + 1))}&cooccurrence=true`)],
    ["match one hop", make((i) => `/api/match?pattern=${q(`(a {label: ${JSON.stringify(name(i))}})-[r]-(b)`)}`)],
    ["stats", make(() => `/api/stats`)],
  ];
}

interface Sample {
  ms: number;
  bytes: number;
  status: number;
}

function get(agent: Agent, port: number, path: string): Promise<Sample> {
  const t0 = process.hrtime.bigint();
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => ok({ ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes, status: res.statusCode ?? 0 }));
    });
    req.on("error", fail);
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.end();
  });
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Run every URL of a route through `clients` concurrent keep-alive connections; latency is measured by the client. */
export async function loadRoute(port: number, urls: string[], clients = CLIENTS): Promise<{ p50: number; p99: number; max: number; kbMedian: number; kbMax: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < urls.length) samples.push(await get(agent, port, urls[next++]));
    }),
  );
  agent.destroy();
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const kb = samples.map((s) => s.bytes / 1024).sort((a, b) => a - b);
  return {
    p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms[ms.length - 1],
    kbMedian: quantile(kb, 0.5), kbMax: kb[kb.length - 1], errors: samples.filter((s) => s.status >= 500).length,
  };
}
