// The fast tagging path (cached word vectors, hashed features) labels exactly as a plain string-feature scorer over the same model.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadNerModel } from "../../../src/cli/ner-model.js";
import { decodeDocument, summariseFirstPass, type TokenScorer } from "../../../src/extract/ner/decode.js";
import { buildDocContext, staticFeatures, type DocContext } from "../../../src/extract/ner/features.js";
import type { NerModel } from "../../../src/extract/ner/model.js";
import { StringSink } from "../../../src/extract/ner/sinks.js";
import { decodeWithStage, labelSentences } from "../../../src/extract/ner/tagger.js";
import { documentFromText } from "../../../src/text/index.js";

const SEED = fileURLToPath(new URL("../../../graph-data/sources/north-korea-russia.txt", import.meta.url));

/** Builds every feature string and sums the weights of its row in the stage's own arrays: slow and obvious. */
class ReferenceScorer implements TokenScorer {
  readonly sink = new StringSink();
  private doc!: DocContext;
  private readonly rows: Map<string, number>;
  constructor(
    private readonly model: NerModel,
    private readonly stage: number,
  ) {
    this.rows = new Map(model.stages[stage].features.map((f, k) => [f, k]));
  }
  begin(doc: DocContext): void {
    this.doc = doc;
  }
  score(s: number, i: number, scores: Float64Array): void {
    const all = new StringSink();
    staticFeatures(this.doc, s, i, all);
    const { words, rowStart } = this.model.stages[this.stage];
    for (const f of [...all.out, ...this.sink.out]) {
      const row = this.rows.get(f);
      if (row === undefined) continue;
      for (let a = rowStart[row]; a < rowStart[row + 1]; a++) scores[words[a] & 31] += words[a] >> 6;
    }
  }
}

const ARTICLES = fileURLToPath(new URL("../../fixtures/articles/", import.meta.url));
const texts = [SEED, ...readdirSync(ARTICLES).filter((f) => f.endsWith(".txt") || f.endsWith(".md")).sort().map((f) => ARTICLES + f)];

describe("labelSentences", () => {
  const model = loadNerModel();
  it.each(texts.map((t) => [t.replace(/^.*\//, ""), t]))("agrees with a string-feature reference scorer on %s", (_name, path) => {
    const text = documentFromText("article.txt", readFileSync(path, "utf8"));
    const sentences = text.sentences.map((s) => text.tokens.filter((t) => t.sentence === s.index).map((t) => t.text));
    const doc = buildDocContext(model.gazetteer, sentences, model.clusters);
    const first = decodeDocument(doc, new ReferenceScorer(model, 0));
    const reference = decodeDocument(doc, new ReferenceScorer(model, 1), summariseFirstPass(doc, first));
    expect(labelSentences(model, sentences)).toEqual(reference);
    expect(reference.flat().some((l) => l !== 0)).toBe(true);
    // one stage at a time, as training evaluates a stage: the local pass, then the document pass given that first pass
    expect(decodeWithStage(model, doc)).toEqual(first);
  });
});
