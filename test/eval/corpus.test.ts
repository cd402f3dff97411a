// Corpus scoring on hand-made graphs whose every count is worked out by hand below: macro, micro, per type, per rule.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Gold, UNCOVERED_RELATIONS, scoreDocument, scoreGraph, summariseCorpus, uncoveredRelations, type ScorableGraph } from "../../src/eval/index.js";
import { ROOT } from "../helpers/kg.js";

const entity = (id: string, kind: string, name: string, required = true) => ({ id, kind: [kind], name, aliases: [], required });
const fact = (source: string, relation: string[], target: string, required = true, evidence?: string) => ({
  source, relation, target, required, ...(evidence ? { evidence } : {}),
});
const node = (key: string, label: string, kind: string) => ({ key, attributes: { label, kind, aliases: [] } });
const edge = (source: string, relation: string, target: string, provenance: Array<{ extractor: string; rule?: string }>, text?: string) => ({
  source, target,
  attributes: { relation, provenance: provenance.map((p) => ({ ...p, score: 0.8 })), ...(text ? { evidence: [{ doc: "a.txt", sentence: 0, start: 0, end: text.length, text }] } : {}) },
});

const TEXT_A = "Ann Lee leads Freedonia. Ann Lee works for Acme Corp in Old Town. Zed is a citizen of Freedonia.";
const goldA = Gold.parse({
  entities: [entity("a", "person", "Ann Lee"), entity("b", "state", "Freedonia"), entity("c", "institution", "Acme Corp"),
    entity("d", "person", "Bob Ray"), entity("o", "place", "Old Town", false)],
  relations: [
    fact("a", ["leader_of", "official_of"], "b"),
    fact("a", ["works_for"], "c"),
    fact("d", ["citizen_of"], "b", true, "Bob Ray is a Freedonian."),
    fact("a", ["met_with"], "d"),
    fact("c", ["located_in"], "o", false),
    fact("a", ["member_of"], "c"),
  ],
});
const graphA: ScorableGraph = {
  nodes: [node("person:ann", "Ann Lee", "person"), node("state:freedonia", "Freedonia", "state"), node("institution:acme", "Acme Corp", "institution"),
    node("place:old-town", "Old Town", "place"), node("person:zed", "Zed", "person")],
  edges: [
    edge("person:ann", "leader_of", "state:freedonia", [{ extractor: "rules", rule: "leader_of/x" }], "Ann Lee leads Freedonia."),
    // the same gold fact again, by another rule: it earns nothing more, but counts for that rule
    edge("person:ann", "official_of", "state:freedonia", [{ extractor: "rules", rule: "official_of/y" }], "Ann Lee leads Freedonia."),
    edge("person:ann", "works_for", "institution:acme", [{ extractor: "rules", rule: "works_for/z" }, { extractor: "classifier" }], "Ann Lee works for Acme Corp in Old Town."),
    edge("institution:acme", "located_in", "place:old-town", [{ extractor: "rules", rule: "located_in/w" }], "Ann Lee works for Acme Corp in Old Town."),
    edge("person:zed", "citizen_of", "state:freedonia", [{ extractor: "classifier" }], "Zed is a citizen of Freedonia."),
    edge("person:ann", "allied_with", "state:freedonia", [{ extractor: "rules", rule: "allied/v" }]),
    edge("person:ann", "co_occurs_with", "institution:acme", [{ extractor: "cooccurrence" }]),
    { source: "state:freedonia", target: "institution:acme", attributes: { relation: "part_of" } },
  ],
};
const goldB = Gold.parse({ entities: [entity("p", "person", "Cy"), entity("q", "state", "Ruritania")], relations: [fact("p", ["citizen_of"], "q")] });
const graphB: ScorableGraph = {
  nodes: [node("person:cy", "Cy", "person"), node("state:ruritania", "Ruritania", "state")],
  edges: [edge("person:cy", "citizen_of", "state:ruritania", [{ extractor: "classifier" }])],
};

describe("scoreDocument and summariseCorpus", () => {
  const a = scoreDocument({ slug: "a", gold: goldA, graph: graphA, text: TEXT_A, ignoreRelations: ["allied_with"] });
  const b = scoreDocument({ slug: "b", gold: goldB, graph: graphB, ignoreRelations: ["allied_with"] });
  const report = summariseCorpus([a, b]);

  it("scores one document as scoreGraph does, after leaving out the ignored relations", () => {
    const without = { ...graphA, edges: graphA.edges!.filter((e) => e.attributes?.relation !== "allied_with") };
    const plain = scoreGraph(goldA, without, [TEXT_A]);
    expect(a.entities).toEqual(plain.entities);
    expect(a.relations).toEqual(plain.relations);
    expect(a.dropped).toBe(1);
    // Ann, Freedonia, Acme found; Zed spurious; Bob Ray missed; Old Town optional
    expect(a.entities).toMatchObject({ tp: 3, fp: 1, fn: 1, p: 0.75, r: 0.75 });
    // leader_of and works_for found; Zed's citizenship and part_of wrong; citizen_of, met_with, member_of missed
    expect(a.relations).toMatchObject({ tp: 2, fp: 2, fn: 3, p: 0.5, r: 0.4 });
    expect(a.evidence).toEqual({ found: 5, total: 6 });
  });

  it("averages per-document figures for macro and sums counts for micro", () => {
    expect(report.documents).toBe(2);
    expect(report.entities.micro).toMatchObject({ tp: 5, fp: 1, fn: 1 });
    expect(report.entities.micro.p).toBeCloseTo(5 / 6, 12);
    expect(report.entities.macro.p).toBeCloseTo((0.75 + 1) / 2, 12);
    expect(report.relations.micro).toMatchObject({ tp: 3, fp: 2, fn: 3, p: 0.6, r: 0.5 });
    expect(report.relations.micro.f1).toBeCloseTo(6 / 11, 12);
    expect(report.relations.macro.p).toBeCloseTo(0.75, 12);
    expect(report.relations.macro.r).toBeCloseTo(0.7, 12);
    expect(report.relations.macro.f1).toBeCloseTo((4 / 9 + 1) / 2, 12);
  });

  it("counts gold facts by their first relation, and scores each relation's edges alone", () => {
    const byType = Object.fromEntries(report.relationTypes.map((t) => [t.relation, t]));
    expect(byType.citizen_of).toMatchObject({ gold: 2, found: 1, fn: 1, tp: 1, fp: 1, p: 0.5, r: 0.5 });
    expect(byType.leader_of).toMatchObject({ gold: 1, found: 1, fn: 0, tp: 1, fp: 0 });
    expect(byType.works_for).toMatchObject({ gold: 1, found: 1, tp: 1, fp: 0 });
    expect(byType.met_with).toMatchObject({ gold: 1, found: 0, fn: 1, tp: 0, fp: 0 });
    expect(byType.member_of).toMatchObject({ gold: 1, found: 0, fn: 1 });
    expect(byType.part_of).toMatchObject({ gold: 0, tp: 0, fp: 1 });
    // official_of found the fact leader_of found too: alone, it finds it; located_in hit an optional fact only,
    // and co_occurs_with is never scored
    expect(byType.official_of).toMatchObject({ gold: 0, found: 0, tp: 1, fp: 0 });
    expect(byType.located_in).toBeUndefined();
    expect(byType.co_occurs_with).toBeUndefined();
    const sum = (k: "tp" | "fp" | "fn" | "found") => report.relationTypes.reduce((s, t) => s + t[k], 0);
    expect([sum("found"), sum("fp"), sum("fn")]).toEqual([3, 2, 3]);
    expect(sum("tp")).toBe(4);
  });

  it("scores each extractor's and rule's edges alone, and counts the facts only one of them found", () => {
    const ex = Object.fromEntries(report.extractors.map((x) => [x.extractor, x]));
    expect(ex.rules).toMatchObject({ tp: 2, fp: 0, neutral: 2, p: 1, only: 1 });
    expect(ex.classifier).toMatchObject({ tp: 2, fp: 1, neutral: 0, only: 1 });
    expect(ex.classifier.p).toBeCloseTo(2 / 3, 12);
    expect(ex.unknown).toMatchObject({ tp: 0, fp: 1, only: 0 });
    expect(ex.cooccurrence).toBeUndefined();
    const rule = (extractor: string, r: string | null) => report.rules.find((x) => x.extractor === extractor && x.rule === r);
    expect(rule("rules", "leader_of/x")).toMatchObject({ tp: 1, fp: 0, neutral: 0, only: 0 });
    expect(rule("rules", "official_of/y")).toMatchObject({ tp: 1, fp: 0, neutral: 0, only: 0 });
    expect(rule("rules", "works_for/z")).toMatchObject({ tp: 1, only: 0 });
    expect(rule("rules", "located_in/w")).toMatchObject({ tp: 0, neutral: 1 });
    expect(rule("classifier", null)).toMatchObject({ noRule: true, tp: 2, fp: 1, only: 1 });
    expect(rule("rules", "allied/v")).toBeUndefined();
    // the worst first
    expect(report.rules[0]).toMatchObject({ extractor: "unknown", p: 0, fp: 1 });
  });

  it("lists missed facts with the gold sentence and wrong edges with theirs and their rules", () => {
    expect(a.missedRelations).toContainEqual({ source: "Bob Ray", relation: "citizen_of", target: "Freedonia", evidence: "Bob Ray is a Freedonian." });
    expect(a.missedRelations.map((m) => m.relation).sort()).toEqual(["citizen_of", "member_of", "met_with"]);
    expect(a.wrongRelations).toContainEqual({
      source: "Zed", relation: "citizen_of", target: "Freedonia", evidence: "Zed is a citizen of Freedonia.", provenance: ["classifier"], unaligned: ["Zed"],
    });
    expect(a.wrongRelations).toContainEqual({ source: "Freedonia", relation: "part_of", target: "Acme Corp", provenance: ["unknown"] });
    expect(a.missedEntities).toEqual(["Bob Ray"]);
  });
});

describe("the relations a corpus cannot express", () => {
  it("come from the converter a gold file names, and none for other gold files", () => {
    expect(uncoveredRelations({ about: 'DWIE document DW_1 "x" (...), converted by dwie_to_gold.py. Entity ...' })).toContain("party_to");
    expect(uncoveredRelations({ about: "Re-DocRED ... converted by eval/redocred_to_gold.py. Entity ..." })).toContain("met_with");
    const seed = Gold.parse(JSON.parse(readFileSync(join(ROOT, "test/fixtures/seed/gold.json"), "utf8")));
    expect(uncoveredRelations(seed)).toEqual([]);
    expect(uncoveredRelations({})).toEqual([]);
  });

  it("are the converters' own UNCOVERED lists", () => {
    for (const [script, list] of Object.entries(UNCOVERED_RELATIONS)) {
      const path = join(ROOT, "../shared/tools", script);
      if (!existsSync(path)) continue;
      const m = /^UNCOVERED = \[([^\]]*)\]/m.exec(readFileSync(path, "utf8"));
      expect(m, script).not.toBeNull();
      expect([...m![1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]), script).toEqual(list);
    }
  });
});
