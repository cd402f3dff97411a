// path() and neighbors() against a plain breadth-first search on a seeded synthetic graph.
import { describe, expect, it } from "vitest";
import { seededRandom, syntheticGraph } from "../../bench/synthetic.js";
import { KnowledgeGraph } from "../../src/query/index.js";

const graph = syntheticGraph({ nodes: 400, edges: 700, seed: 3 });
const kg = KnowledgeGraph.fromGraph(graph);

/** Hop distances from `start` over typed relations, ignoring direction. */
function bfs(start: string): Map<string, number> {
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (_, a, s, t) => {
        const other = s === n ? t : s;
        if (a.relation !== "co_occurs_with" && !dist.has(other)) {
          dist.set(other, dist.get(n)! + 1);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return dist;
}

describe("traversals against breadth-first search", () => {
  const rnd = seededRandom(5);
  const keys = graph.nodes();
  const pairs = Array.from({ length: 40 }, () => [keys[Math.floor(rnd() * keys.length)], keys[Math.floor(rnd() * keys.length)]] as const);

  it("path() is as short as BFS says, hop by hop connected by typed relations", () => {
    let found = 0;
    for (const [a, b] of pairs) {
      const dist = bfs(a).get(b);
      const path = kg.path(a, b, { maxLength: 50 });
      if (dist === undefined) {
        expect(path).toBeNull();
        continue;
      }
      found++;
      expect(path!.length).toBe(dist);
      expect(path!.entities[0].id).toBe(a);
      expect(path!.entities[dist].id).toBe(b);
      path!.relations.forEach((r, i) => {
        expect(r.relation).not.toBe("co_occurs_with");
        expect(new Set([r.source.id, r.target.id])).toEqual(new Set([path!.entities[i].id, path!.entities[i + 1].id]));
      });
    }
    expect(found).toBeGreaterThan(10);
  });

  it("neighbors() returns exactly the nodes within depth, with their distances", () => {
    for (const [a] of pairs.slice(0, 15)) {
      const dist = bfs(a);
      for (const depth of [1, 2, 3]) {
        const expected = [...dist].filter(([n, d]) => n !== a && d <= depth).map(([n, d]) => `${n}@${d}`).sort();
        expect(kg.neighbors(a, { depth }).map((n) => `${n.id}@${n.distance}`).sort()).toEqual(expected);
      }
    }
  });
});
