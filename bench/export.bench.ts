// Export benchmark on a 100k-node/500k-edge synthetic graph: our GEXF vs graphology-gexf's writer, JSON export and re-import.
//
// Each measurement runs in its own child process that builds the same seeded graph, so every peak RSS
// is that measurement's own: "graph loaded" is the RSS after building the graph and a compacting GC
// (buildGraph says why; the RSS as built is reported beside it), "peak"
// the kernel's high-water mark (VmHWM, reset through /proc/self/clear_refs just before the export),
// "added" their difference. Sizes can be changed for a quick run: KG_BENCH_NODES=10000 KG_BENCH_EDGES=50000.
// Exit code 1 only when one of our own phases crashes; missed targets are reported, not fatal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { setFlagsFromString } from "node:v8";
import { join } from "node:path";
import Graph, { MultiDirectedGraph } from "graphology";
import { write as graphologyWrite } from "graphology-gexf";
import { writeFileAtomic } from "../src/cli/fs.js";
import { importGraph } from "../src/graph/import.js";
import { graphFromText } from "../src/query/parse-graph.js";
import { EDGE_COLUMNS, NODE_COLUMNS, gexfChunks, jsonChunks, type GexfColumn } from "../src/export/index.js";
import { syntheticGraph } from "./synthetic.js";

const NODES = Number(process.env.KG_BENCH_NODES ?? 100_000);
const EDGES = Number(process.env.KG_BENCH_EDGES ?? 500_000);
const OUR_RUNS = 3;
const GRAPHOLOGY_TIMEOUT_MS = 30 * 60_000;
const MB = 2 ** 20;

interface Result {
  phase: string;
  ok: boolean;
  error?: string;
  /** RSS of the process with node and the modules loaded, before the graph. */
  rssStart?: number;
  /** RSS with the graph built, after a full GC. */
  rssBuilt?: number;
  /** RSS with the graph built, after a compacting GC: what the graph itself takes. */
  rssGraph?: number;
  buildSeconds?: number;
  /** Seconds per run (ours repeats; the median is reported). */
  seconds?: number[];
  /** CPU seconds (user + system) per run: steadier than wall time on a busy machine. */
  cpuSeconds?: number[];
  /** Extra timing, e.g. graphology's string-only time. */
  detailSeconds?: Record<string, number>;
  peak?: number;
  /** Peak RSS of one export of the graph as built, before compacting. */
  peakBuilt?: number;
  outputBytes?: number;
  note?: string;
}

// ---------------------------------------------------------------- measuring (children)

const hasHwm = existsSync("/proc/self/status");

function rss(): number {
  return process.memoryUsage.rss();
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak RSS since the last reset: the kernel's VmHWM where possible, else samples taken while the event loop runs. */
function peakMeter(): { reset(): void; peak(): number } {
  let sampled = 0;
  let timer: NodeJS.Timeout | undefined;
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;
  let canReset = hasHwm;
  return {
    reset() {
      if (canReset) {
        try {
          writeFileSync("/proc/self/clear_refs", "5");
          return;
        } catch {
          canReset = false;
        }
      }
      sampled = rss();
      timer = setInterval(() => (sampled = Math.max(sampled, rss())), 10);
      timer.unref();
    },
    peak() {
      if (canReset) return hwm();
      clearInterval(timer);
      return Math.max(sampled, rss());
    },
  };
}

function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}

function cpuSeconds(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/**
 * The seeded graph, and the RSS it takes. Building it leaves the old generation fragmented (neighbour
 * tables outgrown, promoted garbage), which a long-lived process's idle-time GC would compact but a
 * benchmark never waits for; so the graph is compacted once, the freed pages are allowed to return
 * to the system, and "graph loaded" is what the graph itself needs. Every phase starts from the same
 * state, graphology's writer included. `beforeCompacting` runs on the graph as built (our GEXF phase
 * exports it once there too, so that both figures are on record).
 */
async function buildGraph(result: Result, beforeCompacting?: (graph: ReturnType<typeof syntheticGraph>) => Promise<void>): Promise<ReturnType<typeof syntheticGraph>> {
  gc();
  result.rssStart = rss();
  const t0 = performance.now();
  const graph = syntheticGraph({ nodes: NODES, edges: EDGES });
  result.buildSeconds = seconds(t0);
  gc();
  result.rssBuilt = rss();
  await beforeCompacting?.(graph);
  setFlagsFromString("--compact-on-every-full-gc");
  gc();
  setFlagsFromString("--no-compact-on-every-full-gc");
  result.rssGraph = await settledRss();
  return graph;
}

/** RSS once the engine has returned freed pages to the system (it unmaps them in the background). */
async function settledRss(): Promise<number> {
  let last = rss();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = rss();
    if (Math.abs(now - last) < MB) return now;
    last = now;
  }
  return last;
}

function flatten(columns: readonly GexfColumn[], a: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = c.format(a[c.id]);
    if (v !== undefined) out[c.id] = v;
  }
  return out;
}

const PHASES: Record<string, (dir: string, result: Result) => Promise<void>> = {
  async ours(dir, result) {
    const meter = peakMeter();
    const file = join(dir, "ours.gexf");
    const graph = await buildGraph(result, async (asBuilt) => {
      meter.reset();
      await writeFileAtomic(file, gexfChunks(asBuilt));
      result.peakBuilt = meter.peak();
    });
    result.seconds = [];
    result.cpuSeconds = [];
    meter.reset();
    for (let i = 0; i < OUR_RUNS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await writeFileAtomic(file, gexfChunks(graph));
      result.seconds.push(seconds(t0));
      result.cpuSeconds.push(cpuSeconds(c0));
    }
    result.peak = meter.peak();
    result.outputBytes = statSync(file).size;
    result.note = `gexfChunks -> writeFileAtomic (fsync + rename), ${OUR_RUNS} runs`;
  },

  async graphology(dir, result) {
    // The trap first: with its default formatters the writer cannot serialise evidence objects at all.
    try {
      graphologyWrite(syntheticGraph({ nodes: 20, edges: 40 }) as never, { version: "1.3" });
      result.note = "default formatters work";
    } catch (err) {
      result.note = `default formatters crash on evidence objects (${(err as Error).message}); measured with formatters giving our columns`;
    }
    const graph = await buildGraph(result);
    const meter = peakMeter();
    const file = join(dir, "graphology.gexf");
    meter.reset();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    // Same columns, viz and flattening as ours, so both write the same information.
    const xml = graphologyWrite(graph as never, {
      version: "1.3",
      formatNode: (_key, a: Record<string, any>) => ({
        label: a.label,
        attributes: flatten(NODE_COLUMNS, a),
        viz: { color: a.color, size: a.size, x: a.x, y: a.y, z: 0 },
      }),
      formatEdge: (_key, a: Record<string, any>) => ({
        label: a.label,
        weight: a.weight,
        attributes: flatten(EDGE_COLUMNS, a),
        viz: { thickness: a.size ?? a.weight, ...(a.color ? { color: a.color } : {}) },
      }),
    });
    const stringSeconds = seconds(t0);
    writeFileSync(file, xml);
    result.seconds = [seconds(t0)];
    result.cpuSeconds = [cpuSeconds(c0)];
    result.detailSeconds = { string: stringSeconds };
    result.peak = meter.peak();
    result.outputBytes = statSync(file).size;
  },

  async jsonExport(dir, result) {
    const graph = await buildGraph(result);
    const meter = peakMeter();
    const file = join(dir, "graph.json");
    meter.reset();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await writeFileAtomic(file, jsonChunks(graph));
    result.seconds = [seconds(t0)];
    result.cpuSeconds = [cpuSeconds(c0)];
    result.peak = meter.peak();
    result.outputBytes = statSync(file).size;
    result.note = "jsonChunks -> writeFileAtomic";
  },

  jsonImport: (dir, result) => reimport(dir, result, "importGraph"),
  jsonImportGraphology: (dir, result) => reimport(dir, result, "Graph.from"),
  jsonImportValidated: (dir, result) => reimport(dir, result, "graphFromText"),
};

/**
 * Reading graph.json back into a graphology graph, in a fresh process: with importGraph (ours: the
 * same graph as graph.import), with graphology's Graph.from, or validated against the contract with
 * zod as `kg query` and `kg serve` load it (graphFromText).
 */
async function reimport(dir: string, result: Result, how: "importGraph" | "Graph.from" | "graphFromText"): Promise<void> {
  const file = join(dir, "graph.json");
  // No forced GC first, unlike the phases above: the process has just started, as `kg query` has, and
  // a forced GC shrinks the young generation, which then regrows while JSON.parse runs (0.3-0.4 s).
  result.rssStart = rss();
  result.rssGraph = result.rssStart;
  const meter = peakMeter();
  meter.reset();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const text = readFileSync(file).toString("utf8");
  const t1 = performance.now();
  let graph: Graph;
  let t2 = t1;
  if (how === "graphFromText") {
    graph = graphFromText(text, file);
  } else {
    const data = JSON.parse(text);
    t2 = performance.now();
    graph = how === "Graph.from" ? Graph.from(data) : importGraph(new MultiDirectedGraph({ allowSelfLoops: false }), data);
  }
  result.seconds = [seconds(t0)];
  result.detailSeconds = how === "graphFromText" ? { read: (t1 - t0) / 1000, load: seconds(t1) } : { read: (t1 - t0) / 1000, parse: (t2 - t1) / 1000, import: seconds(t2) };
  result.cpuSeconds = [cpuSeconds(c0)];
  result.peak = meter.peak();
  gc();
  result.note = `${how}: ${graph.order} nodes, ${graph.size} edges, RSS after GC ${fmtMb(rss())} MB`;
  if (graph.order !== NODES || graph.size !== EDGES) throw new Error(`re-import gave ${graph.order}/${graph.size}`);
}

// ---------------------------------------------------------------- orchestrating (parent)

function runChild(phase: string, dir: string, timeout?: number): Result {
  // this very script, as node runs it (the bundle bench/run.ts made, or the source under a loader)
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], phase, dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout,
    maxBuffer: 16 * MB,
  });
  const line = r.stdout?.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as Result;
  } catch {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    return { phase, ok: false, error: `${why}${line ? `: ${line.slice(0, 200)}` : ""}` };
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fmtMb(bytes: number | undefined): string {
  return bytes === undefined ? "-" : (bytes / MB).toFixed(0);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")).join("\n");
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "kgraph-bench-"));
  process.stdout.write(`synthetic graph: ${NODES.toLocaleString("en")} nodes, ${EDGES.toLocaleString("en")} edges (seed 42); one child process per row\n`);
  const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} CPUs`;
  process.stdout.write(`${load()} at start (times stretch on a busy machine)\n`);
  const results: Record<string, Result> = {};
  try {
    for (const [phase, label] of [
      ["ours", "our GEXF"],
      ["graphology", "graphology-gexf write"],
      ["jsonExport", "JSON export"],
      ["jsonImport", "JSON re-import"],
      ["jsonImportGraphology", "JSON re-import with Graph.from"],
      ["jsonImportValidated", "JSON re-import, validated"],
    ] as const) {
      process.stdout.write(`running ${label}...\n`);
      results[phase] = runChild(phase, dir, phase === "graphology" ? GRAPHOLOGY_TIMEOUT_MS : undefined);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  process.stdout.write(`${load()} at the end\n`);
  const { ours, graphology, jsonExport, jsonImport } = results;
  const rows = [["", "wall s", "CPU s", "RSS graph loaded MB", "peak RSS MB", "added MB", "output MB"]];
  const row = (label: string, r: Result) =>
    rows.push(
      r.ok
        ? [
            label,
            median(r.seconds!).toFixed(2),
            median(r.cpuSeconds!).toFixed(2),
            fmtMb(r.rssGraph),
            fmtMb(r.peak),
            r.peak && r.rssGraph ? fmtMb(r.peak - r.rssGraph) : "-",
            fmtMb(r.outputBytes),
          ]
        : [label, `FAILED: ${r.error}`, "", "", "", "", ""],
    );
  if (ours.ok) {
    rows.push(["graph alone (build)", ours.buildSeconds!.toFixed(2), "", fmtMb(ours.rssGraph), "-", `${fmtMb(ours.rssGraph! - ours.rssStart!)} over ${fmtMb(ours.rssStart)} at start`, "-"]);
    rows.push(["our GEXF on the graph as built, not compacted", "", "", fmtMb(ours.rssBuilt), fmtMb(ours.peakBuilt), fmtMb(ours.peakBuilt! - ours.rssBuilt!), "-"]);
  }
  row(`our GEXF 1.3, streamed (median of ${OUR_RUNS})`, ours);
  row("graphology-gexf write + writeFileSync", graphology);
  if (graphology.ok) rows.push(["  of which write() to a string", graphology.detailSeconds!.string.toFixed(2), "", "", "", "", ""]);
  row("JSON export, streamed", jsonExport);
  const reimportRow = (label: string, r: Result) => {
    row(label, r);
    if (!r.ok) return;
    const d = r.detailSeconds!;
    rows.push([`  ${Object.entries(d).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`, "", "", "", "", "", ""]);
  };
  reimportRow("JSON re-import: read, JSON.parse, importGraph", jsonImport);
  reimportRow("JSON re-import with graphology's Graph.from", results.jsonImportGraphology);
  reimportRow("JSON re-import validated (kg query, kg serve)", results.jsonImportValidated);
  process.stdout.write(`\n${table(rows)}\n\n`);
  for (const r of Object.values(results)) if (r.note) process.stdout.write(`${r.phase}: ${r.note}\n`);
  if (ours.ok) {
    const runs = ours.seconds!.map((s, i) => `${s.toFixed(2)} (CPU ${ours.cpuSeconds![i].toFixed(2)})`);
    process.stdout.write(`ours: runs ${runs.join(", ")} s\n`);
  }

  const verdict = (ok: boolean) => (ok ? "met   " : "MISSED");
  process.stdout.write("\ntargets\n");
  if (ours.ok && graphology.ok) {
    const speedup = graphology.seconds![0] / median(ours.seconds!);
    const cpuSpeedup = graphology.cpuSeconds![0] / median(ours.cpuSeconds!);
    const stringOnly = graphology.detailSeconds!.string / median(ours.seconds!);
    process.stdout.write(
      `  ${verdict(speedup >= 10)} our GEXF >= 10x faster than graphology-gexf: ${speedup.toFixed(1)}x wall, ${cpuSpeedup.toFixed(1)}x CPU (${stringOnly.toFixed(1)}x against its string-only wall time)\n`,
    );
  } else {
    process.stdout.write(`  ?      speed-up: not measurable (${ours.error ?? graphology.error})\n`);
  }
  if (ours.ok) {
    process.stdout.write(
      `  ${verdict(ours.peak! < 600 * MB)} peak RSS under 600 MB during our GEXF export: ${fmtMb(ours.peak)} MB, of which the graph itself ${fmtMb(ours.rssGraph)} MB and the export ${fmtMb(ours.peak! - ours.rssGraph!)} MB; on the graph as built, before compacting: ${fmtMb(ours.peakBuilt)} MB\n`,
    );
  }
  for (const [r, what] of [
    [jsonExport, "JSON export"],
    [jsonImport, "JSON re-import (importGraph)"],
    [results.jsonImportGraphology, "JSON re-import with graphology's Graph.from"],
    [results.jsonImportValidated, "JSON re-import validated with zod"],
  ] as const) {
    if (r.ok) process.stdout.write(`  ${verdict(r.seconds![0] < 5)} ${what} < 5 s: ${r.seconds![0].toFixed(2)} s wall, ${r.cpuSeconds![0].toFixed(2)} s CPU\n`);
  }
  return ours.ok && jsonExport.ok && jsonImport.ok ? 0 : 1;
}

const [phase, dir] = process.argv.slice(2);
if (phase) {
  const result: Result = { phase, ok: false };
  try {
    const run = PHASES[phase];
    if (!run) throw new Error(`unknown phase ${phase}`);
    await run(dir, result);
    result.ok = true;
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  process.exitCode = await main();
}
