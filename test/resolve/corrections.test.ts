// The user's corrections (aliases.yaml): parsed with line numbers, validated, and applied by resolveEntities.
import { describe, expect, it } from "vitest";
import { KgError } from "../../src/errors.js";
import { parseCorrections, resolveEntities } from "../../src/resolve/index.js";
import type { DocumentFacts, Entity } from "../../src/schema/index.js";

const entity = (id: string, kind: Entity["kind"], label: string, aliases: string[] = [], mentions = 1): Entity => ({ id, kind, label, aliases, mentions });
const only = (doc: string, ...entities: Entity[]): DocumentFacts => ({ doc, mentions: [], entities, relations: [] });
const failure = (text: string): KgError => {
  try {
    parseCorrections(text, "graph-data/aliases.yaml");
  } catch (err) {
    return err as KgError;
  }
  throw new Error("parseCorrections accepted invalid corrections");
};

const FILE = `# corrections of entity resolution
merge:
  - [Donald J. Trump, Donald Trump]
  - names: [AP, Associated Press]
    label: The Associated Press
    kind: institution
split:
  - [Vance, JD Vance]
  - name: Georgia
    by: kind
kinds:
  Hamas: institution
`;

describe("parseCorrections", () => {
  it("reads merges, splits and kinds", () => {
    expect(parseCorrections(FILE, "aliases.yaml")).toEqual({
      merges: [{ names: ["Donald J. Trump", "Donald Trump"] }, { names: ["AP", "Associated Press"], label: "The Associated Press", kind: "institution" }],
      apart: [["Vance", "JD Vance"]],
      byKind: ["Georgia"],
      kinds: [{ name: "Hamas", kind: "institution" }],
    });
  });

  it("takes an empty file or one of comments as no corrections", () => {
    expect(parseCorrections("", "a.yaml")).toEqual({ merges: [], apart: [], byKind: [], kinds: [] });
    expect(parseCorrections("# nothing yet\n", "a.yaml")).toEqual({ merges: [], apart: [], byKind: [], kinds: [] });
  });

  it.each([
    ["an unknown kind", "kinds:\n  Hamas: organisation\n", 2],
    ["a merge of one name", "merge:\n  - [Trump, Donald Trump]\n  - [Trump]\n", 3],
    ["an unknown section", "# x\n\naliasses:\n  - [a, b]\n", 3],
    ["an unknown field in an entry", "merge:\n  - names: [a, b]\n    lable: A\n", 2],
    ["an empty name", "split:\n  - [Vance, '']\n", 2],
  ])("rejects %s, naming the file and line", (_what, text, line) => {
    const err = failure(text);
    expect(err).toBeInstanceOf(KgError);
    expect(err.code).toBe("INVALID_CORRECTIONS");
    expect(err.where).toBe(`graph-data/aliases.yaml:${line}`);
  });

  it("rejects broken YAML with the line of the error", () => {
    const err = failure("merge:\n  - [Trump, Donald Trump\nsplit: []\n");
    expect(err.code).toBe("INVALID_CORRECTIONS");
    expect(err.where).toMatch(/^graph-data\/aliases\.yaml:\d+$/);
  });
});

describe("resolveEntities with corrections", () => {
  const facts = [
    only("a.txt", entity("t", "person", "Donald J. Trump", [], 2), entity("v", "person", "JD Vance", [], 3), entity("g", "state", "Georgia", [], 4)),
    only("b.txt", entity("t", "person", "Donald Trump", [], 5), entity("v", "person", "Vance", [], 2), entity("g", "place", "Georgia", [], 1)),
    only("c.txt", entity("a", "institution", "AP"), entity("p", "institution", "Associated Press", [], 2), entity("h", "person", "Hamas", [], 3)),
    only("d.txt", entity("h", "institution", "Hamas")),
  ];
  const plain = resolveEntities(facts);
  const corrected = resolveEntities(facts, { corrections: parseCorrections(FILE, "aliases.yaml") });
  const keys = (r: ReturnType<typeof resolveEntities>) => r.entities.map((e) => e.key);

  it("merges the names the user says are one, under the label and kind given", () => {
    expect(keys(plain)).toEqual(expect.arrayContaining(["person:donald-j-trump", "person:donald-trump", "institution:ap", "institution:associated-press"]));
    const trump = corrected.entities.find((e) => e.key === "person:donald-trump")!;
    expect([trump.documents, trump.mentions, trump.aliases]).toEqual([["a.txt", "b.txt"], 7, ["Donald J. Trump"]]);
    const ap = corrected.entities.filter((e) => [e.label, ...e.aliases].some((n) => n === "AP" || n === "Associated Press"));
    expect(ap.map((e) => [e.key, e.label, e.aliases])).toEqual([["institution:the-associated-press", "The Associated Press", ["AP", "Associated Press"]]]);
  });

  it("keeps apart the names the user splits, and one name per kind where asked", () => {
    expect(keys(plain)).toContain("person:jd-vance");
    expect(keys(plain)).not.toContain("person:vance");
    expect(keys(corrected)).toEqual(expect.arrayContaining(["person:jd-vance", "person:vance", "place:georgia", "state:georgia"]));
    expect(keys(plain).filter((k) => k.endsWith(":georgia"))).toEqual(["state:georgia"]);
  });

  it("imposes a kind on every entity of that name", () => {
    expect(keys(plain)).toContain("person:hamas");
    expect(corrected.entities.filter((e) => e.label === "Hamas").map((e) => [e.key, e.documents])).toEqual([["institution:hamas", ["c.txt", "d.txt"]]]);
  });
});
