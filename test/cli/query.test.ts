// kg query end to end through dist/cli/main.js: tables, JSON, CSV, exit codes, pages, dates, and the seed graph built by kg build.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityRecord, MatchResult, PathResult, RelationRecord } from "../../src/query/index.js";
import { datedGraphJson } from "../query/dated-fixture.js";
import { SEED_PATH, SEED_TEXT, seedGraphJson } from "../query/seed-fixture.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli/main.js");

let dir: string;
let graphFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kgraph-query-"));
  graphFile = join(dir, "graph.json");
  writeFileSync(graphFile, JSON.stringify(seedGraphJson()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kg(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const query = (...args: string[]) => kg("query", ...args, "--graph", graphFile);

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  return records;
}

describe("kg query", () => {
  it("shows an entity found by alias, with its relations, as an aligned table", () => {
    const r = query("entity", "kim");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^label\s+Kim Jong-un$/m);
    expect(r.stdout).toMatch(/^Kim Ju-ae\s+child_of\s+Kim Jong-un\s/m);
  });

  it("prints JSON that parses back into records with evidence", () => {
    const r = query("relations", "--entity", "Kim Jong-un", "--relation", "sibling_of,child_of", "--json");
    const { relations, total, nextOffset } = JSON.parse(r.stdout) as { relations: RelationRecord[]; total: number; nextOffset: number | null };
    expect(relations.map((x) => x.relation).sort()).toEqual(["child_of", "sibling_of"]);
    expect([total, nextOffset]).toEqual([2, null]);
    expect(relations.every((x) => x.evidence[0].text.length > 0)).toBe(true);
  });

  it("prints RFC 4180 CSV whose evidence fields keep their commas", () => {
    const r = query("relations", "--relation", "official_of", "--csv");
    expect(r.stdout.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(["source", "relation", "target", "details", "confidence", "weight", "evidence"]);
    const olga = rows.find((row) => row[0] === "Olga Lyubimova")!;
    expect(olga[3]).toBe("role: Culture Minister");
    expect(olga[6]).toContain("Olga Lyubimova and his daughter, Kim Ju-ae.");
  });

  it("pages with --limit and --offset, and says on stderr which part it showed", () => {
    type Body = { relations: RelationRecord[]; total: number; offset: number; nextOffset: number | null };
    const all = JSON.parse(query("relations", "--json").stdout) as Body;
    expect(query("relations", "--json").stderr).toBe("");
    const first = query("relations", "--limit", "4", "--json");
    const page = JSON.parse(first.stdout) as Body;
    expect(page.relations.map((x) => x.id)).toEqual(all.relations.slice(0, 4).map((x) => x.id));
    expect([page.total, page.nextOffset]).toEqual([all.total, 4]);
    expect(first.stderr).toContain(`showing 1–4 of ${all.total}; --offset 4`);
    // pages laid end to end are the whole list, in order, once each
    const ids: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const next = JSON.parse(query("relations", "--limit", "4", "--offset", String(offset), "--json").stdout) as Body;
      ids.push(...next.relations.map((x) => x.id));
      offset = next.nextOffset;
    }
    expect(ids).toEqual(all.relations.map((x) => x.id));
    expect(query("relations", "--offset", "-1").status).toBe(2);
  });

  it("takes --from and --to as dates and rejects bad ones naming the flag", () => {
    const bad = query("relations", "--from", "2024-13");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--from");
    expect(query("relations", "--to", "yesterday").stderr).toContain("--to");
    expect(query("relations", "--from", "2024-08", "--to", "2024-07").status).toBe(2);
    // the seed graph has no dates: a range leaves nothing
    expect((JSON.parse(query("relations", "--from", "2024", "--json").stdout) as { total: number }).total).toBe(0);
  });

  it("prints one entity as a single CSV record", () => {
    const records = parseCsv(query("entity", "Lyubimova", "--csv").stdout);
    expect(records).toHaveLength(2);
    expect(records[1].slice(0, 3)).toEqual(["person:olga-lyubimova", "Olga Lyubimova", "person"]);
  });

  it("finds the path from Kim Ju-ae to Olga Lyubimova", () => {
    const path = JSON.parse(query("path", "Kim Ju-ae", "Olga Lyubimova", "--json").stdout) as PathResult;
    expect(path.entities.map((e) => e.label)).toEqual(["Kim Ju-ae", "Kim Jong-un", "gala", "Olga Lyubimova"]);
    const none = query("path", "South Korea", "Russia");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("no path");
  });

  it("matches patterns, and lists neighbours and stats", () => {
    const m = JSON.parse(query("match", "(a:person)-[:official_of]->(b:state)", "--json").stdout) as MatchResult;
    expect(m.bindings.map((b) => (b.a as EntityRecord).label).sort()).toEqual(["Choe Son-hui", "Olga Lyubimova"]);
    const n = JSON.parse(query("neighbors", "Kim", "--depth", "2", "--json").stdout) as { neighbors: EntityRecord[] };
    expect(n.neighbors.map((e) => e.label)).toContain("Olga Lyubimova");
    expect(JSON.parse(query("stats", "--json").stdout)).toMatchObject({ nodes: 18, edges: 18 });
  });

  it("exits 1 with suggestions for an unknown entity", () => {
    const r = query("entity", "Kim Jong-il");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Kim Jong-un");
  });

  it("exits 2 with the position for a bad pattern, and for bad arguments", () => {
    const r = query("match", "(a)-[r:sibling_of)-(b)");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("at 17");
    expect(query("neighbors", "Kim", "--depth", "zero").status).toBe(2);
    expect(query("relations", "--relation", "knows").status).toBe(2);
    expect(query("teleport").status).toBe(2);
    expect(query("path", "Kim").status).toBe(2);
  });

  it("says to run kg build when the graph file is missing, and rejects an invalid one", () => {
    const missing = kg("query", "stats", "--graph", join(dir, "none.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("kg build");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...seedGraphJson(), nodes: [{ key: "x", attributes: { label: "" } }] }));
    const invalid = kg("query", "stats", "--graph", bad);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/nodes\.0\.attributes\.label:/);
  });
});

describe("kg query on the seed graph built by kg build", () => {
  let built: string;
  beforeAll(() => {
    built = join(dir, "built");
    // the seed article alone, out of the default corpus beside it
    const sources = join(dir, "seed-sources");
    mkdirSync(sources);
    copyFileSync(SEED_PATH, join(sources, basename(SEED_PATH)));
    const r = spawnSync(process.execPath, [CLI, "build", "--sources", sources, "--out", built, "--quiet"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });
  const onSeed = (...args: string[]) => kg("query", ...args, "--graph", join(built, "graph.json"), "--json");

  it("knows Kim Jong-un's relatives from the article, by any spelling of his name", () => {
    for (const name of ["Kim Jong-un", "kim jong un", "Kim"]) {
      const r = onSeed("relations", "--entity", name, "--relation", "sibling_of,child_of,spouse_of");
      expect(r.status, r.stderr).toBe(0);
      const { relations } = JSON.parse(r.stdout) as { relations: RelationRecord[] };
      const kin = relations.map((x) => (x.source.label === "Kim Jong-un" ? x.target.label : x.source.label));
      expect(kin.sort()).toEqual(["Kim Ju-ae", "Kim Yo-jong"]);
    }
  });

  it("finds Olga Lyubimova by surname as Russia's Culture Minister", () => {
    const m = JSON.parse(onSeed("match", "(a {label: 'Lyubimova'})-[r:official_of]->(b:state)").stdout) as MatchResult;
    expect(m.bindings.map((b) => [(b.b as EntityRecord).label, (b.r as RelationRecord).role])).toEqual([["Russia", "Culture Minister"]]);
  });

  it("connects Kim Ju-ae to Olga Lyubimova over typed relations, each hop with verbatim evidence", () => {
    const r = onSeed("path", "Kim Ju-ae", "Olga Lyubimova");
    expect(r.status, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout) as PathResult;
    expect(path.entities[0].label).toBe("Kim Ju-ae");
    expect(path.entities[path.length].label).toBe("Olga Lyubimova");
    path.relations.forEach((rel, i) => {
      expect(rel.relation).not.toBe("co_occurs_with");
      expect(new Set([rel.source.id, rel.target.id])).toEqual(new Set([path.entities[i].id, path.entities[i + 1].id]));
      expect(rel.evidence.length).toBeGreaterThan(0);
      for (const ev of rel.evidence) expect(SEED_TEXT.slice(ev.start, ev.end)).toBe(ev.text);
    });
  });
});

describe("kg query on a dated graph of several articles", () => {
  let dated: string;
  beforeAll(() => {
    dated = join(dir, "dated.json");
    writeFileSync(dated, JSON.stringify(datedGraphJson()));
  });
  const onDated = (...args: string[]) => kg("query", ...args, "--graph", dated);

  it("lists an entity's relations by date, oldest first, and says how many undated sentences it left out", () => {
    const r = onDated("timeline", "Russia", "--cooccurrence", "--csv");
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(["date", "source", "relation", "target", "details", "evidence"]);
    const dates = rows.map((row) => row[0]);
    expect(dates.length).toBeGreaterThan(5);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(r.stderr).toMatch(/\d+ undated evidence sentences? left out/);
    const json = JSON.parse(onDated("timeline", "Russia", "--cooccurrence", "--json").stdout) as { entries: unknown[]; total: number; undated: number };
    expect(json.entries).toHaveLength(rows.length);
    expect(json.total).toBe(rows.length);
  });

  it("filters relations and neighbours by --from and --to", () => {
    type Body = { relations: RelationRecord[]; total: number };
    const july = JSON.parse(onDated("relations", "--cooccurrence", "--from", "2024-07", "--to", "2024-07", "--limit", "1000", "--json").stdout) as Body;
    const all = JSON.parse(onDated("relations", "--cooccurrence", "--limit", "1000", "--json").stdout) as Body;
    expect(july.total).toBeGreaterThan(0);
    expect(july.total).toBeLessThan(all.total);
    for (const rel of july.relations) expect(rel.evidence.every((ev) => (ev as { date?: string }).date?.startsWith("2024-07"))).toBe(true);
    const n = JSON.parse(onDated("neighbors", "Russia", "--cooccurrence", "--from", "2024-07", "--to", "2024-07", "--json").stdout) as { total: number };
    const every = JSON.parse(onDated("neighbors", "Russia", "--cooccurrence", "--json").stdout) as { total: number };
    expect(n.total).toBeGreaterThan(0);
    expect(n.total).toBeLessThan(every.total);
  });

  it("shows a document count and a few ids, and every id with --all-documents", () => {
    const few = JSON.parse(onDated("entity", "Russia", "--json").stdout) as { entity: EntityRecord };
    const all = JSON.parse(onDated("entity", "Russia", "--json", "--all-documents").stdout) as { entity: EntityRecord };
    expect(all.entity.documents).toHaveLength(all.entity.documentCount);
    expect(few.entity.documents).toEqual(all.entity.documents.slice(0, few.entity.documents.length));
    expect(few.entity.documents.length).toBeLessThanOrEqual(5);
  });
});
