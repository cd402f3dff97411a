import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { analyseGraph, seededRandom, type KnowledgeMultiGraph } from "../../src/graph/index.js";
import { overlapRatios } from "../../src/graph/analyse.js";

/** A seeded graph with hubs (preferential attachment), typed relations and co-occurrences. */
function randomGraph(nodes: number, edges: number, seed: number): KnowledgeMultiGraph {
  const rnd = seededRandom(seed);
  const graph = new MultiDirectedGraph({ allowSelfLoops: false }) as unknown as KnowledgeMultiGraph;
  for (let i = 0; i < nodes; i++) graph.addNode(`person:${i}`, { label: `Person ${i}`, kind: "person" } as never);
  const ends: number[] = [];
  for (let made = 0; made < edges; ) {
    const s = ends.length && rnd() < 0.5 ? ends[Math.floor(rnd() * ends.length)] : Math.floor(rnd() * nodes);
    const t = Math.floor(rnd() * nodes);
    if (s === t) continue;
    const relation = rnd() < 0.6 ? "co_occurs_with" : "met_with";
    graph.addDirectedEdgeWithKey(`e${made}`, `person:${s}`, `person:${t}`, { relation, weight: 1 + Math.floor(rnd() * 3) } as never);
    ends.push(s, t);
    made++;
  }
  return graph;
}

const layoutOf = (g: KnowledgeMultiGraph) => g.mapNodes((n, a) => [n, a.x, a.y, a.size, a.pagerank, a.community, a.degree]);

describe("analyseGraph", () => {
  it("lays out a graph large enough for Barnes-Hut the same way every time, with finite positions and sizes from pagerank", () => {
    const a = randomGraph(1200, 3600, 5);
    const b = randomGraph(1200, 3600, 5);
    analyseGraph(a, { seed: 42 });
    analyseGraph(b, { seed: 42 });
    expect(layoutOf(a)).toEqual(layoutOf(b));
    let top = { node: "", pagerank: -1, size: 0 };
    a.forEachNode((n, attr) => {
      expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true);
      expect(attr.size).toBeGreaterThanOrEqual(4);
      expect(attr.size).toBeLessThanOrEqual(22);
      expect(Number.isInteger(attr.community)).toBe(true);
      expect(attr.degree).toBe(a.degree(n));
      if (attr.pagerank > top.pagerank) top = { node: n, pagerank: attr.pagerank, size: attr.size };
    });
    expect(top.size).toBe(22);
    // ForceAtlas2 packs hubs' neighbours tighter than their sizes; the layout is spread until none
    // overlap (but by the rounding of positions and sizes to 2 decimals)
    expect(overlapRatios(a).filter((r) => r > 1.001)).toEqual([]);
    // a different seed gives a different layout
    const c = randomGraph(1200, 3600, 5);
    analyseGraph(c, { seed: 7 });
    expect(layoutOf(c)).not.toEqual(layoutOf(a));
  });

  /** Overlapping pairs by brute force: noverlap's test (size x 1.2 + 2 each), with `slack` for rounding. */
  const overlapping = (g: KnowledgeMultiGraph, slack: number) => {
    const nodes = g.mapNodes((_n, a) => a);
    let pairs = 0;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [p, q] = [nodes[i], nodes[j]];
        if (Math.hypot(p.x - q.x, p.y - q.y) < p.size * 1.2 + 2 + q.size * 1.2 + 2 - slack) pairs++;
      }
    }
    return pairs;
  };

  it.each([
    [60, 120],
    [150, 400],
    [500, 1500],
  ])("leaves no two nodes of a %i-node graph overlapping", (nodes, edges) => {
    const g = randomGraph(nodes, edges, 9);
    analyseGraph(g, { seed: 42 });
    // positions are rounded to 2 decimals
    expect(overlapping(g, 0.1)).toBe(0);
  });

  it("finds the same overlapping pairs with its grid as brute force does", () => {
    const g = randomGraph(400, 0, 3);
    const rnd = seededRandom(4);
    g.updateEachNodeAttributes((_n, a) => ({ ...a, x: rnd() * 300, y: rnd() * 300, size: 4 + 18 * rnd() ** 3 }));
    const pairs = overlapping(g, 0);
    expect(pairs).toBeGreaterThan(100);
    const ratios = overlapRatios(g);
    expect(ratios).toHaveLength(pairs);
    expect(ratios.every((r) => r > 1)).toBe(true);
  });
});
