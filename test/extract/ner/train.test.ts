// Training is deterministic (same data and seed -> the same model bytes) and learns a tiny handmade corpus.
import { describe, expect, it } from "vitest";
import { parseNerModel, parseWordClusters, spansFromTags, tagDocument, trainNerModel, type TrainDocument } from "../../../src/extract/ner/index.js";

// A handmade corpus: names, places and organisations in varied frames, IOB2 tags.
const FRAMES: Array<[string, string]> = [
  ["PER said on Monday that LOC would sign the deal .", ""],
  ["Officials from ORG met PER in LOC .", ""],
  ["PER , a spokesman for ORG , declined to comment .", ""],
  ["The MISC delegation arrived in LOC late on Tuesday .", ""],
  ["ORG shares fell after PER resigned .", ""],
];
const FILL: Record<string, string[][]> = {
  PER: [["Maria", "Lopez"], ["Ivan", "Petrov"], ["Chen", "Wei"], ["Amara", "Okafor"], ["Lars", "Berg"]],
  LOC: [["Lisbon"], ["Nairobi"], ["Oslo"], ["Hanoi"], ["Quito"]],
  ORG: [["Nordic", "Steel"], ["Atlas", "Bank"], ["Union", "Rail"], ["Kappa", "Foods"], ["Delta", "Media"]],
  MISC: [["Chilean"], ["Danish"], ["Kenyan"], ["Thai"], ["Peruvian"]],
};

function corpus(offset: number, docs: number): TrainDocument[] {
  return Array.from({ length: docs }, (_, d) => ({
    sentences: FRAMES.map(([frame], f) => {
      const tokens: string[] = [];
      const tags: string[] = [];
      for (const word of frame.split(" ")) {
        const fill = FILL[word];
        if (!fill) {
          tokens.push(word);
          tags.push("O");
          continue;
        }
        const name = fill[(d + f + offset) % fill.length];
        name.forEach((w, k) => {
          tokens.push(w);
          tags.push(`${k === 0 ? "B" : "I"}-${word}`);
        });
      }
      return { tokens, tags };
    }),
  }));
}

describe("trainNerModel", () => {
  const train = corpus(0, 12);
  const dev = corpus(3, 3);
  const options = { seed: 7, maxEpochs: 4, folds: 2 };

  it("gives byte-identical models for the same data and seed", () => {
    const a = trainNerModel(train, dev, options).text;
    const b = trainNerModel(train, dev, options).text;
    expect(a).toBe(b);
    expect(trainNerModel(train, dev, { ...options, seed: 8 }).text).not.toBe(a);
  });

  it("learns the corpus: the trained model tags a held-out document correctly", () => {
    const model = parseNerModel(JSON.parse(trainNerModel(train, dev, options).text));
    const doc = corpus(4, 1)[0];
    const tags = tagDocument(model, doc.sentences.map((s) => s.tokens));
    expect(tags.map(spansFromTags)).toEqual(doc.sentences.map((s) => spansFromTags(s.tags)));
  });

  it("with word clusters: the model names the table, needs it to load, and is as deterministic", () => {
    const clusters = parseWordClusters("Lisbon\t00\nOslo\t01\nNairobi\t01\nsaid\t1\n");
    const withClusters = { ...options, clusters, clustersFile: "test-clusters.tsv" };
    const text = trainNerModel(train, dev, withClusters).text;
    expect(trainNerModel(train, dev, withClusters).text).toBe(text);
    expect(JSON.parse(text).clusters).toEqual({ file: "test-clusters.tsv", hash: clusters.hash });
    expect(JSON.parse(text).stages[0].features).toContain("c4=01");
    const model = parseNerModel(JSON.parse(text), clusters);
    const doc = corpus(4, 1)[0];
    expect(tagDocument(model, doc.sentences.map((s) => s.tokens)).map(spansFromTags)).toEqual(doc.sentences.map((s) => spansFromTags(s.tags)));
  });
});
