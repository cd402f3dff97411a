// The fact store's interface, whatever engine holds it: documents and their extraction results, keyed by content and extractor.
import { createHash } from "node:crypto";
import { z } from "zod";
import { KgError, formatIssues } from "../errors.js";
import type { DocumentResult } from "../pipeline/index.js";
import { DocumentFacts, SourceInfo } from "../schema/index.js";

/** What a build needs to know of a stored document to decide whether its result can be reused. */
export interface StoredDocument {
  /** Path relative to the sources folder, with forward slashes. */
  id: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** Size of the file in bytes. */
  size: number;
  /** The file's modification time (milliseconds since 1970, whole) when it was read; absent when not known. */
  mtimeMs?: number;
  /** The extractor version the stored result was made with (see extractorVersion in the CLI). */
  extractor: string;
}

/** A source file as the build found it: what a stored result is keyed by, beside the extractor version. */
export type DocumentKey = Omit<StoredDocument, "extractor">;

/**
 * One store of extraction results. Every method is asynchronous so that an engine behind a network
 * (PostgreSQL) fits the same interface as the embedded one; every write is one transaction, so a
 * build killed at any moment leaves each document either fully stored or absent.
 */
export interface FactStore {
  /** Where the store lives, for messages: a file path, or a server URL without its password. */
  readonly location: string;
  /**
   * The store's identity: a UUID written once when the store is made, the same for every process that
   * opens it, however it names the server. Workers and builds of one store meet on the queue it names.
   */
  readonly id: string;
  /** Every stored document, sorted by id. */
  documents(): Promise<StoredDocument[]>;
  /** The stored documents among `ids` (ids that are not stored are left out), sorted by id. */
  find(ids: readonly string[]): Promise<StoredDocument[]>;
  /** Store a document's result, replacing whatever was stored for its id, in one transaction. */
  putResult(doc: DocumentKey, extractor: string, result: DocumentResult): Promise<void>;
  /** Forget these documents (ids that are not stored are ignored), in one transaction; resolves to how many there were. */
  forget(ids: readonly string[]): Promise<number>;
  /**
   * Every stored result, validated, sorted by id.
   * @throws KgError STORE_CORRUPT naming the store and the document when a stored result does not parse.
   */
  results(): AsyncIterable<StoredResult>;
  /** What was last written to the output named `output` from this store, if anything. */
  getOutput(output: string): Promise<OutputRecord | undefined>;
  /** Record what was written to `output`, replacing the earlier record, in one transaction. */
  putOutput(output: string, record: OutputRecord): Promise<void>;
  /** Release the store (and the build's lock on it). */
  close(): Promise<void>;
}

/**
 * The files a build wrote, with the fingerprint of everything they were computed from, so that a build
 * of the same input can prove they are what it would write and leave them as they are.
 */
export interface OutputRecord {
  fingerprint: string;
  files: Array<{ path: string; sha256: string }>;
  /** The build's summary figures, to report without rebuilding. */
  summary: unknown;
}

export const OutputRecord = z.object({
  fingerprint: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  summary: z.unknown(),
});

/** A stored result with the key it was stored under. */
export interface StoredResult {
  document: StoredDocument;
  result: DocumentResult;
}

/** The stored form of a DocumentResult, checked on every read: a store written by hand or by a broken build is refused. */
export const StoredDocumentResult = z.object({
  info: SourceInfo,
  facts: DocumentFacts,
  sentences: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
});

// The schema must describe DocumentResult exactly: a field added to one and not the other fails to compile,
// instead of being dropped silently on the way through the store.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof StoredDocumentResult>, DocumentResult> = true;
void sameShape;

/**
 * A result as it is stored: checked against the schema (a result that does not fit is a bug of the
 * build that made it), its JSON as the schema gives it back, and the sha256 of that text, which
 * proves on reading that the row holds what was checked.
 * @throws KgError INVARIANT when the result does not fit the schema.
 */
export function encodeStoredResult(result: DocumentResult): { text: string; sha256: string } {
  const parsed = StoredDocumentResult.safeParse(result);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues).slice(0, 3).join("; ");
    throw new KgError("INVARIANT", `FactStore.putResult: the result of ${result.info.id} does not fit the stored schema (${issues}); this is a bug of the extraction`);
  }
  const text = JSON.stringify(parsed.data);
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}

/**
 * Read a stored result back, whatever engine held it: JSON, then the schema, unless the text has the
 * sha256 it was stored with (`checked`; encodeStoredResult), and the id and sha256 it was stored
 * under. Checking the schema on every read of 3,000 results took half a second; the sha256 takes a
 * tenth of that, and a row edited or written by anything else still fails.
 * @throws KgError STORE_CORRUPT naming the store and the document.
 */
export function parseStoredResult(location: string, doc: StoredDocument, text: string, checked?: string | null): DocumentResult {
  const where = `${location}: document ${doc.id}`;
  const intact = checked != null && createHash("sha256").update(text).digest("hex") === checked;
  if (checked != null && !intact) {
    throw new KgError("STORE_CORRUPT", `kg build: the store ${location} is damaged (the result of ${doc.id} is not the text it was stored with); delete it to rebuild from scratch`, { where });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new KgError("STORE_CORRUPT", `kg build: the store ${location} is damaged (the result of ${doc.id} is not JSON); delete it to rebuild from scratch`, { cause: err, where });
  }
  let result: DocumentResult;
  if (intact) result = data as DocumentResult;
  else {
    const parsed = StoredDocumentResult.safeParse(data);
    if (!parsed.success) {
      const issues = formatIssues(parsed.error.issues).slice(0, 3).join("; ");
      throw new KgError("STORE_CORRUPT", `kg build: the store ${location} is damaged (the result of ${doc.id}: ${issues}); delete it to rebuild from scratch`, { where });
    }
    result = parsed.data;
  }
  if (result.info.id !== doc.id || result.info.sha256 !== doc.sha256) {
    throw new KgError("STORE_CORRUPT", `kg build: the store ${location} is damaged (the row of ${doc.id} holds the result of ${result.info.id}); delete it to rebuild from scratch`, { where });
  }
  return result;
}

/** Read an output record back; one that does not parse only means the outputs are written again, so it reads as none. */
export function parseOutputRecord(row: { fingerprint: string; files: string; summary: string }): OutputRecord | undefined {
  let parsed: ReturnType<typeof OutputRecord.safeParse>;
  try {
    parsed = OutputRecord.safeParse({ fingerprint: row.fingerprint, files: JSON.parse(row.files), summary: JSON.parse(row.summary) });
  } catch {
    parsed = OutputRecord.safeParse(undefined);
  }
  return parsed.success ? (parsed.data as OutputRecord) : undefined;
}

/** The order `documents()` and `results()` keep in every engine: the ids' UTF-8 bytes, as SQLite compares text. */
export function byIdBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
