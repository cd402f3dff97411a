// The shared fact store: the same schema in a PostgreSQL database through `pg`, every write one transaction, a build's lock an advisory lock.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { KgError } from "../errors.js";
import type { DocumentResult } from "../pipeline/index.js";
import { byIdBytes, encodeStoredResult, parseOutputRecord, parseStoredResult, type DocumentKey, type FactStore, type OutputRecord, type StoredDocument, type StoredResult } from "./fact-store.js";
import { MIGRATIONS, STORE_ID_KEY, STORE_SCHEMA_VERSION } from "./migrations.js";

export interface PostgresStoreOptions {
  /** Hold the store alone until close, as a build does (a session advisory lock, released by the server when the connection drops). */
  exclusive?: boolean;
  /** How long to wait for another build to release the store before STORE_BUSY. */
  busyTimeoutMs?: number;
}

export const POSTGRES_STORE_DEFAULTS = { exclusive: true, busyTimeoutMs: 1000 } as const;

/** Advisory lock keys ("kgst" in ASCII, then a number per use), per database. */
const BUILD_LOCK = [0x6b677374, 1] as const;
const MIGRATION_LOCK = [0x6b677374, 2] as const;
/** How many results one query of results() reads. */
const RESULT_BATCH = 200;

/** A postgres:// URL without its password, for messages. */
export function publicLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "";
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, "@");
  }
}

/**
 * Open the store in the PostgreSQL database at `url`, creating its tables if needed.
 * @throws KgError STORE_BUSY when another build holds it, STORE_CORRUPT when the database holds other
 * tables of those names, STORE_VERSION when a newer kgraph wrote it, WRITE_FAILED when the server cannot be reached.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<FactStore> {
  const { exclusive, busyTimeoutMs } = { ...POSTGRES_STORE_DEFAULTS, ...options };
  const location = publicLocation(url);
  const client = new pg.Client({ connectionString: url, application_name: "kgraph" });
  // an error on an idle connection (a restarted server) surfaces on the next query instead of crashing the process
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw storeError(location, err, "open");
  }
  try {
    if (exclusive) await lock(client, location, busyTimeoutMs);
    const id = await migrate(client, location);
    return new PostgresFactStore(client, location, id);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err instanceof KgError ? err : storeError(location, err, "open");
  }
}

async function lock(client: pg.Client, location: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [...BUILD_LOCK]);
    if (r.rows[0].ok) return;
    if (Date.now() >= deadline) {
      throw new KgError("STORE_BUSY", `kg build: the store ${location} is in use by another kg build; wait for it to finish, or pass --store with another database`, { where: location });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, deadline - Date.now()))));
  }
}

/** Apply the migrations the database lacks and return the store's identity (made on first open). */
async function migrate(client: pg.Client, location: string): Promise<string> {
  await client.query("BEGIN");
  try {
    // two processes opening a new database at once: the second waits, then finds the tables made
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [...MIGRATION_LOCK]);
    const tables = await client.query<{ migrations: string | null; documents: string | null; outputs: string | null }>(
      "SELECT to_regclass('kg_migrations')::text AS migrations, to_regclass('documents')::text AS documents, to_regclass('outputs')::text AS outputs",
    );
    const t = tables.rows[0];
    if (!t.migrations && (t.documents || t.outputs)) {
      throw new KgError("STORE_CORRUPT", `kg build: ${location} is not a kgraph store (it holds other tables named ${[t.documents, t.outputs].filter(Boolean).join(", ")}); pass --store with another database`, { where: location });
    }
    await client.query("CREATE TABLE IF NOT EXISTS kg_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    const current = (await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM kg_migrations")).rows[0].v ?? 0;
    if (current > STORE_SCHEMA_VERSION) {
      throw new KgError(
        "STORE_VERSION",
        `kg build: the store ${location} has schema version ${current}, newer than this kgraph's ${STORE_SCHEMA_VERSION}; upgrade kgraph, or pass --store with another database`,
        { where: location },
      );
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO kg_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
    }
    await client.query("INSERT INTO store_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [STORE_ID_KEY, randomUUID()]);
    const id = (await client.query<{ value: string }>("SELECT value FROM store_meta WHERE key = $1", [STORE_ID_KEY])).rows[0].value;
    await client.query("COMMIT");
    return id;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

type Row = { id: string; sha256: string; size: string | number; mtime_ms: string | number | null; extractor: string };

const UPSERT = `
  INSERT INTO documents (id, sha256, size, extractor, title, date, date_source, url, sentences, tokens, result, mtime_ms, result_sha256)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (id) DO UPDATE SET
    sha256 = excluded.sha256, size = excluded.size, mtime_ms = excluded.mtime_ms, extractor = excluded.extractor, title = excluded.title,
    date = excluded.date, date_source = excluded.date_source, url = excluded.url,
    sentences = excluded.sentences, tokens = excluded.tokens, result = excluded.result, result_sha256 = excluded.result_sha256`;

class PostgresFactStore implements FactStore {
  readonly location: string;
  readonly id: string;
  private readonly client: pg.Client;
  /** One connection runs one transaction at a time: calls made together wait their turn here. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(client: pg.Client, location: string, id: string) {
    this.client = client;
    this.location = location;
    this.id = id;
  }

  async documents(): Promise<StoredDocument[]> {
    const rows = await this.run(async (c) => (await c.query<Row>("SELECT id, sha256, size, mtime_ms, extractor FROM documents")).rows);
    return rows.map(toDocument).sort((a, b) => byIdBytes(a.id, b.id));
  }

  async find(ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.run(async (c) => (await c.query<Row>("SELECT id, sha256, size, mtime_ms, extractor FROM documents WHERE id = ANY($1::text[])", [ids])).rows);
    return rows.map(toDocument).sort((a, b) => byIdBytes(a.id, b.id));
  }

  async putResult(doc: DocumentKey, extractor: string, result: DocumentResult): Promise<void> {
    if (result.info.id !== doc.id || result.info.sha256 !== doc.sha256) {
      throw new KgError("INVARIANT", `FactStore.putResult: the result of ${result.info.id} was offered for ${doc.id}; store each result under its own document`);
    }
    const { info } = result;
    const stored = encodeStoredResult(result);
    const values = [
      doc.id, doc.sha256, doc.size, extractor, info.title, info.date ?? null, info.dateSource ?? null, info.url ?? null,
      result.sentences, result.tokens, stored.text, doc.mtimeMs ?? null, stored.sha256,
    ];
    await this.transaction((c) => c.query(UPSERT, values));
  }

  async forget(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.transaction(async (c) => (await c.query("DELETE FROM documents WHERE id = ANY($1::text[])", [ids])).rowCount ?? 0);
  }

  async *results(): AsyncIterable<StoredResult> {
    // the order is the ids' bytes, whatever the database's collation: read the ids, then the results by primary key
    const ids = (await this.documents()).map((d) => d.id);
    for (let i = 0; i < ids.length; i += RESULT_BATCH) {
      const batch = ids.slice(i, i + RESULT_BATCH);
      const rows = await this.run(
        async (c) => (
            await c.query<Row & { result: string; result_sha256: string | null }>(
              "SELECT id, sha256, size, mtime_ms, extractor, result, result_sha256 FROM documents WHERE id = ANY($1::text[])",
              [batch],
            )
          ).rows,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of batch) {
        const row = byId.get(id);
        // forgotten since the ids were read (another process): it is no longer in the store
        if (!row) continue;
        const document = toDocument(row);
        yield { document, result: parseStoredResult(this.location, document, row.result, row.result_sha256) };
      }
    }
  }

  async getOutput(output: string): Promise<OutputRecord | undefined> {
    const rows = await this.run(
      async (c) => (await c.query<{ fingerprint: string; files: string; summary: string }>("SELECT fingerprint, files, summary FROM outputs WHERE output = $1", [output])).rows,
    );
    return rows[0] ? parseOutputRecord(rows[0]) : undefined;
  }

  async putOutput(output: string, record: OutputRecord): Promise<void> {
    const values = [output, record.fingerprint, JSON.stringify(record.files), JSON.stringify(record.summary)];
    await this.transaction((c) =>
      c.query(
        `INSERT INTO outputs (output, fingerprint, files, summary) VALUES ($1, $2, $3, $4)
         ON CONFLICT (output) DO UPDATE SET fingerprint = excluded.fingerprint, files = excluded.files, summary = excluded.summary`,
        values,
      ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    // ending the session releases the build's advisory lock
    await this.client.end().catch(() => undefined);
  }

  private transaction<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    return this.run(async (c) => {
      await c.query("BEGIN");
      try {
        const out = await fn(c);
        await c.query("COMMIT");
        return out;
      } catch (err) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
    });
  }

  private run<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new KgError("INVARIANT", `FactStore: the store ${this.location} is closed`));
    const next = this.queue.then(() => fn(this.client)).catch((err: unknown) => {
      throw err instanceof KgError ? err : storeError(this.location, err, "use");
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function toDocument(r: Row): StoredDocument {
  // BIGINT comes back as a string: sizes and times in milliseconds are far below 2^53
  const doc = { id: r.id, sha256: r.sha256, size: Number(r.size), extractor: r.extractor };
  return r.mtime_ms === null ? doc : { ...doc, mtimeMs: Number(r.mtime_ms) };
}

/** Turn pg's errors into KgErrors that name the store (without its password) and say what to do. */
function storeError(location: string, err: unknown, doing: "open" | "use"): KgError {
  const reason = (err as Error).message || String((err as { code?: string }).code ?? err);
  const code = (err as { code?: string }).code ?? "";
  if (code === "3D000") {
    return new KgError("WRITE_FAILED", `kg build: the database of the store ${location} does not exist (${reason}); create it (createdb) or pass --store with another database`, { cause: err, where: location });
  }
  return new KgError("WRITE_FAILED", `kg build: cannot ${doing} the store ${location} (${reason}); check that the PostgreSQL server is running and the URL is right`, { cause: err, where: location });
}
