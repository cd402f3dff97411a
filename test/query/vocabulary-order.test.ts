// Queries find typed relations by the vocabulary's `typed` property, wherever a relation sits in the list.
import { describe, expect, it, vi } from "vitest";
import type { RelationSpec } from "../../src/schema/vocabulary.js";

// The vocabulary reordered: co-occurrence first, a second weak relation in the middle, a typed one last.
vi.mock("../../src/schema/vocabulary.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/schema/vocabulary.js")>();
  const { co_occurs_with, ...rest } = real.RELATIONS;
  const entries = Object.entries(rest);
  const any = Object.keys(real.KINDS) as Array<keyof typeof real.KINDS>;
  const weak: RelationSpec = { label: "cited with", symmetric: true, from: any, to: any, color: "#b8b8b8", typed: false };
  const funds: RelationSpec = { label: "funds", symmetric: false, from: any, to: any, color: "#6d6d6d", typed: true };
  const relations = Object.fromEntries([
    ["co_occurs_with", co_occurs_with],
    ...entries.slice(0, 7),
    ["cited_with", weak],
    ...entries.slice(7),
    ["funds", funds],
  ]) as Record<string, RelationSpec>;
  return { ...real, RELATIONS: relations, ...real.deriveVocabulary(real.KINDS, relations) };
});

const { syntheticGraph } = await import("../../bench/synthetic.js");
const { KnowledgeGraph } = await import("../../src/query/index.js");
const { RELATION_TYPES, TYPED_RELATIONS } = await import("../../src/schema/index.js");

const graph = syntheticGraph({ nodes: 150, edges: 900, seed: 11 });
const kg = KnowledgeGraph.fromGraph(graph);
const isTyped = (relation: string) => (TYPED_RELATIONS as ReadonlySet<string>).has(relation);
const typedEdges = graph.filterEdges((_, a) => isTyped(a.relation)).sort();

describe("a vocabulary whose typed relations are not a prefix of the list", () => {
  it("is the one the query layer sees", () => {
    expect(RELATION_TYPES[0]).toBe("co_occurs_with");
    expect(RELATION_TYPES.at(-1)).toBe("funds");
    expect(isTyped("funds")).toBe(true);
    expect(isTyped("cited_with")).toBe(false);
    // every relation occurs in the graph, so each test below can see a misfiled one
    expect(new Set(graph.mapEdges((_, a) => a.relation))).toEqual(new Set(RELATION_TYPES));
  });

  it("relations() returns exactly the typed edges, then the weak ones only on request, typed first", () => {
    expect(kg.relations().map((r) => r.id).sort()).toEqual(typedEdges);
    const all = kg.relations({ includeCooccurrence: true });
    expect(all.map((r) => r.id).sort()).toEqual(graph.edges().sort());
    const firstWeak = all.findIndex((r) => !isTyped(r.relation));
    expect(firstWeak).toBe(typedEdges.length);
    expect(all.slice(firstWeak).every((r) => !isTyped(r.relation))).toBe(true);
    expect(kg.relations({ relation: "funds" }).length).toBe(graph.filterEdges((_, a) => a.relation === "funds").length);
  });

  it("neighbors() follows typed relations only, unless co-occurrence is asked for", () => {
    for (const node of graph.nodes().slice(0, 30)) {
      const typed = new Set<string>();
      const all = new Set<string>();
      graph.forEachEdge(node, (_, a, s, t) => {
        const other = s === node ? t : s;
        all.add(other);
        if (isTyped(a.relation)) typed.add(other);
      });
      expect(new Set(kg.neighbors(node).map((n) => n.id))).toEqual(typed);
      expect(new Set(kg.neighbors(node, { includeCooccurrence: true }).map((n) => n.id))).toEqual(all);
    }
  });

  it("an untyped pattern relationship matches typed edges only", () => {
    const found = kg.match("(a)-[r]-(b)", { limit: 1e6 }).bindings.map((b) => (b.r as { id: string }).id);
    expect([...new Set(found)].sort()).toEqual(typedEdges);
    const funds = kg.match("(a)-[r:funds]->(b)", { limit: 1e6 }).bindings.map((b) => (b.r as { id: string }).id);
    expect(funds.sort()).toEqual(graph.filterEdges((_, a) => a.relation === "funds").sort());
  });

  it("stats() counts every relation of the vocabulary", () => {
    const counts: Record<string, number> = {};
    graph.forEachEdge((_, a) => (counts[a.relation] = (counts[a.relation] ?? 0) + 1));
    expect(kg.stats().byRelation).toEqual(counts);
  });
});
