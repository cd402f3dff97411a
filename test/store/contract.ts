// What every FactStore engine must do, run against each engine by its own test file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadExtractors } from "../../src/cli/extractors.js";
import { readDocument, type DocumentResult } from "../../src/pipeline/index.js";
import { openStore, type FactStore, type StoredResult } from "../../src/store/index.js";
import { ROOT, SEED_TEXT } from "../helpers/kg.js";

const extractors = loadExtractors({ rulesOnly: true });
export const sha = (c: string) => c.repeat(64);
/** Two real extracted articles: the seed and a fixture article in a subfolder. */
export const seed = readDocument({ id: "seed.txt", content: readFileSync(SEED_TEXT, "utf8"), sha256: sha("a") }, extractors);
export const summit = readDocument(
  { id: "b/summit.txt", content: readFileSync(join(ROOT, "test/fixtures/articles/summit.txt"), "utf8"), sha256: sha("b") },
  extractors,
);
/** A result as it looks after a JSON round trip (no undefined fields). */
export const plain = (r: DocumentResult) => JSON.parse(JSON.stringify(r)) as DocumentResult;

export async function all(store: FactStore): Promise<StoredResult[]> {
  const out: StoredResult[] = [];
  for await (const r of store.results()) out.push(r);
  return out;
}

/** Register the tests every engine passes; `fresh` gives the location of a new, empty store. */
export function factStoreContract(fresh: (name: string) => Promise<string> | string): void {
  it("stores and returns whole document results, sorted by id, across reopening", async () => {
    const location = await fresh("round-trip");
    const store = await openStore(location);
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 6030, mtimeMs: 1_721_088_000_123 }, "v1", seed);
    await store.putResult({ id: "b/summit.txt", sha256: sha("b"), size: 793 }, "v1", summit);
    await store.close();
    const again = await openStore(location);
    // the modification time comes back whole where one was stored, and is absent where none was
    expect(await again.documents()).toEqual([
      { id: "b/summit.txt", sha256: sha("b"), size: 793, extractor: "v1" },
      { id: "seed.txt", sha256: sha("a"), size: 6030, mtimeMs: 1_721_088_000_123, extractor: "v1" },
    ]);
    const back = await all(again);
    expect(back.map((r) => r.result)).toEqual([plain(summit), plain(seed)]);
    expect(back[1].result.facts.relations.length).toBe(seed.facts.relations.length);
    await again.close();
  });

  it("replaces a document's result and forgets documents, each in one transaction", async () => {
    const store = await openStore(await fresh("replace"));
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 1 }, "v1", seed);
    const changed = { ...seed, info: { ...seed.info, sha256: sha("c") } };
    await store.putResult({ id: "seed.txt", sha256: sha("c"), size: 2 }, "v2", changed);
    expect(await store.documents()).toEqual([{ id: "seed.txt", sha256: sha("c"), size: 2, extractor: "v2" }]);
    await store.putResult({ id: "b/summit.txt", sha256: sha("b"), size: 3 }, "v2", summit);
    expect(await store.forget(["seed.txt", "never-stored.txt"])).toBe(1);
    expect((await store.documents()).map((d) => d.id)).toEqual(["b/summit.txt"]);
    await expect(store.putResult({ id: "other.txt", sha256: sha("b"), size: 3 }, "v2", summit)).rejects.toMatchObject({ code: "INVARIANT" });
    await store.close();
  });

  it("keeps the record of written outputs, the latest one for each output", async () => {
    const store = await openStore(await fresh("outputs"));
    expect(await store.getOutput("/x/graph.json")).toBeUndefined();
    const record = { fingerprint: "sha256:1", files: [{ path: "/x/graph.json", sha256: sha("d") }], summary: { order: 3 } };
    await store.putOutput("/x/graph.json", record);
    expect(await store.getOutput("/x/graph.json")).toEqual(record);
    await store.putOutput("/x/graph.json", { ...record, fingerprint: "sha256:2" });
    expect(await store.getOutput("/x/graph.json")).toEqual({ ...record, fingerprint: "sha256:2" });
    await store.close();
  });

  it("finds the stored documents among given ids, sorted, whatever is asked", async () => {
    const store = await openStore(await fresh("find"));
    expect(await store.find(["seed.txt"])).toEqual([]);
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 6030 }, "v1", seed);
    await store.putResult({ id: "b/summit.txt", sha256: sha("b"), size: 793 }, "v1", summit);
    expect(await store.find([])).toEqual([]);
    expect(await store.find(["seed.txt", "missing.txt", "b/summit.txt", "seed.txt"])).toEqual([
      { id: "b/summit.txt", sha256: sha("b"), size: 793, extractor: "v1" },
      { id: "seed.txt", sha256: sha("a"), size: 6030, extractor: "v1" },
    ]);
    // ids with quotes, commas and non-ASCII letters are ids like any other
    expect(await store.find(['a "b", c', "북한.txt"])).toEqual([]);
    await store.close();
  });

  it("has one identity, made when it is created and kept across reopening", async () => {
    const location = await fresh("identity");
    const store = await openStore(location);
    expect(store.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await store.close();
    const again = await openStore(location);
    expect(again.id).toBe(store.id);
    await again.close();
    const other = await openStore(await fresh("identity-2"));
    expect(other.id).not.toBe(store.id);
    await other.close();
  });
}
