// Tagging with a loaded model: hash each token's static features once, decode the local pass, then the document pass.
import { decodeDocument, summariseFirstPass, type FirstPassInput, type TokenScorer } from "./decode.js";
import { buildDocContext, contextFeatures, neighbourFeatures, wordFeatures, wordShape, type DocContext } from "./features.js";
import { clusterOf } from "./clusters.js";
import { BILOU_LABELS, iob2FromSpans, spansFromBilou } from "./labels.js";
import { findSlot, type NerModel, type TagTables } from "./model.js";
import { HashSink } from "./sinks.js";

const L = BILOU_LABELS.length;
/** Word groups cached per word: its own features, then its features as the word at -1, +1, -2, +2. */
const GROUPS = 5;
const WORD_CACHE_LIMIT = 100_000;

/** The static (label-independent) score vectors of every token of a document: [(stage * tokens + token) * L + label]. */
type StaticScores = Int32Array;

/** Add the rows of both (or the one) stages of every hashed feature in `sink` to `target` at offset + stage * stride. */
function addFeatures(tables: TagTables, sink: HashSink, target: Int32Array, offset: number, stride: number, stages: number): void {
  const { slots, weights } = tables;
  for (let k = 0; k < sink.n; k++) {
    const at = findSlot(tables, sink.h1[k], sink.h2[k]);
    if (at < 0) continue;
    for (let st = 0; st < stages; st++) {
      const start = slots[at + 2 + st];
      if (start === 0) continue;
      const base = offset + st * stride;
      for (let a = start - 1; ; a++) {
        const x = weights[a];
        target[base + (x & 31)] += x >> 6;
        if (x & 32) break;
      }
    }
  }
}

/** Score vectors of a word's cached groups, per stage: [(stage * GROUPS + group) * L + label]. */
function wordVectors(tables: TagTables, cache: Map<string, Int32Array>, key: string, boundary: boolean, sink: HashSink): Int32Array {
  const cached = cache.get(key);
  if (cached) return cached;
  const stages = tables.stages.length;
  const vec = new Int32Array(stages * GROUPS * L);
  const short = boundary ? key : wordShape(key).short;
  const lw = boundary ? key : key.toLowerCase();
  const bits = tables.clusters && !boundary ? clusterOf(tables.clusters, key) : undefined;
  for (let g = 0; g < GROUPS; g++) {
    if (g === 0 && boundary) continue;
    sink.reset();
    if (g === 0) wordFeatures(key, sink, bits);
    else neighbourFeatures(g - 1, lw, short, sink, bits);
    addFeatures(tables, sink, vec, g * L, GROUPS * L, stages);
  }
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(key, vec);
  return vec;
}

const caches = new WeakMap<TagTables, { words: Map<string, Int32Array>; bounds: Map<string, Int32Array> }>();

function computeStatic(tables: TagTables, doc: DocContext): { scores: StaticScores; tokens: number } {
  let cache = caches.get(tables);
  if (!cache) {
    cache = { words: new Map(), bounds: new Map() };
    caches.set(tables, cache);
  }
  const stages = tables.stages.length;
  const sink = new HashSink();
  const tokens = doc.sentences.reduce((a, sc) => a + sc.words.length, 0);
  // Stage st's scores of token t are at (st * tokens + t) * L.
  const out = new Int32Array(stages * tokens * L);
  const start = wordVectors(tables, cache.bounds, "<s>", true, sink);
  const end = wordVectors(tables, cache.bounds, "</s>", true, sink);
  let t = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    const words = doc.sentences[s].words;
    const n = words.length;
    const vecs = words.map((w) => wordVectors(tables, cache!.words, w, false, sink));
    for (let i = 0; i < n; i++, t++) {
      const self = vecs[i];
      const p1 = i > 0 ? vecs[i - 1] : start;
      const n1 = i + 1 < n ? vecs[i + 1] : end;
      const p2 = i > 1 ? vecs[i - 2] : start;
      const n2 = i + 2 < n ? vecs[i + 2] : end;
      const base = t * L;
      for (let st = 0; st < stages; st++) {
        const at = st * tokens * L + base;
        const g0 = st * GROUPS * L;
        for (let l = 0; l < L; l++) {
          out[at + l] = self[g0 + l] + p1[g0 + L + l] + n1[g0 + 2 * L + l] + p2[g0 + 3 * L + l] + n2[g0 + 4 * L + l];
        }
      }
      // then the token's context features, straight into each stage's scores
      sink.reset();
      contextFeatures(doc, s, i, sink);
      addFeatures(tables, sink, out, base, tokens * L, stages);
    }
  }
  return { scores: out, tokens };
}

/** Scores tokens of one stage: the precomputed static vector plus hashed dynamic features, in integer weight units. */
class HashScorer implements TokenScorer {
  readonly sink = new HashSink();
  private readonly sentenceStart: Int32Array;
  private readonly offset: number;

  constructor(
    private readonly tables: TagTables,
    private readonly stage: number,
    doc: DocContext,
    private readonly statics: { scores: StaticScores; tokens: number },
  ) {
    this.offset = stage * statics.tokens * L;
    this.sentenceStart = new Int32Array(doc.sentences.length);
    let t = 0;
    doc.sentences.forEach((sc, s) => {
      this.sentenceStart[s] = t;
      t += sc.words.length;
    });
  }

  begin(): void {}

  score(s: number, i: number, scores: Float64Array): void {
    const { sink, tables, stage } = this;
    const { slots, weights } = tables;
    const statics = this.statics.scores;
    const base = this.offset + (this.sentenceStart[s] + i) * L;
    for (let l = 0; l < L; l++) scores[l] += statics[base + l];
    for (let k = 0; k < sink.n; k++) {
      const at = findSlot(tables, sink.h1[k], sink.h2[k]);
      if (at < 0) continue;
      const start = slots[at + 2 + stage];
      if (start === 0) continue;
      for (let a = start - 1; ; a++) {
        const x = weights[a];
        scores[x & 31] += x >> 6;
        if (x & 32) break;
      }
    }
  }
}

/** BILOU label indices of one pass with the first stage of `tables` (used to evaluate a stage while training). */
export function decodeWithStage(tables: TagTables, doc: DocContext, firstPass?: FirstPassInput): number[][] {
  return decodeDocument(doc, new HashScorer(tables, 0, doc, computeStatic(tables, doc)), firstPass);
}

/** BILOU label indices for a prepared document: the local pass, then (if there is one) the document pass. */
export function labelDocument(tables: TagTables, doc: DocContext): number[][] {
  const statics = computeStatic(tables, doc);
  const first = decodeDocument(doc, new HashScorer(tables, 0, doc, statics));
  if (tables.stages.length < 2) return first;
  return decodeDocument(doc, new HashScorer(tables, 1, doc, statics), summariseFirstPass(doc, first));
}

/** IOB2 tags ("B-PER", "I-ORG", "O", ...) for one document given as sentences of tokens; the document pass sees all sentences. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const doc = buildDocContext(model.gazetteer, sentences, model.clusters);
  return labelDocument(model, doc).map((labels) => iob2FromSpans(spansFromBilou(labels), labels.length));
}
