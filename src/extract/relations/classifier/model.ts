// The relation classifier's model: a multinomial logistic regression over sparse pair features, and its file format.
import { z } from "zod";
import { KgError, formatIssues } from "../../../errors.js";
import { RelationType, type EntityKind } from "../../../schema/index.js";
import { addToFilter, FILTER_WORDS, hashString } from "../../ner/sinks.js";

export const RELATION_MODEL_FORMAT = "kgraph-relation-classifier";
export const RELATION_MODEL_VERSION = 1;

/** The model file: labels (index 0 is "none"), per-label bias, sparse weights per feature, thresholds. */
export const RelationModelFile = z.object({
  format: z.literal(RELATION_MODEL_FORMAT),
  version: z.literal(RELATION_MODEL_VERSION),
  /** What the model was trained on and how it scored, for the record. */
  trainedOn: z.array(z.string()),
  labels: z.tuple([z.literal("none")]).rest(RelationType),
  bias: z.array(z.number()),
  /**
   * feature → [label index, weight, label index, weight, ...]. Checked entry by entry when the model is
   * indexed (indexModel) rather than by zod, which takes seconds over a hundred thousand arrays.
   */
  weights: z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "an object of feature weights"),
  /** Least probability at which a relation is stated: per label for pairs named in one sentence, per `label:document` for pairs that are not; `threshold` where neither is given (above 1: never). */
  threshold: z.number().min(0),
  thresholds: z.record(z.string(), z.number().min(0)).default({}),
  /**
   * Calibration: points [probability, share of such readings the annotated corpora list], rising,
   * fitted on cross-validated scores; a relation's confidence is its probability mapped through them
   * (linearly between points). Absent: the probability itself.
   */
  calibration: z.array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])).default([]),
  /** Allowed source and target kinds per label, as trained. */
  signatures: z.record(z.string(), z.tuple([z.array(z.string()), z.array(z.string())])),
});
export type RelationModelFile = z.infer<typeof RelationModelFile>;

/**
 * The weights of a loaded model by feature hash: `slots` is an open-addressing table of SLOT integers a
 * slot (the feature's two 32-bit hashes, as ner/sinks.ts computes them, then 1 + its row, 0 for an empty
 * slot), and row r's weight for label c is `rows[r * labels + c]`. Features are hashed as they are read
 * (readPairs), so scoring a pair builds no strings.
 */
export interface FeatureTable {
  slots: Int32Array;
  mask: number;
  /** The features' filter (see ner/sinks.ts's addToFilter): a third of a pair's features are ones the model lacks. */
  filter: Int32Array;
  rows: Float64Array;
}

const SLOT = 4;

/** The offset in `table.rows` of the row of the feature with hashes h1, h2, or -1 when the model has no such feature. */
export function featureRow(table: FeatureTable, labels: number, h1: number, h2: number): number {
  if ((table.filter[(h2 >>> 5) & (FILTER_WORDS - 1)] & (1 << (h2 & 31))) === 0) return -1;
  const { slots, mask } = table;
  let slot = h1 & mask;
  for (;;) {
    const at = slot * SLOT;
    const row = slots[at + 2];
    if (row === 0) return -1;
    if (slots[at] === h1 && slots[at + 1] === h2) return (row - 1) * labels;
    slot = (slot + 1) & mask;
  }
}

/** A loaded model, ready to score. */
export interface RelationModel {
  labels: readonly ("none" | RelationType)[];
  bias: Float64Array;
  features: FeatureTable;
  threshold: number;
  /** The least probability of each label index for a pair in one sentence, and for a pair across the document. */
  thresholds: Float64Array;
  documentThresholds: Float64Array;
  /** A probability as a calibrated confidence. */
  calibrate(probability: number): number;
  /** Label indices each (source kind, target kind) pair allows, "none" included. */
  allowed(source: EntityKind, target: EntityKind): readonly number[];
  trainedOn: readonly string[];
}

/**
 * Validate a parsed model file and index it for scoring.
 * @throws KgError("INVALID_MODEL") naming `where` and each issue when the data is not a relation model.
 */
export function parseRelationModel(data: unknown, where = "relation model"): RelationModel {
  const parsed = RelationModelFile.safeParse(data);
  if (!parsed.success) {
    throw new KgError("INVALID_MODEL", `parseRelationModel: ${where} is not a relation model:\n  ${formatIssues(parsed.error.issues).join("\n  ")}`, { where });
  }
  try {
    return indexModel(parsed.data);
  } catch (err) {
    if (err instanceof KgError) throw new KgError(err.code, `parseRelationModel: ${where}: ${err.message}`, { cause: err, where });
    throw err;
  }
}

/** Turn a model file's data into the scoring structure. @throws KgError("INVALID_MODEL") for a malformed weight entry. */
export function indexModel(file: RelationModelFile): RelationModel {
  const n = file.labels.length;
  if (file.bias.length !== n) throw new KgError("INVALID_MODEL", `indexModel: the model has ${n} labels but ${file.bias.length} biases; retrain it with npm run train:re`);
  const names = Object.keys(file.weights);
  let cap = 16;
  while (cap * 3 < names.length * 4) cap *= 2;
  const slots = new Int32Array(cap * SLOT);
  const mask = cap - 1;
  const rows = new Float64Array(names.length * n);
  const filter = new Int32Array(FILTER_WORDS);
  names.forEach((feature, r) => {
    const pairs = file.weights[feature];
    if (!Array.isArray(pairs) || pairs.length % 2 !== 0) {
      throw new KgError("INVALID_MODEL", `indexModel: weights["${feature}"] is not a list of label and weight pairs; retrain it with npm run train:re`);
    }
    for (let i = 0; i < pairs.length; i += 2) {
      const label = pairs[i] as unknown;
      const weight = pairs[i + 1] as unknown;
      if (!Number.isInteger(label) || (label as number) < 0 || (label as number) >= n || typeof weight !== "number" || !Number.isFinite(weight)) {
        throw new KgError("INVALID_MODEL", `indexModel: weights["${feature}"][${i}] is not a label index below ${n} and a finite weight; retrain it with npm run train:re`);
      }
      rows[r * n + (label as number)] = weight;
    }
    const [h1, h2] = hashString(feature);
    let slot = h1 & mask;
    while (slots[slot * SLOT + 2] !== 0) {
      if (slots[slot * SLOT] === h1 && slots[slot * SLOT + 1] === h2) {
        throw new KgError("INVALID_MODEL", `indexModel: weights["${feature}"] has the hash of another feature; rename one of them in the feature templates and retrain`);
      }
      slot = (slot + 1) & mask;
    }
    slots[slot * SLOT] = h1;
    slots[slot * SLOT + 1] = h2;
    slots[slot * SLOT + 2] = r + 1;
    addToFilter(filter, h2);
  });
  const thresholds = Float64Array.from(file.labels, (l) => file.thresholds[l] ?? file.threshold);
  const documentThresholds = Float64Array.from(file.labels, (l) => file.thresholds[`${l}:document`] ?? file.threshold);
  const cache = new Map<EntityKind, Map<EntityKind, number[]>>();
  const allowed = (source: EntityKind, target: EntityKind) => {
    let bySource = cache.get(source);
    if (!bySource) cache.set(source, (bySource = new Map()));
    let list = bySource.get(target);
    if (!list) {
      list = [0];
      file.labels.forEach((l, i) => {
        const sig = file.signatures[l];
        if (i > 0 && sig && sig[0].includes(source) && sig[1].includes(target)) list!.push(i);
      });
      bySource.set(target, list);
    }
    return list;
  };
  const points = file.calibration;
  const calibrate = (p: number) => {
    if (points.length === 0) return p;
    if (p <= points[0][0]) return points[0][1];
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i];
      if (p <= x1) {
        const [x0, y0] = points[i - 1];
        return x1 === x0 ? y1 : y0 + ((y1 - y0) * (p - x0)) / (x1 - x0);
      }
    }
    return points[points.length - 1][1];
  };
  return {
    labels: file.labels,
    bias: Float64Array.from(file.bias),
    features: { slots, mask, filter, rows },
    threshold: file.threshold,
    thresholds,
    documentThresholds,
    calibrate,
    allowed,
    trainedOn: file.trainedOn,
  };
}

/**
 * Calibration points from (probability, listed) observations: the mean of each of `bins` equal-count
 * bins, made rising by pooling adjacent bins that fall (pool-adjacent-violators).
 */
export function fitCalibration(observations: ReadonlyArray<readonly [number, boolean]>, bins = 20): Array<[number, number]> {
  const sorted = [...observations].sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return [];
  const blocks: Array<{ x: number; y: number; n: number }> = [];
  for (let b = 0; b < bins; b++) {
    const part = sorted.slice(Math.floor((b * sorted.length) / bins), Math.floor(((b + 1) * sorted.length) / bins));
    if (part.length === 0) continue;
    blocks.push({ x: part.reduce((a, o) => a + o[0], 0) / part.length, y: part.filter((o) => o[1]).length / part.length, n: part.length });
    while (blocks.length > 1 && blocks[blocks.length - 2].y > blocks[blocks.length - 1].y) {
      const b2 = blocks.pop()!;
      const b1 = blocks.pop()!;
      const n = b1.n + b2.n;
      blocks.push({ x: (b1.x * b1.n + b2.x * b2.n) / n, y: (b1.y * b1.n + b2.y * b2.n) / n, n });
    }
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return blocks.map((b) => [round(b.x), round(b.y)]);
}

/** Probabilities of the allowed labels for one instance's features (softmax over `allowed`), written into `out`. */
export function scoreFeatures(
  model: { bias: Float64Array; weights: ReadonlyMap<string, Float64Array> },
  features: readonly string[],
  allowed: readonly number[],
  out: Float64Array,
): void {
  out.fill(0);
  for (const c of allowed) out[c] = model.bias[c];
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (const c of allowed) out[c] += w[c];
  }
  softmax(allowed, out);
}

/** Turn the summed scores of the allowed labels in `out` into their probabilities, in place. */
export function softmax(allowed: readonly number[], out: Float64Array): void {
  let max = -Infinity;
  for (const c of allowed) if (out[c] > max) max = out[c];
  let sum = 0;
  for (const c of allowed) sum += out[c] = Math.exp(out[c] - max);
  for (const c of allowed) out[c] /= sum;
}
