// The embedded fact store: one SQLite file through better-sqlite3, in WAL mode, every write one transaction.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { KgError } from "../errors.js";
import type { DocumentResult } from "../pipeline/index.js";
import { encodeStoredResult, parseOutputRecord, parseStoredResult, type OutputRecord, type DocumentKey, type FactStore, type StoredDocument, type StoredResult } from "./fact-store.js";
import { MIGRATIONS, STORE_ID_KEY, STORE_SCHEMA_VERSION } from "./migrations.js";

/** "kgst" in ASCII: marks a SQLite file as a kgraph store, so that another application's database is never written to. */
const APPLICATION_ID = 0x6b677374;

export interface SqliteStoreOptions {
  /**
   * Hold the store alone until close, as a build does: the file stays locked (by the operating system,
   * so a killed process releases it), and another connection gets KgError STORE_BUSY.
   */
  exclusive?: boolean;
  /** How long to wait for another connection to release the store before STORE_BUSY. */
  busyTimeoutMs?: number;
}

export const SQLITE_STORE_DEFAULTS = { exclusive: true, busyTimeoutMs: 1000 } as const;

type Row = { id: string; sha256: string; size: number; mtime_ms: number | null; extractor: string };

/** A row's document key: the modification time only when one was stored. */
function toDocument({ mtime_ms, ...r }: Row): StoredDocument {
  return mtime_ms === null ? r : { ...r, mtimeMs: mtime_ms };
}

/**
 * Open (creating it if needed) the SQLite store at `path` and bring its schema up to date.
 * @throws KgError STORE_BUSY when another build holds it, STORE_CORRUPT when the file is not a kgraph
 * store (or is damaged), STORE_VERSION when a newer kgraph wrote it, WRITE_FAILED when it cannot be created.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<FactStore> {
  const { exclusive, busyTimeoutMs } = { ...SQLITE_STORE_DEFAULTS, ...options };
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: busyTimeoutMs });
  } catch (err) {
    throw storeError(path, err, "open");
  }
  try {
    if (exclusive) db.pragma("locking_mode = EXCLUSIVE");
    const id = migrate(db, path);
    return new SqliteFactStore(db, path, id);
  } catch (err) {
    db.close();
    throw err instanceof KgError ? err : storeError(path, err, "open");
  }
}

/** Apply the migrations this file lacks and return the store's identity (made on first open). */
function migrate(db: Database.Database, path: string): string {
  // the first read: a file that is not SQLite fails here, a store held by another build waits, then fails here
  const appId = db.pragma("application_id", { simple: true }) as number;
  if (appId !== 0 && appId !== APPLICATION_ID) throw notAStore(path, `its application id is 0x${appId.toString(16)}`);
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a commit survives the process being killed; only a power cut can lose the last ones
  db.pragma("synchronous = NORMAL");
  db.exec("BEGIN IMMEDIATE");
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (appId === 0 && tables.length > 0) throw notAStore(path, `it holds other tables (${tables.slice(0, 3).join(", ")})`);
    db.exec("CREATE TABLE IF NOT EXISTS kg_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    const current = (db.prepare("SELECT MAX(version) FROM kg_migrations").pluck().get() as number | null) ?? 0;
    if (current > STORE_SCHEMA_VERSION) {
      throw new KgError(
        "STORE_VERSION",
        `kg build: the store ${path} has schema version ${current}, newer than this kgraph's ${STORE_SCHEMA_VERSION}; upgrade kgraph, or pass --store FILE for a new store`,
        { where: path },
      );
    }
    const record = db.prepare("INSERT INTO kg_migrations (version, name) VALUES (?, ?)");
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, m.name);
    }
    if (appId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.prepare("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING").run(STORE_ID_KEY, randomUUID());
    const id = db.prepare("SELECT value FROM store_meta WHERE key = ?").pluck().get(STORE_ID_KEY) as string;
    db.exec("COMMIT");
    return id;
  } catch (err) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw err;
  }
}

class SqliteFactStore implements FactStore {
  readonly location: string;
  readonly id: string;
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database, path: string, id: string) {
    this.db = db;
    this.location = path;
    this.id = id;
    this.upsert = db.prepare(`
      INSERT INTO documents (id, sha256, size, mtime_ms, extractor, title, date, date_source, url, sentences, tokens, result, result_sha256)
      VALUES (@id, @sha256, @size, @mtimeMs, @extractor, @title, @date, @dateSource, @url, @sentences, @tokens, @result, @resultSha256)
      ON CONFLICT (id) DO UPDATE SET
        sha256 = excluded.sha256, size = excluded.size, mtime_ms = excluded.mtime_ms, extractor = excluded.extractor, title = excluded.title,
        date = excluded.date, date_source = excluded.date_source, url = excluded.url,
        sentences = excluded.sentences, tokens = excluded.tokens, result = excluded.result, result_sha256 = excluded.result_sha256`);
    this.remove = db.prepare("DELETE FROM documents WHERE id = ?");
  }

  async documents(): Promise<StoredDocument[]> {
    return this.guard(() => (this.db.prepare("SELECT id, sha256, size, mtime_ms, extractor FROM documents ORDER BY id").all() as Row[]).map(toDocument));
  }

  async find(ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    return this.guard(
      () =>
        this.db
          .prepare("SELECT id, sha256, size, mtime_ms, extractor FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id")
          .all(JSON.stringify(ids)) as Row[],
    ).map(toDocument);
  }

  async putResult(doc: DocumentKey, extractor: string, result: DocumentResult): Promise<void> {
    if (result.info.id !== doc.id || result.info.sha256 !== doc.sha256) {
      throw new KgError("INVARIANT", `FactStore.putResult: the result of ${result.info.id} was offered for ${doc.id}; store each result under its own document`);
    }
    const { info } = result;
    const stored = encodeStoredResult(result);
    const row = {
      id: doc.id,
      sha256: doc.sha256,
      size: doc.size,
      mtimeMs: doc.mtimeMs ?? null,
      extractor,
      title: info.title,
      date: info.date ?? null,
      dateSource: info.dateSource ?? null,
      url: info.url ?? null,
      sentences: result.sentences,
      tokens: result.tokens,
      result: stored.text,
      resultSha256: stored.sha256,
    };
    this.guard(() => this.db.transaction(() => this.upsert.run(row))());
  }

  async forget(ids: readonly string[]): Promise<number> {
    return this.guard(() =>
      this.db.transaction(() => ids.reduce((n, id) => n + this.remove.run(id).changes, 0))(),
    );
  }

  async *results(): AsyncIterable<StoredResult> {
    const rows = this.guard(() =>
      this.db.prepare("SELECT id, sha256, size, mtime_ms, extractor, result, result_sha256 FROM documents ORDER BY id").iterate() as IterableIterator<
        Row & { result: string; result_sha256: string | null }
      >,
    );
    try {
      for (;;) {
        const next = this.guard(() => rows.next());
        if (next.done) return;
        const { result: text, result_sha256: checked, ...row } = next.value;
        const document = toDocument(row);
        yield { document, result: parseStoredResult(this.location, document, text, checked) };
      }
    } finally {
      rows.return?.();
    }
  }

  async getOutput(output: string): Promise<OutputRecord | undefined> {
    const row = this.guard(() => this.db.prepare("SELECT fingerprint, files, summary FROM outputs WHERE output = ?").get(output)) as
      | { fingerprint: string; files: string; summary: string }
      | undefined;
    return row ? parseOutputRecord(row) : undefined;
  }

  async putOutput(output: string, record: OutputRecord): Promise<void> {
    const row = { output, fingerprint: record.fingerprint, files: JSON.stringify(record.files), summary: JSON.stringify(record.summary) };
    this.guard(() =>
      this.db
        .prepare(
          `INSERT INTO outputs (output, fingerprint, files, summary) VALUES (@output, @fingerprint, @files, @summary)
           ON CONFLICT (output) DO UPDATE SET fingerprint = excluded.fingerprint, files = excluded.files, summary = excluded.summary`,
        )
        .run(row),
    );
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw err instanceof KgError ? err : storeError(this.location, err, "use");
    }
  }
}

function notAStore(path: string, why: string): KgError {
  return new KgError("STORE_CORRUPT", `kg build: ${path} is not a kgraph store (${why}); pass --store with another file name`, { where: path });
}

/** Turn better-sqlite3's errors into KgErrors that name the store and say what to do. */
function storeError(path: string, err: unknown, doing: "open" | "use"): KgError {
  const code = (err as { code?: string }).code ?? "";
  const reason = (err as Error).message;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new KgError("STORE_BUSY", `kg build: the store ${path} is in use by another kg build; wait for it to finish, or pass --store FILE to use another store`, { cause: err, where: path });
  }
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) {
    return new KgError("STORE_CORRUPT", `kg build: the store ${path} is damaged or not a SQLite file (${reason}); delete it to rebuild from scratch, or pass --store FILE`, { cause: err, where: path });
  }
  return new KgError("WRITE_FAILED", `kg build: cannot ${doing} the store ${path} (${reason}); check that its folder exists and is writable`, { cause: err, where: path });
}
