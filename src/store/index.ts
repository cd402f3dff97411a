// The fact store: the engine-neutral interface and its engines (SQLite embedded, PostgreSQL shared), picked by location.
import { KgError } from "../errors.js";
import type { FactStore } from "./fact-store.js";
import type { PostgresStoreOptions } from "./postgres.js";
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite.js";

export { byIdBytes, OutputRecord, StoredDocumentResult, type DocumentKey, type FactStore, type StoredDocument, type StoredResult } from "./fact-store.js";
export { MIGRATIONS, STORE_SCHEMA_VERSION, type Migration } from "./migrations.js";
export type { PostgresStoreOptions } from "./postgres.js";
export { openSqliteStore, SQLITE_STORE_DEFAULTS, type SqliteStoreOptions } from "./sqlite.js";

/**
 * Open a store in a PostgreSQL database (see postgres.ts). The PostgreSQL client is loaded on the first
 * call: a build on the embedded store never pays for it.
 * @throws KgError as postgres.ts's openPostgresStore.
 */
export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<FactStore> {
  return (await import("./postgres.js")).openPostgresStore(location, options);
}

/**
 * Open the store that `location` names: a file path (or file:// URL) is an embedded SQLite store, a
 * postgres:// (or postgresql://) URL a store in that PostgreSQL database.
 * @throws KgError INVALID_ARGS for a URL this kgraph has no engine for, or the engine's errors.
 */
export async function openStore(location: string, options: SqliteStoreOptions = {}): Promise<FactStore> {
  const scheme = storeScheme(location);
  if (scheme === "postgres" || scheme === "postgresql") return openPostgresStore(location, options);
  if (scheme && scheme !== "file") {
    throw new KgError("INVALID_ARGS", `kg build: no store engine for ${scheme}:// URLs; pass --store FILE for an embedded SQLite store, or --store postgres://USER@HOST:PORT/DB`, { where: location });
  }
  return openSqliteStore(scheme ? new URL(location).pathname : location, options);
}

/** The lower-cased scheme of a store URL, or undefined for a file path. */
export function storeScheme(location: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1].toLowerCase();
}
