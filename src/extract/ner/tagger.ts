// Tagging with a loaded model: hash each token's static features once, decode the local pass, then the document pass.
import { decodeDocument, summariseFirstPass, type FirstPassInput, type TokenScorer } from "./decode.js";
import { buildDocContext, staticFeatures, type DocContext } from "./features.js";
import { iob2FromSpans, spansFromBilou } from "./labels.js";
import type { NerModel, TagTables } from "./model.js";
import { HashSink } from "./sinks.js";

/** The union-table indices of every token's static features, flat, with per-token offsets. */
interface StaticIndex {
  /** Offset of the first token of each sentence in `start`. */
  sentenceStart: Int32Array;
  /** start[t]..start[t + 1] is token t's range in `features`. */
  start: Int32Array;
  features: Int32Array;
}

function indexStatic(tables: TagTables, doc: DocContext): StaticIndex {
  const sink = new HashSink();
  const sentenceStart = new Int32Array(doc.sentences.length + 1);
  let tokens = 0;
  doc.sentences.forEach((sc, s) => {
    sentenceStart[s] = tokens;
    tokens += sc.words.length;
  });
  sentenceStart[doc.sentences.length] = tokens;
  const start = new Int32Array(tokens + 1);
  let features = new Int32Array(tokens * 24 + 16);
  let n = 0;
  let t = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    for (let i = 0; i < doc.sentences[s].words.length; i++) {
      sink.reset();
      staticFeatures(doc, s, i, sink);
      start[t++] = n;
      if (n + sink.n > features.length) {
        const grown = new Int32Array(Math.max(features.length * 2, n + sink.n));
        grown.set(features);
        features = grown;
      }
      for (let k = 0; k < sink.n; k++) {
        const idx = tables.table.get(sink.h1[k], sink.h2[k]);
        if (idx >= 0) features[n++] = idx;
      }
    }
  }
  start[t] = n;
  return { sentenceStart, start, features };
}

/** Scores tokens of one stage, in integer weight units, from the precomputed static indices plus hashed dynamic features. */
class HashScorer implements TokenScorer {
  readonly sink = new HashSink();
  private readonly spans: Int32Array;
  private readonly words: Int32Array;

  constructor(
    private readonly tables: TagTables,
    stage: number,
    private readonly index: StaticIndex,
  ) {
    this.spans = tables.spans[stage];
    this.words = tables.stages[stage].words;
  }

  begin(): void {}

  score(s: number, i: number, scores: Float64Array): void {
    const { spans, words, index, sink } = this;
    const t = index.sentenceStart[s] + i;
    for (let k = index.start[t], end = index.start[t + 1]; k < end; k++) {
      const at = 2 * index.features[k];
      for (let a = spans[at], b = spans[at + 1]; a < b; a++) {
        const x = words[a];
        scores[x & 31] += x >> 6;
      }
    }
    for (let k = 0; k < sink.n; k++) {
      const idx = this.tables.table.get(sink.h1[k], sink.h2[k]);
      if (idx < 0) continue;
      for (let a = spans[2 * idx], b = spans[2 * idx + 1]; a < b; a++) {
        const x = words[a];
        scores[x & 31] += x >> 6;
      }
    }
  }
}

/** BILOU label indices of one pass with the first stage of `tables` (used to evaluate a stage while training). */
export function decodeWithStage(tables: TagTables, doc: DocContext, firstPass?: FirstPassInput): number[][] {
  return decodeDocument(doc, new HashScorer(tables, 0, indexStatic(tables, doc)), firstPass);
}

/** BILOU label indices for a prepared document: the local pass, then (if there is one) the document pass. */
export function labelDocument(tables: TagTables, doc: DocContext): number[][] {
  const index = indexStatic(tables, doc);
  const first = decodeDocument(doc, new HashScorer(tables, 0, index));
  if (tables.stages.length < 2) return first;
  return decodeDocument(doc, new HashScorer(tables, 1, index), summariseFirstPass(doc, first));
}

/** IOB2 tags ("B-PER", "I-ORG", "O", ...) for one document given as sentences of tokens; the document pass sees all sentences. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const doc = buildDocContext(model.gazetteer, sentences);
  return labelDocument(model, doc).map((labels) => iob2FromSpans(spansFromBilou(labels), labels.length));
}
