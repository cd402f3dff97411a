// Tagging with a loaded model: score tokens from feature strings, decode the local pass, then the document-level pass.
import { decodeDocument, summariseFirstPass, type TokenScorer } from "./decode.js";
import { buildDocContext, staticFeatures, type DocContext } from "./features.js";
import { BILOU_LABELS, iob2FromSpans, spansFromBilou } from "./labels.js";
import type { NerModel } from "./model.js";

const L = BILOU_LABELS.length;

/** A scorer over feature strings and dense rows: used for loaded models and for evaluation during training. */
export class LookupScorer implements TokenScorer {
  private readonly feats: string[] = [];

  constructor(
    private readonly lookup: ReadonlyMap<string, number>,
    private readonly weights: Float32Array | Float64Array,
  ) {}

  score(doc: DocContext, s: number, i: number, dynamic: readonly string[], scores: Float64Array): void {
    const feats = this.feats;
    feats.length = 0;
    staticFeatures(doc, s, i, feats);
    this.add(feats, scores);
    this.add(dynamic, scores);
  }

  private add(feats: readonly string[], scores: Float64Array): void {
    const w = this.weights;
    for (let k = 0; k < feats.length; k++) {
      const row = this.lookup.get(feats[k]);
      if (row === undefined) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) scores[l] += w[base + l];
    }
  }
}

/** BILOU label indices for a prepared document: the local pass, then (if the model has it) the document pass. */
export function labelDocument(model: NerModel, doc: DocContext): number[][] {
  const [local, document] = model.stages;
  const first = decodeDocument(doc, new LookupScorer(local.lookup, local.weights));
  if (!document) return first;
  return decodeDocument(doc, new LookupScorer(document.lookup, document.weights), summariseFirstPass(doc, first));
}

/** IOB2 tags ("B-PER", "I-ORG", "O", ...) for one document given as sentences of tokens; the document pass sees all sentences. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const doc = buildDocContext(model.gazetteer, sentences);
  return labelDocument(model, doc).map((labels) => iob2FromSpans(spansFromBilou(labels), labels.length));
}
