// kg eval on the seed: the quality bar, and the same report as the reference scorer (kgscore.py) prints.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Gold, scoreGraph, toFixedEven } from "../../src/eval/index.js";
import { GOLD, ROOT, runKg, SEED_TEXT } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-eval-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const KGSCORE = join(ROOT, "test/fixtures/seed/kgscore.py");
// The default corpus: the seed article among others, which the gold file's "document" singles out.
const sourcesDir = join(ROOT, "graph-data/sources");
const seedDir = join(tmp, "seed");
mkdirSync(seedDir);
copyFileSync(SEED_TEXT, join(seedDir, "north-korea-russia.txt"));

function kgscore(gold: string, graph: string): string {
  const r = spawnSync("python3", [KGSCORE, gold, graph, SEED_TEXT], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe("the seed article against its reference encoding", () => {
  const built = runKg(["build", "--sources", seedDir, "--out", tmp, "--quiet"]);
  const graphFile = join(tmp, "graph.json");

  it("keeps typed entity F1 ≥ 0.90, typed relation F1 ≥ 0.75 and every evidence verbatim", () => {
    expect(built.status, built.stderr).toBe(0);
    const gold = Gold.parse(JSON.parse(readFileSync(GOLD, "utf8")));
    const report = scoreGraph(gold, JSON.parse(readFileSync(graphFile, "utf8")), [readFileSync(SEED_TEXT, "utf8")]);
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.relations.f1).toBeGreaterThanOrEqual(0.75);
    expect(report.evidence!.found).toBe(report.evidence!.total);
    expect(report.evidence!.total).toBeGreaterThan(10);
  });

  it("prints exactly what kgscore.py prints, for the built graph and for a damaged one", () => {
    const ours = runKg(["eval", "--gold", GOLD, "--graph", graphFile, "--sources", sourcesDir]);
    expect(ours.status, ours.stderr).toBe(0);
    expect(ours.stdout).toBe(kgscore(GOLD, graphFile));
    // drop a node's edges, rename a node, duplicate one and retype an edge: the two scorers must still agree
    const json = JSON.parse(readFileSync(graphFile, "utf8"));
    json.nodes[0].attributes.kind = "place";
    json.nodes.push({ key: "dup", attributes: { ...json.nodes[1].attributes } });
    json.nodes.push({ key: "extra", attributes: { label: "Western", kind: "state", aliases: [] } });
    json.edges = json.edges.slice(3);
    json.edges[0].attributes.relation = "met_with";
    json.edges[1].attributes.evidence = [{ doc: "x", sentence: 0, start: 0, end: 5, text: "not in the article" }];
    const damaged = join(tmp, "damaged.json");
    writeFileSync(damaged, JSON.stringify(json));
    const ours2 = runKg(["eval", "--gold", GOLD, "--graph", damaged, "--sources", sourcesDir]);
    expect(ours2.stdout).toBe(kgscore(GOLD, damaged));
    expect(ours2.stdout).toMatch(/duplicates: /);
  });

  it("builds from --sources when no graph is given", () => {
    const r = runKg(["eval", "--gold", GOLD, "--sources", sourcesDir, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("scores a gold file on the document it names, not on the rest of the folder", () => {
    // a corpus: the seed article beside a Wikinews article on the two Koreas
    const corpus = join(tmp, "corpus");
    mkdirSync(join(corpus, "wikinews"), { recursive: true });
    copyFileSync(SEED_TEXT, join(corpus, "north-korea-russia.txt"));
    const korea = readdirSync(join(sourcesDir, "wikinews")).find((f) => f.includes("north-korea"))!;
    copyFileSync(join(sourcesDir, "wikinews", korea), join(corpus, "wikinews", korea));
    const alone = runKg(["eval", "--gold", GOLD, "--sources", seedDir, "--json"]);
    const among = runKg(["eval", "--gold", GOLD, "--sources", corpus, "--json"]);
    expect(among.status, among.stderr).toBe(0);
    expect(among.stdout).toBe(alone.stdout);
    // a gold file naming no file of the folder is scored on the graph of the whole folder
    const elsewhere = join(tmp, "gold-elsewhere.json");
    writeFileSync(elsewhere, JSON.stringify({ ...JSON.parse(readFileSync(GOLD, "utf8")), document: "elsewhere.txt" }));
    const whole = JSON.parse(runKg(["eval", "--gold", elsewhere, "--sources", corpus, "--json"]).stdout);
    expect(whole.entities.fp).toBeGreaterThan(JSON.parse(alone.stdout).entities.fp);
  });

  it("rejects a malformed gold file with its JSON paths, exit code 2", () => {
    const bad = join(tmp, "bad-gold.json");
    writeFileSync(bad, JSON.stringify({ entities: [{ id: "x", kind: "person" }], relations: [] }));
    const r = runKg(["eval", "--gold", bad, "--graph", graphFile]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/entities\.0\.kind/);
  });
});

describe("figures with three decimals", () => {
  it("are written as Python writes them: an exact tie goes to the even digit", () => {
    // python3 -c 'print(*(f"{x:.3f}" for x in XS))'
    const xs = [13 / 16, 1 / 16, 3 / 16, 5 / 16, 7 / 16, 9 / 16, 11 / 16, 15 / 16, 0.5, 1, 0, 2 / 3, 1 / 3, 0.0005, 0.0015, 0.81250001, 4 / 9];
    const python = "0.812 0.062 0.188 0.312 0.438 0.562 0.688 0.938 0.500 1.000 0.000 0.667 0.333 0.001 0.002 0.813 0.444";
    expect(xs.map((x) => toFixedEven(x, 3)).join(" ")).toBe(python);
    expect(toFixedEven(-13 / 16, 3)).toBe("-0.812");
  });
});
