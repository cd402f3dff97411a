// Feature extraction: shapes, gazetteer matches from world-countries, and hashed features equal to the hashes of their strings.
import { describe, expect, it } from "vitest";
import { buildDocContext, dynamicFeatures, staticFeatures, wordShape } from "../../../src/extract/ner/features.js";
import { buildGazetteer, matchGazetteer, tokenizeEntry } from "../../../src/extract/ner/gazetteer.js";
import { BILOU_LABELS, START } from "../../../src/extract/ner/labels.js";
import { parseWordClusters } from "../../../src/extract/ner/clusters.js";
import { buildTagTables, findSlot } from "../../../src/extract/ner/model.js";
import { HashSink, StringSink, hashString } from "../../../src/extract/ner/sinks.js";

const gaz = buildGazetteer();

describe("wordShape", () => {
  it.each([
    ["Pyongyang", "Xxxxx", "Xx"],
    ["U.S.", "X.X.", "X.X."],
    ["1996-08-22", "dddd-dd-dd", "d-d-d"],
    ["Jong-un", "Xxxx-xx", "Xx-x"],
    ["Øresund", "Xxxxx", "Xx"],
  ])("%s -> %s / %s", (word, shape, short) => {
    expect(wordShape(word)).toEqual({ shape, short });
  });
});

describe("gazetteer from world-countries", () => {
  it("tokenises entries like the text stage", () => {
    expect(tokenizeEntry("Korea, Democratic People's Republic of")).toEqual(["Korea", ",", "Democratic", "People", "'s", "Republic", "of"]);
  });
  it("matches multi-token country names, demonyms and capitals", () => {
    const words = "the North Korean envoy flew from Pyongyang to South Korea".split(" ");
    const m = matchGazetteer(gaz, words.map((w) => w.toLowerCase()));
    expect(m[1]).toContain("demonym:B");
    expect(m[2]).toContain("demonym:I");
    expect(m[6]).toContain("capital:B");
    expect(m[8]).toContain("country:B");
    expect(m[9]).toContain("country:I");
    expect(m[0]).toEqual([]);
  });
});

describe("hashed features", () => {
  it("HashSink gives exactly the hashes of the strings StringSink builds", () => {
    const doc = buildDocContext(gaz, [
      "RUSSIA AND NORTH KOREA SIGN PACT".split(" "),
      "Kim Jong-un met Vladimir Putin in Vladivostok on 2024-06-19 , Reuters said .".split(" "),
      ["Ünal", "Çelik", "|", "a|b"],
    ]);
    const strings = new StringSink();
    const hashes = new HashSink();
    doc.sentences.forEach((sc, s) =>
      sc.words.forEach((_, i) => {
        strings.reset();
        hashes.reset();
        for (const sink of [strings, hashes]) {
          staticFeatures(doc, s, i, sink);
          dynamicFeatures(sc.lower[i], sc.short[i], i > 0 ? 1 : START, START, new Map([["kim", [0, 2, 0, 0, 0]]]), sink);
        }
        expect(hashes.n).toBe(strings.out.length);
        strings.out.forEach((f, k) => expect([hashes.h1[k], hashes.h2[k]]).toEqual(hashString(f)));
      }),
    );
  });

  it("word clusters add bit-string prefixes of the word and of its neighbours, or an unknown-word feature", () => {
    const clusters = parseWordClusters("Seoul\t0110100111\nin\t10\n");
    const doc = buildDocContext(gaz, [["in", "Seoul", "Busan"]], clusters);
    const at = (i: number) => {
      const sink = new StringSink();
      staticFeatures(doc, 0, i, sink);
      return sink.out.filter((f) => f.startsWith("c"));
    };
    expect(at(1)).toEqual(["c4=0110", "c6=011010", "c10=0110100111", "c20=0110100111", "c-1:4=10", "c-1:6=10", "c-1:10=10", "c+1:4=?"]);
    expect(at(2)).toEqual(["c4=?", "c-1:4=0110", "c-1:6=011010", "c-1:10=0110100111"]);
    const without = new StringSink();
    staticFeatures(buildDocContext(gaz, [["in", "Seoul", "Busan"]]), 0, 1, without);
    expect(without.out.filter((f) => f.startsWith("c"))).toEqual([]);
  });

  it("the tag tables find every feature's row in each stage, and miss others", () => {
    const stage = (name: "local" | "document", features: string[]) => ({
      name,
      features,
      // one weight per feature: value k + 1 on label k % 17, last of its row
      words: Int32Array.from(features, (_, k) => (k + 1) * 64 + 32 + (k % BILOU_LABELS.length)),
      rowStart: Int32Array.from({ length: features.length + 1 }, (_, k) => k),
    });
    const local = BILOU_LABELS.map((l) => `t-1=${l}`).concat(["l=seoul", "w=Seoul"]).sort();
    const doc = ["a=PER", "l=seoul", "w=Tokyo"];
    const tables = buildTagTables([stage("local", local), stage("document", doc)])!;
    const row = (f: string, st: number) => {
      const at = findSlot(tables, ...hashString(f));
      if (at < 0) return undefined;
      const start = tables.slots[at + 2 + st];
      return start === 0 ? null : tables.weights[start - 1] >> 6;
    };
    local.forEach((f, k) => expect(row(f, 0)).toBe(k + 1));
    doc.forEach((f, k) => expect(row(f, 1)).toBe(k + 1));
    expect(row("t-1=O", 1)).toBeNull();
    expect(row("a=PER", 0)).toBeNull();
    expect(row("w=Paris", 0)).toBeUndefined();
    // a stage that lists a feature twice is refused
    expect(buildTagTables([stage("local", ["a", "b", "a"])])).toBeNull();
  });
});
