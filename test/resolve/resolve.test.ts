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

const only = (name: string, ...entities: Entity[]): DocumentFacts => ({ doc: name, mentions: [], entities, relations: [] });
const nodesNamed = (r: ReturnType<typeof resolveEntities>, name: string) =>
  r.entities.filter((e) => e.label.toLowerCase() === name.toLowerCase() || e.aliases.some((a) => a.toLowerCase() === name.toLowerCase()));

describe("the kind of an entity is voted over the corpus, across kinds", () => {
  const r = resolveEntities([
    only("a.txt", entity("p", "person", "Donald Trump", ["Trump"], 6)),
    only("b.txt", entity("i", "institution", "Donald Trump", [], 1), entity("q", "place", "Joe Biden")),
    only("c.txt", entity("p", "person", "Donald Trump", [], 2), entity("b", "person", "Joe Biden", ["Biden"], 4)),
  ]);

  it("makes a person named in one document as an institution one person node", () => {
    expect(nodesNamed(r, "Donald Trump").map((e) => [e.key, e.documents])).toEqual([["person:donald-trump", ["a.txt", "b.txt", "c.txt"]]]);
    expect(r.entities.find((e) => e.key === "person:donald-trump")!.mentions).toBe(9);
    expect(nodesNamed(r, "Joe Biden").map((e) => e.key)).toEqual(["person:joe-biden"]);
  });

  it("lets the heavier kind win, whatever order the documents come in", () => {
    const flipped = resolveEntities([only("a.txt", entity("x", "place", "Gaza", [], 5)), only("b.txt", entity("y", "institution", "Gaza", [], 2), entity("z", "state", "Gaza", [], 2))]);
    expect(flipped.entities.map((e) => e.key)).toEqual(["place:gaza"]);
    const reversed = resolveEntities([only("b.txt", entity("y", "institution", "Gaza", [], 6)), only("a.txt", entity("x", "place", "Gaza", [], 5))]);
    expect(reversed.entities.map((e) => e.key)).toEqual(["institution:gaza"]);
  });
});

describe("a one-word name seen as a person and as a place", () => {
  it("stays two entities when both sides carry weight in several documents (Jordan the player and the country)", () => {
    const r = resolveEntities([
      only("a.txt", entity("j", "state", "Jordan", [], 5)),
      only("b.txt", entity("j", "state", "Jordan", [], 3)),
      only("c.txt", entity("j", "person", "Jordan", [], 3)),
      only("d.txt", entity("j", "person", "Jordan", [], 2)),
    ]);
    expect(r.entities.map((e) => [e.key, e.documents.join(" ")])).toEqual([
      ["person:jordan", "c.txt d.txt"],
      ["state:jordan", "a.txt b.txt"],
    ]);
  });

  it("is one entity when the smaller side is a slip of the tagger: too few mentions, or one document", () => {
    const few = resolveEntities([only("a.txt", entity("j", "state", "Jordan", [], 9)), only("b.txt", entity("j", "person", "Jordan")), only("c.txt", entity("j", "person", "Jordan"))]);
    expect(few.entities.map((e) => e.key)).toEqual(["state:jordan"]);
    const oneDoc = resolveEntities([only("a.txt", entity("j", "state", "Jordan", [], 5)), only("b.txt", entity("j", "person", "Jordan", [], 4))]);
    expect(oneDoc.entities.map((e) => e.key)).toEqual(["state:jordan"]);
  });

  it("sends the person side on to the only full name it fits, and leaves the place alone", () => {
    const r = resolveEntities([
      only("a.txt", entity("j", "state", "Jordan", [], 5), entity("k", "person", "Michael Jordan", ["Jordan"], 2)),
      only("b.txt", entity("j", "state", "Jordan", [], 3)),
      only("c.txt", entity("j", "person", "Jordan", [], 3)),
      only("d.txt", entity("j", "person", "Jordan", [], 2)),
    ]);
    expect(r.entities.map((e) => [e.key, e.documents.join(" ")])).toEqual([
      ["person:michael-jordan", "a.txt c.txt d.txt"],
      ["state:jordan", "a.txt b.txt"],
    ]);
  });
});

describe("one-word person names", () => {
  it("join the full name when the corpus has exactly one person with that part (Vance and JD Vance)", () => {
    const r = resolveEntities([only("a.txt", entity("v", "person", "JD Vance", ["Vance"], 3)), only("b.txt", entity("v", "person", "Vance", [], 2))]);
    expect(r.entities.map((e) => [e.key, e.label, e.mentions])).toEqual([["person:jd-vance", "JD Vance", 5]]);
  });

  it("stay apart when the corpus has two people with that part (JD Vance and Cyrus Vance)", () => {
    const r = resolveEntities([
      only("a.txt", entity("v", "person", "JD Vance", [], 3)),
      only("b.txt", entity("v", "person", "Vance", [], 2)),
      only("c.txt", entity("c", "person", "Cyrus Vance")),
    ]);
    expect(r.entities.map((e) => e.key)).toEqual(["person:cyrus-vance", "person:jd-vance", "person:vance"]);
  });

  it("never join a full name from the other side of the person line", () => {
    // "Vance" the town is no short form of JD Vance
    const r = resolveEntities([only("a.txt", entity("v", "person", "JD Vance", [], 3)), only("b.txt", entity("t", "place", "Vance", [], 2))]);
    expect(r.entities.map((e) => e.key)).toEqual(["person:jd-vance", "place:vance"]);
  });
});

describe("aliases across documents", () => {
  it("join an acronym a document stated to the entity of that name, dots or not (U.N. and UN)", () => {
    const r = resolveEntities([
      only("a.txt", entity("u", "institution", "United Nations", ["U.N."], 3)),
      only("b.txt", entity("u", "institution", "UN", [], 2)),
      only("c.txt", entity("u", "institution", "U.N.", [], 1)),
    ]);
    expect(r.entities.map((e) => [e.key, e.documents.length])).toEqual([["institution:united-nations", 3]]);
  });

  it("join nothing on the other side of the person line", () => {
    const r = resolveEntities([only("a.txt", entity("s", "institution", "Social Security Administration", ["SSA"], 3)), only("b.txt", entity("s", "person", "SSA", [], 2))]);
    expect(r.entities.map((e) => e.key)).toEqual(["institution:social-security-administration", "person:ssa"]);
  });

  it("join a place named with its area's word to the place of the bare name, where its document used the bare name too", () => {
    const r = resolveEntities([
      only("a.txt", entity("c", "place", "Chechnya region", ["Chechnya"], 2)),
      only("b.txt", entity("c", "place", "Chechnya", [], 5)),
      // no bare name in its document: the area word may make another place
      only("c.txt", entity("k", "place", "Kursk region", [], 2)),
      only("d.txt", entity("k", "place", "Kursk", [], 3)),
      // a city is not the state it is named after, nor an airport its city
      only("e.txt", entity("o", "place", "Oklahoma City", ["Oklahoma"], 2)),
      only("f.txt", entity("o", "place", "Oklahoma", [], 2)),
      only("g.txt", entity("g", "place", "Gaza airport", ["Gaza"], 1)),
      only("h.txt", entity("g", "place", "Gaza", [], 4)),
    ]);
    expect(r.entities.map((e) => [e.key, e.documents.length])).toEqual([
      ["place:chechnya", 2],
      ["place:gaza", 1],
      ["place:gaza-airport", 1],
      ["place:kursk", 1],
      ["place:kursk-region", 1],
      ["place:oklahoma", 1],
      ["place:oklahoma-city", 1],
    ]);
  });
});

describe("resolution is a function of the set of facts", () => {
  const docs = [
    only("a.txt", entity("p", "person", "JD Vance", ["Vance"], 3), entity("q", "state", "Georgia", [], 2), entity("r", "person", "Georgia", [], 2)),
    only("b.txt", entity("x", "person", "Vance"), entity("y", "institution", "Donald Trump"), entity("z", "person", "Georgia", [], 3)),
    only("c.txt", entity("m", "person", "Donald Trump", [], 4), entity("n", "state", "Georgia", [], 4), entity("o", "institution", "UN", [], 2)),
    only("d.txt", entity("k", "institution", "United Nations", ["UN"]), entity("l", "place", "Georgia")),
  ];
  it("gives the same entities and keys for any order of documents and of entities within them", () => {
    const expected = JSON.stringify(resolveEntities(docs));
    const shuffled = [docs[2], docs[0], docs[3], docs[1]].map((d) => ({ ...d, entities: [...d.entities].reverse() }));
    expect(JSON.stringify(resolveEntities(shuffled))).toBe(expected);
    expect(resolveEntities(docs).entities.map((e) => e.key)).toEqual([
      "institution:united-nations",
      "person:donald-trump",
      "person:georgia",
      "person:jd-vance",
      "state:georgia",
    ]);
  });
});
