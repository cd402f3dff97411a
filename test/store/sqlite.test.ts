// The SQLite fact store on a real extracted article: round trip, replacement, forgetting, locking, and clear errors for damaged or newer stores.
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore, openStore, STORE_SCHEMA_VERSION } from "../../src/store/index.js";
import { all, factStoreContract, plain, seed, sha } from "./contract.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the SQLite fact store", () => {
  factStoreContract((name) => join(tmp, `${name}.sqlite`));

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
    const edited = JSON.stringify({ ...plain(seed), info: { ...seed.info, title: "Edited by hand" } });
    const broken = ['{"info": 1}', "{not json", JSON.stringify({ ...plain(seed), info: { ...seed.info, id: "elsewhere.txt" } })];
    // with the checksum it was stored with, any other text is refused, even one that fits the schema;
    // without one (a row of a store from before checksums), the schema and the id decide
    for (const [text, checksum] of [...[edited, ...broken].map((t) => [t, "keep"] as const), ...broken.map((t) => [t, null] as const)]) {
      const db = new Database(file);
      if (checksum === null) db.prepare("UPDATE documents SET result = ?, result_sha256 = NULL").run(text);
      else db.prepare("UPDATE documents SET result = ?").run(text);
      db.close();
      const again = await openSqliteStore(file);
      await expect(all(again), text.slice(0, 40)).rejects.toMatchObject({ code: "STORE_CORRUPT", where: `${file}: document seed.txt` });
      await again.close();
    }
    const db = new Database(file);
    db.prepare("UPDATE documents SET result = ?, result_sha256 = NULL").run(edited);
    db.close();
    const again = await openSqliteStore(file);
    expect((await all(again))[0].result.info.title).toBe("Edited by hand");
    await again.close();
  });

  it("has no engine for a server URL other than PostgreSQL's, and says so", async () => {
    await expect(openStore("mysql://kg@localhost:3306/kg")).rejects.toMatchObject({ code: "INVALID_ARGS", message: expect.stringMatching(/mysql:\/\//) });
  });
});
