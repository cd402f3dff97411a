// Tag schemes: conlleval chunk rules on IOB1/IOB2, BILOU round trips and the legal-transition table.
import { describe, expect, it } from "vitest";
import { ALLOWED, BILOU_LABELS, FINAL, START, bilouFromSpans, iob2FromSpans, spansFromBilou, spansFromTags } from "../../../src/extract/ner/labels.js";

describe("spansFromTags", () => {
  it.each([
    { name: "IOB2", tags: ["B-PER", "I-PER", "O", "B-LOC"], spans: [[0, 2, "PER"], [3, 4, "LOC"]] },
    { name: "IOB1 (I- opens a chunk)", tags: ["I-ORG", "I-ORG", "O", "I-MISC"], spans: [[0, 2, "ORG"], [3, 4, "MISC"]] },
    { name: "IOB1 B- splits adjacent chunks", tags: ["I-LOC", "B-LOC", "I-LOC"], spans: [[0, 1, "LOC"], [1, 3, "LOC"]] },
    { name: "a type change ends a chunk", tags: ["B-PER", "I-ORG"], spans: [[0, 1, "PER"], [1, 2, "ORG"]] },
    { name: "all O", tags: ["O", "O"], spans: [] },
    { name: "empty", tags: [], spans: [] },
  ])("$name", ({ tags, spans }) => {
    expect(spansFromTags(tags).map((s) => [s.start, s.end, s.label])).toEqual(spans);
  });
});

describe("BILOU", () => {
  const spans = spansFromTags(["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"]);
  it("round-trips spans through BILOU and IOB2", () => {
    const bilou = bilouFromSpans(spans, 7);
    expect(bilou.map((l) => BILOU_LABELS[l])).toEqual(["B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG"]);
    expect(spansFromBilou(bilou)).toEqual(spans);
    expect(iob2FromSpans(spans, 7)).toEqual(["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"]);
  });
  it("allows only well-formed sequences", () => {
    const idx = (l: string) => BILOU_LABELS.indexOf(l);
    expect(ALLOWED[START][idx("I-PER")]).toBe(false);
    expect(ALLOWED[START][idx("U-PER")]).toBe(true);
    expect(ALLOWED[idx("B-PER")][idx("L-PER")]).toBe(true);
    expect(ALLOWED[idx("B-PER")][idx("L-ORG")]).toBe(false);
    expect(ALLOWED[idx("B-PER")][idx("O")]).toBe(false);
    expect(ALLOWED[idx("L-PER")][idx("B-ORG")]).toBe(true);
    expect(FINAL[idx("I-LOC")]).toBe(false);
    expect(FINAL[idx("L-LOC")]).toBe(true);
  });
});
