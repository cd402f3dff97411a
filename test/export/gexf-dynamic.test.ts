// Dated graphs as dynamic GEXF (start/end from firstDate/lastDate): valid against the official schemas, read by networkx; undated ones unchanged.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/index.js";
import { SCHEMA_DIR, jing, jingErrors, networkx, xmllint } from "./tools.js";
import { sampleGraph } from "./sample-graph.js";

const RNG_13 = join(SCHEMA_DIR, "1.3", "gexf.rng");
const XSD_13 = join(SCHEMA_DIR, "1.3-patched", "gexf.xsd");
const RNC_12 = join(SCHEMA_DIR, "1.2draft", "gexf.rnc");

/** The sample graph with the dates a build gives: every node and edge but the first of each dated. */
function datedSample() {
  const g = sampleGraph();
  const days = ["2024-07-10", "2024-07-16", "2024-07-18", "2024-07-22"];
  g.nodes().forEach((n, i) => {
    if (i === 0) return;
    g.mergeNodeAttributes(n, { firstDate: days[i % 2], lastDate: days[2 + (i % 2)] });
  });
  g.edges().forEach((e, i) => {
    if (i === 0) return;
    g.mergeEdgeAttributes(e, { firstDate: days[i % 3], lastDate: days[3] });
  });
  return g;
}

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kgraph-gexf-dyn-"));
  for (const [name, xml] of [
    ["dated-1.3.gexf", toGexf(datedSample())],
    ["dated-1.2.gexf", toGexf(datedSample(), { version: "1.2draft" })],
    // an end that is no xsd:date: proves the schema checks see the time attributes
    ["broken-1.3.gexf", toGexf(datedSample()).replace(/end="2024-07-22"/, 'end="2024-07-32"')],
  ]) {
    files[name] = join(dir, name);
    writeFileSync(files[name], xml);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dynamic GEXF from firstDate and lastDate", () => {
  it("declares a dynamic graph with date times and writes start and end on dated nodes and edges only", () => {
    const g = datedSample();
    const xml = toGexf(g);
    expect(xml).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
    const [first, second] = g.nodes();
    expect(xml).toMatch(new RegExp(`<node id="${first}"[^>]*>`));
    expect(/<node id="[^"]*"[^>]*>/.exec(xml.slice(xml.indexOf(`<node id="${first}"`)))![0]).not.toContain("start=");
    const a = g.getNodeAttributes(second);
    expect(xml).toContain(`<node id="${second}" label="${a.label}" start="${a.firstDate}" end="${a.lastDate}">`);
    const e = g.edges()[1];
    const ea = g.getEdgeAttributes(e);
    expect(xml).toMatch(new RegExp(`<edge id="${e.replace(/[|]/g, "\\|")}"[^>]* weight="${ea.weight}" start="${ea.firstDate}" end="${ea.lastDate}">`));
  });

  it("leaves an undated graph static, and dating it changes nothing but the times", () => {
    const plain = toGexf(sampleGraph());
    expect(plain).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(plain).not.toMatch(/ start=| end=|timeformat/);
    const dated = toGexf(datedSample())
      .replace(' mode="dynamic" timeformat="date"', ' mode="static"')
      .replace(/ start="[^"]*"| end="[^"]*"/g, "");
    expect(dated).toBe(plain);
  });

  it("writes no time that is not a day", () => {
    const g = sampleGraph();
    const n = g.nodes()[0];
    g.mergeNodeAttributes(n, { firstDate: "2024-07", lastDate: "someday" });
    expect(toGexf(g)).toContain('mode="static"');
    g.mergeNodeAttributes(n, { firstDate: "2024-07-10" });
    const xml = toGexf(g);
    expect(xml).toContain('mode="dynamic"');
    expect(xml).toMatch(new RegExp(`<node id="${n}"[^>]* start="2024-07-10">`));
  });
});

describe.skipIf(xmllint.skip)("xmllint: dynamic GEXF 1.3", () => {
  it("validates against the official RELAX NG and the patched XSD", () => {
    for (const schema of [["--relaxng", RNG_13], ["--schema", XSD_13]]) {
      const r = xmllint.run(["--noout", ...schema, files["dated-1.3.gexf"]]);
      expect(r.stderr).toMatch(/ validates\n$/);
      expect(r.status).toBe(0);
    }
  });
  it("rejects an end that is not a date", () => {
    for (const schema of [["--relaxng", RNG_13], ["--schema", XSD_13]]) {
      const r = xmllint.run(["--noout", ...schema, files["broken-1.3.gexf"]]);
      expect(r.status).not.toBe(0);
    }
  });
});

describe.skipIf(jing.skip)("jing: dynamic GEXF 1.2draft", () => {
  it("validates against 1.2draft/gexf.rnc", () => {
    const r = jing.run(["-c", RNC_12, files["dated-1.2.gexf"]]);
    expect(jingErrors(r)).toBe("");
    expect(r.status).toBe(0);
  });
});

const READ = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({
  "mode": g.graph.get("mode"), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "spans": {n: [a.get("start"), a.get("end")] for n, a in g.nodes(data=True)},
  "edge_spans": {d["id"]: [d.get("start"), d.get("end")] for _, _, d in g.edges(data=True)},
}))
`;

describe.skipIf(networkx.skip)("networkx reads the dynamic 1.2draft export", () => {
  it("with each node's and edge's start and end", () => {
    const g = datedSample();
    const r = networkx.run(["-c", READ, files["dated-1.2.gexf"]]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ mode: "dynamic", nodes: g.order, edges: g.size });
    g.forEachNode((n, a) => expect(out.spans[n]).toEqual([a.firstDate ?? null, a.lastDate ?? null]));
    g.forEachEdge((e, a) => expect(out.edge_spans[e]).toEqual([a.firstDate ?? null, a.lastDate ?? null]));
  });
});
