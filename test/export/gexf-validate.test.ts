// Our GEXF against the official schemas (xmllint: RELAX NG and patched XSD for 1.3; jing: RNC for 1.2draft) and networkx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/index.js";
import { syntheticGraph } from "../../bench/synthetic.js";
import { SCHEMA_DIR, jing, jingErrors, networkx, xmllint } from "./tools.js";
import { sampleGraph } from "./sample-graph.js";

const RNG_13 = join(SCHEMA_DIR, "1.3", "gexf.rng");
const XSD_13 = join(SCHEMA_DIR, "1.3-patched", "gexf.xsd");
const RNC_13 = join(SCHEMA_DIR, "1.3", "gexf.rnc");
const RNC_12 = join(SCHEMA_DIR, "1.2draft", "gexf.rnc");
const INVALID_SAMPLE = join(SCHEMA_DIR, "samples", "invalid-1.3.gexf");

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kgraph-gexf-"));
  const write = (name: string, xml: string) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], xml);
  };
  const sample = sampleGraph();
  const big = syntheticGraph({ nodes: 2000, edges: 8000 });
  write("sample-1.3.gexf", toGexf(sample));
  write("synthetic-1.3.gexf", toGexf(big));
  write("sample-1.2.gexf", toGexf(sample, { version: "1.2draft" }));
  write("synthetic-1.2.gexf", toGexf(big, { version: "1.2draft" }));
  // Our own output with one schema error (a colour channel above 255): proves the checks can fail on our shape.
  write("broken-1.3.gexf", toGexf(sample).replace('r="0" g="114"', 'r="300" g="114"'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(xmllint.skip)("xmllint, GEXF 1.3", () => {
  it.each(["sample-1.3.gexf", "synthetic-1.3.gexf"])("%s validates against the official RELAX NG and the patched XSD", (name) => {
    for (const schema of [["--relaxng", RNG_13], ["--schema", XSD_13]]) {
      const r = xmllint.run(["--noout", ...schema, files[name]]);
      expect(r.stderr).toMatch(/ validates\n$/);
      expect(r.status).toBe(0);
    }
  });

  it.each([["invalid sample", INVALID_SAMPLE], ["broken export", ""]])("rejects the %s", (_what, path) => {
    const file = path || files["broken-1.3.gexf"];
    for (const schema of [["--relaxng", RNG_13], ["--schema", XSD_13]]) {
      const r = xmllint.run(["--noout", ...schema, file]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("fails to validate");
    }
  });

  it("finds the 1.2draft files well-formed", () => {
    for (const name of ["sample-1.2.gexf", "synthetic-1.2.gexf"]) expect(xmllint.run(["--noout", files[name]]).status).toBe(0);
  });
});

describe.skipIf(jing.skip)("jing, reference RNC", () => {
  it.each(["sample-1.2.gexf", "synthetic-1.2.gexf"])("%s validates against 1.2draft/gexf.rnc", (name) => {
    const r = jing.run(["-c", RNC_12, files[name]]);
    expect(jingErrors(r)).toBe("");
    expect(r.status).toBe(0);
  });

  it("sample-1.3.gexf validates against 1.3/gexf.rnc, and the 1.3 file does not pass as 1.2draft", () => {
    const ok = jing.run(["-c", RNC_13, files["sample-1.3.gexf"]]);
    expect(jingErrors(ok)).toBe("");
    expect(ok.status).toBe(0);
    expect(jing.run(["-c", RNC_12, files["sample-1.3.gexf"]]).status).not.toBe(0);
  });

  it("rejects the broken export", () => {
    const r = jing.run(["-c", RNC_13, files["broken-1.3.gexf"]]);
    expect(r.status).not.toBe(0);
    expect(jingErrors(r)).toContain('value of attribute "r" is invalid');
  });
});

const READ_WITH_NETWORKX = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
nodes = dict(g.nodes(data=True))
print(json.dumps({
  "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "multi": g.is_multigraph(), "directed": g.is_directed(),
  "without_colour": [n for n, a in nodes.items() if "color" not in a.get("viz", {})],
  "kim": nodes.get("person:kim-jong-un"),
  "edge": next((d for _, _, d in g.edges(data=True) if d.get("id") == "state:north-korea|deploys_troops_to|place:kursk-region"), None),
}, ensure_ascii=False))
`;

describe.skipIf(networkx.skip)("networkx reads the 1.2draft export", () => {
  it.each([
    ["sample-1.2.gexf", sampleGraph],
    ["synthetic-1.2.gexf", () => syntheticGraph({ nodes: 2000, edges: 8000 })],
  ])("%s: same node and edge counts, every node with a viz colour", (name, make) => {
    const g = make();
    const r = networkx.run(["-c", READ_WITH_NETWORKX, files[name]]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ nodes: g.order, edges: g.size, directed: true, without_colour: [] });
  });

  it("with typed values, r,g,b colours and the flattened evidence", () => {
    const out = JSON.parse(networkx.run(["-c", READ_WITH_NETWORKX, files["sample-1.2.gexf"]]).stdout);
    expect(out.multi).toBe(true);
    expect(out.kim).toMatchObject({
      label: "Kim Jong-un",
      kind: "person",
      aliases: "김정은|Ким Чен Ын|Leader Kim",
      mentions: 3,
      pagerank: 0,
      viz: { color: { r: 0, g: 114, b: 178, a: 1 }, size: 4, position: { x: 0, y: 0, z: 0 } },
    });
    expect(out.edge).toMatchObject({
      relation: "deploys_troops_to",
      quantity: 15000,
      date: "2024-10",
      weight: 1,
      label: "deploys troops to",
      evidence: "north-korea-russia#5: About 15,000 North Korean troops have been sent to Russia's Kursk region since October.",
    });
  });
});

describe("fixtures", () => {
  it("use the repository's own schema copy with its licence", () => {
    expect(readFileSync(join(SCHEMA_DIR, "LICENSE.md"), "utf8")).toContain("Attribution 4.0 International");
    expect(readFileSync(join(SCHEMA_DIR, "README.md"), "utf8")).toContain("CC BY 4.0");
  });
});
