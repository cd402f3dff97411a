// The store's schema as numbered migrations, applied in order on first use; the SQL is plain enough for SQLite and PostgreSQL alike.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first; a store records the ones applied in `kg_migrations`. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "documents and their extraction results",
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        extractor TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        date_source TEXT,
        url TEXT,
        sentences INTEGER NOT NULL,
        tokens INTEGER NOT NULL,
        result TEXT NOT NULL
      );
      CREATE INDEX documents_content ON documents (sha256, extractor);
      CREATE TABLE outputs (
        output TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        files TEXT NOT NULL,
        summary TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "the store's identity, which names its work queue",
    sql: `
      CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "file modification times and result checksums",
    // a file whose path, size and modification time are those stored is taken to have the stored sha256;
    // a result whose text has the stored sha256 is the one that was checked when it was stored
    sql: `
      ALTER TABLE documents ADD COLUMN mtime_ms BIGINT;
      ALTER TABLE documents ADD COLUMN result_sha256 TEXT;
    `,
  },
];

/** The key of the store's identity in store_meta: a random UUID written once, when the store is created or first migrated. */
export const STORE_ID_KEY = "id";

/** The schema version this kgraph writes and reads. */
export const STORE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
