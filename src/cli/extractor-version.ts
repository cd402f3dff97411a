// The extractor version a stored result is keyed by: it changes whenever anything that shapes extraction changes.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { KgError } from "../errors.js";
import { GENERATOR } from "../version.js";
import type { ExtractorPaths } from "./extractors.js";
import { DEFAULT_NER_MODEL } from "./ner-model.js";
import { DEFAULT_RELATION_MODEL } from "./relation-model.js";

/** The compiled code (dist/, or src/ under a TypeScript loader) that reads a document: these folders and files. */
const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CODE_PARTS = ["text", "extract", "schema", "pipeline", "errors", "random", "version"];
const CODE_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

export interface ExtractorVersion {
  /** `sha256:` and the hash of everything below: what a stored result is keyed by. */
  id: string;
  /** What went into it, for messages and docs. */
  parts: { generator: string; rulesOnly: boolean; code: string; models: Array<{ file: string; sha256: string }> };
}

const cache = new Map<string, ExtractorVersion>();

/**
 * The version of the extractors that `loadExtractors(paths)` would load, without loading them: the
 * package version, whether the classifier runs, the sha256 of each model file it reads (the NER model,
 * the word clusters it names, the relation model) and of the code of the text, extract, schema and
 * pipeline folders, so that a new model or a code change re-extracts every document.
 * @throws KgError SOURCE_UNREADABLE when a model file cannot be read.
 */
export function extractorVersion(paths: ExtractorPaths = {}): ExtractorVersion {
  const key = JSON.stringify([paths.nerModel, paths.relationModel, !!paths.rulesOnly]);
  const cached = cache.get(key);
  if (cached) return cached;
  const ner = resolve(paths.nerModel ?? DEFAULT_NER_MODEL);
  const nerBytes = readModel(ner);
  const models = [{ file: basename(ner), sha256: sha256(nerBytes) }];
  const others: string[] = [];
  const clusters = /"clusters"\s*:\s*\{\s*"file"\s*:\s*"([^"\\]+)"/.exec(nerBytes.toString("latin1"))?.[1];
  if (clusters) others.push(resolve(dirname(ner), clusters));
  if (!paths.rulesOnly) others.push(resolve(paths.relationModel ?? DEFAULT_RELATION_MODEL));
  for (const f of others) models.push({ file: basename(f), sha256: sha256(readModel(f)) });
  const parts = { generator: GENERATOR, rulesOnly: !!paths.rulesOnly, code: codeHash(), models };
  const version = { id: `sha256:${sha256(JSON.stringify(parts))}`, parts };
  cache.set(key, version);
  return version;
}

const codeHashes = new Map<string, string>();

/**
 * sha256 over the path and bytes of every code file in `parts` (folders or single modules of the code
 * root, "." for all of it), in path order.
 */
export function codeHash(parts: readonly string[] = CODE_PARTS): string {
  const key = parts.join("\u0000");
  const known = codeHashes.get(key);
  if (known) return known;
  const h = createHash("sha256");
  const files: string[] = [];
  for (const part of parts) {
    try {
      files.push(...walk(join(CODE_ROOT, part)));
    } catch {
      files.push(join(CODE_ROOT, part + CODE_EXTENSION));
    }
  }
  for (const f of files.sort()) {
    h.update(relative(CODE_ROOT, f).split(sep).join("/") + "\u0000");
    h.update(readModel(f));
    h.update("\u0000");
  }
  const hash = h.digest("hex");
  codeHashes.set(key, hash);
  return hash;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.name.endsWith(CODE_EXTENSION) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function readModel(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `extractorVersion: cannot read ${path}; reinstall kgraph or pass a model path`, { cause: err, where: path });
  }
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
