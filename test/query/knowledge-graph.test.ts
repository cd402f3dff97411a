import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { KgError } from "../../src/errors.js";
import { toGexf, toJson } from "../../src/export/index.js";
import { KnowledgeGraph, type EntityRecord, type PathResult, type RelationRecord } from "../../src/query/index.js";
import { GraphJson } from "../../src/schema/index.js";
import { SEED_TEXT, seedGraphJson } from "./seed-fixture.js";
import { codeOf } from "../helpers/errors.js";

let kg: KnowledgeGraph;
beforeAll(() => {
  kg = KnowledgeGraph.fromJson(seedGraphJson());
});


describe("the public entry", () => {
  it("exports the query API from kgraph's index", async () => {
    const kgraph = await import("../../src/index.js");
    expect(kgraph.KnowledgeGraph).toBe(KnowledgeGraph);
    expect(typeof kgraph.handleApiRequest).toBe("function");
    expectTypeOf<ReturnType<KnowledgeGraph["relations"]>>().toEqualTypeOf<RelationRecord[]>();
    expectTypeOf<ReturnType<KnowledgeGraph["path"]>>().toEqualTypeOf<PathResult | null>();
  });
});

describe("the seed fixture", () => {
  it("follows the graph JSON contract, and every evidence text is verbatim from the article", () => {
    const json = seedGraphJson();
    expect(GraphJson.safeParse(json).success).toBe(true);
    for (const edge of json.edges) {
      for (const ev of edge.attributes.evidence) expect(SEED_TEXT.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });
});

describe("load", () => {
  it("loads from parsed JSON, JSON text and a file path alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-query-"));
    const file = join(dir, "graph.json");
    writeFileSync(file, JSON.stringify(seedGraphJson()));
    for (const source of [seedGraphJson(), JSON.stringify(seedGraphJson()), file]) {
      const loaded = await KnowledgeGraph.load(source);
      expect(loaded.graph.order).toBe(seedGraphJson().nodes.length);
      expect(loaded.graph.size).toBe(seedGraphJson().edges.length);
    }
  });

  it("reports every schema issue with its path", async () => {
    const json = seedGraphJson() as unknown as { nodes: Array<{ attributes: Record<string, unknown> }> };
    json.nodes[2].attributes.kind = "planet";
    delete json.nodes[4].attributes.label;
    const err = await KnowledgeGraph.load(json).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KgError);
    expect((err as KgError).code).toBe("INVALID_GRAPH");
    const lines = (err as KgError).message.split("\n").slice(1).map((l) => l.trim());
    expect(lines.some((l) => l.startsWith("nodes.2.attributes.kind:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("nodes.4.attributes.label:"))).toBe(true);
  });

  it("rejects edges to unknown nodes, bad JSON text and a missing file by code", async () => {
    const json = seedGraphJson();
    json.edges[0].target = "person:nobody";
    await expect(KnowledgeGraph.load(json)).rejects.toMatchObject({ code: "INVALID_GRAPH" });
    await expect(KnowledgeGraph.load("{ not json")).rejects.toMatchObject({ code: "INVALID_GRAPH" });
    await expect(KnowledgeGraph.load(join(tmpdir(), "kg-no-such-dir", "graph.json"))).rejects.toMatchObject({ code: "GRAPH_MISSING" });
  });

  it("wraps an existing graphology graph without copying it", () => {
    const graph = MultiDirectedGraph.from(seedGraphJson());
    const wrapped = KnowledgeGraph.fromGraph(graph as never);
    expect(wrapped.graph).toBe(graph);
    expect(wrapped.entity("Kim Jong-un")?.id).toBe("person:kim-jong-un");
  });
});

describe("entity", () => {
  it.each([
    ["Kim Jong-un", "person:kim-jong-un"],
    ["kim jong-un", "person:kim-jong-un"],
    ["KIM JONG UN", "person:kim-jong-un"],
    ["Kim", "person:kim-jong-un"],
    ["Lyubimova", "person:olga-lyubimova"],
    ["Olga Lyubímova", "person:olga-lyubimova"],
    ["North Korean", "state:north-korea"],
    ["person:kim-ju-ae", "person:kim-ju-ae"],
    ["Korea", "state:north-korea"],
  ])("%s is %s", (name, id) => {
    expect(kg.entity(name)?.id).toBe(id);
  });

  it("returns null for an unknown name, and suggests the nearest names", () => {
    expect(kg.entity("Vladimir Putin")).toBeNull();
    expect(kg.suggest("Kim Jong-il")[0]).toBe("Kim Jong-un");
    expect(kg.suggest("Lyubimov")).toContain("Olga Lyubimova");
  });

  it("returns a full record with the node's attributes", () => {
    const e = kg.entity("Olga Lyubimova")!;
    expect(e).toMatchObject({ label: "Olga Lyubimova", kind: "person", documents: ["north-korea-russia.txt"] });
    expect(e.degree).toBe(kg.graph.degree(e.id));
    expectTypeOf(e).toEqualTypeOf<EntityRecord>();
  });
});

describe("entities", () => {
  it("filters by kind", () => {
    const states = kg.entities({ kind: "state" }).map((e) => e.label);
    expect(new Set(states)).toEqual(new Set(["North Korea", "Russia", "Ukraine", "South Korea"]));
  });

  it("searches labels and aliases, exact matches first, then most connected", () => {
    const kims = kg.entities({ search: "kim" }).map((e) => e.label);
    expect(kims[0]).toBe("Kim Jong-un");
    expect(new Set(kims)).toEqual(new Set(["Kim Jong-un", "Kim Yo-jong", "Kim Ju-ae"]));
    const koreas = kg.entities({ search: "korea", kind: "state" }).map((e) => e.label);
    expect(koreas).toEqual(["North Korea", "South Korea"]);
  });

  it("filters by document", () => {
    expect(kg.entities({ document: "north-korea-russia.txt" })).toHaveLength(kg.graph.order);
    expect(kg.entities({ document: "other.txt" })).toEqual([]);
    expect(codeOf(() => kg.entities({ kind: "planet" as never }))).toBe("INVALID_ARGS");
  });
});

describe("relations", () => {
  it("answers who Kim Jong-un's relatives are, with the evidence sentences", () => {
    const family = kg.relations({ entity: "Kim Jong-un", relation: ["sibling_of", "child_of", "spouse_of"] });
    const other = family.map((r) => (r.source.id === "person:kim-jong-un" ? r.target.label : r.source.label));
    expect(new Set(other)).toEqual(new Set(["Kim Yo-jong", "Kim Ju-ae"]));
    const daughter = family.find((r) => r.relation === "child_of")!;
    expect(daughter.source.label).toBe("Kim Ju-ae");
    expect(daughter.evidence[0].text).toContain("his daughter, Kim Ju-ae");
    expectTypeOf(daughter).toEqualTypeOf<RelationRecord>();
  });

  it("answers which people hold office in which states, with their roles", () => {
    const offices = kg
      .relations({ relation: "official_of" })
      .filter((r) => r.source.kind === "person" && r.target.kind === "state")
      .map((r) => [r.source.label, r.role, r.target.label]);
    expect(offices).toContainEqual(["Olga Lyubimova", "Culture Minister", "Russia"]);
    expect(offices).toContainEqual(["Choe Son-hui", "Foreign Minister", "North Korea"]);
  });

  it("leaves out co-occurrence unless asked", () => {
    const typed = kg.relations({ entity: "Olga Lyubimova" }).map((r) => r.relation);
    expect(typed).not.toContain("co_occurs_with");
    const all = kg.relations({ entity: "Olga Lyubimova", includeCooccurrence: true }).map((r) => r.relation);
    expect(all).toContain("co_occurs_with");
    expect(all.length).toBe(typed.length + 1);
  });

  it("filters by direction, and matches symmetric relations from either end", () => {
    const supplied = kg.relations({ source: "North Korea", relation: "supplies" });
    expect(supplied.map((r) => [r.target.label, r.items])).toEqual([["Russia", ["artillery shells", "ballistic missiles", "ammunition"]]]);
    expect(kg.relations({ target: "North Korea", relation: "supplies" }).map((r) => r.source.label)).toEqual(["Russia"]);
    expect(kg.relations({ source: "Russia", target: "North Korea", relation: "allied_with" })).toHaveLength(1);
    expect(kg.relations({ source: "Kim Yo-jong", relation: "sibling_of" })).toHaveLength(1);
  });

  it("throws UNKNOWN_ENTITY for a name it cannot resolve", () => {
    expect(codeOf(() => kg.relations({ entity: "Kim Jong-il" }))).toBe("UNKNOWN_ENTITY");
  });
});

describe("neighbors", () => {
  it("lists entities within depth hops, nearest first", () => {
    const one = kg.neighbors("Kim Jong-un");
    expect(new Set(one.map((n) => n.label))).toEqual(new Set(["North Korea", "Kim Yo-jong", "Kim Ju-ae", "gala"]));
    expect(one.every((n) => n.distance === 1)).toBe(true);
    const two = kg.neighbors("Kim Jong-un", { depth: 2 });
    expect(two.map((n) => n.label)).toContain("Olga Lyubimova");
    expect(two.find((n) => n.label === "Russia")?.distance).toBe(2);
    expect(two.map((n) => n.distance)).toEqual([...two.map((n) => n.distance)].sort());
  });

  it("follows only the relations asked for", () => {
    expect(kg.neighbors("Kim Jong-un", { relation: "child_of" }).map((n) => n.label)).toEqual(["Kim Ju-ae"]);
  });
});

describe("path", () => {
  it("connects Kim Ju-ae to Olga Lyubimova with evidence on every hop", () => {
    const path = kg.path("Kim Ju-ae", "Olga Lyubimova")!;
    expectTypeOf(path).toEqualTypeOf<PathResult>();
    expect(path.length).toBe(3);
    expect(path.entities.map((e) => e.label)).toEqual(["Kim Ju-ae", "Kim Jong-un", "gala", "Olga Lyubimova"]);
    expect(path.relations.map((r) => r.relation)).toEqual(["child_of", "attended", "attended"]);
    path.relations.forEach((r, i) => {
      expect(new Set([r.source.id, r.target.id])).toEqual(new Set([path.entities[i].id, path.entities[i + 1].id]));
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) expect(SEED_TEXT.slice(ev.start, ev.end)).toBe(ev.text);
    });
  });

  it("takes the co-occurrence shortcut only when asked", () => {
    expect(kg.path("Kim Ju-ae", "Olga Lyubimova", { includeCooccurrence: true })!.length).toBe(2);
  });

  it("returns null past maxLength or with no connection, and throws for unknown names", () => {
    expect(kg.path("Kim Ju-ae", "Olga Lyubimova", { maxLength: 2 })).toBeNull();
    expect(kg.path("South Korea", "Russia")).toBeNull();
    expect(codeOf(() => kg.path("Kim Ju-ae", "Nobody At All"))).toBe("UNKNOWN_ENTITY");
  });

  it("restricts hops to the relations asked for", () => {
    const path = kg.path("Kim Ju-ae", "Russia", { relation: ["child_of", "leader_of", "allied_with"] })!;
    expect(path.relations.map((r) => r.relation)).toEqual(["child_of", "leader_of", "allied_with"]);
  });
});

describe("subgraph and stats", () => {
  it("builds a new graph of the chosen entities and the edges among them", () => {
    const sub = kg.subgraph(["Kim Jong-un", "Kim Yo-jong", "Kim Ju-ae", "North Korea"]);
    expect(sub.graph.order).toBe(4);
    expect(sub.relations().map((r) => r.relation).sort()).toEqual(["child_of", "leader_of", "sibling_of"]);
    expect(GraphJson.safeParse(sub.graph.export()).success).toBe(true);
    const again = KnowledgeGraph.fromText(toJson(sub.graph));
    expect(again.path("Kim Yo-jong", "North Korea")?.length).toBe(2);
    expect(toGexf(sub.graph)).toContain("Kim Ju-ae");
    expect(kg.graph.order).toBe(seedGraphJson().nodes.length);
  });

  it("counts entities by kind, edges by relation and entities per document", () => {
    const stats = kg.stats();
    expect(stats.nodes).toBe(18);
    expect(stats.edges).toBe(18);
    expect(stats.byKind).toMatchObject({ person: 6, state: 4, place: 3 });
    expect(stats.byRelation).toMatchObject({ supplies: 2, co_occurs_with: 3, attended: 2 });
    expect(stats.documents).toEqual([{ id: "north-korea-russia.txt", title: "North Korea acknowledges casualties", entities: 18 }]);
  });
});

describe("read-only", () => {
  it("never changes the graph, even when callers mutate the results", () => {
    const before = JSON.stringify(kg.graph.export());
    kg.entity("Kim")!.aliases.push("mutated");
    kg.relations({ entity: "North Korea" })[0].evidence[0].text = "mutated";
    kg.relations({ relation: "supplies" })[0].items!.push("mutated");
    kg.neighbors("Russia", { depth: 3 });
    kg.path("Kim Ju-ae", "Russia");
    kg.match("(a)-[r*1..3]-(b)");
    kg.subgraph(["Kim", "Russia"]).graph.setNodeAttribute("person:kim-jong-un", "label", "mutated");
    kg.entities({ search: "korea" });
    kg.stats();
    expect(JSON.stringify(kg.graph.export())).toBe(before);
  });
});
