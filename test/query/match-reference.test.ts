// match() against a brute-force reference on a seeded synthetic graph: every planner start must give the same bindings.
import { describe, expect, it } from "vitest";
import { seededRandom, syntheticGraph } from "../../bench/synthetic.js";
import { KnowledgeGraph } from "../../src/query/index.js";
import type { RelationRecord } from "../../src/query/index.js";
import { RELATION_TYPES, SYMMETRIC_RELATIONS } from "../../src/schema/index.js";
import type { EntityKind, RelationType } from "../../src/schema/index.js";

const graph = syntheticGraph({ nodes: 300, edges: 1500, seed: 7 });
const kg = KnowledgeGraph.fromGraph(graph);

type Dir = "out" | "in" | "both";
interface Hop {
  types?: RelationType[];
  dir: Dir;
}

/** Every (nodes, edges) walk of a chain pattern, enumerated over all edges with no index. */
function reference(kinds: Array<EntityKind | undefined>, hops: Hop[]): string[] {
  const edges = graph.mapEdges((key, a, source, target) => ({ key, relation: a.relation, source, target }));
  const results: string[] = [];
  const extend = (nodes: string[], used: string[]): void => {
    const i = used.length;
    if (i === hops.length) {
      results.push(`${nodes.join(",")}|${used.join(",")}`);
      return;
    }
    const hop = hops[i];
    for (const e of edges) {
      if (used.includes(e.key)) continue;
      if (hop.types ? !hop.types.includes(e.relation) : e.relation === "co_occurs_with") continue;
      const either = hop.dir === "both" || SYMMETRIC_RELATIONS.has(e.relation);
      const next: string[] = [];
      if ((either || hop.dir === "out") && e.source === nodes[i]) next.push(e.target);
      if ((either || hop.dir === "in") && e.target === nodes[i] && e.source !== e.target) next.push(e.source);
      for (const n of next) {
        const kind = kinds[i + 1];
        if (kind && graph.getNodeAttribute(n, "kind") !== kind) continue;
        extend([...nodes, n], [...used, e.key]);
      }
    }
  };
  graph.forEachNode((n, a) => {
    if (!kinds[0] || a.kind === kinds[0]) extend([n], []);
  });
  return results.sort();
}

function viaMatch(pattern: string, length: number): string[] {
  const names = ["a", "b", "c"].slice(0, length + 1);
  const rels = ["r1", "r2"].slice(0, length);
  return kg
    .match(pattern, { limit: 1_000_000 })
    .bindings.map((b) => `${names.map((n) => (b[n] as { id: string }).id).join(",")}|${rels.map((r) => (b[r] as RelationRecord).id).join(",")}`)
    .sort();
}

const arrow = (hop: Hop, name: string): [string, string] => {
  const inner = `[${name}${hop.types ? `:${hop.types.join("|")}` : ""}]`;
  return hop.dir === "out" ? ["-", `${inner}->`] : hop.dir === "in" ? ["<-", `${inner}-`] : ["-", `${inner}-`];
};

describe("match against a brute-force reference", () => {
  const rnd = seededRandom(11);
  const kinds: Array<EntityKind | undefined> = [undefined, "person", "state", "place"];
  const dirs: Dir[] = ["out", "in", "both"];
  const cases: Array<{ kinds: Array<EntityKind | undefined>; hops: Hop[] }> = [];
  for (let i = 0; i < 24; i++) {
    const length = 1 + (i % 2);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const hops: Hop[] = Array.from({ length }, () => ({
      dir: pick(dirs),
      types: rnd() < 0.8 ? [pick(RELATION_TYPES), ...(rnd() < 0.4 ? [pick(RELATION_TYPES)] : [])] : undefined,
    }));
    cases.push({ kinds: Array.from({ length: length + 1 }, () => pick(kinds)), hops });
  }

  it.each(cases.map((c) => {
    const names = ["a", "b", "c"];
    let pattern = `(a${c.kinds[0] ? `:${c.kinds[0]}` : ""})`;
    c.hops.forEach((hop, i) => {
      const [left, right] = arrow(hop, `r${i + 1}`);
      pattern += `${left}${right}(${names[i + 1]}${c.kinds[i + 1] ? `:${c.kinds[i + 1]}` : ""})`;
    });
    return [pattern, c] as const;
  }))("%s", (pattern, c) => {
    const expected = reference(c.kinds, c.hops);
    expect(viaMatch(pattern, c.hops.length)).toEqual(expected);
  });

  it("finds some bindings in most cases, so the comparison is not vacuous", () => {
    const nonEmpty = cases.filter((c) => reference(c.kinds, c.hops).length > 0).length;
    expect(nonEmpty).toBeGreaterThan(cases.length / 2);
  });
});
