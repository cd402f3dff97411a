// Train the relation classifier on annotated corpora converted to gold folders, report cross-validated figures, write the model.
//
//   npm run train:re -- --gold .data/dwie-dev --gold .data/redocred-dev --out models/relations-en.json
//
// Each gold folder is the output of shared/tools/dwie_to_gold.py or redocred_to_gold.py (MANIFEST.tsv,
// <slug>.gold.json, texts/<slug>.txt). Every text is read by the project's own pipeline (tagger,
// mentions, coreference, rules); its entities are aligned with the gold ones by the scorer's rules,
// and each candidate pair is labelled with the gold relation between them. Documents are split into
// folds by a hash of their slug; the figures are those of each fold's documents under a model trained
// on the other folds, scored as `kg eval` scores. The same folders give the same model bytes.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { loadNerModel } from "../src/cli/ner-model.js";
import { Gold, matchGraph, type ScorableGraph } from "../src/eval/index.js";
import {
  coreferenceComponent,
  fitCalibration,
  fitWeights,
  indexModel,
  mentionsComponent,
  mergeRelations,
  pairInstances,
  rulesComponent,
  runComponents,
  scorePairs,
  taggerComponent,
  toModelFile,
  type Annotated,
  type PairInstance,
  type RelationModel,
  type ScoredPair,
  type TrainInstance,
  type RelationTrainOptions,
} from "../src/extract/index.js";
import { tagDocument } from "../src/extract/ner/index.js";
import { RELATION_SIGNATURES, SYMMETRIC_RELATIONS, type Entity, type Relation, type RelationType } from "../src/schema/index.js";
import { documentFromSource } from "../src/text/index.js";

/** The relations the corpora express and the classifier learns; the others stay with the rules. */
const LEARNED: RelationType[] = [
  "leader_of",
  "official_of",
  "works_for",
  "member_of",
  "citizen_of",
  "sibling_of",
  "spouse_of",
  "child_of",
  "located_in",
  "capital_of",
  "part_of",
];
const LABELS = ["none", ...LEARNED] as const;
/** Relations each corpus cannot express: predicted edges of these are not scored on it (as the converters' --score does). */
const UNCOVERED: Record<string, string[]> = {
  dwie: ["allied_with", "supports", "supplies", "deploys_troops_to", "party_to", "attended"],
  redocred: ["met_with", "allied_with", "at_war_with", "supports", "supplies", "deploys_troops_to"],
};

interface Doc {
  corpus: string;
  slug: string;
  gold: Gold;
  annotated: Annotated;
  instances: PairInstance[];
  labels: number[];
}

const { values } = parseArgs({
  options: {
    gold: { type: "string", multiple: true, default: [] },
    test: { type: "string", multiple: true, default: [] },
    out: { type: "string" },
    folds: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    epochs: { type: "string" },
    l2: { type: "string" },
    rate: { type: "string" },
    combine: { type: "string", default: "union" },
    beta: { type: "string", default: "0.8" },
    "per-label": { type: "boolean", default: false },
    "document-floor": { type: "string", default: "0.3" },
  },
});

const signatures = Object.fromEntries(LEARNED.map((r) => [r, [[...RELATION_SIGNATURES[r].from], [...RELATION_SIGNATURES[r].to]]])) as Record<
  string,
  [string[], string[]]
>;
/** A model with no weights: only its label set and signatures, for the kinds each pair allows. */
const shape = indexModel(toModelFile({ bias: new Float64Array(LABELS.length), weights: new Map() }, LABELS, signatures, { threshold: 0.5, trainedOn: [] }));

function corpusOf(dir: string): string {
  const name = basename(dir.replace(/\/+$/, ""));
  return name.startsWith("dwie") ? "dwie" : name.startsWith("redocred") ? "redocred" : name.startsWith("conll04") ? "conll04" : name;
}

function loadDocs(dirs: readonly string[]): Doc[] {
  const ner = loadNerModel();
  const tagger = taggerComponent((s) => tagDocument(ner, s));
  const docs: Doc[] = [];
  for (const dir of dirs) {
    const corpus = corpusOf(dir);
    const slugs = readdirSync(dir)
      .filter((f) => f.endsWith(".gold.json"))
      .map((f) => f.slice(0, -".gold.json".length))
      .sort();
    for (const slug of slugs) {
      const gold = Gold.parse(JSON.parse(readFileSync(join(dir, `${slug}.gold.json`), "utf8")));
      const text = readFileSync(join(dir, "texts", `${slug}.txt`), "utf8");
      const sha256 = createHash("sha256").update(text).digest("hex");
      const annotated = runComponents([tagger, mentionsComponent, coreferenceComponent, rulesComponent], documentFromSource(`${slug}.txt`, text, { sha256 }));
      const instances = pairInstances(annotated.doc, annotated.mentions!, annotated.entities!, annotated.relations!);
      docs.push({ corpus, slug, gold, annotated, instances, labels: labelInstances(gold, annotated.entities!, instances) });
    }
  }
  return docs;
}

function entityGraph(entities: readonly Entity[], relations: ReadonlyArray<Pick<Relation, "source" | "target" | "relation"> & { provenance?: Relation["provenance"] }> = []): ScorableGraph {
  return {
    nodes: entities.map((e) => ({ key: e.id, attributes: { label: e.label, aliases: e.aliases, kind: e.kind } })),
    edges: relations.map((r) => ({ source: r.source, target: r.target, attributes: { relation: r.relation, provenance: r.provenance } })),
  };
}

/** The gold label of each instance: a required relation between the aligned entities, -1 where only optional ones are known. */
function labelInstances(gold: Gold, entities: readonly Entity[], instances: readonly PairInstance[]): number[] {
  const toGold = matchGraph(gold, entityGraph(entities)).nodeToGold;
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const entries = new Map<string, Gold["relations"]>();
  for (const g of gold.relations) {
    const key = `${g.source}\u0000${g.target}`;
    entries.set(key, [...(entries.get(key) ?? []), g]);
  }
  return instances.map((x) => {
    const a = toGold.get(x.source);
    const b = toGold.get(x.target);
    if (!a || !b) return 0;
    const allowed = shape.allowed(kinds.get(x.source)!, kinds.get(x.target)!);
    const forward = entries.get(`${a}\u0000${b}`) ?? [];
    const backward = (entries.get(`${b}\u0000${a}`) ?? []).filter((g) => g.relation.some((r) => ["sibling_of", "spouse_of", "met_with"].includes(r)));
    const all = [...forward, ...backward];
    for (const g of all.filter((e) => e.required)) {
      for (const r of g.relation) {
        const i = LABELS.indexOf(r as (typeof LABELS)[number]);
        if (i > 0 && allowed.includes(i)) return i;
      }
    }
    return all.length ? -1 : 0;
  });
}

function trainOptions(epochs?: number): Partial<RelationTrainOptions> {
  return {
    seed: Number(values.seed),
    ...(epochs ? { epochs } : {}),
    ...(values.l2 ? { l2: Number(values.l2) } : {}),
    ...(values.rate ? { rate: Number(values.rate) } : {}),
  };
}

/** The labelled instances of documents, each with the labels its kinds allow; pairs known only by optional facts are left out. */
function trainingInstances(docs: readonly Doc[]): TrainInstance[] {
  const instances: TrainInstance[] = [];
  for (const d of docs) {
    const kinds = new Map(d.annotated.entities!.map((e) => [e.id, e.kind]));
    d.instances.forEach((x, i) => {
      if (d.labels[i] >= 0) instances.push({ features: x.features, label: d.labels[i], allowed: shape.allowed(kinds.get(x.source)!, kinds.get(x.target)!) });
    });
  }
  return instances;
}

function trainOn(docs: readonly Doc[], epochs?: number): RelationModel {
  const fitted = fitWeights(trainingInstances(docs), LABELS.length, trainOptions(epochs));
  return indexModel(toModelFile(fitted, LABELS, signatures, { threshold: 0.5, trainedOn: [] }));
}

/** A predicted triple's fate against the gold: a required gold relation found, an optional one, or an error. */
interface Outcome {
  key: string;
  gold: number;
  required: boolean;
  fp: boolean;
}

/** What thresholds can choose among in one document: the rules' triples and every scored candidate, each with its outcome. */
interface Table {
  corpus: string;
  required: number;
  rules: Array<{ relation: RelationType; outcome: Outcome }>;
  candidates: Array<{ label: number; local: boolean; probability: number; outcome: Outcome }>;
}

function outcomeTable(d: Doc, scored: readonly ScoredPair[]): Table {
  const rules = mergeRelations(d.annotated.relations!).filter((r) => !UNCOVERED[d.corpus]?.includes(r.relation));
  const cands = scored.filter((x) => x.label > 0 && !UNCOVERED[d.corpus]?.includes(LABELS[x.label]));
  const edges: Array<Pick<Relation, "source" | "target" | "relation">> = [...rules];
  const candEdge: number[] = [];
  const index = new Map<string, number>();
  rules.forEach((r, i) => index.set(`${r.source}|${r.relation}|${r.target}`, i));
  for (const c of cands) {
    const relation = LABELS[c.label] as RelationType;
    const [a, b] =
      SYMMETRIC_RELATIONS.has(relation) && c.instance.target < c.instance.source ? [c.instance.target, c.instance.source] : [c.instance.source, c.instance.target];
    const key = `${a}|${relation}|${b}`;
    let i = index.get(key);
    if (i === undefined) {
      i = edges.length;
      index.set(key, i);
      edges.push({ source: a, target: b, relation });
    }
    candEdge.push(i);
  }
  const m = matchGraph(d.gold, entityGraph(d.annotated.entities!, edges));
  const byEdge: Outcome[] = [];
  for (const t of m.triples) {
    const key = `${t.source}|${t.relation}|${t.target}`;
    const o: Outcome = { key, gold: t.gold ?? -1, required: t.gold !== undefined && d.gold.relations[t.gold].required, fp: t.outcome === "fp" };
    for (const e of t.edges) byEdge[e] = o;
  }
  return {
    corpus: d.corpus,
    required: d.gold.relations.filter((g) => g.required).length,
    rules: rules.map((r, i) => ({ relation: r.relation, outcome: byEdge[i] })),
    candidates: cands.map((c, i) => ({ label: c.label, local: c.instance.local, probability: c.probability, outcome: byEdge[candEdge[i]] })),
  };
}

/** Thresholds per label and scope: index label * 2 + (local ? 0 : 1). */
type Thresholds = number[];

/** Whether a candidate's probability reaches its label's threshold for its scope. */
const passes = (thresholds: Thresholds, c: { label: number; local: boolean; probability: number }) =>
  c.probability >= thresholds[c.label * 2 + (c.local ? 0 : 1)];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  f1: number[];
}

function tally(tables: readonly Table[], thresholds: Thresholds | null, combine: string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const t of tables) {
    const chosen = new Map<string, Outcome>();
    for (const r of t.rules) if (combine !== "classifier" || !LEARNED.includes(r.relation)) chosen.set(r.outcome.key, r.outcome);
    if (thresholds) {
      for (const c of t.candidates) if (passes(thresholds, c)) chosen.set(c.outcome.key, c.outcome);
    }
    const found = new Set<number>();
    let fp = 0;
    for (const o of chosen.values()) {
      if (o.fp) fp++;
      else if (o.required) found.add(o.gold);
    }
    const tp = found.size;
    const fn = t.required - tp;
    const x = out.get(t.corpus) ?? { tp: 0, fp: 0, fn: 0, f1: [] };
    x.tp += tp;
    x.fp += fp;
    x.fn += fn;
    x.f1.push(tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
    out.set(t.corpus, x);
  }
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const micro = (t: Tally) => {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
/**
 * What thresholds are chosen for: the mean over corpora of the micro F-beta of relations. A beta below 1
 * weighs precision more: the corpora annotate every relation, while a reader of a graph pays for each
 * wrong edge.
 */
const objective = (tallies: Map<string, Tally>) =>
  mean(
    [...tallies.values()].map((x) => {
      const m = micro(x);
      const b2 = BETA * BETA;
      return m.p + m.r ? ((1 + b2) * m.p * m.r) / (b2 * m.p + m.r) : 0;
    }),
  );

function report(label: string, tallies: Map<string, Tally>): void {
  for (const [corpus, t] of [...tallies.entries()].sort()) {
    const m = micro(t);
    console.log(
      `${label.padEnd(34)} ${corpus.padEnd(9)} docs ${String(t.f1.length).padStart(3)}  relation macro F1 ${mean(t.f1).toFixed(3)}  micro P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}  (tp ${t.tp} fp ${t.fp} fn ${t.fn})`,
    );
  }
}

const BETA = Number(values.beta);
/**
 * A pair across sentences has no sentence that states it (its evidence is where the source is first
 * named), so it is stated only from a higher probability than the folds' scores alone would pick.
 */
const DOCUMENT_FLOOR = Number(values["document-floor"]);
/** Per corpus and label: the classifier's candidates that pass their thresholds, right (a required fact), accepted (an optional one) or wrong. */
function reportLabels(tables: readonly Table[], thresholds: Thresholds): void {
  const rows = new Map<string, { right: number; accepted: number; wrong: number }>();
  for (const t of tables) {
    const seen = new Set<string>();
    for (const c of t.candidates) {
      if (!passes(thresholds, c) || seen.has(c.outcome.key)) continue;
      seen.add(c.outcome.key);
      const key = `${t.corpus} ${LABELS[c.label]}${c.local ? "" : " (across sentences)"}`;
      const row = rows.get(key) ?? { right: 0, accepted: 0, wrong: 0 };
      if (c.outcome.fp) row.wrong++;
      else if (c.outcome.required) row.right++;
      else row.accepted++;
      rows.set(key, row);
    }
  }
  for (const [key, r] of [...rows.entries()].sort()) {
    console.log(`  ${key.padEnd(44)} right ${String(r.right).padStart(4)}  accepted ${String(r.accepted).padStart(4)}  wrong ${String(r.wrong).padStart(4)}`);
  }
  // calibration: of the candidates scored p, how many state a fact the gold lists (required or optional)
  const bins = Array.from({ length: 10 }, () => ({ n: 0, listed: 0, sum: 0 }));
  for (const t of tables) {
    for (const c of t.candidates) {
      const b = bins[Math.min(9, Math.floor(c.probability * 10))];
      b.n++;
      b.sum += c.probability;
      if (!c.outcome.fp) b.listed++;
    }
  }
  console.log("calibration (cross-validated): probability bin, candidates, mean probability, share the gold lists");
  bins.forEach((b, i) => b.n && console.log(`  ${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}  ${String(b.n).padStart(6)}  ${(b.sum / b.n).toFixed(3)}  ${(b.listed / b.n).toFixed(3)}`));
}

const GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const DOCUMENT_GRID = GRID.filter((g) => g >= DOCUMENT_FLOOR);

/**
 * One threshold for pairs in a sentence and one for pairs across the document, the best pair on the
 * grid; with --per-label, then each label and scope in turn moved to its best value, twice over (which
 * fits the folds' scores closer, and moves more from one run of the data to the next).
 */
function chooseThresholds(tables: readonly Table[], combine: string): Thresholds {
  let best: Thresholds = [];
  let bestScore = -1;
  for (const local of GRID) {
    for (const across of DOCUMENT_GRID) {
      const th = LABELS.flatMap(() => [local, across]);
      const f = objective(tally(tables, th, combine));
      if (f > bestScore + 1e-9) [best, bestScore] = [th, f];
    }
  }
  if (!values["per-label"]) return best;
  for (let round = 0; round < 2; round++) {
    for (let i = 2; i < best.length; i++) {
      for (const g of i % 2 ? DOCUMENT_GRID : GRID) {
        const th = [...best];
        th[i] = g;
        const f = objective(tally(tables, th, combine));
        if (f > bestScore + 1e-9) [best, bestScore] = [th, f];
      }
    }
  }
  return best;
}

const foldOf = (d: Doc, folds: number) => createHash("sha256").update(d.slug).digest().readUInt32BE(0) % folds;

function main(): void {
  if (values.gold.length === 0) throw new Error("train-re: give at least one --gold DIR (a converted corpus)");
  const started = Date.now();
  const docs = loadDocs(values.gold);
  const positives = docs.reduce((n, d) => n + d.labels.filter((l) => l > 0).length, 0);
  for (const corpus of [...new Set(docs.map((d) => d.corpus))]) {
    const ds = docs.filter((d) => d.corpus === corpus);
    const required = ds.reduce((n, d) => n + d.gold.relations.filter((g) => g.required).length, 0);
    const reachable = ds.reduce((n, d) => n + new Set(d.instances.filter((_, i) => d.labels[i] > 0).map((x) => `${x.source}>${x.target}`)).size, 0);
    const local = ds.reduce((n, d) => n + new Set(d.instances.filter((x, i) => d.labels[i] > 0 && x.local).map((x) => `${x.source}>${x.target}`)).size, 0);
    const byLabel = new Map<string, number>();
    for (const d of ds) d.labels.forEach((l) => l > 0 && byLabel.set(LABELS[l], (byLabel.get(LABELS[l]) ?? 0) + 1));
    console.log(`${corpus}: ${required} required gold relations; ${reachable} labelled candidate pairs (${local} in one sentence); instances by label ${JSON.stringify(Object.fromEntries(byLabel))}`);
  }
  console.log(`read ${docs.length} documents, ${docs.reduce((n, d) => n + d.instances.length, 0)} candidate pairs, ${positives} labelled with a relation, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const folds = Number(values.folds);
  const epochs = values.epochs ? Number(values.epochs) : undefined;
  const tables: Table[] = [];
  for (let k = 0; k < folds; k++) {
    const model = trainOn(docs.filter((d) => foldOf(d, folds) !== k), epochs);
    for (const d of docs.filter((x) => foldOf(x, folds) === k)) {
      tables.push(outcomeTable(d, scorePairs(model, d.annotated.doc, d.annotated.mentions!, d.annotated.entities!, d.annotated.relations!)));
    }
  }
  const combine = values.combine!;
  report("rules only", tally(tables, null, combine));
  for (const g of [0.1, 0.2, 0.3, 0.5]) report(`${combine}, threshold ${g}`, tally(tables, LABELS.flatMap(() => [g, g]), combine));
  const thresholds = chooseThresholds(tables, combine);
  report(`${combine}, thresholds chosen`, tally(tables, thresholds, combine));
  reportLabels(tables, thresholds);
  const named = Object.fromEntries(LABELS.flatMap((l, i) => (i === 0 ? [] : [[l, thresholds[i * 2]], [`${l}:document`, thresholds[i * 2 + 1]]])));
  console.log(`thresholds ${JSON.stringify(named)}`);
  // thresholds chosen on one half of the documents, scored on the other: what choosing them on the same documents adds
  const halves: Table[][] = [[], []];
  tables.forEach((t, i) => halves[i % 2].push(t));
  const crossed = new Map<string, Tally>();
  for (const [c, t] of [...tally(halves[1], chooseThresholds(halves[0], combine), combine), ...tally(halves[0], chooseThresholds(halves[1], combine), combine)]) {
    const m = crossed.get(c) ?? { tp: 0, fp: 0, fn: 0, f1: [] };
    crossed.set(c, { tp: m.tp + t.tp, fp: m.fp + t.fp, fn: m.fn + t.fn, f1: [...m.f1, ...t.f1] });
  }
  report(`${combine}, thresholds held apart`, crossed);
  const trainedOn = [...new Set(docs.map((d) => d.corpus))].map((c) => `${c} (${docs.filter((d) => d.corpus === c).length} documents)`);
  // calibration on the cross-validated scores of the candidates the thresholds let through
  const observations: Array<[number, boolean]> = [];
  for (const t of tables) for (const c of t.candidates) if (passes(thresholds, c)) observations.push([c.probability, !c.outcome.fp]);
  const calibration = fitCalibration(observations);
  console.log(`calibration points ${JSON.stringify(calibration)}`);
  const file = toModelFile(fitWeights(trainingInstances(docs), LABELS.length, trainOptions(epochs)), LABELS, signatures, {
    threshold: 1,
    thresholds: named,
    trainedOn,
    calibration,
  });
  if (values.test.length) {
    const model = indexModel(file);
    const test = loadDocs(values.test);
    const testTables = test.map((d) => outcomeTable(d, scorePairs(model, d.annotated.doc, d.annotated.mentions!, d.annotated.entities!, d.annotated.relations!)));
    report("held-apart test, rules only", tally(testTables, null, combine));
    report(`held-apart test, ${combine}`, tally(testTables, thresholds, combine));
  }
  if (values.out) {
    const tmp = `${values.out}.tmp`;
    writeFileSync(tmp, JSON.stringify(file) + "\n");
    renameSync(tmp, values.out);
    console.log(`wrote ${values.out}: ${Object.keys(file.weights).length} features, trained on ${trainedOn.join(", ")}`);
  }
}

main();
