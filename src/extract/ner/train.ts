// Training: averaged perceptron per stage, seeded shuffling, dev-selected epoch count, jackknifed first pass for the document stage.
import { seededRandom } from "../../random.js";
import { decodeDocument, summariseFirstPass, type FirstPassInput, type TokenScorer } from "./decode.js";
import type { WordClusters } from "./clusters.js";
import { buildDocContext, staticFeatures, type DocContext } from "./features.js";
import { buildGazetteer } from "./gazetteer.js";
import { bilouFromSpans, spansFromBilou, spansFromTags, ENTITY_TYPES, type TokenSpan } from "./labels.js";
import { buildTagTables, packStage, serialiseNerModel, type SparseStage } from "./model.js";
import { AveragedPerceptron, FeatureIndex, sparseStage } from "./perceptron.js";
import { StringSink } from "./sinks.js";
import { decodeWithStage } from "./tagger.js";

/** A training document: sentences of tokens with IOB1 or IOB2 tags. */
export interface TrainDocument {
  sentences: Array<{ tokens: string[]; tags: string[] }>;
}

/** Training options; epochs are chosen on dev (best all-type F1, earliest on ties) up to `maxEpochs`. */
export interface TrainOptions {
  seed: number;
  maxEpochs: number;
  /** Folds of the jackknife that produces first-pass labels of the training data for the document stage; 0 = no document stage. */
  folds: number;
  /** Drop quantised weights below this many 1/1000 units (keeps the model small). */
  minWeight: number;
  /** Word clusters for cluster features, and the file name the model records for them. */
  clusters?: WordClusters;
  clustersFile?: string;
}
export const TRAIN_DEFAULTS: TrainOptions = { seed: 1, maxEpochs: 12, folds: 4, minWeight: 1 };

/** Precision, recall and F1 (percent) per type and micro-averaged over PER/ORG/LOC and over all four types. */
export interface NerScores {
  byType: Record<string, { p: number; r: number; f1: number; gold: number; predicted: number }>;
  microPerOrgLoc: number;
  microAll: number;
}

interface Prepared {
  ctx: DocContext;
  gold: number[][];
  goldSpans: TokenSpan[][];
  ids: Int32Array[][];
}

function shuffled(n: number, rnd: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Entity-level scores of predicted against gold spans, per sentence, with conlleval's exact-match rule. */
export function scoreSpans(gold: readonly TokenSpan[][], predicted: readonly TokenSpan[][]): NerScores {
  const tp: Record<string, number> = {};
  const g: Record<string, number> = {};
  const p: Record<string, number> = {};
  for (const t of ENTITY_TYPES) tp[t] = g[t] = p[t] = 0;
  gold.forEach((gs, k) => {
    const keys = new Set(gs.map((s) => `${s.start}:${s.end}:${s.label}`));
    for (const s of gs) g[s.label]++;
    for (const s of predicted[k]) {
      p[s.label]++;
      if (keys.has(`${s.start}:${s.end}:${s.label}`)) tp[s.label]++;
    }
  });
  const f = (t: number, gg: number, pp: number) => {
    const pr = pp ? t / pp : 0;
    const rc = gg ? t / gg : 0;
    return { p: 100 * pr, r: 100 * rc, f1: pr + rc ? (200 * pr * rc) / (pr + rc) : 0 };
  };
  const micro = (types: readonly string[]) =>
    f(...([tp, g, p].map((m) => types.reduce((a, t) => a + m[t], 0)) as [number, number, number])).f1;
  const byType: NerScores["byType"] = {};
  for (const t of ENTITY_TYPES) byType[t] = { ...f(tp[t], g[t], p[t]), gold: g[t], predicted: p[t] };
  return { byType, microPerOrgLoc: micro(["PER", "ORG", "LOC"]), microAll: micro(ENTITY_TYPES) };
}

function prepare(docs: readonly TrainDocument[], index: FeatureIndex | undefined, clusters?: WordClusters): Prepared[] {
  const gaz = buildGazetteer();
  const sink = new StringSink();
  return docs.map((d) => {
    const ctx = buildDocContext(gaz, d.sentences.map((s) => s.tokens), clusters);
    const goldSpans = d.sentences.map((s) => spansFromTags(s.tags));
    const gold = goldSpans.map((spans, k) => bilouFromSpans(spans, d.sentences[k].tokens.length));
    const ids = index
      ? ctx.sentences.map((sc, s) =>
          sc.words.map((_, i) => {
            sink.reset();
            staticFeatures(ctx, s, i, sink);
            return Int32Array.from(sink.out, (f) => index.id(f));
          }),
        )
      : [];
    return { ctx, gold, goldSpans, ids };
  });
}

/** Scores tokens of training documents from cached static feature ids plus dynamic features. */
class TrainScorer implements TokenScorer {
  readonly sink = new StringSink();
  current!: Prepared;
  private dynIds: number[] = [];
  constructor(private readonly p: AveragedPerceptron) {}
  begin(): void {}
  score(s: number, i: number, scores: Float64Array): void {
    this.p.scoreIds(this.current.ids[s][i], scores);
    this.dynIds.length = 0;
    for (const f of this.sink.out) this.dynIds.push(this.p.index.ids.get(f) ?? -1);
    this.p.scoreIds(this.dynIds, scores);
  }
}

function runEpoch(p: AveragedPerceptron, docs: readonly Prepared[], order: readonly number[], passes?: readonly FirstPassInput[]): void {
  const scorer = new TrainScorer(p);
  const ids: number[] = [];
  for (const d of order) {
    const doc = docs[d];
    scorer.current = doc;
    decodeDocument(doc.ctx, scorer, passes?.[d], (s, i, predicted) => {
      const gold = doc.gold[s][i];
      if (predicted !== gold) {
        ids.length = 0;
        for (const id of doc.ids[s][i]) ids.push(id);
        for (const f of scorer.sink.out) ids.push(p.index.id(f));
        p.update(ids, gold, predicted);
      }
      p.instances++;
    });
  }
}

function tagPrepared(stage: SparseStage, docs: readonly Prepared[], passes?: readonly FirstPassInput[]): number[][][] {
  const tables = buildTagTables([packStage(stage)], docs[0]?.ctx.clusters)!;
  return docs.map((d, k) => decodeWithStage(tables, d.ctx, passes?.[k]));
}

function evaluate(docs: readonly Prepared[], labels: number[][][]): NerScores {
  return scoreSpans(
    docs.flatMap((d) => d.goldSpans),
    labels.flatMap((doc) => doc.map((s) => spansFromBilou(s))),
  );
}

interface StageResult {
  stage: SparseStage;
  epochs: number;
  dev?: NerScores;
}

function trainStage(
  name: "local" | "document",
  train: { docs: Prepared[]; passes?: FirstPassInput[] },
  dev: { docs: Prepared[]; passes?: FirstPassInput[] } | undefined,
  index: FeatureIndex,
  options: TrainOptions & { epochs?: number },
  log: (line: string) => void,
): StageResult {
  const p = new AveragedPerceptron(index);
  const rnd = seededRandom(options.seed);
  const epochs = options.epochs ?? options.maxEpochs;
  let best: StageResult | undefined;
  for (let e = 1; e <= epochs; e++) {
    runEpoch(p, train.docs, shuffled(train.docs.length, rnd), train.passes);
    if (!dev || options.epochs !== undefined) continue;
    const stage = sparseStage(name, p.averaged(), options.minWeight);
    const scores = evaluate(dev.docs, tagPrepared(stage, dev.docs, dev.passes));
    log(`${name} epoch ${e}: dev F1 all ${scores.microAll.toFixed(2)}, PER/ORG/LOC ${scores.microPerOrgLoc.toFixed(2)}, ${stage.rows.size} features`);
    if (!best || scores.microAll > best.dev!.microAll) best = { stage, epochs: e, dev: scores };
  }
  return best ?? { stage: sparseStage(name, p.averaged(), options.minWeight), epochs };
}

/** Train a model and return its file text (deterministic for the same data and options) and the dev scores. */
export function trainNerModel(
  train: readonly TrainDocument[],
  dev: readonly TrainDocument[] | undefined,
  opts: Partial<TrainOptions> = {},
  log: (line: string) => void = () => {},
): { text: string; dev?: NerScores; stages: StageResult[] } {
  const options = { ...TRAIN_DEFAULTS, ...opts };
  const index = new FeatureIndex();
  const trainDocs = prepare(train, index, options.clusters);
  const devDocs = dev ? prepare(dev, undefined, options.clusters) : undefined;
  const devSet = devDocs ? { docs: devDocs } : undefined;
  const local = trainStage("local", { docs: trainDocs }, devSet, index, options, log);
  const results = [local];
  if (options.folds >= 2) {
    const passes = new Array<FirstPassInput>(trainDocs.length);
    for (let f = 0; f < options.folds; f++) {
      const held = trainDocs.map((_, k) => k).filter((k) => k % options.folds === f);
      const rest = trainDocs.filter((_, k) => k % options.folds !== f);
      const fold = trainStage("local", { docs: rest }, undefined, index, { ...options, epochs: local.epochs }, log);
      const labels = tagPrepared(fold.stage, held.map((k) => trainDocs[k]));
      held.forEach((k, j) => (passes[k] = summariseFirstPass(trainDocs[k].ctx, labels[j])));
      log(`jackknife fold ${f + 1}/${options.folds} done`);
    }
    const devFirst = devDocs ? tagPrepared(local.stage, devDocs).map((l, k) => summariseFirstPass(devDocs[k].ctx, l)) : undefined;
    const document = trainStage(
      "document",
      { docs: trainDocs, passes },
      devDocs ? { docs: devDocs, passes: devFirst } : undefined,
      index,
      options,
      log,
    );
    results.push(document);
  }
  const training: Record<string, string | number> = {
    algorithm: "averaged perceptron, greedy BILOU decoding",
    seed: options.seed,
    folds: options.folds,
    minWeight: options.minWeight,
    trainDocuments: train.length,
    trainTokens: train.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.tokens.length, 0), 0),
  };
  results.forEach((r) => (training[`${r.stage.name}Epochs`] = r.epochs));
  const clusters = options.clusters ? { file: options.clustersFile ?? "clusters.tsv", hash: options.clusters.hash } : undefined;
  return { text: serialiseNerModel(results.map((r) => r.stage), training, clusters), dev: results[results.length - 1].dev, stages: results };
}
