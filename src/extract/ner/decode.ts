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

/** Decode every sentence of a document in order; returns BILOU label indices per sentence. `beam` > 1 keeps that many label sequences per sentence (never while learning). */
export function decodeDocument(
  doc: DocContext,
  scorer: TokenScorer,
  firstPass?: FirstPassInput,
  learn?: LearnHook,
  beam = 1,
): number[][] {
  const history: LabelHistory = new Map();
  const scores = new Float64Array(N_LABELS);
  const result: number[][] = [];
  scorer.begin(doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    const { lower, short } = doc.sentences[s];
    const labels =
      beam > 1 && !learn
        ? beamSentence(doc, s, scorer, history, firstPass, beam, scores)
        : greedySentence(doc, s, scorer, history, firstPass, learn, scores);
    for (let i = 0; i < labels.length; i++) if (mayBeName(short[i])) recordHistory(history, lower[i], labels[i]);
    result.push(labels);
  }
  return result;
}

function scoreToken(
  doc: DocContext,
  s: number,
  i: number,
  prev1: number,
  prev2: number,
  scorer: TokenScorer,
  history: LabelHistory,
  firstPass: FirstPassInput | undefined,
  scores: Float64Array,
): void {
  const { lower, short } = doc.sentences[s];
  scorer.sink.reset();
  dynamicFeatures(lower[i], short[i], prev1, prev2, history, scorer.sink);
  if (firstPass) firstPassFeatures(firstPass.counts, lower[i], short[i], firstPass.labels[s][i], scorer.sink);
  scores.fill(0);
  scorer.score(s, i, scores);
}

function greedySentence(
  doc: DocContext,
  s: number,
  scorer: TokenScorer,
  history: LabelHistory,
  firstPass: FirstPassInput | undefined,
  learn: LearnHook | undefined,
  scores: Float64Array,
): number[] {
  const n = doc.sentences[s].words.length;
  const labels = new Array<number>(n);
  let prev1 = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    scoreToken(doc, s, i, prev1, prev2, scorer, history, firstPass, scores);
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
  return labels;
}

interface Hypothesis {
  labels: number[];
  score: number;
}

function beamSentence(
  doc: DocContext,
  s: number,
  scorer: TokenScorer,
  history: LabelHistory,
  firstPass: FirstPassInput | undefined,
  width: number,
  scores: Float64Array,
): number[] {
  const n = doc.sentences[s].words.length;
  let hyps: Hypothesis[] = [{ labels: [], score: 0 }];
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    // Hypotheses that agree on the last two labels score the future alike: keep the best of each such state.
    const byState = new Map<number, { from: Hypothesis; label: number; score: number }>();
    for (const h of hyps) {
      const prev1 = i > 0 ? h.labels[i - 1] : START;
      const prev2 = i > 1 ? h.labels[i - 2] : START;
      scoreToken(doc, s, i, prev1, prev2, scorer, history, firstPass, scores);
      const allowed = ALLOWED[prev1];
      for (let l = 0; l < N_LABELS; l++) {
        if (!allowed[l] || (last && !FINAL[l])) continue;
        const score = h.score + scores[l];
        const key = l * (START + 1) + prev1;
        const seen = byState.get(key);
        if (!seen || score > seen.score) byState.set(key, { from: h, label: l, score });
      }
    }
    const next = [...byState.values()].sort((a, b) => b.score - a.score).slice(0, width);
    hyps = next.map((c) => ({ labels: [...c.from.labels, c.label], score: c.score }));
  }
  return hyps.length ? hyps[0].labels : [];
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
