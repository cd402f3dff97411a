// The incremental part of `kg build`: compare the sources with the store, extract only what is new or stale, forget the rest.
import { KgError } from "../errors.js";
import { readDocument, type DocumentResult, type SourceText } from "../pipeline/index.js";
import type { SourceInfo } from "../schema/index.js";
import type { FactStore, StoredDocument } from "../store/index.js";
import type { ExtractorVersion } from "./extractor-version.js";
import { loadExtractors, type ExtractorPaths } from "./extractors.js";
import { readDocumentsInParallel } from "./parallel.js";
import type { SourceFile } from "./sources.js";

export interface UpdateOptions {
  extractor: ExtractorVersion;
  paths: ExtractorPaths;
  /** Worker threads for extraction; 1 extracts in this thread. */
  jobs: number;
  /** A document whose extraction fails stops the build instead of being skipped. */
  strict: boolean;
  onProgress?: (progress: UpdateProgress) => void;
  /** Told of each document whose extraction failed (and was skipped), as it happens. */
  onFailure?: (id: string, reason: string) => void;
  /**
   * Extract elsewhere instead of in this process (workers fed by a queue), writing the results to the
   * store there; resolves to the documents that failed, with their reasons.
   */
  remote?: (todo: readonly SourceFile[]) => Promise<Map<string, string>>;
}

export interface UpdateProgress {
  extracted: number;
  toExtract: number;
  unchanged: number;
  failed: number;
  id?: string;
}

export interface UpdateCounts {
  /** Documents the store did not hold. */
  new: number;
  /** Documents whose bytes changed since they were stored. */
  changed: number;
  /** Documents stored by another extractor version (a new model, code or --rules-only), so extracted again. */
  stale: number;
  /** Documents the store held that are gone from the sources (or can no longer be read). */
  removed: number;
  /** Documents whose stored result was used as it was. */
  reused: number;
}

export interface UpdateResult {
  counts: UpdateCounts;
  /** Sources that could not be read or extracted, as the graph lists them. */
  skipped: SourceInfo[];
}

/**
 * Bring `store` up to date with `files`: forget what is gone, extract what is new, changed or made
 * by another extractor version, each document committed on its own.
 * @throws KgError when the store fails, or (with `strict`) the first document that cannot be extracted.
 */
export async function updateStore(store: FactStore, files: readonly SourceFile[], options: UpdateOptions): Promise<UpdateResult> {
  const version = options.extractor.id;
  const readable = new Map(files.filter((f) => !f.skipped).map((f) => [f.id, f]));
  const stored = new Map((await store.documents()).map((d) => [d.id, d]));
  const gone = [...stored.keys()].filter((id) => !readable.has(id));
  await store.forget(gone);

  const counts: UpdateCounts = { new: 0, changed: 0, stale: 0, removed: gone.length, reused: 0 };
  const todo: SourceFile[] = [];
  for (const f of readable.values()) {
    const s = stored.get(f.id);
    const kind = !s ? "new" : s.sha256 !== f.sha256 ? "changed" : s.extractor !== version ? "stale" : "reused";
    counts[kind]++;
    if (kind === "reused") continue;
    // a file taken for known (not read) is one whose stored result is current
    if (!f.source) throw new KgError("INVARIANT", `updateStore: ${f.id} was not read but its stored result is ${kind}; delete the store ${store.location} and rebuild`);
    todo.push(f);
  }

  const failures = new Map<string, string>();
  const progress: UpdateProgress = { extracted: 0, toExtract: todo.length, unchanged: counts.reused, failed: 0 };
  const byId = new Map(todo.map((f) => [f.id, f]));
  const keep = async (result: DocumentResult) => {
    const f = byId.get(result.info.id)!;
    await store.putResult({ id: f.id, sha256: f.sha256, size: f.size, ...(f.mtimeMs !== undefined ? { mtimeMs: f.mtimeMs } : {}) }, version, result);
    progress.extracted++;
    options.onProgress?.({ ...progress, id: f.id });
  };
  const fail = async (source: SourceText, error: KgError) => {
    if (options.strict) throw error;
    // a stale result must not stand in for a document that no longer extracts
    await store.forget([source.id]);
    const reason = `extraction failed: ${error.message}`;
    failures.set(source.id, reason);
    options.onFailure?.(source.id, reason);
    progress.failed++;
    options.onProgress?.({ ...progress, id: source.id });
  };
  options.onProgress?.({ ...progress });
  if (todo.length > 0 && options.remote) {
    const failed = await options.remote(todo);
    const first = [...failed].sort(([a], [b]) => (a < b ? -1 : 1))[0];
    if (first && options.strict) throw new KgError("STAGE_FAILED", `kg build: ${first[0]}: ${first[1]}`, { where: first[0] });
    await store.forget([...failed.keys()]);
    for (const [id, reason] of failed) failures.set(id, reason);
  } else if (todo.length > 0 && options.jobs > 1 && todo.length > 1) {
    await readDocumentsInParallel(
      todo.map((f) => f.source!),
      options.jobs,
      { paths: options.paths, onResult: keep, onFailure: fail },
    );
  } else if (todo.length > 0) {
    const extractors = loadExtractors(options.paths);
    for (const f of todo) {
      let result: DocumentResult;
      try {
        result = readDocument(f.source!, extractors);
      } catch (err) {
        if (!(err instanceof KgError)) throw err;
        await fail(f.source!, err);
        continue;
      }
      await keep(result);
    }
  }

  const skipped: SourceInfo[] = [];
  for (const f of files) {
    const reason = f.skipped?.reason ?? failures.get(f.id);
    if (reason !== undefined) skipped.push({ id: f.id, title: baseName(f.id), sha256: f.sha256, skipped: reason });
  }
  return { counts, skipped };
}

/**
 * Every stored result, once updateStore has run: exactly one per readable, extracted source.
 * @throws KgError INVARIANT when the store holds a stale or missing result, STORE_CORRUPT from the store.
 */
export async function readResults(store: FactStore, files: readonly SourceFile[], update: UpdateResult, extractor: ExtractorVersion): Promise<DocumentResult[]> {
  const readable = new Map(files.filter((f) => !f.skipped).map((f) => [f.id, f]));
  const results: DocumentResult[] = [];
  for await (const { document, result } of store.results()) {
    const f = readable.get(document.id);
    if (!f || !current(document, f, extractor.id)) {
      throw new KgError("INVARIANT", `readResults: the store ${store.location} holds a stale result for ${document.id} after the update; delete the store and rebuild`, { where: store.location });
    }
    results.push(result);
  }
  if (results.length + update.skipped.length !== files.length) {
    throw new KgError("INVARIANT", `readResults: ${files.length} sources but ${results.length} results and ${update.skipped.length} skipped; delete the store ${store.location} and rebuild`);
  }
  return results;
}

const current = (d: StoredDocument, f: SourceFile, version: string) => d.sha256 === f.sha256 && d.extractor === version;

function baseName(id: string): string {
  return id.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
}
