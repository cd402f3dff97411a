import { beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS, DOCUMENT_SAMPLE, KnowledgeGraph, handleApiRequest } from "../../src/query/index.js";
import type { EntityRecord, PathResult, RelationRecord } from "../../src/query/index.js";
import { datedGraphJson } from "./dated-fixture.js";
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

describe("records and pages on a corpus-sized hub", () => {
  // The real build of test/fixtures/articles, with one entity mentioned in as many documents as the United States in a corpus
  let hub: KnowledgeGraph;
  const HUB_DOCUMENTS = Array.from({ length: 1697 }, (_, i) => `news/${String(i).padStart(4, "0")}.md`);
  beforeAll(() => {
    const json = datedGraphJson();
    const russia = json.nodes.find((n) => n.attributes.label === "Russia")!;
    russia.attributes.documents = [...russia.attributes.documents, ...HUB_DOCUMENTS];
    hub = KnowledgeGraph.fromJson(json);
  });
  const on = (path: string) => {
    const res = handleApiRequest(hub, new URL(path, "http://localhost"));
    const text = JSON.stringify(res.body);
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, bytes: text.length };
  };

  it("gives entity records a document count and a few ids, and every id on request", () => {
    const entity = on("/api/entity?name=Russia").body.entity as EntityRecord;
    expect(entity.documentCount).toBe(HUB_DOCUMENTS.length + 6);
    expect(entity.documents).toHaveLength(DOCUMENT_SAMPLE);
    const all = on("/api/entity?name=Russia&documents=all").body.entity as EntityRecord;
    expect(all.documents).toHaveLength(all.documentCount);
    expect(hub.entity("Russia", { documents: "all" })!.documents).toEqual(all.documents);
    expect(all.documents.slice(0, DOCUMENT_SAMPLE)).toEqual(entity.documents);
    expect(on("/api/entity?name=Russia&documents=some").status).toBe(400);
  });

  it("answers a hub's relations in a few KB, not one record per document id", () => {
    const res = on("/api/relations?entity=Russia&cooccurrence=true");
    expect(res.status).toBe(200);
    const relations = res.body.relations as RelationRecord[];
    expect(relations.length).toBeGreaterThan(10);
    for (const r of relations) for (const e of [r.source, r.target]) expect(e.documents.length).toBeLessThanOrEqual(DOCUMENT_SAMPLE);
    expect(res.bytes / relations.length).toBeLessThan(3000);
  });

  it.each(["relations?entity=Russia&cooccurrence=true", "entities?kind=state", "neighbors?entity=Russia&depth=2&cooccurrence=true", "timeline?entity=Russia&cooccurrence=true"])(
    "pages /api/%s in the order of the whole list, with no overlap or gap, and the same pages as the TypeScript API",
    (route) => {
      const key = route.startsWith("timeline") ? "entries" : route.split("?")[0];
      const all = on(`/api/${route}&limit=1000`).body;
      const whole = all[key] as unknown[];
      expect(whole.length).toBe(all.total);
      expect(whole.length).toBeGreaterThan(7);
      const seen: unknown[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page = on(`/api/${route}&limit=7&offset=${offset}`).body;
        expect([page.total, page.offset, page.limit]).toEqual([all.total, offset, 7]);
        seen.push(...(page[key] as unknown[]));
        offset = page.nextOffset as number | null;
        expect(page.truncated).toBe(offset !== null);
      }
      expect(seen).toEqual(whole);
      expect(on(`/api/${route}&offset=${whole.length}`).body[key]).toEqual([]);
    },
  );

  it("pages the TypeScript API the same way", () => {
    const all = hub.relationsPage({ entity: "Russia", includeCooccurrence: true });
    const second = hub.relationsPage({ entity: "Russia", includeCooccurrence: true, offset: 5, limit: 5 });
    expect(second.items).toEqual(all.items.slice(5, 10));
    expect([second.total, second.nextOffset]).toEqual([all.total, 10]);
    const body = on("/api/relations?entity=Russia&cooccurrence=true&offset=5&limit=5").body;
    expect(body.relations).toEqual(JSON.parse(JSON.stringify(second.items)));
    const m = hub.match("(a)-[r]-(b)", { offset: 3, limit: 4, includeCooccurrence: true });
    const whole = hub.match("(a)-[r]-(b)", { includeCooccurrence: true, limit: 1000 });
    expect(m.bindings).toEqual(whole.bindings.slice(3, 7));
    expect([m.total, m.complete, m.truncated]).toEqual([whole.total, true, true]);
  });

  it.each([
    ["/api/relations?offset=-1", "offset"],
    ["/api/relations?limit=0", "limit"],
    ["/api/relations?limit=1001", "limit"],
    ["/api/entities?offset=two", "offset"],
    ["/api/timeline?entity=Russia&limit=5000", "limit"],
    ["/api/timeline", "entity"],
  ])("rejects %s with 400 naming %s", (path, field) => {
    const res = on(path);
    expect(res.status).toBe(400);
    expect((res.body.issues as Array<{ path: string }>).map((i) => i.path)).toContain(field);
    expect(res.body.error).toContain(`${field}:`);
  });
});
