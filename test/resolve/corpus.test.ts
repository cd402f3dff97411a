// Resolution over real multi-document text: the committed articles and the seed, and Reuters articles of CoNLL-2003 when .data is present.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { readDocument, type DocumentResult } from "../../src/pipeline/index.js";
import { nameKey, resolveEntities, splitNames, type Resolved } from "../../src/resolve/index.js";
import { ROOT, SEED_TEXT } from "../helpers/kg.js";

const model = loadNerModel();
const tagger = (s: string[][]) => tagDocument(model, s);
const read = (files: Array<[id: string, path: string]>): DocumentResult[] =>
  files.map(([id, path]) => readDocument({ id, content: readFileSync(path, "utf8"), sha256: "0".repeat(64) }, { tagger }));

/** Properties every resolution of real text must have, whatever the text. */
function checkResolution(results: DocumentResult[], resolved: Resolved): void {
  // the same set of documents, in another order and with each document's entities reversed, resolves alike
  const shuffled = [...results].reverse().map((r) => ({ ...r.facts, entities: [...r.facts.entities].reverse() }));
  const lines = (r: Resolved) => [...r.entities, ...r.relations].map((x) => JSON.stringify(x));
  expect(lines(resolveEntities(shuffled))).toEqual(lines(resolved));
  // keys are `${kind}:${slug}` and unique
  const keys = resolved.entities.map((e) => e.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const e of resolved.entities) expect(e.key.startsWith(`${e.kind}:`)).toBe(true);
  // two nodes share a name only where a one-word name is a person and something else, on both sides in weight
  const byName = new Map<string, string[]>();
  for (const e of resolved.entities) (byName.get(nameKey(e.label)) ?? byName.set(nameKey(e.label), []).get(nameKey(e.label))!).push(e.kind);
  for (const [name, kinds] of byName) {
    if (kinds.length > 1) expect([name, kinds.length, kinds.filter((k) => k === "person").length, name.includes(" ")]).toEqual([name, 2, 1, false]);
  }
  // a one-word person left alone has no single full name of the corpus to join
  const parts = new Map<string, Set<string>>();
  for (const e of resolved.entities) {
    if (e.kind !== "person" || !/\s/.test(e.label)) continue;
    for (const p of e.label.split(/\s+/)) if (/^\p{Lu}/u.test(p)) (parts.get(nameKey(p)) ?? parts.set(nameKey(p), new Set()).get(nameKey(p))!).add(e.key);
  }
  for (const e of resolved.entities) {
    if (e.kind === "person" && !/\s/.test(e.label)) expect([e.label, parts.get(nameKey(e.label))?.size ?? 0]).not.toEqual([e.label, 1]);
  }
  // no place or state carries an acronym that does not start with its own initial ("AP" of New York)
  for (const e of resolved.entities) {
    if (e.kind !== "place" && e.kind !== "state") continue;
    const stray = e.aliases.filter((a) => /^(?:\p{Lu}\.?){2,6}$/u.test(a) && a.length < 5 && a[0] !== e.label[0].toUpperCase());
    expect([e.key, stray]).toEqual([e.key, []]);
  }
}

describe("the committed articles and the seed", () => {
  const dir = join(ROOT, "test/fixtures/articles");
  const results = read([...readdirSync(dir).sort().map((f): [string, string] => [f, join(dir, f)]), ["north-korea-russia.txt", SEED_TEXT]]);
  const resolved = resolveEntities(results.map((r) => r.facts));

  it("resolve with every property of a resolution", () => checkResolution(results, resolved));

  it("leave none of their names on two nodes", () => {
    expect(splitNames(resolved.entities, { top: 1000 }).split).toEqual([]);
  });

  it("make one node of an entity several articles name", () => {
    const russia = resolved.entities.filter((e) => e.label === "Russia");
    expect(russia.map((e) => e.key)).toEqual(["state:russia"]);
    expect(russia[0].documents.length).toBeGreaterThan(2);
  });
});

const conll = join(ROOT, ".data/corpus/conll");
describe.skipIf(!existsSync(conll))("Reuters articles of August 1996 (CoNLL-2003, from .data)", () => {
  // the body runs while tests are collected, skipped or not
  const files = existsSync(conll) ? readdirSync(conll).filter((f) => f.startsWith("train-")).sort().slice(0, 300) : [];
  const results = read(files.map((f): [string, string] => [`conll/${f}`, join(conll, f)]));
  const resolved = resolveEntities(results.map((r) => r.facts));

  it("resolve with every property of a resolution", () => checkResolution(results, resolved));

  // a split that is two things: a person and something else, several people, or a club whose longer name holds
  // its town's ("Baltimore" of the Baltimore Orioles in a box score, beside the city; "Taibe" of Hapoel Taibe)
  it("split at most five of the 300 most-mentioned names, each over two things the name stands for", () => {
    const { split } = splitNames(resolved.entities, { top: 300 });
    expect(split.length).toBeLessThanOrEqual(5);
    for (const s of split) {
      const nodes = s.nodes.map((n) => resolved.entities.find((e) => e.key === n.key)!);
      const persons = nodes.filter((e) => e.kind === "person").length;
      const club = nodes.some((e) => e.kind === "institution" && nameKey(e.label) !== nameKey(s.name)) && nodes.some((e) => e.kind === "place");
      expect([s.name, (persons > 0 && (persons < nodes.length || persons > 1)) || club]).toEqual([s.name, true]);
    }
  });
});
