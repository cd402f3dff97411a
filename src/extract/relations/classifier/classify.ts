// Relations stated by the learned classifier: each candidate pair scored, the best label kept where it clears its threshold.
import type { Document, Entity, EntityKind, Evidence, Mention, Relation, RelationType } from "../../../schema/index.js";
import { SYMMETRIC_RELATIONS } from "../../../schema/index.js";
import { provenance } from "../provenance.js";
import { PieceHash } from "../../ner/sinks.js";
import { readPairs, PAIR_DEFAULTS, type PairOptions, type PairRef, type PairSink } from "./features.js";
import { featureRow, softmax, type RelationModel } from "./model.js";

/** One scored candidate: the best label other than "none" and its probability. */
export interface ScoredPair {
  instance: PairRef;
  label: number;
  probability: number;
}

/** Scores each pair as its features arrive, hashed piece by piece: the same sums, in the same order, as scoreFeatures over their strings. */
class ScoringSink implements PairSink {
  readonly scored: ScoredPair[] = [];
  private readonly out: Float64Array;
  private readonly hash = new PieceHash();
  private allowed: readonly number[] = [];
  private pair: PairRef | undefined;

  constructor(
    private readonly model: RelationModel,
    private readonly kinds: ReadonlyMap<string, EntityKind>,
  ) {
    this.out = new Float64Array(model.labels.length);
  }

  begin(source: string, target: string, sentence: number, local: boolean): boolean {
    const allowed = this.model.allowed(this.kinds.get(source)!, this.kinds.get(target)!);
    if (allowed.length < 2) return false;
    this.allowed = allowed;
    this.pair = { source, target, sentence, local };
    const { out, model } = this;
    out.fill(0);
    for (const c of allowed) out[c] = model.bias[c];
    return true;
  }

  f(a: string, b?: string, c?: string, d?: string, e?: string): void {
    const hash = this.hash;
    hash.reset();
    hash.feed(a);
    if (b !== undefined) {
      hash.feed(b);
      if (c !== undefined) {
        hash.feed(c);
        if (d !== undefined) {
          hash.feed(d);
          if (e !== undefined) hash.feed(e);
        }
      }
    }
    const { out, allowed } = this;
    const at = featureRow(this.model.features, out.length, hash.h1, hash.h2);
    if (at < 0) return;
    const rows = this.model.features.rows;
    for (const l of allowed) out[l] += rows[at + l];
  }

  end(): void {
    const { out, allowed } = this;
    softmax(allowed, out);
    let label = 0;
    let probability = 0;
    for (const c of allowed) {
      if (c !== 0 && out[c] > probability) {
        label = c;
        probability = out[c];
      }
    }
    this.scored.push({ instance: this.pair!, label, probability });
  }
}

/** Score every candidate pair of a document: its most probable relation and that relation's probability. */
export function scorePairs(
  model: RelationModel,
  doc: Document,
  mentions: readonly Mention[],
  entities: readonly Entity[],
  rules: readonly Relation[],
  options: PairOptions = PAIR_DEFAULTS,
): ScoredPair[] {
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const sink = new ScoringSink(model, kinds);
  readPairs(doc, mentions, entities, rules, sink, options);
  return keepFunctional(sink.scored, model.labels, kinds);
}

/** Relations a source holds with one target of a kind at most: a place lies in one state, a person is a citizen of one. */
const FUNCTIONAL: ReadonlyMap<string, string> = new Map([
  ["located_in", "state"],
  ["capital_of", "state"],
  ["citizen_of", "state"],
]);

/** Of the scored pairs stating a functional relation, only each source's most probable target of that kind stays. */
export function keepFunctional(scored: readonly ScoredPair[], labels: RelationModel["labels"], kinds: ReadonlyMap<string, string>): ScoredPair[] {
  const best = new Map<string, ScoredPair>();
  for (const s of scored) {
    const kind = FUNCTIONAL.get(labels[s.label]);
    if (!kind || kinds.get(s.instance.target) !== kind) continue;
    const key = `${s.instance.source}\u0000${s.label}`;
    const known = best.get(key);
    if (!known || s.probability > known.probability) best.set(key, s);
  }
  return scored.filter((s) => {
    const kind = FUNCTIONAL.get(labels[s.label]);
    return !kind || kinds.get(s.instance.target) !== kind || best.get(`${s.instance.source}\u0000${s.label}`) === s;
  });
}

/** The relations the classifier states: per ordered pair, the best-scored label where it clears its threshold. */
export function classifyRelations(
  model: RelationModel,
  doc: Document,
  mentions: readonly Mention[],
  entities: readonly Entity[],
  rules: readonly Relation[],
  options: PairOptions = PAIR_DEFAULTS,
): Relation[] {
  const threshold = (label: number, local: boolean) => (local ? model.thresholds : model.documentThresholds)[label];
  return relationsFromScores(model.labels, threshold, doc, scorePairs(model, doc, mentions, entities, rules, options), model.calibrate);
}

/**
 * The relations of scored pairs whose probability reaches `threshold(label)`; the best reading of each
 * (source, relation, target) is its evidence, and its calibrated probability the confidence.
 */
export function relationsFromScores(
  labels: RelationModel["labels"],
  threshold: (label: number, local: boolean) => number,
  doc: Document,
  scored: readonly ScoredPair[],
  calibrate: (probability: number) => number = (p) => p,
): Relation[] {
  const best = new Map<string, ScoredPair>();
  for (const s of scored) {
    if (s.label === 0 || s.probability < threshold(s.label, s.instance.local)) continue;
    const relation = labels[s.label] as RelationType;
    const [a, b] =
      SYMMETRIC_RELATIONS.has(relation) && s.instance.target < s.instance.source
        ? [s.instance.target, s.instance.source]
        : [s.instance.source, s.instance.target];
    const key = `${a}\u0000${relation}\u0000${b}`;
    const known = best.get(key);
    if (!known || s.probability > known.probability) best.set(key, s);
  }
  const out: Relation[] = [];
  for (const [key, s] of best) {
    const [source, relation, target] = key.split("\u0000") as [string, RelationType, string];
    const sentence = doc.sentences[s.instance.sentence];
    const evidence: Evidence = { doc: doc.id, sentence: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text };
    const score = Math.round(calibrate(s.probability) * 1000) / 1000;
    out.push({ source, target, relation, evidence: [evidence], confidence: score, provenance: [provenance("classifier", score)] });
  }
  return out.sort((x, y) => cmp(x.source, y.source) || cmp(x.relation, y.relation) || cmp(x.target, y.target));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
