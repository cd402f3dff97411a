// Incremental build benchmark on .data/corpus: first build, unchanged rebuild, +100 articles, peak RSS; skipped when the corpus is absent.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { listSources } from "../src/cli/sources.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, ".data/corpus");
const ADDED = 100;
const TIME = "/usr/bin/time";

if (!existsSync(CORPUS)) {
  process.stdout.write(`build: skipped, ${CORPUS} is absent (npm run data:corpus makes it)\n`);
  process.exit(0);
}

interface Run {
  ms: number;
  /** Peak resident set size in MB, when /usr/bin/time is there to measure it. */
  rssMb?: number;
  stderr: string;
}

/** One `kg build` in its own process, timed on the wall clock, its peak RSS read from GNU time. */
function kgBuild(sources: string, out: string): Run {
  const args = [join(ROOT, "dist/cli/main.js"), "build", "--sources", sources, "--out", out];
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ["-v", process.execPath, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`kg build failed (${r.status}): ${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  return { ms, rssMb: rss ? Number(rss) / 1024 : undefined, stderr: r.stderr };
}

const same = (a: string, b: string) =>
  ["graph.json", "graph.gexf"].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
const storeLine = (r: Run) => /store +\S+: (.*)/.exec(r.stderr)?.[1] ?? "?";
const line = (name: string, r: Run, first?: Run, extra = "") =>
  process.stdout.write(
    `${name.padEnd(44)} ${(r.ms / 1000).toFixed(1).padStart(6)} s` +
      (first ? `  ${((r.ms / first.ms) * 100).toFixed(0).padStart(3)}% of the first build` : "".padEnd(26)) +
      (r.rssMb ? `  peak RSS ${r.rssMb.toFixed(0)} MB` : "") +
      `  (${storeLine(r)})${extra}\n`,
  );

const work = mkdtempSync(join(tmpdir(), "kgraph-bench-build-"));
try {
  const all = await listSources(CORPUS);
  // the 100 added articles are spread over the corpus (every k-th file), as new articles of every source would be
  const step = Math.floor(all.length / ADDED);
  const later = new Set(all.filter((_, i) => i % step === 0).slice(0, ADDED));
  process.stdout.write(`corpus: ${all.length} documents in ${CORPUS}; +${ADDED} adds ${later.size} of them to a build of the other ${all.length - later.size}\n`);

  const full = join(work, "full");
  cpSync(CORPUS, full, { recursive: true });
  const outA = join(work, "out-a");
  const first = kgBuild(full, outA);
  line("first build", first);
  const unchanged = kgBuild(full, outA);
  line("unchanged rebuild", unchanged, first);
  unlinkSync(join(outA, "graph.json"));
  const rewrite = kgBuild(full, outA);
  line("unchanged sources, outputs deleted", rewrite, first);

  const partial = join(work, "partial");
  cpSync(CORPUS, partial, { recursive: true });
  for (const p of later) rmSync(join(partial, relative(CORPUS, p)));
  const outB = join(work, "out-b");
  line(`first build without the ${ADDED}`, kgBuild(partial, outB));
  for (const p of later) cpSync(p, join(partial, relative(CORPUS, p)));
  const added = kgBuild(partial, outB);
  line(`+${ADDED} articles`, added, first, `; output ${same(outA, outB) ? "byte-identical to" : "DIFFERENT from"} the first build's`);

  const ok = (r: Run, limit: number) => (r.ms <= first.ms * limit ? "met" : "NOT met");
  process.stdout.write(`requirement unchanged <= 1/4 of the first build: ${ok(unchanged, 1 / 4)}; +${ADDED} <= 1/3: ${ok(added, 1 / 3)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
