// Training the relation classifier: multinomial logistic regression, AdaGrad with L2, seeded and deterministic.
import type { RelationType } from "../../../schema/index.js";
import { seededRandom } from "../../../random.js";
import { RELATION_MODEL_FORMAT, RELATION_MODEL_VERSION, type RelationModelFile } from "./model.js";

/** One training instance: its features, the index of its true label (0 = none) and the labels its kinds allow. */
export interface TrainInstance {
  features: readonly string[];
  label: number;
  allowed: readonly number[];
}

export interface RelationTrainOptions {
  epochs: number;
  /** AdaGrad's base learning rate. */
  rate: number;
  /** L2 penalty per update on the weights an instance touches. */
  l2: number;
  /** Features seen in fewer instances are left out. */
  minCount: number;
  /** Weights smaller than this are not written. */
  minWeight: number;
  seed: number;
}

export const RELATION_TRAIN_DEFAULTS: RelationTrainOptions = { epochs: 12, rate: 0.2, l2: 1e-4, minCount: 2, minWeight: 1e-3, seed: 1 };

/** The learned weights before they are written out: dense per feature. */
export interface Weights {
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

/** Fit the weights on `instances` over `labelCount` labels; the same instances in the same order give the same weights. */
export function fitWeights(instances: readonly TrainInstance[], labelCount: number, options: Partial<RelationTrainOptions> = {}): Weights {
  const o = { ...RELATION_TRAIN_DEFAULTS, ...options };
  const counts = new Map<string, number>();
  for (const x of instances) for (const f of new Set(x.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  for (const [f, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < o.minCount) continue;
    weights.set(f, new Float64Array(labelCount));
    squares.set(f, new Float64Array(labelCount).fill(1e-8));
  }
  const bias = new Float64Array(labelCount);
  const biasSquares = new Float64Array(labelCount).fill(1e-8);
  const rows = instances.map((x) => ({
    x,
    w: [...new Set(x.features)].filter((f) => weights.has(f)).map((f) => [weights.get(f)!, squares.get(f)!] as const),
  }));
  const order = rows.map((_, i) => i);
  const random = seededRandom(o.seed);
  const logits = new Float64Array(labelCount);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { x, w } = rows[k];
      if (!x.allowed.includes(x.label)) continue;
      let max = -Infinity;
      for (const c of x.allowed) {
        let z = bias[c];
        for (const [vec] of w) z += vec[c];
        logits[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (const c of x.allowed) sum += logits[c] = Math.exp(logits[c] - max);
      for (const c of x.allowed) {
        const g = logits[c] / sum - (c === x.label ? 1 : 0);
        biasSquares[c] += g * g;
        bias[c] -= (o.rate * g) / Math.sqrt(biasSquares[c]);
        for (const [vec, sq] of w) {
          const gw = g + o.l2 * vec[c];
          sq[c] += gw * gw;
          vec[c] -= (o.rate * gw) / Math.sqrt(sq[c]);
        }
      }
    }
  }
  return { bias, weights };
}

/** Write fitted weights as a model file: small weights dropped, numbers rounded, features sorted. */
export function toModelFile(
  fitted: Weights,
  labels: readonly ("none" | RelationType)[],
  signatures: RelationModelFile["signatures"],
  extra: { threshold: number; thresholds?: Record<string, number>; trainedOn: string[]; minWeight?: number; calibration?: Array<[number, number]> },
): RelationModelFile {
  const minWeight = extra.minWeight ?? RELATION_TRAIN_DEFAULTS.minWeight;
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const weights: Record<string, number[]> = {};
  for (const f of [...fitted.weights.keys()].sort()) {
    const vec = fitted.weights.get(f)!;
    const pairs: number[] = [];
    for (let c = 0; c < vec.length; c++) if (Math.abs(vec[c]) >= minWeight) pairs.push(c, round(vec[c]));
    if (pairs.length) weights[f] = pairs;
  }
  return {
    format: RELATION_MODEL_FORMAT,
    version: RELATION_MODEL_VERSION,
    trainedOn: extra.trainedOn,
    labels: labels as RelationModelFile["labels"],
    bias: [...fitted.bias].map(round),
    weights,
    threshold: extra.threshold,
    thresholds: extra.thresholds ?? {},
    calibration: extra.calibration ?? [],
    signatures,
  };
}
