// Provenance lists merge one entry per extractor and rule, keeping the best score, in a stable order.
import { describe, expect, it } from "vitest";
import { mergeProvenance, provenance } from "../../src/extract/relations/provenance.js";
import { mergeRelations } from "../../src/extract/index.js";
import type { Relation } from "../../src/schema/index.js";

describe("mergeProvenance", () => {
  it("keeps one entry per (extractor, rule) with the higher score, sorted", () => {
    const a = [provenance("rules", 0.8, "leader_of/title-name"), provenance("classifier", 0.4)];
    const b = [provenance("classifier", 0.7), provenance("rules", 0.6, "leader_of/title-name"), provenance("rules", 0.5, "leader_of/apposition")];
    expect(mergeProvenance(a, b)).toEqual([
      { extractor: "classifier", score: 0.7 },
      { extractor: "rules", rule: "leader_of/apposition", score: 0.5 },
      { extractor: "rules", rule: "leader_of/title-name", score: 0.8 },
    ]);
  });

  it("joins the provenance of one relation stated by two extractors in two sentences", () => {
    const ev = (sentence: number) => ({ doc: "d", sentence, start: 0, end: 1, text: "x" });
    const r = (sentence: number, p: Relation["provenance"]): Relation => ({
      source: "p1", target: "s1", relation: "leader_of", evidence: [ev(sentence)], confidence: p[0].score, provenance: p,
    });
    const [merged] = mergeRelations([r(2, [provenance("classifier", 0.9)]), r(1, [provenance("rules", 0.85, "leader_of/title-name")])]);
    expect(merged.evidence.map((e) => e.sentence)).toEqual([1, 2]);
    expect(merged.provenance.map((p) => p.extractor)).toEqual(["classifier", "rules"]);
    expect(merged.confidence).toBe(0.9);
  });
});
