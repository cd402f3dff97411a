// Train the NER model from CoNLL files: npm run train:ner -- --train FILE --dev FILE [--out models/ner-en.json]
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { KgError } from "../src/errors.js";
import { parseConll, parseWordClusters, trainNerModel, TRAIN_DEFAULTS, type TrainDocument } from "../src/extract/ner/index.js";

function readDocuments(path: string): TrainDocument[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `train-ner: cannot read ${path}; check the path`, { cause: err, where: path });
  }
  return parseConll(text, path, { requireTags: true }).documents.map((doc) => ({
    sentences: doc.map((s) => ({ tokens: s.tokens, tags: s.tags })),
  }));
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      train: { type: "string", multiple: true },
      dev: { type: "string" },
      out: { type: "string", default: "models/ner-en.json" },
      seed: { type: "string", default: String(TRAIN_DEFAULTS.seed) },
      "max-epochs": { type: "string", default: String(TRAIN_DEFAULTS.maxEpochs) },
      folds: { type: "string", default: String(TRAIN_DEFAULTS.folds) },
      "min-weight": { type: "string", default: String(TRAIN_DEFAULTS.minWeight) },
      clusters: { type: "string" },
    },
    strict: true,
  });
  if (!values.train?.length) throw new KgError("INVALID_ARGS", "train-ner: --train FILE is required (CoNLL, NER tag in the last column)");
  const int = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new KgError("INVALID_ARGS", `train-ner: --${name} must be a non-negative integer, got ${v}`);
    return n;
  };
  // Several --train files are concatenated in the order given.
  const train = values.train.flatMap((path) => readDocuments(path));
  const dev = values.dev ? readDocuments(values.dev) : undefined;
  const started = Date.now();
  const result = trainNerModel(
    train,
    dev,
    {
      seed: int("seed", values.seed),
      maxEpochs: int("max-epochs", values["max-epochs"]),
      folds: int("folds", values.folds),
      minWeight: int("min-weight", values["min-weight"]),
      clusters: values.clusters ? parseWordClusters(readFileSync(values.clusters, "utf8"), values.clusters) : undefined,
      clustersFile: values.clusters ? basename(values.clusters) : undefined,
    },
    (line) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`),
  );
  writeFileSync(values.out, result.text);
  process.stderr.write(`wrote ${values.out} (${(result.text.length / 1e6).toFixed(2)} MB)\n`);
  if (result.dev) {
    for (const [t, s] of Object.entries(result.dev.byType)) {
      process.stderr.write(`dev ${t}: P=${s.p.toFixed(2)} R=${s.r.toFixed(2)} F1=${s.f1.toFixed(2)}\n`);
    }
    process.stderr.write(`dev micro PER/ORG/LOC F1=${result.dev.microPerOrgLoc.toFixed(2)}, all types F1=${result.dev.microAll.toFixed(2)}\n`);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`train-ner: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
