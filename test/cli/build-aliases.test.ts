// kg build with the user's corrections: aliases.yaml beside the sources folder, --aliases FILE, and errors naming the line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GraphJson } from "../../src/schema/index.js";
import { runKg, SEED_TEXT } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-aliases-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const project = join(tmp, "graph-data");
const sources = join(project, "sources");
mkdirSync(sources, { recursive: true });
writeFileSync(join(sources, "north-korea-russia.txt"), readFileSync(SEED_TEXT));
const CORRECTIONS = `# the theatre is meant as the company that runs it; the institute goes by its acronym
merge:
  - names: [Korea Institute for National Unification, KINU]
    label: KINU
kinds:
  East Pyongyang Grand Theatre: institution
`;
const keys = (out: string) => GraphJson.parse(JSON.parse(readFileSync(join(out, "graph.json"), "utf8"))).nodes.map((n) => n.key);

describe("kg build --aliases", () => {
  it("applies aliases.yaml from the sources folder's parent by default", () => {
    const plain = join(tmp, "plain");
    expect(runKg(["build", "--sources", sources, "--out", plain, "--quiet"]).status).toBe(0);
    expect(keys(plain)).toEqual(expect.arrayContaining(["place:east-pyongyang-grand-theatre", "institution:korea-institute-for-national-unification"]));
    writeFileSync(join(project, "aliases.yaml"), CORRECTIONS);
    const corrected = join(tmp, "corrected");
    const r = runKg(["build", "--sources", sources, "--out", corrected, "--quiet"]);
    rmSync(join(project, "aliases.yaml"));
    expect(r.status).toBe(0);
    const k = keys(corrected);
    expect(k).toEqual(expect.arrayContaining(["institution:east-pyongyang-grand-theatre", "institution:kinu"]));
    expect(k).not.toContain("institution:korea-institute-for-national-unification");
    expect(k).not.toContain("place:east-pyongyang-grand-theatre");
    expect(k.length).toBe(keys(plain).length);
  });

  it("reads the file --aliases names, and stops with its line when it is invalid", () => {
    const file = join(tmp, "my-aliases.yaml");
    writeFileSync(file, CORRECTIONS);
    const out = join(tmp, "named");
    expect(runKg(["build", "--sources", sources, "--out", out, "--aliases", file, "--quiet"]).status).toBe(0);
    expect(keys(out)).toContain("institution:kinu");
    writeFileSync(file, "merge:\n  - [KINU]\nkinds:\n  KINU: think-tank\n");
    const bad = runKg(["build", "--sources", sources, "--out", join(tmp, "bad"), "--aliases", file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${file}:2`);
    expect(bad.stderr).toContain(`${file}:4`);
    const missing = runKg(["build", "--sources", sources, "--out", join(tmp, "missing"), "--aliases", join(tmp, "none.yaml")]);
    expect(missing.status).toBe(2);
  });

  it("an edited corrections file rewrites outputs that were up to date, from the same store", () => {
    const file = join(tmp, "edited.yaml");
    const out = join(tmp, "edited");
    writeFileSync(file, CORRECTIONS);
    expect(runKg(["build", "--sources", sources, "--out", out, "--aliases", file, "--quiet"]).status).toBe(0);
    const again = runKg(["build", "--sources", sources, "--out", out, "--aliases", file]);
    expect(again.stderr).toContain("up to date");
    writeFileSync(file, CORRECTIONS.replace("label: KINU", "label: Korea Institute for National Unification"));
    const edited = runKg(["build", "--sources", sources, "--out", out, "--aliases", file]);
    expect(edited.status).toBe(0);
    expect(edited.stderr).not.toContain("up to date");
    expect(edited.stderr).toContain("0 new, 0 changed, 0 removed, 1 reused");
    expect(keys(out)).toContain("institution:korea-institute-for-national-unification");
    expect(keys(out)).not.toContain("institution:kinu");
  });
});
