// The relation classifier: candidate pairs and features of a real article, training, the model file, and its relations.
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { DEFAULT_RELATION_MODEL, loadRelationModel } from "../../src/cli/relation-model.js";
import { KgError } from "../../src/errors.js";
import { Gold, matchGraph } from "../../src/eval/index.js";
import {
  checkComponents,
  classifyRelations,
  coreferenceComponent,
  extractFacts,
  extractionComponents,
  factsOf,
  fitCalibration,
  fitWeights,
  indexModel,
  mentionsComponent,
  pairInstances,
  parseRelationModel,
  rulesComponent,
  runComponents,
  scorePairs,
  taggerComponent,
  toModelFile,
  type TrainInstance,
} from "../../src/extract/index.js";
import { scoreFeatures } from "../../src/extract/relations/classifier/model.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { DocumentFacts, RELATION_SIGNATURES } from "../../src/schema/index.js";
import { documentFromText } from "../../src/text/index.js";
import { GOLD, SEED_TEXT } from "../helpers/kg.js";

const ner = loadNerModel();
const tagger = (s: string[][]) => tagDocument(ner, s);
const text = readFileSync(SEED_TEXT, "utf8");
const doc = documentFromText("north-korea-russia.txt", text);
const annotated = runComponents([taggerComponent(tagger), mentionsComponent, coreferenceComponent, rulesComponent], doc);
const label = (id: string) => annotated.entities!.find((e) => e.id === id)?.label;

describe("pairInstances on the seed article", () => {
  const instances = pairInstances(doc, annotated.mentions!, annotated.entities!, annotated.relations!);

  it("pairs entities named in one sentence, with kinds, order and the words between", () => {
    const local = instances.filter((x) => x.local);
    expect(local.length).toBeGreaterThan(20);
    for (const x of local) {
      const inSentence = (id: string) => annotated.mentions!.some((m) => m.entity === id && m.sentence === x.sentence);
      expect(inSentence(x.source) && inSentence(x.target)).toBe(true);
      expect(x.features.some((f) => /^k=[PSILEA][<>][PSILEA]$/.test(f))).toBe(true);
    }
    // "North Korean leader Kim Jong-un": the person after the demonym, with "leader" between
    const kim = local.find((x) => label(x.source) === "Kim Jong-un" && label(x.target) === "North Korea" && x.features.includes("k=P<S:btw=leader"));
    expect(kim).toBeDefined();
    expect(kim!.features).toContain("k=P<S:bdemonym");
  });

  it("turns the rules' readings into features of the same pair and sentence", () => {
    const ruled = instances.filter((x) => x.features.some((f) => f.startsWith("rule=")));
    expect(ruled.length).toBeGreaterThan(5);
    for (const x of ruled) {
      const relations = x.features.filter((f) => f.startsWith("rule=")).map((f) => f.slice(5));
      for (const r of relations) {
        expect(annotated.relations!.some((y) => y.source === x.source && y.target === x.target && y.relation === r && y.evidence.some((e) => e.sentence === x.sentence))).toBe(true);
      }
    }
  });

  it("reads pairs across sentences only for the kinds where documents state them so", () => {
    const kinds = new Map(annotated.entities!.map((e) => [e.id, e.kind]));
    const across = instances.filter((x) => !x.local);
    expect(across.length).toBeGreaterThan(0);
    for (const x of across) {
      expect(["place>state", "place>place", "institution>state", "institution>place", "event>state", "event>place", "person>state", "person>institution"]).toContain(
        `${kinds.get(x.source)}>${kinds.get(x.target)}`,
      );
    }
    expect(pairInstances(doc, annotated.mentions!, annotated.entities!, annotated.relations!)).toEqual(instances);
  });
});

describe("fitWeights", () => {
  // label 1 where feature "a" is present, 2 where "b" is, 0 (none) otherwise; "c" is noise on every instance
  const data: TrainInstance[] = [];
  for (let i = 0; i < 60; i++) {
    const label = i % 3;
    data.push({ features: [["x", "a", "b"][label], "c", `id${i % 7}`], label, allowed: [0, 1, 2] });
  }

  it("learns which feature says which label, with probabilities that sum to one", () => {
    const fitted = fitWeights(data, 3, { epochs: 8, minCount: 1 });
    const probs = new Float64Array(3);
    scoreFeatures(fitted, ["a", "c"], [0, 1, 2], probs);
    expect(probs[1]).toBeGreaterThan(0.8);
    expect(probs[0] + probs[1] + probs[2]).toBeCloseTo(1, 9);
    scoreFeatures(fitted, ["b", "c"], [0, 1, 2], probs);
    expect(probs[2]).toBeGreaterThan(0.8);
    scoreFeatures(fitted, ["a", "c"], [0, 2], probs);
    expect(probs[1]).toBe(0);
  });

  it("gives the same weights for the same data, and other weights for another seed", () => {
    const a = toModelFile(fitWeights(data, 3, { seed: 3 }), ["none", "leader_of", "member_of"], {}, { threshold: 0.5, trainedOn: [] });
    const b = toModelFile(fitWeights(data, 3, { seed: 3 }), ["none", "leader_of", "member_of"], {}, { threshold: 0.5, trainedOn: [] });
    const c = toModelFile(fitWeights(data, 3, { seed: 4 }), ["none", "leader_of", "member_of"], {}, { threshold: 0.5, trainedOn: [] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });
});

describe("fitCalibration", () => {
  it("maps probabilities to the share of readings that were right, rising, pooled where the shares fall", () => {
    // 100 readings at 0.9 of which 60 right, 100 at 0.5 of which 20 right, and a dip at 0.6 (10 of 100)
    const obs: Array<[number, boolean]> = [];
    for (const [p, right] of [[0.9, 60], [0.5, 20], [0.6, 10]] as const) for (let i = 0; i < 100; i++) obs.push([p, i < right]);
    const points = fitCalibration(obs, 3);
    expect(points).toEqual([[0.55, 0.15], [0.9, 0.6]]);
    const file = { ...JSON.parse(readFileSync(DEFAULT_RELATION_MODEL, "utf8")), calibration: points };
    const model = indexModel(file);
    expect(model.calibrate(0.2)).toBe(0.15);
    expect(model.calibrate(0.725)).toBeCloseTo(0.375, 9);
    expect(model.calibrate(0.99)).toBe(0.6);
  });

  it("calibrates the shipped model's confidences below its raw probabilities where it is overconfident", () => {
    const model = loadRelationModel();
    expect(model.calibrate(0.99)).toBeLessThan(0.9);
    for (let p = 0; p < 1; p += 0.05) expect(model.calibrate(p + 0.05)).toBeGreaterThanOrEqual(model.calibrate(p));
  });
});

describe("the relation model file", () => {
  it("is rejected with INVALID_MODEL, naming the file and the field, when it is not a model", () => {
    const bad = { ...JSON.parse(readFileSync(DEFAULT_RELATION_MODEL, "utf8")), labels: ["none", "knows"] };
    try {
      parseRelationModel(bad, "bad.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(KgError);
      expect((err as KgError).code).toBe("INVALID_MODEL");
      expect((err as KgError).message).toContain("bad.json");
      expect((err as KgError).message).toContain("labels");
    }
  });

  it("is rejected with INVALID_MODEL, naming the feature, when a weight entry is malformed", () => {
    const data = JSON.parse(readFileSync(DEFAULT_RELATION_MODEL, "utf8"));
    const feature = Object.keys(data.weights)[0];
    for (const broken of [[99, 0.5], [1], [1, "x"], "1 0.5"]) {
      data.weights[feature] = broken;
      expect(() => parseRelationModel(data, "bad.json")).toThrowError(
        expect.objectContaining({ code: "INVALID_MODEL", message: expect.stringContaining(`bad.json: indexModel: weights["${feature}"]`) }),
      );
    }
  });

  it("ships within 20 MB, names what it was trained on, and allows only each label's kinds", () => {
    expect(statSync(DEFAULT_RELATION_MODEL).size).toBeLessThan(20 * 1024 * 1024);
    const model = loadRelationModel();
    expect(model.trainedOn.length).toBeGreaterThan(0);
    const leader = model.labels.indexOf("leader_of");
    expect(model.allowed("person", "state")).toContain(leader);
    expect(model.allowed("state", "person")).not.toContain(leader);
    expect(indexModel(JSON.parse(readFileSync(DEFAULT_RELATION_MODEL, "utf8"))).labels).toEqual(model.labels);
  });
});

describe("classifyRelations with the shipped model", () => {
  const model = loadRelationModel();
  const relations = classifyRelations(model, doc, annotated.mentions!, annotated.entities!, annotated.relations!);
  const kinds = new Map(annotated.entities!.map((e) => [e.id, e.kind]));

  it("states relations of the learned types, within their kinds, with the score as confidence and provenance", () => {
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) {
      expect(RELATION_SIGNATURES[r.relation].from).toContain(kinds.get(r.source));
      expect(RELATION_SIGNATURES[r.relation].to).toContain(kinds.get(r.target));
      expect(r.provenance).toEqual([{ extractor: "classifier", score: r.confidence }]);
      expect(text.slice(r.evidence[0].start, r.evidence[0].end)).toBe(r.evidence[0].text);
    }
  });

  it("states facts the seed article's reference lists (required or accepted) more often than facts it does not", () => {
    const gold = Gold.parse(JSON.parse(readFileSync(GOLD, "utf8")));
    const graph = {
      nodes: annotated.entities!.map((e) => ({ key: e.id, attributes: { label: e.label, aliases: e.aliases, kind: e.kind } })),
      edges: relations.map((r) => ({ source: r.source, target: r.target, attributes: { relation: r.relation } })),
    };
    const outcomes = matchGraph(gold, graph).triples.map((t) => t.outcome);
    const listed = outcomes.filter((o) => o !== "fp").length;
    expect(listed).toBeGreaterThanOrEqual(3);
    expect(listed).toBeGreaterThan(2 * outcomes.filter((o) => o === "fp").length);
  });

  it("states only pairs whose probability reaches the label's threshold", () => {
    const scored = scorePairs(model, doc, annotated.mentions!, annotated.entities!, annotated.relations!);
    const passing = scored.filter((s) => s.label > 0 && s.probability >= (s.instance.local ? model.thresholds : model.documentThresholds)[s.label]);
    expect(new Set(relations.map((r) => `${r.source}|${r.relation}|${r.target}`)).size).toBe(relations.length);
    expect(relations.length).toBeLessThanOrEqual(passing.length);
    expect(scored.length).toBeGreaterThan(passing.length);
  });

  it("scores each pair by hashed features exactly as the model's weights score its feature strings", () => {
    // the file's weights as the strings they name, scored the slow way over pairInstances' feature strings
    const file = JSON.parse(readFileSync(DEFAULT_RELATION_MODEL, "utf8")) as { bias: number[]; weights: Record<string, number[]> };
    const weights = new Map<string, Float64Array>();
    for (const [f, pairs] of Object.entries(file.weights)) {
      const w = new Float64Array(model.labels.length);
      for (let i = 0; i < pairs.length; i += 2) w[pairs[i]] = pairs[i + 1];
      weights.set(f, w);
    }
    const bias = Float64Array.from(file.bias);
    const kinds = new Map(annotated.entities!.map((e) => [e.id, e.kind]));
    const scored = scorePairs(model, doc, annotated.mentions!, annotated.entities!, annotated.relations!);
    const byPair = new Map(scored.map((s) => [`${s.instance.source}|${s.instance.target}|${s.instance.sentence}|${s.instance.local}`, s]));
    const probs = new Float64Array(model.labels.length);
    let compared = 0;
    for (const x of pairInstances(doc, annotated.mentions!, annotated.entities!, annotated.relations!)) {
      const allowed = model.allowed(kinds.get(x.source)!, kinds.get(x.target)!);
      if (allowed.length < 2) continue;
      scoreFeatures({ bias, weights }, x.features, allowed, probs);
      const s = byPair.get(`${x.source}|${x.target}|${x.sentence}|${x.local}`);
      if (!s) continue; // a functional relation's weaker target, dropped by keepFunctional
      expect(s.probability).toBe(s.label === 0 ? 0 : probs[s.label]);
      for (const c of allowed) if (c !== 0) expect(probs[c]).toBeLessThanOrEqual(s.label === 0 ? 0 : probs[s.label]);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe("the extraction components", () => {
  it("refuse a list whose needs are unmet, naming the component", () => {
    expect(() => checkComponents([coreferenceComponent, mentionsComponent])).toThrowError(
      expect.objectContaining({ code: "PIPELINE_INVALID", message: expect.stringContaining('"coreference"') }),
    );
    expect(() => checkComponents(extractionComponents({ tagger, relationModel: loadRelationModel() }))).not.toThrow();
  });

  it("run in order to the same facts as extractFacts, rules and classifier side by side", () => {
    const options = { tagger, relationModel: loadRelationModel() };
    const facts = factsOf(runComponents(extractionComponents(options), doc));
    expect(facts).toEqual(extractFacts(doc, options));
    expect(DocumentFacts.safeParse(facts).success).toBe(true);
    const extractors = new Set(facts.relations.flatMap((r) => r.provenance.map((p) => p.extractor)));
    expect([...extractors].sort()).toEqual(["classifier", "cooccurrence", "rules"]);
  });
});
