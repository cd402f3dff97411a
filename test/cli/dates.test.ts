// Dates end to end: `kg build` on dated multi-document corpora gives sources[].date, node and edge firstDate/lastDate, dated evidence, dynamic GEXF.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GraphJson } from "../../src/schema/index.js";
import { SCHEMA_DIR, networkx, xmllint } from "../export/tools.js";
import { ROOT, runKg } from "../helpers/kg.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function build(sources: string, extra: string[] = []): { out: string; graph: GraphJson } {
  const out = mkdtempSync(join(tmpdir(), "kg-dates-"));
  temps.push(out);
  const r = runKg(["build", "--sources", sources, "--out", out, "--quiet", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const parsed = GraphJson.safeParse(JSON.parse(readFileSync(join(out, "graph.json"), "utf8")));
  expect(parsed.success).toBe(true);
  return { out, graph: parsed.data! };
}

/** The dates every node, edge and evidence entry must carry, worked out from sources[] alone. */
function expectDatesFromSources(graph: GraphJson): { spanning: number } {
  const date = new Map(graph.attributes.sources.filter((s) => s.date).map((s) => [s.id, s.date!]));
  const range = (docs: string[]) => {
    const days = docs.map((d) => date.get(d)?.slice(0, 10)).filter((d): d is string => d !== undefined).sort();
    return days.length ? { firstDate: days[0], lastDate: days[days.length - 1] } : {};
  };
  let spanning = 0;
  for (const n of graph.nodes) {
    const want = range(n.attributes.documents);
    expect({ key: n.key, firstDate: n.attributes.firstDate, lastDate: n.attributes.lastDate }).toEqual({ key: n.key, ...want });
    if (want.firstDate && want.firstDate !== want.lastDate) spanning++;
  }
  for (const e of graph.edges) {
    const a = e.attributes;
    const want = range(a.evidence.map((x) => x.doc));
    expect({ key: e.key, firstDate: a.firstDate, lastDate: a.lastDate }).toEqual({ key: e.key, ...want });
    for (const x of a.evidence) expect(x.date).toBe(date.get(x.doc));
    // a relation without a date of its own takes its earliest document's day
    if (want.firstDate) expect(a.date, e.key).toBeDefined();
  }
  return { spanning };
}

function expectValidGexf(out: string): void {
  if (xmllint.skip) return;
  const file = join(out, "graph.gexf");
  for (const schema of [["--relaxng", join(SCHEMA_DIR, "1.3", "gexf.rng")], ["--schema", join(SCHEMA_DIR, "1.3-patched", "gexf.xsd")]]) {
    const r = xmllint.run(["--noout", ...schema, file]);
    expect(r.stderr).toMatch(/ validates\n$/);
    expect(r.status).toBe(0);
  }
}

describe("kg build on the committed dated fixtures", () => {
  const { out, graph } = build(join(ROOT, "test/fixtures/dated"));

  it("records each document's date, where it came from, and its URL", () => {
    const byId = Object.fromEntries(graph.attributes.sources.map((s) => [s.id, s]));
    expect(byId["nato-summit.md"]).toMatchObject({ date: "2024-07-10", dateSource: "front-matter", url: "https://example.org/news/nato-summit", title: "NATO leaders meet in Washington" });
    expect(byId["ukraine-aid.txt"]).toMatchObject({ date: "2024-07-16", dateSource: "published-line" });
    expect(byId["brussels-talks.html"]).toMatchObject({ date: "2024-07-18T07:30:00Z", dateSource: "html-meta", url: "https://example.org/news/brussels-talks" });
    expect(byId["kyiv-dateline.txt"]).toMatchObject({ date: "2024-07-20", dateSource: "dateline" });
    expect(byId["2024/07/22/warsaw-meeting.txt"]).toMatchObject({ date: "2024-07-22", dateSource: "path" });
    expect(Object.keys(byId["undated.txt"]).sort()).toEqual(["id", "sha256", "title"]);
  });

  it("gives nodes and edges the first and last day of their documents, and evidence its document's date", () => {
    expect(expectDatesFromSources(graph).spanning).toBeGreaterThan(3);
    const zelensky = graph.nodes.find((n) => n.key === "person:volodymyr-zelensky")!;
    expect(zelensky.attributes).toMatchObject({ firstDate: "2024-07-10", lastDate: "2024-07-22" });
    const erdogan = graph.nodes.find((n) => n.attributes.label.includes("Erdogan"))!;
    expect(erdogan.attributes.firstDate).toBeUndefined();
  });

  it("keeps the date a sentence gives, and dates the others by their document", () => {
    const sweden = graph.edges.find((e) => e.key === "state:sweden|member_of|institution:nato")!;
    expect(sweden.attributes).toMatchObject({ date: "2024-03", firstDate: "2024-07-10" });
    const supplies = graph.edges.find((e) => e.key === "state:germany|supplies|state:ukraine")!;
    expect(supplies.attributes.date).toBe("2024-07-16");
  });

  it("writes a dynamic GEXF 1.3 valid against the official schemas", () => {
    const gexf = readFileSync(join(out, "graph.gexf"), "utf8");
    expect(gexf).toContain('mode="dynamic" timeformat="date"');
    expect(gexf).toContain('<node id="person:volodymyr-zelensky" label="Volodymyr Zelensky" start="2024-07-10" end="2024-07-22">');
    expectValidGexf(out);
  });

  it.skipIf(networkx.skip)("writes a dynamic GEXF 1.2draft that networkx reads with each node's span", () => {
    const { out: out12 } = build(join(ROOT, "test/fixtures/dated"), ["--gexf-version", "1.2draft"]);
    const r = networkx.run([
      "-c",
      "import json,sys,networkx as nx; g=nx.read_gexf(sys.argv[1]); print(json.dumps({'mode': g.graph['mode'], 'z': [g.nodes['person:volodymyr-zelensky'].get(k) for k in ('start','end')]}))",
      join(out12, "graph.gexf"),
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ mode: "dynamic", z: ["2024-07-10", "2024-07-22"] });
  });
});

describe("kg build on undated articles", () => {
  it("writes no date anywhere, and a static GEXF", () => {
    const { out, graph } = build(join(ROOT, "test/fixtures/articles"));
    const json = readFileSync(join(out, "graph.json"), "utf8");
    expect(json).not.toMatch(/"(firstDate|lastDate|dateSource)"/);
    for (const s of graph.attributes.sources) expect(s.date).toBeUndefined();
    expect(readFileSync(join(out, "graph.gexf"), "utf8")).toContain('<graph defaultedgetype="directed" mode="static">');
  });
});

const CONLL = join(ROOT, ".data/corpus/conll");

describe.skipIf(!existsSync(CONLL))("kg build on Reuters articles of CoNLL-2003 over ten days (.data/corpus/conll)", () => {
  // every article that names Yeltsin, with the datelines of late August 1996
  const files = existsSync(CONLL) ? readdirSync(CONLL).filter((f) => readFileSync(join(CONLL, f), "utf8").includes("Yeltsin")).sort().slice(0, 24) : [];
  const dir = mkdtempSync(join(tmpdir(), "kg-conll-dates-"));
  temps.push(dir);
  for (const f of files) copyFileSync(join(CONLL, f), join(dir, f));
  const { out, graph } = existsSync(CONLL) ? build(dir) : { out: "", graph: undefined as unknown as GraphJson };

  it("dates the articles by their datelines", () => {
    expect(files.length).toBeGreaterThan(10);
    const dated = graph.attributes.sources.filter((s) => s.date);
    expect(dated.length / files.length).toBeGreaterThan(0.9);
    for (const s of dated) {
      expect(s.dateSource).toBe("dateline");
      expect(readFileSync(join(dir, s.id), "utf8").split("\n").slice(0, 6).join("\n")).toContain(s.date);
    }
    expect(new Set(dated.map((s) => s.date)).size).toBeGreaterThan(4);
  });

  it("spans Yeltsin over the days he is reported, and every node and edge over its documents", () => {
    const { spanning } = expectDatesFromSources(graph);
    expect(spanning).toBeGreaterThan(5);
    const yeltsin = graph.nodes.find((n) => n.attributes.label === "Boris Yeltsin" || n.attributes.label === "Yeltsin")!;
    expect(yeltsin.attributes.firstDate! < yeltsin.attributes.lastDate!).toBe(true);
  });

  it("writes a dynamic GEXF valid against the official schemas", () => {
    expect(readFileSync(join(out, "graph.gexf"), "utf8")).toContain('mode="dynamic" timeformat="date"');
    expectValidGexf(out);
  });
});
