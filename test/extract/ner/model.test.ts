// The shipped model loads and validates; malformed model data or files fail with INVALID_MODEL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_NER_MODEL, loadNerModel } from "../../../src/cli/ner-model.js";
import { BILOU_LABELS, clusterOf, parseNerModel, parseWordClusters } from "../../../src/extract/ner/index.js";
import { codeOf } from "../../helpers/errors.js";

const dir = mkdtempSync(join(tmpdir(), "kg-ner-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLUSTERS = join(dirname(DEFAULT_NER_MODEL), "ner-clusters-en.tsv");
const CLUSTER_MODEL = join(dirname(DEFAULT_NER_MODEL), "ner-en-clusters.json");
const clusters = parseWordClusters(readFileSync(CLUSTERS, "utf8"), CLUSTERS);

const shipped = () => JSON.parse(readFileSync(DEFAULT_NER_MODEL, "utf8")) as Record<string, unknown> & { stages: Array<Record<string, unknown>> };

describe("the shipped model", () => {
  it("loads, validates and has both stages with weights", () => {
    const model = loadNerModel();
    expect(model.stages.map((s) => s.name)).toEqual(["local", "document"]);
    for (const s of model.stages) {
      expect(s.features.length).toBeGreaterThan(10_000);
      expect(s.rowStart.length).toBe(s.features.length + 1);
      expect(s.rowStart[s.features.length]).toBe(s.words.length);
      for (const x of s.words.subarray(0, 1000)) expect(x & 31).toBeLessThan(BILOU_LABELS.length);
    }
    expect(loadNerModel()).toBe(model);
    // the shipped model reads the word-cluster table beside it
    expect(model.clusters?.hash).toBe(clusters.hash);
  });

  it("the word-cluster model loads with the table beside it, and only with that table", () => {
    const model = loadNerModel(CLUSTER_MODEL);
    expect(model.stages.map((s) => s.name)).toEqual(["local", "document"]);
    expect(model.clusters?.hash).toBe(clusters.hash);
    const data = () => JSON.parse(readFileSync(CLUSTER_MODEL, "utf8")) as unknown;
    expect(parseNerModel(data(), clusters).clusters).toBe(clusters);
    expect(codeOf(() => parseNerModel(data()))).toBe("INVALID_MODEL");
    expect(codeOf(() => parseNerModel(data(), parseWordClusters("Paris\t0110\n")))).toBe("INVALID_MODEL");
  });
});

describe("word clusters", () => {
  it("parse one word and bit string a line, and look words up as written, capitalised, then lower-case", () => {
    const table = parseWordClusters("Paris\t0110\nsaid\t10\nParis-based\t0111\n");
    expect(clusterOf(table, "Paris")).toBe("0110");
    expect(clusterOf(table, "PARIS")).toBe("0110");
    expect(clusterOf(table, "Said")).toBe("10");
    expect(clusterOf(table, "paris")).toBe("");
    expect(clusterOf(undefined, "Paris")).toBe("");
    expect(table.hash).not.toBe(parseWordClusters("Paris\t0111\n").hash);
  });

  it.each(["Paris 0110\n", "\t0110\n", "Paris\n"])("a malformed line (%j) -> INVALID_MODEL", (text) => {
    expect(codeOf(() => parseWordClusters(text))).toBe("INVALID_MODEL");
  });
});

describe("bad models", () => {
  it.each([
    { name: "not an object", data: () => 42 },
    { name: "a wrong version", data: () => ({ ...shipped(), version: 99 }) },
    { name: "labels in another order", data: () => ({ ...shipped(), labels: [...BILOU_LABELS].reverse() }) },
    { name: "a weights string that is not base64", data: () => ({ ...shipped(), stages: [{ ...shipped().stages[0], weights: "!!" }] }) },
    { name: "fewer weight rows than features", data: () => ({ ...shipped(), stages: [{ ...shipped().stages[0], features: `${shipped().stages[0].features as string}\nzzz-extra` }] }) },
    { name: "weights that are base64 but for one character", data: () => ({ ...shipped(), stages: [{ ...shipped().stages[0], weights: "AAAA" + "é" + (shipped().stages[0].weights as string).slice(5) }] }) },
    { name: "a feature listed twice", data: () => ({ ...shipped(), stages: [{ ...shipped().stages[0], features: (shipped().stages[0].features as string).replace(/^([^\n]*)\n[^\n]*/, "$1\n$1") }] }) },
    { name: "stages in the wrong order", data: () => ({ ...shipped(), stages: [...shipped().stages].reverse() }) },
  ])("$name -> INVALID_MODEL", ({ data }) => {
    expect(codeOf(() => parseNerModel(data(), clusters))).toBe("INVALID_MODEL");
  });

  it("a file that is not JSON -> INVALID_MODEL; a missing file -> SOURCE_UNREADABLE", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    expect(codeOf(() => loadNerModel(bad))).toBe("INVALID_MODEL");
    const truncated = join(dir, "truncated.json");
    writeFileSync(truncated, JSON.stringify({ ...shipped(), clusters: undefined, stages: [] }));
    expect(codeOf(() => loadNerModel(truncated))).toBe("INVALID_MODEL");
    expect(codeOf(() => loadNerModel(join(dir, "missing.json")))).toBe("SOURCE_UNREADABLE");
  });
});
