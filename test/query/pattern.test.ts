import { beforeAll, describe, expect, it } from "vitest";
import { KnowledgeGraph, PatternError, parsePattern } from "../../src/query/index.js";
import type { EntityRecord, RelationRecord } from "../../src/query/index.js";
import { seedGraphJson } from "./seed-fixture.js";

let kg: KnowledgeGraph;
beforeAll(() => {
  kg = KnowledgeGraph.fromJson(seedGraphJson());
});

const label = (v: unknown): string => (v as EntityRecord).label;
const pairs = (pattern: string, a = "a", b = "b"): string[] =>
  kg.match(pattern).bindings.map((x) => `${label(x[a])} > ${label(x[b])}`).sort();

function patternError(pattern: string): PatternError {
  try {
    parsePattern(pattern);
  } catch (err) {
    if (err instanceof PatternError) return err;
    throw err;
  }
  throw new Error(`no error for ${pattern}`);
}

describe("parsePattern", () => {
  it("reads nodes, kinds, properties, directions and hop ranges", () => {
    const p = parsePattern(`MATCH (a:person|state {label: "Kim Jong-un"})<-[r:sibling_of|:child_of*1..3 {role: 'x'}]-(b)-->(c {id: "state:russia"})`);
    expect(p.nodes.map((n) => n.variable)).toEqual(["a", "b", "c"]);
    expect(p.nodes[0]).toMatchObject({ kinds: ["person", "state"], name: "kim jong un", position: 6 });
    expect(p.rels[0]).toMatchObject({ variable: "r", relations: ["sibling_of", "child_of"], direction: "in", min: 1, max: 3, variableLength: true, props: { role: "x" } });
    expect(p.rels[1]).toMatchObject({ direction: "out", min: 1, max: 1, variableLength: false });
    expect(p.nodes[2].id).toBe("state:russia");
  });

  it.each([
    ["*", 1, 6],
    ["*2", 2, 2],
    ["*..3", 1, 3],
    ["*2..", 2, 6],
    ["*0..1", 0, 1],
  ])("reads hop range %s as %i..%i", (hops, min, max) => {
    expect(parsePattern(`(a)-[${hops}]->(b)`).rels[0]).toMatchObject({ min, max });
  });

  it.each([
    ["(a)-[r:sibling_of)-(b)", 17, '"]"', '")"'],
    ["(a:persn)", 3, "an entity kind (person, state, institution, place, event, agreement)", '"persn"'],
    ["(a)-[:knows]->(b)", 6, "a relation type (e.g. official_of, sibling_of, supplies)", '"knows"'],
    ["(a)-[]->", 8, 'a node "("', "end of pattern"],
    ["(a) (b)", 4, 'a relationship "-[...]-" or the end of the pattern', '"("'],
    ["(a {age: 3})", 4, "a property name (label, name, kind, id)", '"age"'],
    ["(a {label: Kim})", 11, "a quoted string or a number", '"Kim"'],
    ['(a {label: "Kim)', 16, "closing \" for the string opened at 11", "end of pattern"],
    ["(a)<-[]->(b)", 8, 'a relationship that points one way, "<-[]-" or "-[]->"', '">"'],
    ["(a)-[*3..2]->(b)", 5, "a minimum no larger than the maximum 2", '"*"'],
    ["(a)-[*9]->(b)", 6, "a whole number of hops up to 6", '"9"'],
    ["(a)-[a]->(b)", 5, "a variable not already used for a node", '"a"'],
    ["(a)-[r]->(b)-[r]->(c)", 14, "a relationship variable used only once", '"r"'],
    ["(a) # x", 4, 'a node "(" or a relationship "-["', '"#"'],
  ])("rejects %s at %i", (pattern, position, expected, found) => {
    const err = patternError(pattern);
    expect(err.code).toBe("INVALID_PATTERN");
    expect({ position: err.position, expected: err.expected, found: err.found }).toEqual({ position, expected, found });
  });
});

describe("match", () => {
  it("finds which people hold office in which states", () => {
    expect(pairs("(a:person)-[:official_of]->(b:state)")).toEqual(["Choe Son-hui > North Korea", "Olga Lyubimova > Russia"]);
  });

  it("binds named relationships with their evidence and role", () => {
    const [binding] = kg.match("(a {label: 'Olga Lyubimova'})-[r:official_of]->(b)").bindings;
    const r = binding.r as RelationRecord;
    expect(r.role).toBe("Culture Minister");
    expect(r.evidence[0].text).toContain("Russian Culture Minister Olga Lyubimova");
  });

  it("follows <- and undirected patterns, and symmetric relations either way", () => {
    expect(pairs("(a)<-[:child_of]-(b)")).toEqual(["Kim Jong-un > Kim Ju-ae"]);
    expect(pairs('(a)-[r:sibling_of|child_of]-(b {label: "Kim Jong-un"})')).toEqual(["Kim Ju-ae > Kim Jong-un", "Kim Yo-jong > Kim Jong-un"]);
    expect(pairs("(a {label: 'Kim Yo-jong'})-[:sibling_of]->(b)")).toEqual(["Kim Yo-jong > Kim Jong-un"]);
    expect(pairs("(a)-[:supplies]->(b)")).toEqual(["North Korea > Russia", "Russia > North Korea"]);
  });

  it("matches chains of several hops", () => {
    const found = kg.match("(p:person)-[:official_of]->(s:state)-[:supplies]->(t:state)").bindings.map((b) => [label(b.p), label(b.s), label(b.t)]);
    expect(found.sort()).toEqual([["Choe Son-hui", "North Korea", "Russia"], ["Olga Lyubimova", "Russia", "North Korea"]]);
  });

  it("starts from the most selective node even when it is last", () => {
    const found = kg.match("(a)-[:child_of]->(b)-[:leader_of]->(c {id: 'state:north-korea'})").bindings;
    expect(found.map((b) => [label(b.a), label(b.b)])).toEqual([["Kim Ju-ae", "Kim Jong-un"]]);
  });

  it("matches variable-length relationships and binds the chain in pattern order", () => {
    const found = kg.match("(a {label: 'Kursk'})-[r:located_in|allied_with*1..2]-(b:state)").bindings;
    const ends = found.map((b) => label(b.b)).sort();
    expect(ends).toEqual(["North Korea", "Russia"]);
    const chain = found.find((b) => label(b.b) === "North Korea")!.r as RelationRecord[];
    expect(chain.map((r) => r.relation)).toEqual(["located_in", "allied_with"]);
    expect(chain[0].source.label).toBe("Kursk region");
    const back = kg.match("(b:state)-[r:located_in|allied_with*2]-(a {label: 'Kursk'})").bindings;
    expect((back[0].r as RelationRecord[]).map((r) => r.relation)).toEqual(["allied_with", "located_in"]);
  });

  it("never uses one edge twice in a binding, and a repeated variable means the same entity", () => {
    expect(kg.match("(a)-[:allied_with]-(b)-[:allied_with]-(c)").bindings).toEqual([]);
    const cycles = kg.match("(a)-[:supplies]->(b)-[:supplies]->(a)").bindings.map((b) => label(b.a)).sort();
    expect(cycles).toEqual(["North Korea", "Russia"]);
  });

  it("filters relationships by property and excludes co-occurrence unless named", () => {
    expect(pairs("(a)-[{role: 'foreign minister'}]->(b)")).toEqual(["Choe Son-hui > North Korea"]);
    expect(pairs("(a {label: 'Olga Lyubimova'})-[]-(b)")).toEqual(["Olga Lyubimova > Russia", "Olga Lyubimova > gala"]);
    expect(pairs("(a {label: 'Olga Lyubimova'})-[:co_occurs_with]-(b)")).toEqual(["Olga Lyubimova > Kim Jong-un"]);
  });

  it("stops at the limit or the work budget and says so", () => {
    const all = kg.match("(a)-[]-(b)");
    expect(all.truncated).toBe(false);
    const few = kg.match("(a)-[]-(b)", { limit: 3 });
    expect(few.bindings).toHaveLength(3);
    expect(few.truncated).toBe(true);
    expect(all.bindings.length).toBeGreaterThan(3);
    expect(kg.match("(a)-[*1..6]-(b)", { budget: 50 }).truncated).toBe(true);
  });
});
