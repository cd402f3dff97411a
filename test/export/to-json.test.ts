// toJson / jsonChunks: graphology's serialisation, byte for byte, round-tripping through Graph.from and the GraphJson schema.
import Graph, { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { jsonChunks, toJson } from "../../src/export/index.js";
import { GraphJson } from "../../src/schema/index.js";
import { syntheticGraph } from "../../bench/synthetic.js";
import { sampleGraph } from "./sample-graph.js";

describe("toJson", () => {
  it("is exactly JSON.stringify(graph.export())", () => {
    const g = sampleGraph();
    expect(toJson(g)).toBe(JSON.stringify(g.export()));
    expect(toJson(g, { pretty: true })).toBe(JSON.stringify(g.export(), null, 2));
  });

  it("matches the GraphJson contract without losing a key", () => {
    const json = JSON.parse(toJson(sampleGraph()));
    const parsed = GraphJson.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // zod strips unknown keys, so equality also proves nothing outside the contract was written.
    expect(parsed.data).toEqual(json);
  });

  it("restores an equal graph through Graph.from", () => {
    const g = sampleGraph();
    const back = Graph.from(JSON.parse(toJson(g)));
    expect(back.type).toBe("directed");
    expect(back.multi).toBe(true);
    expect(back.export()).toEqual(g.export());
    // Including the strings XML would lose: JSON keeps every character.
    expect(back.getNodeAttribute("agreement:odd-controls", "label")).toBe(g.getNodeAttribute("agreement:odd-controls", "label"));
  });

  it("is deterministic: the same graph built twice gives the same bytes", () => {
    expect(toJson(sampleGraph())).toBe(toJson(sampleGraph()));
    expect(toJson(syntheticGraph({ nodes: 300, edges: 900 }))).toBe(toJson(syntheticGraph({ nodes: 300, edges: 900 })));
  });

  it("keeps the graph's node and attribute insertion order", () => {
    const json = JSON.parse(toJson(sampleGraph()));
    expect(json.nodes.map((n: { key: string }) => n.key)).toEqual(sampleGraph().nodes());
    expect(Object.keys(json.nodes[0].attributes)).toEqual(Object.keys(sampleGraph().getNodeAttributes("person:kim-jong-un")));
  });
});

describe("jsonChunks", () => {
  const graphs: Array<[string, () => Graph]> = [
    ["sample", sampleGraph],
    ["synthetic 2,000 nodes", () => syntheticGraph({ nodes: 2000, edges: 6000 })],
    ["empty", () => new MultiDirectedGraph()],
    [
      "bare nodes and edges, mixed graph with undirected edges",
      () => {
        const g = new Graph({ multi: true, type: "mixed" });
        g.addNode("a");
        g.addNode("b", { label: "B" });
        g.addNode("c", {});
        g.addDirectedEdgeWithKey("ab", "a", "b");
        g.addUndirectedEdgeWithKey("bc", "b", "c", { weight: 2 });
        g.dropNode("a");
        g.addNode("a", { back: true });
        return g;
      },
    ],
  ];

  it.each(graphs)("%s: the chunks join to toJson's text, compact and pretty", (_name, make) => {
    const g = make();
    for (const pretty of [false, true]) {
      for (const chunkSize of [1, 4096, 1 << 20]) {
        const chunks = [...jsonChunks(g, { pretty, chunkSize })];
        expect(chunks.join("")).toBe(toJson(g, { pretty }));
      }
    }
  });

  it("yields bounded chunks, so a big graph never becomes one string", () => {
    const g = syntheticGraph({ nodes: 2000, edges: 6000 });
    const chunks = [...jsonChunks(g, { chunkSize: 8192 })];
    expect(chunks.length).toBeGreaterThan(50);
    // A chunk ends at most one record past the threshold.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(8192 + 4096);
  });
});
