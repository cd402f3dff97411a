// The layout of large graphs, community by community: the same positions every time, communities apart, few overlaps.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { analyseGraph, seededRandom, type KnowledgeMultiGraph } from "../../src/graph/index.js";
import { overlapRatios } from "../../src/graph/analyse.js";
import { COMMUNITY_LAYOUT_FROM } from "../../src/graph/layout.js";
import { layoutStructure } from "../../src/graph/layout-structure.js";

/**
 * A corpus-like graph: `articles` documents of 40 entities each, named together in their sentences
 * (a chain of co-occurrences with a few shortcuts), and 300 recurring entities, each named in a dozen
 * articles and related to a few entities of each; a tenth of each article's entities has no relation.
 */
function corpusGraph(articles: number, seed: number): KnowledgeMultiGraph {
  const rnd = seededRandom(seed);
  const graph = new MultiDirectedGraph({ allowSelfLoops: false }) as unknown as KnowledgeMultiGraph;
  const docs = new Map<string, string[]>();
  const node = (key: string) => {
    if (!graph.hasNode(key)) graph.addNode(key, { label: key, kind: "person", documents: [] } as never);
  };
  let e = 0;
  const relate = (s: string, t: string, relation: string) => {
    if (s !== t) graph.addDirectedEdgeWithKey(`e${e++}`, s, t, { relation, weight: 1 } as never);
  };
  for (let a = 0; a < articles; a++) {
    const doc = `news/${a}.txt`;
    const members = Array.from({ length: 40 }, (_, i) => `person:a${a}-${i}`);
    for (const m of members) node(m);
    docs.set(doc, members);
    for (let i = 1; i < 36; i++) relate(members[i - 1], members[i], "co_occurs_with");
    for (let k = 0; k < 6; k++) relate(members[Math.floor(rnd() * 36)], members[Math.floor(rnd() * 36)], "met_with");
  }
  for (let r = 0; r < 300; r++) {
    const key = `person:r${r}`;
    node(key);
    // a recurring entity keeps to a neighbourhood of articles: communities form there
    const home = Math.floor(rnd() * articles);
    for (let k = 0; k < 12; k++) {
      const a = (home + Math.floor(rnd() * 8)) % articles;
      const doc = `news/${a}.txt`;
      docs.get(doc)!.push(key);
      for (let j = 0; j < 3; j++) relate(key, `person:a${a}-${Math.floor(rnd() * 36)}`, "co_occurs_with");
    }
  }
  const byNode = new Map<string, Set<string>>();
  for (const [doc, members] of docs) for (const m of members) (byNode.get(m) ?? byNode.set(m, new Set()).get(m)!).add(doc);
  graph.forEachNode((n) => graph.setNodeAttribute(n, "documents", [...byNode.get(n)!].sort()));
  return graph;
}

const positions = (g: KnowledgeMultiGraph) => g.mapNodes((n, a) => [n, a.x, a.y, a.size, a.community]);

describe("the layout of a large graph, community by community", () => {
  const a = corpusGraph(180, 11);
  const b = corpusGraph(180, 11);
  analyseGraph(a, { seed: 42 });
  analyseGraph(b, { seed: 42 });

  it("is used for this graph, and gives the same positions every time, all finite", () => {
    let related = 0;
    a.forEachNode((n) => void (a.degree(n) > 0 && related++));
    expect(related).toBeGreaterThan(COMMUNITY_LAYOUT_FROM);
    expect(positions(a)).toEqual(positions(b));
    a.forEachNode((_n, attr) => expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true));
  });

  it("keeps communities apart, the hubs in their middle and the entities without relations off the rim", () => {
    const s = layoutStructure(a);
    expect(s.communities).toBeGreaterThanOrEqual(10);
    expect(s.separation).toBeLessThan(0.45);
    expect(s.hubCommunityCentrality).toBeLessThan(1);
    expect(s.isolates).toBeGreaterThan(500);
    expect(s.isolatesOnRim).toBeLessThan(0.15);
  });

  it("leaves fewer overlapping pairs than one per 50 nodes", () => {
    // positions and sizes are rounded to 2 decimals: a pair within 0.1% of touching is not counted
    expect(overlapRatios(a).filter((r) => r > 1.001).length).toBeLessThan(a.order / 50);
  });
});
