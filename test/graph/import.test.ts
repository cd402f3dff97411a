// importGraph: the same graph as graphology's own import, on the seed graph and a synthetic one, with the
// neighbour tables really switched (so a graphology upgrade that makes it a no-op shows here).
import { readFileSync } from "node:fs";
import Graph, { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import { syntheticGraph } from "../../bench/synthetic.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { hashNeighbourTables, importGraph, shareEvidenceStrings } from "../../src/graph/index.js";
import { buildKnowledgeGraph } from "../../src/pipeline/index.js";
import { SEED_TEXT } from "../helpers/kg.js";

const model = loadNerModel();
const tagger = (s: string[][]) => tagDocument(model, s);
const seedJson = (): SerializedGraph => {
  const { graph } = buildKnowledgeGraph([{ id: "seed.txt", content: readFileSync(SEED_TEXT, "utf8"), sha256: "0".repeat(64) }], { tagger });
  return JSON.parse(JSON.stringify(graph.export())) as SerializedGraph;
};

/** Everything a reader can see of a graph's structure: export, and each node's neighbours and edges in order. */
function structure(g: Graph): unknown {
  return {
    export: g.export(),
    around: g.mapNodes((n) => [n, g.outNeighbors(n), g.inNeighbors(n), g.outEdges(n), g.inEdges(n), g.degree(n)]),
  };
}

describe("importGraph", () => {
  it("gives the seed graph exactly as Graph.from does", () => {
    const data = seedJson();
    expect(data.edges!.length).toBeGreaterThan(20);
    const ours = importGraph(new MultiDirectedGraph({ allowSelfLoops: false }), data);
    expect(structure(ours)).toEqual(structure(Graph.from(data)));
  });

  it("gives a synthetic multigraph with hubs and parallel edges exactly as Graph.from does, and it stays editable", () => {
    const data = JSON.parse(JSON.stringify(syntheticGraph({ nodes: 1500, edges: 6000 }).export())) as SerializedGraph;
    const ours = importGraph(new MultiDirectedGraph({ allowSelfLoops: false }), data);
    const theirs = Graph.from(data);
    expect(structure(ours)).toEqual(structure(theirs));
    // edits after loading behave the same
    for (const g of [ours, theirs]) {
      g.dropEdge(data.edges![0].key!);
      g.addDirectedEdgeWithKey("new", data.nodes[0].key, data.nodes[1].key, { relation: "mentions" });
      g.dropNode(data.nodes[2].key);
    }
    expect(structure(ours)).toEqual(structure(theirs));
  });

  it("switches the neighbour tables of graphology's node records while the graph has no edges", () => {
    const g = new MultiDirectedGraph();
    g.addNode("a");
    g.addNode("b");
    expect(hashNeighbourTables(g)).toBe(true);
    const record = (g as unknown as { _nodes: Map<string, { out: object; in: object }> })._nodes.get("a")!;
    expect(Object.keys(record.out)).toEqual([]);
    g.addEdge("a", "b");
    expect(Object.keys(record.out)).toEqual(["b"]);
    expect(hashNeighbourTables(g)).toBe(false);
  });

  it("fails as graphology does on a duplicate edge key or an unknown node", () => {
    const data = seedJson();
    const dup = { ...data, edges: [...data.edges!, data.edges![0]] };
    expect(() => importGraph(new MultiDirectedGraph({ allowSelfLoops: false }), dup)).toThrow(/already exists/);
    const unknown = { ...data, edges: [{ key: "x", source: "nobody", target: data.nodes[0].key, attributes: {} }] };
    expect(() => importGraph(new MultiDirectedGraph({ allowSelfLoops: false }), unknown)).toThrow(/not found/);
  });
});

describe("shareEvidenceStrings", () => {
  const evidenceOf = (data: SerializedGraph) => data.edges!.flatMap((e) => (e.attributes as { evidence: Array<{ doc: string; text: string }> }).evidence);

  it("counts every repeated evidence text and document id of the seed graph, and changes no value", () => {
    const data = seedJson();
    const before = JSON.stringify(data);
    const evidence = evidenceOf(data);
    const shared = shareEvidenceStrings(data.edges!);
    expect(shared).toEqual({
      texts: evidence.length - new Set(evidence.map((e) => e.text)).size,
      docs: evidence.length - new Set(evidence.map((e) => e.doc)).size,
      textsToTheEnd: true,
    });
    // a sentence supports several relations and co-occurrences: texts do repeat in a real graph
    expect(shared.texts).toBeGreaterThan(evidence.length / 2);
    expect(JSON.stringify(data)).toBe(before);
  });

  it("stops looking texts up when the first 20,000 hardly repeat, and still shares document ids", () => {
    const data = JSON.parse(JSON.stringify(syntheticGraph({ nodes: 5000, edges: 30_000 }).export())) as SerializedGraph;
    const shared = shareEvidenceStrings(data.edges!);
    expect(shared.textsToTheEnd).toBe(false);
    expect(shared.texts).toBe(0);
    expect(shared.docs).toBe(30_000 - new Set(evidenceOf(data).map((e) => e.doc)).size);
  });

  it("leaves entries it cannot read alone, for the contract check to report", () => {
    const edges = [{}, { attributes: null }, { attributes: { evidence: "x" } }, { attributes: { evidence: [null, 3, { doc: 1, text: 2 }, { doc: "a", text: "t" }] } }];
    expect(shareEvidenceStrings(edges)).toEqual({ texts: 0, docs: 0, textsToTheEnd: true });
    expect(edges[3]).toEqual({ attributes: { evidence: [null, 3, { doc: 1, text: 2 }, { doc: "a", text: "t" }] } });
  });
});
