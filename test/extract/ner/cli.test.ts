// `kg ner` end to end through dist/cli/main.js: CoNLL lines and columns kept, a tag appended; text to JSON entities; errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../../../dist/cli/main.js", import.meta.url));
const CONLLEVAL = "/work/shared/tools/conlleval.py";
const dir = mkdtempSync(join(tmpdir(), "kg-ner-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kg(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "ner", ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Handwritten, in CoNLL-2003 layout: token POS chunk NER (IOB1).
const CONLL = `-DOCSTART- -X- O O

SEOUL NNP I-NP I-LOC
1996-08-22 CD I-NP O

Olga NNP I-NP I-PER
Lyubimova NNP I-NP I-PER
visited VBD I-VP O
Vladivostok NNP I-NP I-LOC
in IN I-PP O
Russia NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Lisbon NNP I-NP I-LOC
hosted VBD I-VP O
the DT I-NP O
NATO NNP I-NP I-ORG
summit NN I-NP O
. . O O
`;

describe("kg ner --conll", () => {
  const file = join(dir, "small.conll");
  writeFileSync(file, CONLL);

  it("prints every line unchanged with a predicted IOB2 tag appended", () => {
    const r = kg("--conll", file);
    expect(r.status).toBe(0);
    const inLines = CONLL.split("\n");
    const outLines = r.stdout.split("\n");
    expect(outLines).toHaveLength(inLines.length);
    outLines.forEach((line, n) => {
      if (inLines[n] === "") return expect(line).toBe("");
      expect(line.startsWith(inLines[n] + " ")).toBe(true);
      expect(line.split(" ")).toHaveLength(5);
      expect(line.split(" ")[4]).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    });
    expect(outLines[0]).toBe("-DOCSTART- -X- O O O");
    const tags = outLines.filter((l) => l && !l.startsWith("-DOCSTART-")).map((l) => l.split(" ")[4]);
    expect(tags.slice(2, 4)).toEqual(["B-PER", "I-PER"]);
  });

  it.skipIf(spawnSync("python3", ["--version"]).status !== 0)("is scored by conlleval.py", () => {
    const out = join(dir, "small.out");
    writeFileSync(out, kg("--conll", file).stdout);
    const r = spawnSync("python3", [CONLLEVAL, out], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/SUMMARY micro PER,ORG,LOC P=\d/);
  });

  it("rejects malformed CoNLL with exit 2 naming the file and line", () => {
    const bad = join(dir, "bad.conll");
    writeFileSync(bad, "Seoul NNP I-NP I-LOC\nPyongyang I-LOC\n");
    const r = kg("--conll", bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:2`);
  });
});

describe("kg ner FILE.txt", () => {
  it("prints entities with character offsets as JSON", () => {
    const text = "Olga Lyubimova flew from Moscow to Pyongyang.\n\nShe met Kim Jong-un there.\n";
    const file = join(dir, "news.txt");
    writeFileSync(file, text);
    const r = kg(file);
    expect(r.status).toBe(0);
    const entities = JSON.parse(r.stdout) as Array<{ text: string; label: string; start: number; end: number; sentence: number }>;
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => `${e.label}:${e.text}`)).toEqual(expect.arrayContaining(["PER:Olga Lyubimova", "LOC:Moscow", "LOC:Pyongyang"]));
  });

  it("refuses a file that is not UTF-8 text as kg build does: exit 2, the file and the byte offset", () => {
    const file = join(dir, "latin1.txt");
    writeFileSync(file, Buffer.from([0x4f, 0x6b, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    const r = kg(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/byte 3/);
    expect(r.stdout).toBe("");
  });

  it("exits 2 on bad arguments", () => {
    expect(kg().status).toBe(2);
    expect(kg("a.txt", "--conll", "b.conll").status).toBe(2);
  });
});

describe("the command registry", () => {
  it("lists each command with the summary of the module it loads", async () => {
    const { COMMANDS } = await import("../../../src/cli/commands/index.js");
    for (const entry of Object.values(COMMANDS)) expect((await entry.load()).summary).toBe(entry.summary);
    const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout;
    expect(help).toContain(`ner      ${COMMANDS.ner.summary}`);
  });
});
