import { beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS, KnowledgeGraph, handleApiRequest } from "../../src/query/index.js";
import type { EntityRecord, PathResult, RelationRecord } from "../../src/query/index.js";
import { seedGraphJson } from "./seed-fixture.js";

let kg: KnowledgeGraph;
beforeAll(() => {
  kg = KnowledgeGraph.fromJson(seedGraphJson());
});

function get(path: string): { status: number; body: Record<string, unknown> } {
  const res = handleApiRequest(kg, new URL(path, "http://localhost"));
  // The body must survive JSON, as it will on the wire.
  return { status: res.status, body: JSON.parse(JSON.stringify(res.body)) };
}

describe("handleApiRequest", () => {
  it("serves entities by search and kind", () => {
    const res = get("/api/entities?search=kim&kind=person");
    expect(res.status).toBe(200);
    expect((res.body.entities as EntityRecord[]).map((e) => e.label)[0]).toBe("Kim Jong-un");
    expect(res.body.truncated).toBe(false);
    const capped = get("/api/entities?limit=2");
    expect(capped.body.entities).toHaveLength(2);
    expect(capped.body.truncated).toBe(true);
  });

  it("serves one entity, or 404 with suggestions", () => {
    expect((get("/api/entity?name=lyubimova").body.entity as EntityRecord).id).toBe("person:olga-lyubimova");
    const missing = get("/api/entity?name=Kim%20Jong-il");
    expect(missing.status).toBe(404);
    expect(missing.body.suggestions).toContain("Kim Jong-un");
  });

  it("serves relations with evidence, filtered by entity and relation list", () => {
    const res = get("/api/relations?entity=Kim%20Jong-un&relation=sibling_of,child_of");
    const relations = res.body.relations as RelationRecord[];
    expect(relations.map((r) => r.relation).sort()).toEqual(["child_of", "sibling_of"]);
    expect(relations.every((r) => r.evidence.length > 0)).toBe(true);
    expect(get("/api/relations?entity=Nobody%20Here").status).toBe(404);
  });

  it("serves neighbours and paths within the caps", () => {
    const res = get("/api/neighbors?entity=Kim&depth=2");
    expect(res.status).toBe(200);
    expect((res.body.neighbors as EntityRecord[]).map((e) => e.label)).toContain("Olga Lyubimova");
    expect(res.body.truncated).toBe(false);
    const nearest = get("/api/neighbors?entity=Kim&depth=3&limit=2").body;
    expect((nearest.neighbors as Array<{ distance: number }>).map((n) => n.distance)).toEqual([1, 1]);
    expect(nearest.truncated).toBe(true);
    const path = get("/api/path?from=Kim%20Ju-ae&to=Olga%20Lyubimova").body.path as PathResult;
    expect(path.entities.map((e) => e.label)).toEqual(["Kim Ju-ae", "Kim Jong-un", "gala", "Olga Lyubimova"]);
    expect(get("/api/path?from=South%20Korea&to=Russia").body).toEqual({ path: null });
  });

  it("serves pattern matches, and 400 with the position for a bad pattern", () => {
    const ok = get(`/api/match?pattern=${encodeURIComponent("(a:person)-[:official_of]->(b:state)")}`);
    expect(ok.status).toBe(200);
    expect(ok.body.bindings).toHaveLength(2);
    const bad = get(`/api/match?pattern=${encodeURIComponent("(a)-[r:sibling_of)-(b)")}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "INVALID_PATTERN", position: 17 });
  });

  it("serves stats", () => {
    expect(get("/api/stats").body).toMatchObject({ nodes: 18, edges: 18 });
  });

  it.each([
    ["/api/neighbors?entity=Kim&depth=4", "depth"],
    ["/api/neighbors?entity=Kim&depth=two", "depth"],
    ["/api/neighbors", "entity"],
    ["/api/path?from=Kim&to=Russia&maxLength=7", "maxLength"],
    ["/api/relations?relation=knows", "relation.0"],
    ["/api/entities?kind=planet", "kind"],
    ["/api/match?pattern=(a)&limit=100000", "limit"],
    ["/api/entity?name=Kim&extra=1", ""],
  ])("rejects %s with 400 naming %s", (path, field) => {
    const res = get(path);
    expect(res.status).toBe(400);
    expect((res.body.issues as Array<{ path: string }>).map((i) => i.path)).toContain(field);
  });

  it("answers 404 for an unknown endpoint", () => {
    expect(get("/api/nothing").status).toBe(404);
    expect(get("/other/stats").status).toBe(404);
  });

  it("caps match results and flags truncation", () => {
    expect(API_LIMITS.matchResults).toBe(1000);
    const res = get("/api/match?pattern=(a)-[*1..6]-(b)&limit=5");
    expect(res.body.bindings).toHaveLength(5);
    expect(res.body.truncated).toBe(true);
  });
});
