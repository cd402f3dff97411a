// Averaged multiclass perceptron over string features, with lazy averaging and rows allocated only for updated features.
import { BILOU_LABELS } from "./labels.js";
import { WEIGHT_SCALE, type SparseStage } from "./model.js";

const L = BILOU_LABELS.length;

/** Feature string -> id, in order of first sight (deterministic for a deterministic input order); shared by perceptrons. */
export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of a feature, assigned on first sight. */
  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
    }
    return id;
  }
}

/** Perceptron weights during training; `averaged()` gives the weights to tag with. */
export class AveragedPerceptron {
  private rowOf = new Int32Array(1 << 16).fill(-1);
  private w = new Float64Array(L << 12);
  private total = new Float64Array(L << 12);
  private stamp = new Float64Array(L << 12);
  private rows = 0;
  /** Number of decisions seen so far (the averaging clock). */
  instances = 0;

  constructor(readonly index: FeatureIndex) {}

  /** Add the current (not averaged) weights of the given feature ids to `scores`. */
  scoreIds(ids: ArrayLike<number>, scores: Float64Array): void {
    const w = this.w;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (id < 0) continue;
      const row = id < this.rowOf.length ? this.rowOf[id] : -1;
      if (row < 0) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) scores[l] += w[base + l];
    }
  }

  private rowFor(id: number): number {
    if (id >= this.rowOf.length) {
      const grown = new Int32Array(Math.max(id + 1, this.rowOf.length * 2)).fill(-1);
      grown.set(this.rowOf);
      this.rowOf = grown;
    }
    let row = this.rowOf[id];
    if (row >= 0) return row;
    row = this.rows++;
    this.rowOf[id] = row;
    if (this.rows * L > this.w.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.w = grow(this.w);
      this.total = grow(this.total);
      this.stamp = grow(this.stamp);
    }
    return row;
  }

  /** Move weight from `predicted` to `gold` for every feature id. */
  update(ids: ArrayLike<number>, gold: number, predicted: number): void {
    if (gold === predicted) return;
    const now = this.instances;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] < 0) continue;
      const base = this.rowFor(ids[k]) * L;
      this.bump(base + gold, now, 1);
      this.bump(base + predicted, now, -1);
    }
  }

  private bump(j: number, now: number, delta: number): void {
    this.total[j] += (now - this.stamp[j]) * this.w[j];
    this.stamp[j] = now;
    this.w[j] += delta;
  }

  /** Averaged weights as a dense lookup (feature -> row), for evaluation while training continues. */
  averaged(): { lookup: Map<string, number>; weights: Float64Array } {
    const lookup = new Map<string, number>();
    const weights = new Float64Array(this.rows * L);
    const now = Math.max(1, this.instances);
    for (let id = 0; id < this.rowOf.length && id < this.index.names.length; id++) {
      const row = this.rowOf[id];
      if (row < 0) continue;
      lookup.set(this.index.names[id], row);
      const base = row * L;
      for (let l = 0; l < L; l++) {
        const j = base + l;
        weights[j] = (this.total[j] + (now - this.stamp[j]) * this.w[j]) / now;
      }
    }
    return { lookup, weights };
  }
}

/** Quantise averaged weights to integers of 1/WEIGHT_SCALE, dropping those that round to zero or below `minAbs`. */
export function sparseStage(
  name: "local" | "document",
  avg: { lookup: Map<string, number>; weights: Float64Array },
  minAbs = 1,
): SparseStage {
  const rows = new Map<string, Array<[number, number]>>();
  const limit = (1 << 25) - 1;
  for (const [feature, row] of avg.lookup) {
    const pairs: Array<[number, number]> = [];
    for (let l = 0; l < L; l++) {
      const v = Math.max(-limit, Math.min(limit, Math.round(avg.weights[row * L + l] * WEIGHT_SCALE)));
      if (Math.abs(v) >= minAbs) pairs.push([l, v]);
    }
    if (pairs.length) rows.set(feature, pairs);
  }
  return { name, rows };
}
