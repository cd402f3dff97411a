// The PostgreSQL fact store against a real server started for the test: the same behaviour as the SQLite engine, and `kg build --store postgres://` writing the embedded build's bytes.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, openPostgresStore, openSqliteStore, openStore, STORE_SCHEMA_VERSION } from "../../src/store/index.js";
import { CLI, ROOT, runKg, SEED_TEXT } from "../helpers/kg.js";
import { skipPostgres, startPostgres, type PostgresServer } from "../helpers/postgres.js";
import { all, factStoreContract, seed, sha, summit } from "./contract.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-pgstore-"));
let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(() => {
  server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

let databases = 0;
/** A new empty database on the test's server. */
const freshDatabase = () => server.createDatabase(`store_${++databases}`);

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(skipPostgres)("the PostgreSQL fact store", () => {
  factStoreContract(() => freshDatabase());

  it("applies the migrations once, even to two processes opening a new database together", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPostgresStore(url, { exclusive: false }), openPostgresStore(url, { exclusive: false })]);
    await Promise.all([a.close(), b.close()]);
    await (await openStore(url)).close();
    const applied = await sql<{ version: number; name: string }>(url, "SELECT version, name FROM kg_migrations ORDER BY version");
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const indexes = await sql<{ indexname: string }>(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'documents' ORDER BY indexname");
    expect(indexes.map((i) => i.indexname)).toEqual(["documents_content", "documents_pkey"]);
  });

  it("orders ids by their UTF-8 bytes, exactly as the SQLite store does", async () => {
    const url = await freshDatabase();
    const ids = ["z.txt", "Z.txt", "é.txt", "e.txt", "\u{1F600}.txt", "\uFFFD.txt", "a b.txt", "a/b.txt", "a-b.txt"];
    const pgStore = await openStore(url);
    const sqlite = await openSqliteStore(join(tmp, "order.sqlite"));
    for (const id of ids) {
      const result = { ...summit, info: { ...summit.info, id } };
      for (const s of [pgStore, sqlite]) await s.putResult({ id, sha256: sha("b"), size: 1 }, "v1", result);
    }
    const fromSqlite = (await all(sqlite)).map((r) => r.document.id);
    expect((await pgStore.documents()).map((d) => d.id)).toEqual(fromSqlite);
    expect((await all(pgStore)).map((r) => r.document.id)).toEqual(fromSqlite);
    expect(new Set(fromSqlite)).toEqual(new Set(ids));
    await Promise.all([pgStore.close(), sqlite.close()]);
  });

  it("is held by one build at a time: a second one gets STORE_BUSY until the first closes", async () => {
    const url = await freshDatabase();
    const first = await openStore(url);
    await expect(openPostgresStore(url, { busyTimeoutMs: 50 })).rejects.toMatchObject({ code: "STORE_BUSY", where: url });
    await first.close();
    const second = await openPostgresStore(url, { busyTimeoutMs: 50 });
    await second.close();
  });

  it("is released by the server when the build holding it is killed", async () => {
    const url = await freshDatabase();
    const holder = `import { openStore } from ${JSON.stringify(join(ROOT, "dist/store/index.js"))};
      await openStore(${JSON.stringify(url)}); process.stdout.write("held\\n"); setInterval(() => {}, 1000);`;
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["--input-type=module", "-e", holder], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("held") && resolve());
      child.once("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    await expect(openPostgresStore(url, { busyTimeoutMs: 50 })).rejects.toMatchObject({ code: "STORE_BUSY" });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const after = await openPostgresStore(url, { busyTimeoutMs: 5000 });
    await after.close();
  });

  it("refuses a database whose tables of those names are another application's", async () => {
    const url = await freshDatabase();
    await sql(url, "CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)");
    await expect(openStore(url)).rejects.toMatchObject({ code: "STORE_CORRUPT", message: expect.stringMatching(/not a kgraph store/) });
    expect(await sql(url, "SELECT to_regclass('kg_migrations') AS t")).toEqual([{ t: null }]);
  });

  it("refuses a store written by a newer schema version", async () => {
    const url = await freshDatabase();
    await (await openStore(url)).close();
    await sql(url, "INSERT INTO kg_migrations (version, name) VALUES ($1, 'from the future')", [STORE_SCHEMA_VERSION + 1]);
    await expect(openStore(url)).rejects.toMatchObject({ code: "STORE_VERSION" });
  });

  it("refuses a damaged result on read, naming the store and the document", async () => {
    const url = await freshDatabase();
    const store = await openStore(url);
    await store.putResult({ id: "seed.txt", sha256: sha("a"), size: 1 }, "v1", seed);
    await sql(url, "UPDATE documents SET result = $1 WHERE id = 'seed.txt'", [JSON.stringify({ ...seed, sentences: -1 })]);
    await expect(all(store)).rejects.toMatchObject({ code: "STORE_CORRUPT", where: `${url}: document seed.txt` });
    await store.close();
  });

  it("names an unreachable server or a missing database without the URL's password", async () => {
    const missing = server.url.replace(/\/[^/]*$/, "/no_such_db").replace("kg@", "kg:secret@");
    const err = await openStore(missing).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "WRITE_FAILED", message: expect.stringMatching(/does not exist/) });
    expect((err as Error).message).not.toContain("secret");
    await expect(openStore("postgres://kg@127.0.0.1:1/kg")).rejects.toMatchObject({ code: "WRITE_FAILED", message: expect.stringMatching(/PostgreSQL server is running/) });
  });
});

describe.skipIf(skipPostgres)("kg build --store postgres://", () => {
  const ARTICLES = join(ROOT, "test/fixtures/articles");
  const sources = join(tmp, "sources");
  beforeAll(() => {
    cpSync(ARTICLES, sources, { recursive: true });
    cpSync(SEED_TEXT, join(sources, "world/north-korea-russia.txt"));
  });
  const same = (a: string, b: string) => {
    for (const f of ["graph.json", "graph.gexf"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  };

  it("writes the same graph.json and graph.gexf bytes as the embedded build, and reuses every result the next time", async () => {
    const url = await freshDatabase();
    const embedded = join(tmp, "out-sqlite");
    const shared = join(tmp, "out-pg");
    const a = runKg(["build", "--sources", sources, "--out", embedded, "--quiet"]);
    expect(a.status, a.stderr).toBe(0);
    const b = runKg(["build", "--sources", sources, "--out", shared, "--store", url, "--jobs", "2"]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain(`store     ${url}: 11 new`);
    same(embedded, shared);
    // outputs deleted: assembled again from the stored results alone, through KG_STORE
    rmSync(shared, { recursive: true });
    const c = spawnSync(process.execPath, [CLI, "build", "--sources", sources, "--out", shared], { encoding: "utf8", env: { ...process.env, KG_STORE: url } });
    expect(c.status, c.stderr).toBe(0);
    expect(c.stderr).toContain(`store     ${url}: 0 new, 0 changed, 0 removed, 11 reused`);
    same(embedded, shared);
  }, 120_000);

  it("stops a second build on the same database clearly (exit 2) while the first holds it", async () => {
    const url = await freshDatabase();
    const first = await openStore(url);
    try {
      const r = runKg(["build", "--sources", sources, "--out", join(tmp, "out-busy"), "--store", url, "--quiet"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`the store ${url} is in use by another kg build`);
    } finally {
      await first.close();
    }
  }, 60_000);
});
