// Merging entities across documents: labels, multi-word aliases, one-word names, kinds; relations re-keyed.
import { describe, expect, it } from "vitest";
import { mergeRelations } from "../../src/extract/index.js";
import { resolveEntities } from "../../src/resolve/index.js";
import type { DocumentFacts, Entity, Relation } from "../../src/schema/index.js";

const ev = (doc: string, sentence: number, text: string) => ({ doc, sentence, start: 0, end: text.length, text });
const entity = (id: string, kind: Entity["kind"], label: string, aliases: string[] = [], mentions = 1): Entity => ({ id, kind, label, aliases, mentions });
const rel = (doc: string, source: string, relation: Relation["relation"], target: string, sentence = 0): Relation => ({
  source, target, relation, evidence: [ev(doc, sentence, `${source} ${relation} ${target}`)], confidence: 0.8,
  provenance: [{ extractor: "rules", rule: `${relation}/test`, score: 0.8 }],
});

describe("resolveEntities", () => {
  const a: DocumentFacts = {
    doc: "a.txt",
    mentions: [],
    entities: [entity("p1", "person", "Vladimir Putin", ["Putin"], 3), entity("p2", "person", "Kim Jong-un", ["Kim"]), entity("s1", "state", "Russia", ["Russian"])],
    relations: [rel("a.txt", "p1", "leader_of", "s1"), rel("a.txt", "p1", "met_with", "p2")],
  };
  const b: DocumentFacts = {
    doc: "b.txt",
    mentions: [],
    entities: [entity("x", "person", "Putin", [], 2), entity("y", "person", "Kim Jong Un"), entity("z", "person", "Kim"), entity("k", "institution", "Korea Institute for National Unification", ["KINU"])],
    relations: [rel("b.txt", "y", "met_with", "x", 4)],
  };
  const c: DocumentFacts = {
    doc: "c.txt",
    mentions: [],
    entities: [entity("u", "place", "KINU"), entity("v", "person", "Kim Yo-jong")],
    relations: [],
  };
  const r = resolveEntities([c, b, a]);
  const keys = r.entities.map((e) => e.key);

  it("merges spellings that fold alike and one-word names with the only full name they fit", () => {
    expect(keys.filter((k) => k.startsWith("person:vladimir-putin"))).toEqual(["person:vladimir-putin"]);
    expect(keys).not.toContain("person:putin");
    const putin = r.entities.find((e) => e.key === "person:vladimir-putin")!;
    expect(putin.documents).toEqual(["a.txt", "b.txt"]);
    expect(putin.mentions).toBe(5);
    const kim = r.entities.find((e) => e.key === "person:kim-jong-un")!;
    expect([kim.label, ...kim.aliases].sort()).toEqual(["Kim", "Kim Jong Un", "Kim Jong-un"]);
  });

  it("keeps a bare name that fits several people apart", () => {
    // "Kim" fits Kim Jong-un and Kim Yo-jong: no merge
    expect(keys).toContain("person:kim");
  });

  it("merges an acronym with the name it abbreviates, across kinds of site", () => {
    const kinu = r.entities.filter((e) => e.label === "Korea Institute for National Unification" || e.label === "KINU");
    expect(kinu).toHaveLength(1);
    expect(kinu[0].documents).toEqual(["b.txt", "c.txt"]);
  });

  it("re-keys and merges relations, symmetric ones once, with evidence from both documents", () => {
    const met = r.relations.filter((x) => x.relation === "met_with");
    expect(met).toHaveLength(1);
    expect([met[0].source, met[0].target]).toEqual(["person:kim-jong-un", "person:vladimir-putin"]);
    expect(met[0].evidence.map((e) => e.doc)).toEqual(["a.txt", "b.txt"]);
  });

  it("does not depend on the order of the documents", () => {
    expect(JSON.stringify(resolveEntities([a, b, c]))).toBe(JSON.stringify(r));
  });
});

describe("mergeRelations", () => {
  it("keeps one piece of evidence per sentence, in document then sentence order, over many documents", () => {
    // the same relation stated in 300 documents, some sentences twice, arriving in scrambled order
    const docs = Array.from({ length: 300 }, (_, i) => `news/${String((i * 7919) % 300).padStart(3, "0")}.txt`);
    const stated: Relation[] = [];
    for (const doc of docs) {
      stated.push({ ...rel(doc, "p1", "leader_of", "s1", 5), evidence: [ev(doc, 5, "x"), ev(doc, 2, "y"), ev(doc, 5, "x")] });
      stated.push({ ...rel(doc, "p1", "leader_of", "s1", 2), items: ["a"] });
    }
    const [merged, ...rest] = mergeRelations(stated);
    expect(rest).toEqual([]);
    expect(merged.evidence).toHaveLength(600);
    const order = merged.evidence.map((e) => `${e.doc}#${String(e.sentence).padStart(3, "0")}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBe(600);
    expect(merged.items).toEqual(["a"]);
  });
});

describe("transliterations of one name", () => {
  const doc = (name: string, ...entities: Entity[]): DocumentFacts => ({ doc: name, mentions: [], entities, relations: [] });
  const resolved = resolveEntities([
    doc("a.txt", entity("p", "person", "Volodymyr Zelenskyy", [], 3), entity("q", "person", "Sergei Shoigu"), entity("r", "person", "Kim Jong-un")),
    doc("b.txt", entity("p", "person", "Volodymyr Zelensky"), entity("q", "person", "Sergey Shoigu", [], 2), entity("r", "person", "Kim Jong-il")),
    doc("c.txt", entity("p", "person", "Zelenskiy")),
  ]);
  const byLabel = (label: string) => resolved.entities.find((e) => e.label === label);

  it("merges the spellings English gives Slavic name endings, under the spelling used most", () => {
    const zelensky = byLabel("Volodymyr Zelenskyy")!;
    expect(zelensky.documents).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(zelensky.aliases).toContain("Volodymyr Zelensky");
    expect(byLabel("Sergey Shoigu")?.documents).toEqual(["a.txt", "b.txt"]);
  });
  it("keeps names that differ in anything else apart", () => {
    expect(byLabel("Kim Jong-un")?.documents).toEqual(["a.txt"]);
    expect(byLabel("Kim Jong-il")?.documents).toEqual(["b.txt"]);
  });
});
