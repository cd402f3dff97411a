// The SQLite fact store on a real extracted article: round trip, replacement, forgetting, locking, and clear errors for damaged or newer stores.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { loadExtractors } from "../../src/cli/extractors.js";
import { readDocument, type DocumentResult } from "../../src/pipeline/index.js";
import { openSqliteStore, openStore, STORE_SCHEMA_VERSION, type FactStore, type StoredResult } from "../../src/store/index.js";
import { ROOT, SEED_TEXT } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const extractors = loadExtractors({ rulesOnly: true });
const sha = (c: string) => c.repeat(64);
const seed = readDocument({ id: "seed.txt", content: readFileSync(SEED_TEXT, "utf8"), sha256: sha("a") }, extractors);
const summit = readDocument(
  { id: "b/summit.txt", content: readFileSync(join(ROOT, "test/fixtures/articles/summit.txt"), "utf8"), sha256: sha("b") },
  extractors,
);

async function all(store: FactStore): Promise<StoredResult[]> {
  const out: StoredResult[] = [];
  for await (const r of store.results()) out.push(r);
  return out;
}

const plain = (r: DocumentResult) => JSON.parse(JSON.stringify(r)) as DocumentResult;

describe("the SQLite fact store", () => {
  it("stores and returns whole document results, sorted by id, across reopening", async () => {
    const file = join(tmp, "round-trip.sqlite");
    const store = await openSqliteStore(file);
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 6030 }, "v1", seed);
    await store.putResult({ id: "b/summit.txt", sha256: sha("b"), size: 793 }, "v1", summit);
    await store.close();
    const again = await openStore(file);
    expect(await again.documents()).toEqual([
      { id: "b/summit.txt", sha256: sha("b"), size: 793, extractor: "v1" },
      { id: "seed.txt", sha256: sha("a"), size: 6030, extractor: "v1" },
    ]);
    const back = await all(again);
    expect(back.map((r) => r.result)).toEqual([plain(summit), plain(seed)]);
    expect(back[1].result.facts.relations.length).toBe(seed.facts.relations.length);
    await again.close();
  });

  it("replaces a document's result and forgets documents in one call", async () => {
    const store = await openSqliteStore(join(tmp, "replace.sqlite"));
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

  it("keeps the record of written outputs", async () => {
    const store = await openSqliteStore(join(tmp, "outputs.sqlite"));
    expect(await store.getOutput("/x/graph.json")).toBeUndefined();
    const record = { fingerprint: "sha256:1", files: [{ path: "/x/graph.json", sha256: sha("d") }], summary: { order: 3 } };
    await store.putOutput("/x/graph.json", record);
    expect(await store.getOutput("/x/graph.json")).toEqual(record);
    await store.close();
  });

  it("is held by one connection at a time: a second one gets STORE_BUSY until the first closes", async () => {
    const file = join(tmp, "busy.sqlite");
    const first = await openSqliteStore(file);
    await expect(openSqliteStore(file, { busyTimeoutMs: 50 })).rejects.toMatchObject({ code: "STORE_BUSY", where: file });
    await first.close();
    const second = await openSqliteStore(file, { busyTimeoutMs: 50 });
    await second.close();
  });

  it("refuses a file that is not SQLite, naming it", async () => {
    const file = join(tmp, "garbage.sqlite");
    writeFileSync(file, "this is not a database, just some text that is long enough to have a header".repeat(20));
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: "STORE_CORRUPT", where: file });
  });

  it("refuses another application's SQLite database instead of writing into it", async () => {
    const file = join(tmp, "other-app.sqlite");
    const db = new Database(file);
    db.exec("CREATE TABLE customers (id INTEGER)");
    db.close();
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    const check = new Database(file);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(["customers"]);
    check.close();
  });

  it("refuses a store written by a newer schema version", async () => {
    const file = join(tmp, "newer.sqlite");
    (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO kg_migrations (version, name) VALUES (?, 'from the future')").run(STORE_SCHEMA_VERSION + 1);
    db.close();
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: "STORE_VERSION", where: file });
  });

  it("refuses a damaged result on read, naming the store and the document", async () => {
    const file = join(tmp, "damaged.sqlite");
    const store = await openSqliteStore(file);
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 1 }, "v1", seed);
    await store.close();
    for (const broken of ['{"info": 1}', "{not json", JSON.stringify({ ...plain(seed), info: { ...seed.info, id: "elsewhere.txt" } })]) {
      const db = new Database(file);
      db.prepare("UPDATE documents SET result = ?").run(broken);
      db.close();
      const again = await openSqliteStore(file);
      await expect(all(again)).rejects.toMatchObject({ code: "STORE_CORRUPT", where: `${file}: document seed.txt` });
      await again.close();
    }
  });

  it("has no engine for a server URL other than PostgreSQL's, and says so", async () => {
    await expect(openStore("mysql://kg@localhost:3306/kg")).rejects.toMatchObject({ code: "INVALID_ARGS", message: expect.stringMatching(/mysql:\/\//) });
  });
});
