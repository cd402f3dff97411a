// The fast tagging path (cached word vectors, hashed features) labels exactly as a plain string-feature scorer over the same model.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadNerModel } from "../../../src/cli/ner-model.js";
import { decodeDocument, summariseFirstPass, type TokenScorer } from "../../../src/extract/ner/decode.js";
import { buildDocContext, staticFeatures, type DocContext } from "../../../src/extract/ner/features.js";
import { SPAN, type NerModel } from "../../../src/extract/ner/model.js";
import { StringSink, hashString } from "../../../src/extract/ner/sinks.js";
import { labelDocument } from "../../../src/extract/ner/tagger.js";
import { documentFromText } from "../../../src/text/index.js";

const SEED = fileURLToPath(new URL("../../../graph-data/sources/north-korea-russia.txt", import.meta.url));

/** Builds every feature string and sums the weights it finds for them: slow and obvious. */
class ReferenceScorer implements TokenScorer {
  readonly sink = new StringSink();
  private doc!: DocContext;
  constructor(
    private readonly model: NerModel,
    private readonly stage: number,
  ) {}
  begin(doc: DocContext): void {
    this.doc = doc;
  }
  score(s: number, i: number, scores: Float64Array): void {
    const all = new StringSink();
    staticFeatures(this.doc, s, i, all);
    const { words } = this.model.stages[this.stage];
    const { slots } = this.model.table;
    for (const f of [...all.out, ...this.sink.out]) {
      const at = this.model.table.find(...hashString(f));
      if (at < 0) continue;
      const first = at + SPAN + 2 * this.stage;
      for (let a = slots[first]; a < slots[first + 1]; a++) scores[words[a] & 31] += words[a] >> 6;
    }
  }
}

describe("labelDocument", () => {
  it("agrees with a string-feature reference scorer on the seed article", () => {
    const model = loadNerModel();
    const text = documentFromText("seed.txt", readFileSync(SEED, "utf8"));
    const sentences = text.sentences.map((s) => text.tokens.filter((t) => t.sentence === s.index).map((t) => t.text));
    const doc = buildDocContext(model.gazetteer, sentences);
    const first = decodeDocument(doc, new ReferenceScorer(model, 0));
    const reference = decodeDocument(doc, new ReferenceScorer(model, 1), summariseFirstPass(doc, first));
    expect(labelDocument(model, doc)).toEqual(reference);
    expect(reference.flat().some((l) => l !== 0)).toBe(true);
  });
});
