// The fact store: the engine-neutral interface and its engines (SQLite embedded; a server engine plugs in by URL).
import { KgError } from "../errors.js";
import type { FactStore } from "./fact-store.js";
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite.js";

export { OutputRecord, StoredDocumentResult, type DocumentKey, type FactStore, type StoredDocument, type StoredResult } from "./fact-store.js";
export { MIGRATIONS, STORE_SCHEMA_VERSION, type Migration } from "./migrations.js";
export { openSqliteStore, SQLITE_STORE_DEFAULTS, type SqliteStoreOptions } from "./sqlite.js";

/**
 * Open the store that `location` names: a file path is an embedded SQLite store.
 * @throws KgError INVALID_ARGS for a server URL this kgraph has no engine for, or the engine's errors.
 */
export async function openStore(location: string, options: SqliteStoreOptions = {}): Promise<FactStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  if (scheme && scheme.toLowerCase() !== "file") {
    throw new KgError("INVALID_ARGS", `kg build: no store engine for ${scheme}:// URLs; pass --store FILE for an embedded SQLite store`, { where: location });
  }
  return openSqliteStore(scheme ? new URL(location).pathname : location, options);
}
