// Extraction benchmark: text + extract stages (tokens/s on one core over >= 1 MB of news text) against compromise, and the seed build's wall time.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { loadNerModel } from "../src/cli/ner-model.js";
import { loadRelationModel } from "../src/cli/relation-model.js";
import { extractFacts } from "../src/extract/index.js";
import { tagDocument } from "../src/extract/ner/index.js";
import { documentFromText } from "../src/text/index.js";
import { seededRandom } from "../src/random.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ARTICLES = [join(ROOT, "graph-data/sources/north-korea-russia.txt"), join(ROOT, "test/fixtures/articles/world-news.txt")];
const TARGET_BYTES = 1_100_000;

/** CPU milliseconds of fn: the steadier figure on a shared two-core machine. */
function cpuMs<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1000];
}

/** Articles of about 4 kB made of shuffled sentences from our own texts, >= 1 MB in all. */
function corpus(): string[] {
  const sentences = ARTICLES.flatMap((p) => documentFromText(p, readFileSync(p, "utf8")).sentences.map((s) => s.text));
  const rnd = seededRandom(7);
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const lines: string[] = [];
    for (let n = 0; n < 30; n++) lines.push(sentences[Math.floor(rnd() * sentences.length)]);
    const text = lines.join("\n") + "\n";
    docs.push(text);
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

const texts = corpus();
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const [model, loadMs] = cpuMs(() => loadNerModel());
const tagger = (s: string[][]) => tagDocument(model, s);
const [relationModel, relationLoadMs] = cpuMs(() => loadRelationModel());
// warm up the JIT and the gazetteer on a few documents first, as a long build would be
for (const t of texts.slice(0, 20)) extractFacts(documentFromText("warm.txt", t), { tagger, relationModel });

// the text stage (normalise, sentences, tokens), then the extraction stage on its output, as the pipeline runs them
const [docs, textMs] = cpuMs(() => texts.map((t, i) => documentFromText(`bench/${i}.txt`, t)));
const tokens = docs.reduce((a, d) => a + d.tokens.length, 0);
// Each stage is timed over the whole corpus PASSES times and the median reported: single passes vary
// by about 20% on a shared virtual machine. Every extraction pass gets freshly made documents, so that
// nothing a pass caches per document object helps the next one.
const PASSES = 3;
function medianOf<T>(prepare: () => T, fn: (input: T) => number): { value: number; ms: number; all: number[] } {
  const runs = Array.from({ length: PASSES }, () => {
    const input = prepare();
    return cpuMs(() => fn(input));
  });
  const all = runs.map(([, ms]) => ms);
  const ms = [...all].sort((a, b) => a - b)[Math.floor(PASSES / 2)];
  return { value: runs[0][0], ms, all };
}
const extraction = medianOf(
  () => texts.map((t, i) => documentFromText(`bench/${i}.txt`, t)),
  (fresh) => {
    let n = 0;
    for (const doc of fresh) n += extractFacts(doc, { tagger, relationModel }).relations.filter((r) => r.relation !== "co_occurs_with").length;
    return n;
  },
);
const rulesOnlyMs = medianOf(
  () => texts.map((t, i) => documentFromText(`bench/${i}.txt`, t)),
  (fresh) => {
    for (const doc of fresh) extractFacts(doc, { tagger });
    return 0;
  },
).ms;
const [relations, extractMs] = [extraction.value, extraction.ms];
const sentencesOf = docs.map((doc) => {
  const s: string[][] = doc.sentences.map(() => []);
  for (const tok of doc.tokens) s[tok.sentence].push(tok.text);
  return s;
});
const tagMs = medianOf(
  () => sentencesOf,
  (sentences) => {
    for (const s of sentences) tagDocument(model, s);
    return 0;
  },
).ms;
// compromise gets the same warm-up; one pass of it takes several seconds, so JIT warm-up weighs little there
for (const t of texts.slice(0, 20)) nlp(t).people();
const [found, compromiseMs] = cpuMs(() => {
  let n = 0;
  for (const t of texts) {
    const d = nlp(t);
    n += d.people().length + d.places().length + d.organizations().length;
  }
  return n;
});

const rate = (ms: number) => Math.round((tokens / ms) * 1000).toLocaleString("en");
const line = (name: string, ms: number, extra = "") => process.stdout.write(`${name.padEnd(46)} ${ms.toFixed(0).padStart(7)} ms cpu  ${rate(ms).padStart(9)} tokens/s ${extra}\n`);
process.stdout.write(`corpus: ${texts.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${tokens.toLocaleString("en")} tokens; NER model loaded in ${loadMs.toFixed(0)} ms cpu, relation model in ${relationLoadMs.toFixed(0)} ms cpu\n`);
line("text stage (normalise, sentences, tokens)", textMs);
line("extraction stage (NER, mentions, coref, rules, classifier)", extractMs, `(${relations.toLocaleString("en")} typed relations)`);
process.stdout.write(`  passes: ${extraction.all.map((ms) => `${rate(ms)} tokens/s`).join(", ")} (median above; the first pass also warms up the JIT)\n`);
line("  of which the NER tagger", tagMs);
line("  of which the relation classifier", extractMs - rulesOnlyMs);
line("  of which the rest", rulesOnlyMs - tagMs);
line("text + extraction", textMs + extractMs);
line("compromise people/places/organizations", compromiseMs, `(${found.toLocaleString("en")} names)`);
process.stdout.write(`speed-up over compromise: ${(compromiseMs / extractMs).toFixed(1)}x (extraction stage), ${(compromiseMs / (textMs + extractMs)).toFixed(1)}x (text + extraction)\n`);

// the seed article alone, then the default corpus, built end to end through the CLI (process start, model load, export included)
const out = mkdtempSync(join(tmpdir(), "kgraph-bench-"));
mkdirSync(join(out, "seed"));
copyFileSync(ARTICLES[0], join(out, "seed", "north-korea-russia.txt"));
for (const [what, args] of [
  ["the seed article", ["--sources", join(out, "seed")]],
  ["the default corpus (graph-data/sources)", []],
] as const) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", ...args, "--out", join(out, "out"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(r.status === 0 ? `kg build on ${what}: ${wall.toFixed(0)} ms wall\n` : `kg build failed: ${r.stderr}\n`);
}
rmSync(out, { recursive: true, force: true });

// a larger build end to end: the corpus written out three times over, so that the same relations are
// stated in hundreds of documents, as in a real collection of articles on one subject
const big = mkdtempSync(join(tmpdir(), "kgraph-bench-corpus-"));
const sources = join(big, "sources");
mkdirSync(sources);
let written = 0;
for (let copy = 0; copy < 3; copy++) {
  for (const [i, t] of texts.entries()) {
    writeFileSync(join(sources, `${copy}-${String(i).padStart(4, "0")}.txt`), t);
    written++;
  }
}
const t1 = process.hrtime.bigint();
const rb = spawnSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", "--sources", sources, "--out", join(big, "out"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
const bigWall = Number(process.hrtime.bigint() - t1) / 1e6;
rmSync(big, { recursive: true, force: true });
process.stdout.write(
  rb.status === 0
    ? `kg build on ${written} documents (${((3 * bytes) / 1e6).toFixed(1)} MB, ${(3 * tokens).toLocaleString("en")} tokens): ${(bigWall / 1000).toFixed(1)} s wall, ${Math.round((3 * tokens) / (bigWall / 1000)).toLocaleString("en")} tokens/s end to end (process start, model load and export included)\n`
    : `kg build failed: ${rb.stderr}\n`,
);

// the same text as one document: a book-length file must take about as long as the articles it
// holds (the acronym look-up in coreference once scanned every name per acronym: 5x slower at 10 MB)
const one = mkdtempSync(join(tmpdir(), "kgraph-bench-one-"));
mkdirSync(join(one, "sources"));
writeFileSync(join(one, "sources", "all.txt"), Array.from({ length: 3 }, () => texts.join("\n\n")).join("\n\n"));
const t2 = process.hrtime.bigint();
const ro = spawnSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", "--sources", join(one, "sources"), "--out", join(one, "out"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
const oneWall = Number(process.hrtime.bigint() - t2) / 1e6;
rmSync(one, { recursive: true, force: true });
process.stdout.write(
  ro.status === 0
    ? `kg build on the same text as one document: ${(oneWall / 1000).toFixed(1)} s wall (${(oneWall / bigWall).toFixed(2)}x the ${written} documents)\n`
    : `kg build failed: ${ro.stderr}\n`,
);
