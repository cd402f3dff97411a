// toGexf / gexfChunks: document shape, escaping, determinism, and a round trip through graphology-gexf's parser.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { gexfChunks, toGexf } from "../../src/export/index.js";
import type { Evidence } from "../../src/schema/index.js";
import { syntheticGraph } from "../../bench/synthetic.js";
import { CONTROL_LABEL_CLEAN, SCRIPT_LABEL, sampleGraph } from "./sample-graph.js";

/** The elements of one kind, as source text, for assertions on a single node or edge. */
function elements(xml: string, tag: "node" | "edge"): string[] {
  return xml.match(new RegExp(`<${tag} [^]*?</${tag}>`, "g")) ?? [];
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
}

/** Evidence as the GEXF column should read, computed independently of the exporter. */
function expectedEvidence(evidence: Evidence[]): string {
  return evidence
    .map((e) => `${e.doc}#${e.sentence}: ${e.text.replace(/\n/g, " ")}`)
    .join("\n")
    .replace(/\u0001/g, "");
}

describe("toGexf document", () => {
  const xml = toGexf(sampleGraph());

  it("is GEXF 1.3 by default, with the official namespaces and no clock", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n')).toBe(true);
    expect(xml).not.toContain("lastmodifieddate");
    expect(xml).not.toContain("schemaLocation");
    expect(xml).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(xml.endsWith("</gexf>\n")).toBe(true);
  });

  it("writes 1.2draft with its own namespaces and version 1.2 and the same body", () => {
    const old = toGexf(sampleGraph(), { version: "1.2draft" });
    expect(old).toContain('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">');
    expect(old.slice(old.indexOf("<meta>"))).toBe(xml.slice(xml.indexOf("<meta>")));
  });

  it("declares typed node and edge columns", () => {
    const decl = (cls: string) =>
      [...(xml.match(new RegExp(`<attributes class="${cls}" mode="static">([^]*?)</attributes>`))?.[1] ?? "").matchAll(/id="(\w+)" title="\1" type="(\w+)"/g)].map(
        (m) => `${m[1]}:${m[2]}`,
      );
    expect(decl("node")).toEqual(["kind:string", "aliases:string", "mentions:integer", "documents:string", "pagerank:double", "degree:integer", "community:integer"]);
    expect(decl("edge")).toEqual(["relation:string", "role:string", "quantity:double", "items:string", "date:string", "evidence:string", "confidence:double", "provenance:string", "weight:double"]);
  });

  it("puts generator, name, sources and createdFrom in <meta>, escaped", () => {
    expect(xml).toContain("<creator>kgraph 0.1.0</creator>");
    expect(xml).toContain("<description>north-korea-russia &amp; friends &lt;test&gt;\nsources (1): north-korea-russia (North Korea–Russia: troops &amp; “shells”)\ncreatedFrom: " + "b".repeat(64));
  });

  it("escapes markup, so no raw <, & or quote reaches the document from the data", () => {
    expect(xml).not.toContain("<script>");
    expect(xml).toContain('label="&lt;script&gt;alert(&quot;x &amp; &apos;y&apos;&quot;)&lt;/script&gt;"');
    expect(xml.match(/&(?!(amp|lt|gt|quot|apos|#9|#10|#13);)/g)).toBeNull();
    expect(xml).toContain('value="Culture Minister &amp; head of &lt;delegation&gt;"');
  });

  it("drops characters XML 1.0 cannot carry and keeps tab/LF/CR as references", () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(xml).toContain(`label="${CONTROL_LABEL_CLEAN}"`);
    expect(xml).toContain('value="tab&#9;here|line&#10;break|cr&#13;here"');
  });

  it("keeps Korean, Cyrillic, emoji and curly quotes as they are", () => {
    for (const s of ["김정은|Ким Чен Ын|Leader Kim", 'label="Ольга Любимова"', "“MoCT” 🎭", "alliance 🤝 was signed"]) expect(xml).toContain(s);
  });

  it("writes viz colour as r,g,b, size and position for nodes; thickness (never size) for edges", () => {
    const kim = elements(xml, "node")[0];
    expect(kim).toContain('<viz:color r="0" g="114" b="178"/>');
    expect(kim).toContain('<viz:size value="4"/>');
    expect(kim).toContain('<viz:position x="0" y="0" z="0.0"/>');
    expect(xml).toContain('<viz:position x="1e-7" y="2.5e+21" z="0.0"/>');
    const edges = elements(xml, "edge");
    expect(edges).toHaveLength(8);
    for (const e of edges) expect(e).not.toContain("viz:size");
    expect(edges[0]).toContain('<viz:color r="153" g="153" b="153"/>');
    expect(edges[0]).toContain('<viz:thickness value="2.5"/>');
    expect(edges[1]).not.toContain("viz:color");
    expect(edges[1]).toContain('<viz:thickness value="1"/>');
  });

  it("uses the edge keys as ids and omits absent values", () => {
    const edges = elements(xml, "edge");
    expect(edges[0]).toMatch(/^<edge id="person:kim-jong-un\|sibling_of\|person:kim-yo-jong" source="person:kim-jong-un" target="person:kim-yo-jong" label="sibling of" weight="2">/);
    expect(edges[1]).not.toMatch(/for="(role|quantity|items|date)"/);
    expect(edges[3]).toContain('<attvalue for="quantity" value="15000"/>');
    expect(edges[3]).toContain('<attvalue for="date" value="2024-10"/>');
    const russia = elements(xml, "node").find((n) => n.includes('id="state:russia"'))!;
    expect(russia).not.toContain('for="aliases"');
  });

  it("leaves out NaN, Infinity, missing and wrongly typed values instead of writing invalid numbers", () => {
    const g = sampleGraph();
    g.setNodeAttribute("state:russia", "pagerank", NaN);
    g.setNodeAttribute("state:russia", "mentions", 2.5);
    g.setNodeAttribute("state:russia", "x", Infinity);
    g.setNodeAttribute("state:russia", "color", "tomato");
    g.removeNodeAttribute("state:russia", "size");
    const russia = elements(toGexf(g), "node").find((n) => n.includes('id="state:russia"'))!;
    expect(russia).not.toMatch(/pagerank|mentions|viz:position|viz:color|viz:size/);
    expect(russia).toContain('<attvalue for="degree"');
  });

  it("is deterministic: the same graph built twice gives the same bytes", () => {
    expect(toGexf(sampleGraph())).toBe(xml);
    const a = toGexf(syntheticGraph({ nodes: 500, edges: 1500 }), { version: "1.2draft" });
    expect(toGexf(syntheticGraph({ nodes: 500, edges: 1500 }), { version: "1.2draft" })).toBe(a);
  });
});

describe("gexfChunks", () => {
  it("joins to toGexf's text whatever the chunk size", () => {
    const g = syntheticGraph({ nodes: 2000, edges: 6000 });
    const whole = toGexf(g);
    for (const chunkSize of [1, 10_000, 1 << 24]) expect([...gexfChunks(g, { chunkSize })].join("")).toBe(whole);
  });

  it("yields bounded chunks", () => {
    const chunks = [...gexfChunks(syntheticGraph({ nodes: 2000, edges: 6000 }), { chunkSize: 8192 })];
    expect(chunks.length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(8192 + 4096);
  });

  it("writes an empty graph as a valid skeleton", () => {
    const xml = toGexf(new MultiDirectedGraph());
    expect(xml).toContain('<nodes count="0">\n    </nodes>');
    expect(xml).toContain('<edges count="0">\n    </edges>');
  });
});

describe("graphology-gexf reads our 1.3 file back", () => {
  const g = sampleGraph();
  const back = parse(MultiDirectedGraph, toGexf(g));

  it("with the same node keys, edge keys and endpoints", () => {
    expect(back.nodes()).toEqual(g.nodes());
    expect(back.size).toBe(g.size);
    expect(back.edges()).toEqual(g.edges());
    g.forEachEdge((e, _a, s, t) => expect([back.source(e), back.target(e)]).toEqual([s, t]));
  });

  it("with labels, positions, sizes, colours and every node column", () => {
    g.forEachNode((n, a) => {
      const b = back.getNodeAttributes(n);
      const label = n === "agreement:odd-controls" ? CONTROL_LABEL_CLEAN : a.label;
      expect(b).toEqual({
        label,
        kind: a.kind,
        ...(a.aliases.length ? { aliases: a.aliases.join("|") } : {}),
        mentions: a.mentions,
        documents: a.documents.join("|"),
        pagerank: a.pagerank,
        degree: a.degree,
        community: a.community,
        color: rgb(a.color),
        size: a.size,
        x: a.x,
        y: a.y,
        z: 0,
      });
    });
    expect(back.getNodeAttribute("event:war-in-ukraine", "label")).toBe(SCRIPT_LABEL);
  });

  it("with every edge column, evidence flattened one sentence per line", () => {
    g.forEachEdge((e, a) => {
      const b = back.getEdgeAttributes(e);
      expect(b).toEqual({
        label: a.label,
        weight: a.weight,
        relation: a.relation,
        ...(a.role === undefined ? {} : { role: a.role }),
        ...(a.quantity === undefined ? {} : { quantity: a.quantity }),
        ...(a.items === undefined ? {} : { items: a.items.join("|") }),
        ...(a.date === undefined ? {} : { date: a.date }),
        evidence: expectedEvidence(a.evidence),
        confidence: a.confidence,
        ...(a.provenance === undefined
          ? {}
          : { provenance: a.provenance.map((p) => `${p.extractor}${p.rule ? `:${p.rule}` : ""} ${p.score.toFixed(2)}`).join("; ") }),
        ...(a.color === undefined ? {} : { color: rgb(a.color) }),
        thickness: a.size ?? a.weight,
      });
    });
    expect(back.getEdgeAttribute("state:north-korea|co_occurs_with|state:russia", "evidence").split("\n")).toHaveLength(3);
    expect(back.getEdgeAttribute("person:kim-jong-un|sibling_of|person:kim-yo-jong", "provenance")).toBe(
      "classifier 0.81; rules:sibling_of/possessor-kin-name 0.90",
    );
  });

  it("with the meta as graph attributes", () => {
    expect(back.getAttribute("creator")).toBe("kgraph 0.1.0");
    expect(back.getAttribute("description")).toContain("north-korea-russia & friends <test>\nsources (1):");
  });
});
