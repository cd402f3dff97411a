// Date ranges and timelines on a dated graph of real articles: which relations, evidence and entities fall in a range.
import { beforeAll, describe, expect, it } from "vitest";
import { KnowledgeGraph, handleApiRequest, type EntityRecord, type RelationRecord } from "../../src/query/index.js";
import type { GraphJson } from "../../src/schema/index.js";
import { ARTICLE_DATES, OWN_DATE, UNDATED, datedGraphJson } from "./dated-fixture.js";
import { seedGraphJson } from "./seed-fixture.js";
import { codeOf } from "../helpers/errors.js";

const DIRECTED = ["located_in", "citizen_of", "official_of", "leader_of", "member_of", "supplies", "part_of", "works_for"] as const;
type Ev = { doc: string; text: string; date?: string };
let json: GraphJson;
let kg: KnowledgeGraph;
beforeAll(() => {
  json = datedGraphJson();
  kg = KnowledgeGraph.fromJson(datedGraphJson());
});

const evidenceOf = (key: string): Ev[] => json.edges.find((e) => e.key === key)!.attributes.evidence as Ev[];
const within = (date: string | undefined, from: string, to: string): boolean => date !== undefined && date >= from && date <= to;


describe("the dated fixture", () => {
  it("is a real multi-document build with dated and undated documents", () => {
    expect(json.attributes.sources.length).toBe(Object.keys(ARTICLE_DATES).length + 1);
    expect(json.edges.some((e) => (e.attributes.evidence as Ev[]).some((ev) => ev.doc === UNDATED))).toBe(true);
    expect(json.edges.some((e) => (e.attributes.evidence as Ev[]).some((ev) => ev.date === OWN_DATE.date))).toBe(true);
  });
});

describe("relations in a date range", () => {
  it.each([
    ["2024-07", "2024-07", "2024-07-01", "2024-07-31"],
    ["2024", "2024", "2024-01-01", "2024-12-31"],
    ["2023-04-14", "2024-01-28", "2023-04-14", "2024-01-28"],
  ])("from %s to %s keeps exactly the relations, and the evidence, dated in [%s, %s]", (from, to, first, last) => {
    const found = kg.relations({ from, to, includeCooccurrence: true });
    const expected = json.edges.filter((e) => (e.attributes.evidence as Ev[]).some((ev) => within(ev.date, first, last))).map((e) => e.key);
    expect(found.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) {
      expect(r.evidence.length).toBeGreaterThan(0);
      expect(r.evidence.every((ev) => within(ev.date, first, last))).toBe(true);
      expect(r.evidence.length).toBe(evidenceOf(r.id).filter((ev) => within(ev.date, first, last)).length);
    }
  });

  it("leaves open sides open, and a range with neither side is no range", () => {
    const all = kg.relations({ includeCooccurrence: true }).length;
    expect(kg.relations({ from: undefined, to: undefined, includeCooccurrence: true }).length).toBe(all);
    const before = kg.relations({ to: "2023-12-31", includeCooccurrence: true }).length;
    const after = kg.relations({ from: "2024", includeCooccurrence: true }).length;
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    // a relation read in 2023 and in 2024 is in both halves; undated ones are in neither
    expect(before + after).toBeLessThan(all + kg.relations({ from: "2023", to: "2023", includeCooccurrence: true }).length);
  });

  it("dates a statement by its sentence's own date before its document's", () => {
    const [finland] = kg.relations({ entity: "Finland", relation: "member_of", from: "2023-04", to: "2023-04" });
    expect(finland.target.label).toBe("NATO");
    expect(finland.evidence.map((ev) => ev.text)).toEqual([expect.stringContaining(OWN_DATE.fragment)]);
    // its article is of July 2024, the statement of April 2023
    expect(kg.relations({ entity: "Finland", relation: "member_of", from: ARTICLE_DATES["world-news.txt"] })).toEqual([]);
  });

  it("leaves undated relations out of any range, and keeps them without one", () => {
    const undated = json.edges.filter((e) => (e.attributes.evidence as Ev[]).every((ev) => ev.date === undefined)).map((e) => e.key);
    expect(undated.length).toBeGreaterThan(0);
    const ids = new Set(kg.relations({ from: "1900", to: "2100", includeCooccurrence: true }).map((r) => r.id));
    expect(undated.filter((k) => ids.has(k))).toEqual([]);
    const everything = new Set(kg.relations({ includeCooccurrence: true }).map((r) => r.id));
    expect(undated.every((k) => everything.has(k))).toBe(true);
  });

  it("finds nothing in a range on a graph written before dates", () => {
    const old = KnowledgeGraph.fromJson(seedGraphJson());
    expect(old.relations().length).toBeGreaterThan(0);
    expect(old.relations({ from: "1900" })).toEqual([]);
    expect(old.entities({ to: "2100" })).toEqual([]);
  });

  it.each([
    [{ from: "2024-13" }], [{ from: "2024-02-30" }], [{ to: "2023-02-29" }], [{ from: "24" }], [{ to: "2024/07" }],
    [{ from: "2024-07-16T10:00:00Z" }], [{ from: "2024-08", to: "2024-07" }],
  ])("rejects %j with INVALID_ARGS", (range) => {
    expect(codeOf(() => kg.relations(range))).toBe("INVALID_ARGS");
  });

  it("knows leap days: to 2024-02 ends on the 29th", () => {
    expect(codeOf(() => kg.relations({ from: "2024-02-29", to: "2024-02" }))).toBeUndefined();
  });
});

describe("entities, neighbours, paths and patterns in a date range", () => {
  it("lists entities with a document dated in the range", () => {
    const found = kg.entities({ from: "2024-07", to: "2024-07" }).map((e) => e.id);
    const expected = json.nodes.filter((n) => n.attributes.documents.some((d) => within(ARTICLE_DATES[d], "2024-07-01", "2024-07-31"))).map((n) => n.key);
    expect(found.sort()).toEqual(expected.sort());
    expect(found.length).toBeLessThan(json.nodes.length);
  });

  it("reaches neighbours only through relations dated in the range", () => {
    const range = { from: "2024-07", to: "2024-07" };
    const start = kg.requireEntity("Russia");
    const dated = kg.relations({ ...range, entity: start.id, includeCooccurrence: true });
    const expected = new Set(dated.map((r) => (r.source.id === start.id ? r.target.id : r.source.id)));
    const found = kg.neighbors(start, { ...range, includeCooccurrence: true });
    expect(new Set(found.map((n) => n.id))).toEqual(expected);
    expect(found.length).toBeLessThan(kg.neighbors(start, { includeCooccurrence: true }).length);
  });

  it("finds paths over dated relations only, each hop with the evidence of the range", () => {
    const pairs = kg.relations({ includeCooccurrence: true }).filter((r) => r.evidence.some((ev) => (ev as Ev).date?.startsWith("2024-07")));
    const hop = pairs[0];
    const path = kg.path(hop.source, hop.target, { from: "2024-07", to: "2024-07", includeCooccurrence: true })!;
    expect(path.length).toBe(1);
    expect(path.relations[0].evidence.every((ev) => ev.date!.startsWith("2024-07"))).toBe(true);
    // a range none of whose relations join them leaves no path
    expect(kg.path(hop.source, hop.target, { from: "1990", to: "1990", includeCooccurrence: true })).toBeNull();
  });

  it("binds relationships dated in the range, and lone nodes with a document in it", () => {
    const range = { from: "2024", to: "2024" };
    // directed relations only: a symmetric one binds both ways round
    const m = kg.match(`(a)-[r:${DIRECTED.join("|")}]->(b:state)`, range);
    const expected = kg.relations({ ...range, relation: DIRECTED }).filter((r) => r.target.kind === "state");
    expect(expected.length).toBeGreaterThan(0);
    expect(m.bindings.map((b) => (b.r as RelationRecord).id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(m.total).toBe(expected.length);
    const lone = kg.match("(a:person)", range).bindings.map((b) => (b.a as EntityRecord).id);
    expect(lone.sort()).toEqual(kg.entities({ ...range, kind: "person" }).map((e) => e.id).sort());
  });
});

describe("timeline", () => {
  it("lists every dated statement of an entity's relations once, oldest first, with only that date's evidence", () => {
    const t = kg.timeline("Russia", { includeCooccurrence: true });
    const dates = t.items.map((x) => x.date);
    expect(dates).toEqual([...dates].sort());
    expect(t.total).toBe(t.items.length);
    for (const x of t.items) expect(x.relation.evidence.every((ev) => ev.date === x.date)).toBe(true);
    // the (relation, date) pairs, and the undated evidence count, straight from the graph JSON
    const russia = t.entity.id;
    const mine = json.edges.filter((e) => e.source === russia || e.target === russia);
    const pairs = new Set(mine.flatMap((e) => (e.attributes.evidence as Ev[]).flatMap((ev) => (ev.date ? [`${e.key} ${ev.date}`] : []))));
    expect(new Set(t.items.map((x) => `${x.relation.id} ${x.date}`))).toEqual(pairs);
    expect(t.items.length).toBe(pairs.size);
    expect(t.undated).toBe(mine.flatMap((e) => e.attributes.evidence as Ev[]).filter((ev) => !ev.date).length);
    expect(t.undated).toBeGreaterThan(0);
  });

  it("takes a range and pages like the other lists", () => {
    const all = kg.timeline("Russia", { includeCooccurrence: true });
    const july = kg.timeline("Russia", { includeCooccurrence: true, from: "2024-07", to: "2024-07" });
    expect(july.items.map((x) => x.relation.id)).toEqual(all.items.filter((x) => x.date.startsWith("2024-07")).map((x) => x.relation.id));
    const page = kg.timeline("Russia", { includeCooccurrence: true, offset: 2, limit: 3 });
    expect(page.items).toEqual(all.items.slice(2, 5));
    expect([page.total, page.nextOffset]).toEqual([all.total, 5]);
  });
});

describe("the HTTP API with dates", () => {
  const get = (path: string) => {
    const res = handleApiRequest(kg, new URL(path, "http://localhost"));
    return { status: res.status, body: JSON.parse(JSON.stringify(res.body)) as Record<string, unknown> };
  };

  it("filters relations, neighbours, matches and timelines by from= and to=", () => {
    const rel = get("/api/relations?entity=Russia&cooccurrence=true&from=2024-07&to=2024-07");
    expect(rel.status).toBe(200);
    expect((rel.body.relations as RelationRecord[]).map((r) => r.id)).toEqual(
      kg.relations({ entity: "Russia", includeCooccurrence: true, from: "2024-07", to: "2024-07" }).map((r) => r.id),
    );
    expect(get("/api/neighbors?entity=Russia&from=2024-07&to=2024-07").body.total).toBe(kg.neighborsPage("Russia", { from: "2024-07", to: "2024-07" }).total);
    const pattern = encodeURIComponent(`(a)-[r:${DIRECTED.join("|")}]->(b)`);
    expect(get(`/api/match?pattern=${pattern}&from=2024`).body.total).toBe(kg.relations({ from: "2024", relation: DIRECTED }).length);
    const t = get("/api/timeline?entity=Russia&cooccurrence=true");
    expect(t.body.total).toBe(kg.timeline("Russia", { includeCooccurrence: true }).total);
    expect(t.body.undated).toBeGreaterThan(0);
  });

  it("names the date range of /api/path since= and until=, as from= and to= name its entities", () => {
    const hop = kg.relations({ from: "2024-07", to: "2024-07" })[0];
    const q = (s: string) => encodeURIComponent(s);
    expect(get(`/api/path?from=${q(hop.source.id)}&to=${q(hop.target.id)}&since=2024-07&until=2024-07`).body.path).not.toBeNull();
    expect(get(`/api/path?from=${q(hop.source.id)}&to=${q(hop.target.id)}&since=1990&until=1990`).body).toEqual({ path: null });
  });

  it.each([
    ["/api/relations?from=2024-13", "from"],
    ["/api/relations?to=July", "to"],
    ["/api/relations?from=2024-08&to=2024-07", "from"],
    ["/api/timeline?entity=Russia&from=2024-02-30", "from"],
    ["/api/path?from=Russia&to=Mali&since=soon", "since"],
  ])("answers %s with 400 naming %s", (path, field) => {
    const res = get(path);
    expect(res.status).toBe(400);
    expect((res.body.issues as Array<{ path: string }>).map((i) => i.path)).toContain(field);
    expect(res.body.error).toContain(`${field}:`);
  });
});
