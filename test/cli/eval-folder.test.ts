// kg eval --gold DIR: every figure checked against kgscore.py run on the same graphs, document by document.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UNCOVERED_RELATIONS, toFixedEven } from "../../src/eval/index.js";
import { GOLD, ROOT, SEED_TEXT, runKg } from "../helpers/kg.js";

const KGSCORE = join(ROOT, "test/fixtures/seed/kgscore.py");
const SAMPLE = join(ROOT, "test/fixtures/redocred-sample");
const tmp = mkdtempSync(join(tmpdir(), "kgraph-eval-folder-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Counts = { p: number; r: number; f1: number; tp: number; fp: number; fn: number };
type Provenance = { extractor: string; rule?: string };
type Edge = { source: string; target: string; attributes: { relation: string; provenance?: Provenance[] } };
type Graph = { nodes: unknown[]; edges: Edge[] };

type Score = { entity: Counts; relation: Counts; missed: string[] };
type Job = { gold: string; graph: Graph; text: string; then: (s: Score) => void };

let runs = 0;
/** Run kgscore.py on every job in one Python process (its main() once per job) and hand each its lines. */
function kgscoreAll(jobs: Job[]): void {
  const files = jobs.map((j) => {
    const file = join(tmp, `kgscore-${runs++}.json`);
    writeFileSync(file, JSON.stringify(j.graph));
    return { gold: j.gold, graph: file, text: j.text };
  });
  const list = join(tmp, `jobs-${runs++}.json`);
  writeFileSync(list, JSON.stringify(files));
  const driver = [
    "import contextlib, io, json, sys",
    `sys.path.insert(0, ${JSON.stringify(join(KGSCORE, ".."))}); sys.dont_write_bytecode = True`,
    "import kgscore",
    "out = []",
    "for j in json.load(open(sys.argv[1])):",
    "    sys.argv = ['kgscore.py', j['gold'], j['graph'], j['text']]",
    "    buf = io.StringIO()",
    "    with contextlib.redirect_stdout(buf): kgscore.main()",
    "    out.append(buf.getvalue())",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", driver, list], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  (JSON.parse(r.stdout) as string[]).forEach((stdout, i) => jobs[i].then(parseKgscore(stdout)));
}

function parseKgscore(stdout: string): Score {
  const line = (prefix: string): Counts => {
    const m = new RegExp(`${prefix}\\s+P=([\\d.]+) R=([\\d.]+) F1=([\\d.]+)\\s+\\(tp=(\\d+) fp=(\\d+) fn=(\\d+)\\)`).exec(stdout)!;
    const [p, rr, f1, tp, fp, fn] = m.slice(1).map(Number);
    return { p, r: rr, f1, tp, fp, fn };
  };
  const missed = /^missed relations: (.*)$/m.exec(stdout)?.[1].split("; ") ?? [];
  return { entity: line("entities  typed"), relation: line("relations typed"), missed };
}

/** kgscore.py on one graph. */
function kgscore(gold: string, graph: Graph, text: string): Score {
  let out: Score | undefined;
  kgscoreAll([{ gold, graph, text, then: (s) => (out = s) }]);
  return out!;
}

const slugsOf = (dir: string) => readFileSync(join(dir, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]);
const readGraph = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Graph;
const provenanceOf = (e: Edge): Provenance[] => (e.attributes.provenance?.length ? e.attributes.provenance : [{ extractor: "unknown" }]);
const keyOf = (p: Provenance) => `${p.extractor}\u0000${p.rule ?? ""}`;
const keysOf = (e: Edge) => provenanceOf(e).map(keyOf);
const SCORED = (e: Edge) => e.attributes.relation !== "co_occurs_with";

/**
 * The corpus figures worked out with kgscore.py alone: per document on the whole graph; per relation
 * type and per (extractor, rule) on the graph holding only that type's or rule's edges; a rule's
 * `only` as what the whole graph finds less what it finds once the rule is struck from every edge's
 * provenance (an edge that another rule also states stays).
 */
function expectedFigures(dir: string, graphs: Map<string, Graph>, ignore: (slug: string) => readonly string[]) {
  const docs: Array<Score & { slug: string; dropped: number }> = [];
  const types = new Map<string, { gold: number; fn: number; tp: number; fp: number }>();
  const keys = new Map<string, { tp: number; fp: number; only: number }>();
  const type = (t: string) => types.get(t) ?? types.set(t, { gold: 0, fn: 0, tp: 0, fp: 0 }).get(t)!;
  const key = (k: string) => keys.get(k) ?? keys.set(k, { tp: 0, fp: 0, only: 0 }).get(k)!;
  const jobs: Job[] = [];
  const later: Array<() => void> = [];
  for (const slug of slugsOf(dir)) {
    const gold = join(dir, `${slug}.gold.json`);
    const text = join(dir, "texts", `${slug}.txt`);
    const left = new Set(ignore(slug));
    const all = graphs.get(slug)!;
    const graph = { ...all, edges: all.edges.filter((e) => !left.has(e.attributes.relation)) };
    const only = (pick: (e: Edge) => boolean) => ({ ...graph, edges: graph.edges.filter(pick) });
    const doc = { slug, dropped: all.edges.length - graph.edges.length } as (typeof docs)[number];
    docs.push(doc);
    jobs.push({ gold, graph, text, then: (s) => Object.assign(doc, s) });
    const rels = JSON.parse(readFileSync(gold, "utf8")) as { relations: Array<{ relation: string[]; required: boolean }> };
    for (const g of rels.relations) if (g.required) type(g.relation[0]).gold++;
    later.push(() => doc.missed.forEach((m) => type(/ -([a-z_]+)-> /.exec(m)![1]).fn++));
    for (const t of new Set(graph.edges.filter(SCORED).map((e) => e.attributes.relation))) {
      jobs.push({ gold, graph: only((e) => e.attributes.relation === t), text, then: (s) => { type(t).tp += s.relation.tp; type(t).fp += s.relation.fp; } });
    }
    const extractorKey = (k: string) => k.slice(0, k.indexOf("\u0000"));
    const scored = graph.edges.filter(SCORED);
    for (const k of new Set(scored.flatMap((e) => [...keysOf(e), ...keysOf(e).map(extractorKey)]))) {
      const mine = (p: Provenance) => (k.includes("\u0000") ? keyOf(p) === k : p.extractor === k);
      const has = (e: Edge) => provenanceOf(e).some(mine);
      jobs.push({ gold, graph: only((e) => SCORED(e) && has(e)), text, then: (s) => { key(k).tp += s.relation.tp; key(k).fp += s.relation.fp; } });
      // without K: K struck from every provenance, and the edges that had nothing else left out
      const strip = (e: Edge) => ({ ...e, attributes: { ...e.attributes, provenance: provenanceOf(e).filter((p) => !mine(p)) } });
      const rest = { ...graph, edges: graph.edges.map(strip).filter((e) => !SCORED(e) || e.attributes.provenance!.length > 0) };
      let without = 0;
      jobs.push({ gold, graph: rest, text, then: (s) => (without = s.relation.tp) });
      later.push(() => (key(k).only += doc.relation.tp - without));
    }
  }
  kgscoreAll(jobs);
  for (const f of later) f();
  return { docs, types, keys };
}

/** Check a kg eval --json report against expectedFigures. */
function checkReport(report: any, expected: ReturnType<typeof expectedFigures>) {
  expect(report.documents).toBe(expected.docs.length);
  for (const [i, d] of expected.docs.entries()) {
    const ours = report.perDocument[i];
    expect(ours.slug).toBe(d.slug);
    expect(ours.dropped, d.slug).toBe(d.dropped);
    for (const what of ["entity", "relation"] as const) {
      const o = what === "entity" ? ours.entities : ours.relations;
      expect([o.tp, o.fp, o.fn], `${d.slug} ${what}`).toEqual([d[what].tp, d[what].fp, d[what].fn]);
      for (const k of ["p", "r", "f1"] as const) expect(toFixedEven(o[k], 3), `${d.slug} ${what} ${k}`).toBe(d[what][k].toFixed(3));
    }
  }
  const n = expected.docs.length;
  for (const what of ["entity", "relation"] as const) {
    const o = what === "entity" ? report.entities : report.relations;
    const sum = (k: "tp" | "fp" | "fn") => expected.docs.reduce((a, d) => a + d[what][k], 0);
    expect([o.micro.tp, o.micro.fp, o.micro.fn]).toEqual([sum("tp"), sum("fp"), sum("fn")]);
    expect(o.micro.p).toBeCloseTo(sum("tp") / (sum("tp") + sum("fp")), 12);
    // kgscore prints three decimals; the mean of n rounded figures is within 0.0005 of the exact mean
    for (const k of ["p", "r", "f1"] as const) expect(Math.abs(o.macro[k] - expected.docs.reduce((a, d) => a + d[what][k], 0) / n)).toBeLessThanOrEqual(0.0005);
  }
  const byType = new Map(report.relationTypes.map((t: any) => [t.relation, t]));
  for (const [t, x] of expected.types) {
    if (x.gold === 0 && x.tp === 0 && x.fp === 0) continue;
    expect(byType.get(t), t).toMatchObject({ gold: x.gold, fn: x.fn, found: x.gold - x.fn, tp: x.tp, fp: x.fp });
  }
  expect(byType.size).toBe([...expected.types.values()].filter((x) => x.gold || x.tp || x.fp).length);
  const rows = [...report.extractors, ...report.rules].map((r: any) => [r.rule !== null || r.noRule ? `${r.extractor}\u0000${r.rule ?? ""}` : r.extractor, r]);
  const byKey = new Map(rows as Array<[string, any]>);
  for (const [k, x] of expected.keys) expect(byKey.get(k), k.replace("\u0000", ":")).toMatchObject(x);
  expect(byKey.size).toBe(expected.keys.size);
}

/** Run kg eval --gold DIR --out OUT --json (and `extra`); its report and the graphs it wrote. */
function evalWithGraphs(dir: string, out: string, extra: string[] = []) {
  const run = runKg(["eval", "--gold", dir, "--out", out, "--json", ...extra]);
  const report = JSON.parse(run.stdout || "{}");
  const graphs = new Map(slugsOf(dir).map((s) => [s, existsSync(join(out, `${s}.json`)) ? readGraph(join(out, `${s}.json`)) : { nodes: [], edges: [] }]));
  return { run, report, graphs };
}

describe("kg eval --gold DIR on five Re-DocRED documents", () => {
  const out = join(tmp, "redocred");
  const { run, report, graphs } = evalWithGraphs(SAMPLE, out);

  it("builds each text alone and writes its graph", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(slugsOf(SAMPLE).map((s) => `${s}.json`).sort());
    for (const [slug, g] of graphs) expect(g.edges.length, slug).toBeGreaterThan(0);
  });

  it("gives the figures kgscore.py gives, per document, macro, micro, per relation type and per rule", () => {
    const uncovered = UNCOVERED_RELATIONS["redocred_to_gold.py"];
    expect(report.ignored).toEqual([{ relations: [...uncovered], documents: 5, edges: expect.any(Number) }]);
    checkReport(report, expectedFigures(SAMPLE, graphs, () => uncovered));
    expect(report.relations.micro.tp).toBeGreaterThan(0);
    expect(report.relations.micro.fp).toBeGreaterThan(0);
  });

  it("builds with the rules alone under --rules-only, scored the same way", () => {
    expect(report.extractors.map((x: any) => x.extractor)).toContain("classifier");
    const rulesOut = join(tmp, "redocred-rules");
    const rules = runKg(["eval", "--gold", SAMPLE, "--rules-only", "--out", rulesOut, "--json"]);
    expect(rules.status, rules.stderr).toBe(0);
    const rulesReport = JSON.parse(rules.stdout);
    expect(rulesReport.extractors.map((x: any) => x.extractor)).toEqual(["rules"]);
    const rulesGraphs = new Map(slugsOf(SAMPLE).map((s) => [s, readGraph(join(rulesOut, `${s}.json`))]));
    checkReport(rulesReport, expectedFigures(SAMPLE, rulesGraphs, () => UNCOVERED_RELATIONS["redocred_to_gold.py"]));
  });

  it("agrees with redocred_to_gold.py --score on the graphs it wrote", () => {
    const script = join(ROOT, "../shared/tools/redocred_to_gold.py");
    if (!existsSync(script)) return;
    const r = spawnSync("python3", [script, "--score", join(out, "{slug}.json"), "--out", SAMPLE], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    for (const [key, ours] of [["entity", report.entities], ["relation", report.relations]] as const) {
      const m = new RegExp(`^${key}\\s+macro P=([\\d.]+) R=([\\d.]+) F1=([\\d.]+)\\s+micro P=([\\d.]+) R=([\\d.]+) F1=([\\d.]+) \\(tp=(\\d+) fp=(\\d+) fn=(\\d+)\\)`, "m").exec(r.stdout)!;
      expect(m, r.stdout).not.toBeNull();
      const [mp, mr, mf, p, rr, f, tp, fp, fn] = m.slice(1).map(Number);
      expect([ours.micro.tp, ours.micro.fp, ours.micro.fn]).toEqual([tp, fp, fn]);
      expect([ours.micro.p, ours.micro.r, ours.micro.f1].map((x: number) => toFixedEven(x, 3))).toEqual([p, rr, f].map((x) => x.toFixed(3)));
      [ours.macro.p, ours.macro.r, ours.macro.f1].forEach((x: number, i: number) => expect(Math.abs(x - [mp, mr, mf][i])).toBeLessThanOrEqual(0.001));
    }
  });

  it("reads the written graphs back with --graph, and on two worker threads builds the same", () => {
    const again = runKg(["eval", "--gold", SAMPLE, "--graph", join(out, "{slug}.json"), "--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(report);
    const jobs = runKg(["eval", "--gold", SAMPLE, "--jobs", "2", "--json"]);
    expect(jobs.status, jobs.stderr).toBe(0);
    expect(JSON.parse(jobs.stdout)).toEqual(report);
  });

  it("prints the same figures as text, and with --errors each document's missed and wrong relations", () => {
    const text = runKg(["eval", "--gold", SAMPLE, "--graph", join(out, "{slug}.json"), "--errors"]);
    expect(text.status, text.stderr).toBe(0);
    const m = report.relations.micro;
    const f = (x: number) => toFixedEven(x, 3);
    expect(text.stdout).toMatch(new RegExp(`relations micro\\s+${f(m.p)}\\s+${f(m.r)}\\s+${f(m.f1)}\\s+${m.tp}\\s+${m.fp}\\s+${m.fn}\\n`));
    expect(text.stdout).toMatch(/^per relation type/m);
    expect(text.stdout).toMatch(/^per rule, its edges scored alone, lowest precision first/m);
    // a missed fact comes with the sentence the gold file gives for it (in whichever documents miss one)
    const blocks = text.stdout.split("\n== ").slice(1);
    let shown = 0;
    for (const block of blocks) {
      const slug = block.slice(0, block.indexOf(":"));
      const gold = JSON.parse(readFileSync(join(SAMPLE, `${slug}.gold.json`), "utf8"));
      const names = new Map(gold.entities.map((e: any) => [e.id, e.name]));
      for (const g of gold.relations.filter((g: any) => g.required)) {
        const line = `missed ${names.get(g.source)} -${g.relation[0]}-> ${names.get(g.target)}\n`;
        if (!block.includes(line)) continue;
        expect(block).toContain(`${line}      "${g.evidence}"`);
        shown++;
      }
    }
    expect(blocks.map((b) => b.slice(0, b.indexOf(":")))).toHaveLength(5);
    expect(shown).toBeGreaterThan(0);
    expect(text.stdout).toMatch(/^ {2}wrong {2}.+ -[a-z_]+-> .+ {2}\[[a-z]+/m);
  });
});

/** The seed article and three one-sentence texts, each with a hand-made gold file, as a gold folder. */
function seedFolder(): string {
  const dir = join(tmp, "seed-folder");
  mkdirSync(join(dir, "texts"), { recursive: true });
  copyFileSync(SEED_TEXT, join(dir, "texts", "north-korea-russia.txt"));
  copyFileSync(GOLD, join(dir, "north-korea-russia.gold.json"));
  const e = (id: string, kind: string, name: string) => ({ id, kind: [kind], name, aliases: [], required: true });
  const docs: Record<string, { text: string; entities: unknown[]; relations: unknown[] }> = {
    lyubimova: {
      text: "Russian Culture Minister Olga Lyubimova arrived in Pyongyang on Sunday.",
      entities: [e("lyubimova", "person", "Olga Lyubimova"), e("russia", "state", "Russia"), e("pyongyang", "place", "Pyongyang")],
      relations: [{ source: "lyubimova", relation: ["official_of", "member_of"], target: "russia", required: true }],
    },
    finland: {
      text: "Finland joined NATO in April 2023, and Sweden followed in March 2024.",
      entities: [e("finland", "state", "Finland"), e("nato", "institution", "NATO"), e("sweden", "state", "Sweden")],
      relations: [
        { source: "finland", relation: ["member_of"], target: "nato", required: true, evidence: "Finland joined NATO in April 2023, and Sweden followed in March 2024." },
        { source: "sweden", relation: ["member_of"], target: "nato", required: true },
      ],
    },
    "hong-min": {
      text: "Hong Min, a senior researcher at the Korea Institute for National Unification, said the deal changed the region.",
      entities: [e("hong-min", "person", "Hong Min"), e("kinu", "institution", "Korea Institute for National Unification")],
      relations: [{ source: "hong-min", relation: ["works_for"], target: "kinu", required: true }],
    },
  };
  const manifest = ["slug\twords", "north-korea-russia\t0"];
  for (const [slug, d] of Object.entries(docs)) {
    writeFileSync(join(dir, "texts", `${slug}.txt`), d.text + "\n");
    writeFileSync(join(dir, `${slug}.gold.json`), JSON.stringify({ document: `${slug}.txt`, about: "hand-made", entities: d.entities, relations: d.relations }));
    manifest.push(`${slug}\t${d.text.split(" ").length}`);
  }
  writeFileSync(join(dir, "MANIFEST.tsv"), manifest.join("\n") + "\n");
  return dir;
}

describe("kg eval --gold DIR on the seed article and one-sentence texts", () => {
  const dir = seedFolder();
  const out = join(tmp, "seed-graphs");
  const { run, report, graphs } = evalWithGraphs(dir, out);

  it("gives the figures kgscore.py gives, leaving nothing out for hand-made gold files", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.ignored).toEqual([{ relations: [], documents: 4, edges: 0 }]);
    checkReport(report, expectedFigures(dir, graphs, () => []));
    // the seed's rules that carry an id show up by it
    expect(report.rules.some((r: any) => r.rule !== null)).toBe(true);
  });

  it("scores the rules and the classifier together as kgscore.py scores each graph, and lists the classifier", () => {
    const both = evalWithGraphs(dir, join(tmp, "seed-graphs-classifier"), []);
    expect(both.run.status, both.run.stderr).toBe(0);
    expect(both.report.extractors.map((x: any) => x.extractor)).toContain("classifier");
    for (const slug of slugsOf(dir)) {
      const theirs = kgscore(join(dir, `${slug}.gold.json`), both.graphs.get(slug)!, join(dir, "texts", `${slug}.txt`));
      const ours = both.report.perDocument.find((d: any) => d.slug === slug);
      expect([ours.relations.tp, ours.relations.fp, ours.relations.fn], slug).toEqual([theirs.relation.tp, theirs.relation.fp, theirs.relation.fn]);
    }
  });

  it("scores each text as kg build with its layout and kgscore.py score it", () => {
    for (const slug of slugsOf(dir)) {
      const sources = join(tmp, "alone", slug);
      mkdirSync(sources, { recursive: true });
      copyFileSync(join(dir, "texts", `${slug}.txt`), join(sources, `${slug}.txt`));
      const built = runKg(["build", "--sources", sources, "--out", sources, "--quiet"]);
      expect(built.status, built.stderr).toBe(0);
      const graph = readGraph(join(sources, "graph.json"));
      expect(graph.nodes.some((n: any) => n.attributes.x !== 0), slug).toBe(true);
      const theirs = kgscore(join(dir, `${slug}.gold.json`), graph, join(dir, "texts", `${slug}.txt`));
      const ours = report.perDocument.find((d: any) => d.slug === slug);
      expect([ours.entities.tp, ours.entities.fp, ours.entities.fn], slug).toEqual([theirs.entity.tp, theirs.entity.fp, theirs.entity.fn]);
      expect([ours.relations.tp, ours.relations.fp, ours.relations.fn], slug).toEqual([theirs.relation.tp, theirs.relation.fp, theirs.relation.fn]);
    }
  });

  it("leaves out the relations --ignore-relations names, and every edge with --keep-uncovered", () => {
    const r = runKg(["eval", "--gold", dir, "--graph", join(out, "{slug}.json"), "--ignore-relations", "party_to, located_in", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const ignored = JSON.parse(r.stdout);
    const left = ["party_to", "located_in"];
    const edges = [...graphs.values()].reduce((a, g) => a + g.edges.filter((e) => left.includes(e.attributes.relation)).length, 0);
    expect(edges).toBeGreaterThan(0);
    expect(ignored.ignored).toEqual([{ relations: left, documents: 4, edges }]);
    checkReport(ignored, expectedFigures(dir, graphs, () => left));
    const kept = runKg(["eval", "--gold", SAMPLE, "--graph", join(tmp, "redocred", "{slug}.json"), "--keep-uncovered", "--json"]);
    expect(JSON.parse(kept.stdout).ignored).toEqual([{ relations: [], documents: 5, edges: 0 }]);
  });

  it("rejects what it cannot do with exit code 2", () => {
    const bad = [
      ["eval", "--gold", dir, "--graph", join(out, "graph.json")],
      ["eval", "--gold", dir, "--ignore-relations", "allied_wiht"],
      ["eval", "--gold", dir, "--ignore-relations", "party_to", "--keep-uncovered"],
      ["eval", "--gold", dir, "--sources", dir],
      ["eval", "--gold", dir, "--jobs", "0"],
      ["eval", "--gold", GOLD, "--sources", join(ROOT, "graph-data/sources"), "--jobs", "2"],
      ["eval", "--gold", join(dir, "texts")],
    ];
    for (const args of bad) {
      const r = runKg(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^kg eval: /);
    }
  });
});
