// Greedy left-to-right BILOU decoding of a document under legal-transition constraints, shared by training and tagging.
import {
  dynamicFeatures,
  firstPassFeatures,
  mayBeName,
  recordHistory,
  type DocContext,
  type FirstPass,
  type LabelHistory,
} from "./features.js";
import type { FeatureSink } from "./sinks.js";
import { ALLOWED, BILOU_LABELS, ENTITY_TYPES, FINAL, START, spansFromBilou } from "./labels.js";

/** Scores the labels of one token of the current document from its static features and the dynamic ones in `sink`. */
export interface TokenScorer {
  /** Receives the label-dependent features of the token being scored. */
  readonly sink: FeatureSink;
  /** Called once before the sentences of `doc` are decoded. */
  begin(doc: DocContext): void;
  /** Add the label scores of token i of sentence s into `scores` (zeroed by the caller). */
  score(s: number, i: number, scores: Float64Array): void;
}

/** Called after each decision while training, with the token's dynamic features still in the sink; may update weights. */
export type LearnHook = (s: number, i: number, predicted: number) => void;

/** A first pass's labels of a document, with the per-word counts derived from them. */
export interface FirstPassInput {
  labels: number[][];
  counts: FirstPass;
}

const N_LABELS = BILOU_LABELS.length;

/** Decode every sentence of a document in order; returns BILOU label indices per sentence. */
export function decodeDocument(doc: DocContext, scorer: TokenScorer, firstPass?: FirstPassInput, learn?: LearnHook): number[][] {
  const history: LabelHistory = new Map();
  const scores = new Float64Array(N_LABELS);
  const sink = scorer.sink;
  const result: number[][] = [];
  scorer.begin(doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    const { lower, short } = doc.sentences[s];
    const n = lower.length;
    const labels = new Array<number>(n);
    let prev1 = START;
    let prev2 = START;
    for (let i = 0; i < n; i++) {
      sink.reset();
      dynamicFeatures(lower[i], short[i], prev1, prev2, history, sink);
      if (firstPass) firstPassFeatures(firstPass.counts, lower[i], short[i], firstPass.labels[s], i, sink);
      scores.fill(0);
      scorer.score(s, i, scores);
      const allowed = ALLOWED[prev1];
      const last = i === n - 1;
      let best = -1;
      for (let l = 0; l < N_LABELS; l++) {
        if (!allowed[l] || (last && !FINAL[l])) continue;
        if (best < 0 || scores[l] > scores[best]) best = l;
      }
      if (learn) learn(s, i, best);
      labels[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
    for (let i = 0; i < n; i++) if (mayBeName(short[i])) recordHistory(history, lower[i], labels[i]);
    result.push(labels);
  }
  return result;
}

function bump(map: Map<string, number[]>, key: string, type: number): void {
  let c = map.get(key);
  if (!c) {
    c = [0, 0, 0, 0, 0];
    map.set(key, c);
  }
  c[type]++;
}

/** Per-word counts of a first pass: labels of every occurrence, and types of the entities each word is part of. */
export function summariseFirstPass(doc: DocContext, labels: number[][]): FirstPassInput {
  const counts: FirstPass = { words: new Map(), inEntity: new Map(), lastOfEntity: new Map() };
  for (let s = 0; s < labels.length; s++) {
    const { lower } = doc.sentences[s];
    for (let i = 0; i < labels[s].length; i++) {
      const l = labels[s][i];
      bump(counts.words, lower[i], l === 0 ? 0 : 1 + ((l - 1) >> 2));
    }
    for (const span of spansFromBilou(labels[s])) {
      const t = 1 + ENTITY_TYPES.indexOf(span.label);
      for (let i = span.start; i < span.end; i++) bump(counts.inEntity, lower[i], t);
      bump(counts.lastOfEntity, lower[span.end - 1], t);
    }
  }
  return { labels, counts };
}
