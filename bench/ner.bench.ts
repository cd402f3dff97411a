// NER benchmark: model load time, tagDocument tokens/s on >= 1 MB of text, and compromise's people/places/organizations on the same text.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { DEFAULT_NER_MODEL, loadNerModel } from "../src/cli/ner-model.js";
import { parseConll, tagDocument } from "../src/extract/ner/index.js";
import { documentFromText } from "../src/text/index.js";
import { seededRandom } from "./synthetic.js";

const SEED = fileURLToPath(new URL("../graph-data/sources/north-korea-russia.txt", import.meta.url));
const DEV = fileURLToPath(new URL("../.data/eng.testa", import.meta.url));
const TRAIN = fileURLToPath(new URL("../.data/eng.train", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const TARGET_BYTES = 1_100_000;

/** Wall-clock and CPU milliseconds of fn (CPU time is the steadier figure on a shared machine). */
function timeMs<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  return [value, wall, (cpu.user + cpu.system) / 1000];
}

/** Documents of >= TARGET_BYTES made by reordering the seed article's paragraphs with a seeded PRNG. */
function corpusTexts(): string[] {
  const paragraphs = readFileSync(SEED, "utf8").split(/\n\s*\n/).filter((p) => p.trim());
  const rnd = seededRandom(2024);
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const order = paragraphs.slice().sort(() => rnd() - 0.5);
    const text = order.join("\n\n") + "\n";
    docs.push(text);
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

function report(name: string, tokens: number, wall: number, cpu: number): void {
  const rate = (ms: number) => Math.round((tokens / ms) * 1000).toLocaleString("en");
  process.stdout.write(
    `${name.padEnd(40)} ${tokens.toLocaleString("en")} tokens: wall ${wall.toFixed(0)} ms = ${rate(wall)} tokens/s, cpu ${cpu.toFixed(0)} ms = ${rate(cpu)} tokens/s\n`,
  );
}

const [model, loadMs, loadCpu] = timeMs(() => loadNerModel());
process.stdout.write(
  `model ${DEFAULT_NER_MODEL}: ${(statSync(DEFAULT_NER_MODEL).size / 1e6).toFixed(2)} MB, read, validated and indexed in ${loadMs.toFixed(0)} ms (cpu ${loadCpu.toFixed(0)} ms)\n`,
);
process.stdout.write(`features: ${model.stages.map((s) => `${s.name} ${s.features.length.toLocaleString("en")}`).join(", ")}\n`);

const texts = corpusTexts();
const [docs, textMs] = timeMs(() => texts.map((t, i) => documentFromText(`bench/${i}.txt`, t)));
const sentencesOf = docs.map((d) => {
  const bySentence: string[][] = d.sentences.map(() => []);
  for (const t of d.tokens) bySentence[t.sentence].push(d.text.slice(t.start, t.end));
  return bySentence;
});
const tokens = docs.reduce((a, d) => a + d.tokens.length, 0);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
process.stdout.write(`text: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${tokens.toLocaleString("en")} tokens (text stage ${textMs.toFixed(0)} ms)\n`);

tagDocument(model, sentencesOf[0]);
for (let round = 1; round <= 3; round++) {
  const [, ms, cpu] = timeMs(() => {
    for (const s of sentencesOf) tagDocument(model, s);
  });
  report(`tagDocument, round ${round}`, tokens, ms, cpu);
}

if (existsSync(DEV)) {
  const file = parseConll(readFileSync(DEV, "utf8"), DEV);
  const devDocs = file.documents.map((d) => d.map((s) => s.tokens));
  const devTokens = devDocs.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
  // Round 1 also fills the per-word cache for the dev vocabulary; later rounds show the steady state.
  for (let round = 1; round <= 3; round++) {
    const [, ms, cpu] = timeMs(() => {
      for (const d of devDocs) tagDocument(model, d);
    });
    report(`tagDocument on CoNLL dev, round ${round}`, devTokens, ms, cpu);
  }
}

const [, nlpMs, nlpCpu] = timeMs(() => {
  for (const t of texts) {
    const doc = nlp(t);
    doc.people().out("array");
    doc.places().out("array");
    doc.organizations().out("array");
  }
});
report("compromise people/places/organizations", tokens, nlpMs, nlpCpu);

if (existsSync(TRAIN)) {
  // The whole `kg ner --conll` process (start, model load, parse, tag, write) against compromise on the
  // same documents' text (tokens joined by spaces, a sentence a line); the child's CPU time via /usr/bin/time.
  const file = parseConll(readFileSync(TRAIN, "utf8"), TRAIN);
  const trainTokens = file.documents.reduce((a, d) => a + d.reduce((b, s) => b + s.tokens.length, 0), 0);
  const trainTexts = file.documents.map((d) => d.map((s) => s.tokens.join(" ")).join("\n"));
  const runs = [1, 2, 3].map(() => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, CLI, "ner", "--conll", TRAIN], { encoding: "utf8", maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const [user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    return { wall, cpu: (user + sys) * 1000 };
  });
  const best = { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) };
  report("kg ner --conll eng.train, whole process", trainTokens, best.wall, best.cpu);
  const [, trainNlpMs, trainNlpCpu] = timeMs(() => {
    for (const t of trainTexts) {
      const doc = nlp(t);
      doc.people().out("array");
      doc.places().out("array");
      doc.organizations().out("array");
    }
  });
  report("compromise, same eng.train text", trainTokens, trainNlpMs, trainNlpCpu);
  process.stdout.write(`kg ner is ${(trainNlpMs / best.wall).toFixed(1)}x faster by wall time, ${(trainNlpCpu / best.cpu).toFixed(1)}x by CPU time\n`);
}
