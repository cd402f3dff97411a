// Real-news build benchmark: `kg build` of 300 real articles as a whole process against compromise's people/places/organizations on the same texts.
//
// The articles come from .data/corpus (`npm run data:corpus`; never committed): all 98 Deutsche Welle
// articles of DWIE dev and the 202 longest Reuters articles of CoNLL-2003 (eng.train and eng.testa,
// longest by bytes, ties by name), about 170k tokens. Skipped when the corpus is absent.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { documentFromText } from "../src/text/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, ".data/corpus");
const REUTERS = 202;
const RUNS = 3;
const TIME = "/usr/bin/time";

if (!existsSync(join(CORPUS, "dwie")) || !existsSync(join(CORPUS, "conll"))) {
  process.stdout.write(`news: skipped, ${CORPUS}/dwie or /conll is absent (npm run data:corpus makes them)\n`);
  process.exit(0);
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dwie = readdirSync(join(CORPUS, "dwie")).filter((f) => f.endsWith(".txt")).sort(byName).map((f) => join(CORPUS, "dwie", f));
const reuters = readdirSync(join(CORPUS, "conll"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ path: join(CORPUS, "conll", f), size: statSync(join(CORPUS, "conll", f)).size, name: f }))
  .sort((a, b) => b.size - a.size || byName(a.name, b.name))
  .slice(0, REUTERS)
  .map((f) => f.path);
const files = [...dwie, ...reuters];

const work = mkdtempSync(join(tmpdir(), "kgraph-bench-news-"));
const sources = join(work, "sources");
mkdirSync(sources);
for (const p of files) copyFileSync(p, join(sources, `${p.includes("/dwie/") ? "dwie" : "conll"}-${p.split("/").pop()}`));
const texts = files.map((p) => readFileSync(p, "utf8"));
const tokens = texts.reduce((a, t, i) => a + documentFromText(`${i}.txt`, t).tokens.length, 0);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
process.stdout.write(`articles: ${dwie.length} DWIE + ${reuters.length} CoNLL-2003 = ${files.length}, ${(bytes / 1e6).toFixed(2)} MB, ${tokens.toLocaleString("en")} tokens\n`);

/** One whole `kg build` from scratch: wall time, and the child's user + system CPU time read from GNU time. */
function kgBuild(): { wall: number; cpu: number } {
  const out = join(work, "out");
  rmSync(out, { recursive: true, force: true });
  const args = [join(ROOT, "dist/cli/main.js"), "build", "--sources", sources, "--out", out, "--quiet"];
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ["-f", "%U %S", process.execPath, ...args], { cwd: ROOT, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`kg build failed (${r.status}): ${r.stderr}`);
  const [user, sys] = timed ? r.stderr.trim().split("\n").pop()!.split(" ").map(Number) : [NaN, NaN];
  return { wall, cpu: (user + sys) * 1000 };
}

/** compromise's people, places and organizations over every text, in this process: wall and CPU milliseconds. */
function compromise(): { wall: number; cpu: number; names: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let names = 0;
  for (const t of texts) {
    const doc = nlp(t);
    names += doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, names };
}

try {
  // kg build and compromise take turns, so that a change in the machine's load weighs on both alike
  const builds: Array<{ wall: number; cpu: number }> = [];
  const nlps: Array<{ wall: number; cpu: number; names: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    builds.push(kgBuild());
    nlps.push(compromise());
  }
  const best = <T extends { wall: number; cpu: number }>(runs: T[]) => ({ wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) });
  const b = best(builds);
  const c = best(nlps);
  const rate = (ms: number) => Math.round((tokens / ms) * 1000).toLocaleString("en");
  const line = (name: string, r: { wall: number; cpu: number }, extra = "") =>
    process.stdout.write(`${name.padEnd(48)} wall ${(r.wall / 1000).toFixed(2)} s (${rate(r.wall)} tokens/s), cpu ${(r.cpu / 1000).toFixed(2)} s${extra}\n`);
  line("kg build, whole process (best of 3)", b);
  line("compromise people/places/organizations (best of 3)", c, ` (${nlps[0].names.toLocaleString("en")} names)`);
  process.stdout.write(`kg build is ${(c.wall / b.wall).toFixed(2)}x faster by wall time, ${(c.cpu / b.cpu).toFixed(2)}x by CPU time\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
