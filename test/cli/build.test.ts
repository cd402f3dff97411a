// kg build end to end: the seed, byte-identical reruns, bad input with clear errors and no output, Unicode round trips.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { afterAll, describe, expect, it } from "vitest";
import { GraphJson } from "../../src/schema/index.js";
import { networkx, SCHEMA_DIR, xmllint } from "../export/tools.js";
import { ROOT, runKg, SEED_TEXT } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-build-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), content);
  }
  return dir;
}

const seedDir = folder("seed", { "north-korea-russia.txt": readFileSync(SEED_TEXT) });

describe("kg build on the seed article", () => {
  const out1 = join(tmp, "out1");
  const out2 = join(tmp, "out2");
  const r1 = runKg(["build", "--sources", seedDir, "--out", out1]);
  const r2 = runKg(["build", "--sources", seedDir, "--out", out2, "--quiet"]);

  it("writes graph.json and graph.gexf and prints a summary", () => {
    expect(r1.status, r1.stderr).toBe(0);
    expect(r1.stderr).toMatch(/1 document, \d+ sentences/);
    expect(r1.stderr).toMatch(/entities\s+\d+: .*person 6/);
    expect(r2.stderr).toBe("");
    expect(readdirSync(out1).sort()).toEqual(["graph.gexf", "graph.json", "graph.store.sqlite"]);
  });

  it("gives the same bytes when documents are read on worker threads", () => {
    const dir = folder("several", {
      "a.txt": readFileSync(SEED_TEXT),
      "b/summit.txt": readFileSync(join(ROOT, "test/fixtures/articles/summit.txt")),
      "c.md": "# Note\n\nNorth Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok.\n",
    });
    const one = join(tmp, "jobs1");
    const two = join(tmp, "jobs2");
    expect(runKg(["build", "--sources", dir, "--out", one, "--quiet"]).status).toBe(0);
    const r = runKg(["build", "--sources", dir, "--out", two, "--quiet", "--jobs", "2"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(two, "graph.json"))).toEqual(readFileSync(join(one, "graph.json")));
    expect(readFileSync(join(two, "graph.gexf"))).toEqual(readFileSync(join(one, "graph.gexf")));
    expect(runKg(["build", "--sources", dir, "--out", two, "--jobs", "0"]).status).toBe(2);
  });

  it("gives byte-identical output on a second run", () => {
    expect(readFileSync(join(out2, "graph.json"))).toEqual(readFileSync(join(out1, "graph.json")));
    expect(readFileSync(join(out2, "graph.gexf"))).toEqual(readFileSync(join(out1, "graph.gexf")));
  });

  it("writes JSON that is the graph contract and loads with Graph.from", () => {
    const json = JSON.parse(readFileSync(join(out1, "graph.json"), "utf8"));
    const parsed = GraphJson.safeParse(json);
    expect(parsed.success, parsed.success ? "" : parsed.error.message).toBe(true);
    const g = MultiDirectedGraph.from(json);
    expect(g.order).toBe(json.nodes.length);
    expect(g.getNodeAttribute("person:kim-jong-un", "aliases")).toContain("Kim");
    const text = readFileSync(SEED_TEXT, "utf8");
    g.forEachEdge((_e, a) => {
      for (const ev of a.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
      expect(a.weight).toBe(a.evidence.length);
    });
    // layout is done: positions are spread, not all at the origin
    const xs = json.nodes.map((n: { attributes: { x: number } }) => n.attributes.x);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it("writes GEXF 1.3 that the official RELAX NG and the patched XSD accept and graphology-gexf reads back", () => {
    const file = join(out1, "graph.gexf");
    if (!xmllint.skip) {
      const rng = xmllint.run(["--noout", "--relaxng", join(SCHEMA_DIR, "1.3/gexf.rng"), file]);
      expect(rng.status, rng.stderr).toBe(0);
      const xsd = xmllint.run(["--noout", "--schema", join(SCHEMA_DIR, "1.3-patched/gexf.xsd"), file]);
      expect(xsd.status, xsd.stderr).toBe(0);
    }
    const json = JSON.parse(readFileSync(join(out1, "graph.json"), "utf8"));
    const back = parseGexf(MultiDirectedGraph, readFileSync(file, "utf8"), { addMissingNodes: false });
    expect(back.order).toBe(json.nodes.length);
    expect(back.size).toBe(json.edges.length);
    const kim = json.nodes.find((n: { key: string }) => n.key === "person:kim-jong-un");
    expect(back.getNodeAttribute("person:kim-jong-un", "x")).toBeCloseTo(kim.attributes.x, 3);
  });

  it("writes GEXF 1.2draft that networkx reads with every node's colour", () => {
    const out = join(tmp, "out12");
    const r = runKg(["build", "--sources", seedDir, "--out", out, "--gexf-version", "1.2draft", "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    if (networkx.skip) return;
    const py = networkx.run([
      "-c",
      "import sys, networkx as nx; g = nx.read_gexf(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges(), sum(1 for _, a in g.nodes(data=True) if 'color' in a.get('viz', {})))",
      join(out, "graph.gexf"),
    ]);
    expect(py.status, py.stderr).toBe(0);
    expect(py.stdout.trim()).toBe(`${json.nodes.length} ${json.edges.length} ${json.nodes.length}`);
  });
});

describe("kg build on bad input", () => {
  const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
  const latin1 = new Uint8Array([0x4b, 0x69, 0x6d, 0x20, 0xe9, 0x74, 0xe9]);

  it("with --strict, rejects a binary file by name and byte offset, with exit code 2 and nothing written", () => {
    const dir = folder("binary", { "good.txt": "Finland joined NATO.", "image.txt": binary });
    const out = join(tmp, "out-binary");
    const r = runKg(["build", "--sources", dir, "--out", out, "--strict"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("image.txt");
    expect(r.stderr).toMatch(/byte 4/);
    expect(existsSync(out)).toBe(false);
  });

  it("with --strict, rejects invalid UTF-8 naming the byte", () => {
    const dir = folder("latin1", { "old.txt": latin1 });
    const r = runKg(["build", "--sources", dir, "--out", join(tmp, "out-latin1"), "--strict"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/old\.txt: not valid UTF-8 \(byte 4/);
  });

  it("skips binary and non-UTF-8 files with a warning, lists them in the summary and the graph's sources, and exits 0", () => {
    const dir = folder("mixed", { "a/good.txt": readFileSync(SEED_TEXT), "a/image.txt": binary, "old.txt": latin1 });
    const out = join(tmp, "out-mixed");
    const r = runKg(["build", "--sources", dir, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: skipped a\/image\.txt: binary data \(a NUL byte at byte 4\)/);
    expect(r.stderr).toMatch(/warning: skipped old\.txt: not valid UTF-8 \(byte 4: 0xe9\)/);
    const listed = r.stderr.slice(r.stderr.indexOf("skipped   2 files:"));
    expect(listed).toMatch(/^skipped {3}2 files:\n {4}a\/image\.txt: binary data.*\n {4}old\.txt: not valid UTF-8/);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(GraphJson.safeParse(json).success).toBe(true);
    const sources = json.attributes.sources as Array<{ id: string; sha256: string; title: string; skipped?: string }>;
    expect(sources.map((s) => [s.id, s.skipped === undefined])).toEqual([["a/good.txt", true], ["a/image.txt", false], ["old.txt", false]]);
    const image = sources[1];
    expect(image).toEqual({ id: "a/image.txt", title: "image", sha256: createHash("sha256").update(binary).digest("hex"), skipped: expect.stringMatching(/^binary data/) });
    // the skipped files contribute nothing else: the graph is the good file's alone
    const alone = join(tmp, "out-good-alone");
    expect(runKg(["build", "--sources", folder("good-alone", { "a/good.txt": readFileSync(SEED_TEXT) }), "--out", alone, "--quiet"]).status).toBe(0);
    const good = JSON.parse(readFileSync(join(alone, "graph.json"), "utf8"));
    expect(json.nodes).toEqual(good.nodes);
    expect(json.edges).toEqual(good.edges);
  });

  it("says so for an empty folder or a missing one", () => {
    const empty = folder("empty", {});
    const r = runKg(["build", "--sources", empty, "--out", join(tmp, "out-empty")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no \.txt, \.md or \.html files/);
    const missing = runKg(["build", "--sources", join(tmp, "nope"), "--out", join(tmp, "out-missing")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope");
  });

  it("builds an empty graph from an empty file, with a warning", () => {
    const dir = folder("empty-file", { "blank.txt": "" });
    const out = join(tmp, "out-blank");
    const r = runKg(["build", "--sources", dir, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/blank\.txt: no text/);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(json.nodes).toEqual([]);
  });

  it("refuses bad arguments with exit code 2", () => {
    expect(runKg(["build", "--gexf-version", "2.0"]).status).toBe(2);
    expect(runKg(["build", "--name", "../escape"]).status).toBe(2);
    expect(runKg(["build", "--bogus"]).status).toBe(2);
  });
});

describe("kg build on hostile and multilingual text", () => {
  const text =
    "Russian Culture Minister Ольга Любимова <img src=x onerror=alert(1)> met North Korean leader 김정은 & friends.\n" +
    "Iran has supplied Russia with “drones” & <script>alert(2)</script> missiles.\u0007\n";
  const dir = folder("hostile", { "hostile.txt": text, "page.html": "<p>Finland joined <b>NATO</b> &amp; Sweden joined NATO.</p>" });
  const out = join(tmp, "out-hostile");
  const r = runKg(["build", "--sources", dir, "--out", out, "--quiet"]);

  it("keeps markup characters, Korean, Cyrillic and curly quotes verbatim in the JSON evidence", () => {
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    const evidence = json.edges.flatMap((e: { attributes: { evidence: Array<{ text: string }> } }) => e.attributes.evidence.map((x) => x.text));
    expect(evidence.some((t: string) => t.includes("<script>alert(2)</script>") && t.includes("“drones”"))).toBe(true);
    expect(json.attributes.sources.map((s: { id: string }) => s.id)).toEqual(["hostile.txt", "page.html"]);
  });

  it("writes well-formed GEXF without the control character, which reads back with the same text", () => {
    const gexf = readFileSync(join(out, "graph.gexf"), "utf8");
    expect(gexf).not.toContain("\u0007");
    expect(gexf).not.toContain("<script>");
    const doc = new DOMParser().parseFromString(gexf, "text/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    const back = parseGexf(MultiDirectedGraph, gexf);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(back.order).toBe(json.nodes.length);
    for (const n of json.nodes) expect(back.getNodeAttribute(n.key, "label")).toBe(n.attributes.label);
    if (!xmllint.skip) {
      const rng = xmllint.run(["--noout", "--relaxng", join(SCHEMA_DIR, "1.3/gexf.rng"), join(out, "graph.gexf")]);
      expect(rng.status, rng.stderr).toBe(0);
    }
  });
});

describe("kg build on large input", () => {
  it("reads a 1 MB article and a 200 kB line without punctuation, and keeps one node per entity", () => {
    const article = readFileSync(SEED_TEXT, "utf8");
    const copies = Math.ceil(1_000_000 / article.length);
    const dir = folder("large", {
      "long.txt": Array.from({ length: copies }, () => article).join("\n"),
      "one-line.txt": "North Korea Russia Ukraine ".repeat(8000),
    });
    const out = join(tmp, "out-large");
    const r = runKg(["build", "--sources", dir, "--out", out, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(GraphJson.safeParse(json).success).toBe(true);
    const kim = json.nodes.filter((n: { attributes: { label: string } }) => n.attributes.label === "Kim Jong-un");
    expect(kim).toHaveLength(1);
    expect(kim[0].attributes.mentions).toBeGreaterThanOrEqual(copies * 3);
    const edge = json.edges.find((e: { key: string }) => e.key === "person:kim-jong-un|leader_of|state:north-korea");
    // each copy states it at least once ("North Korean leader Kim Jong-un"); a copy's "Leader Kim Jong-un" may state it again
    expect(edge.attributes.weight).toBeGreaterThanOrEqual(copies);
    expect(edge.attributes.weight).toBeLessThanOrEqual(2 * copies);
    expect(edge.attributes.evidence).toHaveLength(edge.attributes.weight);
    // 13 s on an idle machine; several times that when other builds share its cores
  }, 180_000);
});
