// Loads the NER model file (the package's models/ner-en.json by default) once per path.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { KgError } from "../errors.js";
import { parseNerModel, parseWordClusters, type NerModel, type WordClusters } from "../extract/ner/index.js";

/** The shipped model: from dist/cli/ (or src/cli/ under tsx) two folders up, then models/. */
export const DEFAULT_NER_MODEL = resolve(dirname(fileURLToPath(import.meta.url)), "../../models/ner-en.json");

const cache = new Map<string, NerModel>();

function readClusters(path: string): WordClusters {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `loadNerModel: cannot read the word clusters ${path}; reinstall kgraph`, { cause: err, where: path });
  }
  return parseWordClusters(text, path);
}

/**
 * Read, validate and cache a NER model (.json or .json.gz).
 * @throws KgError("SOURCE_UNREADABLE") if the file cannot be read, KgError("INVALID_MODEL") if it is not a valid model.
 */
export function loadNerModel(path: string = DEFAULT_NER_MODEL): NerModel {
  const key = resolve(path);
  const cached = cache.get(key);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(key);
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `loadNerModel: cannot read ${key}; reinstall kgraph or pass a model path`, {
      cause: err,
      where: key,
    });
  }
  let data: unknown;
  try {
    const text = key.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
    data = JSON.parse(text);
  } catch (err) {
    throw new KgError("INVALID_MODEL", `loadNerModel: ${key} is not JSON (or gzip'ed JSON); retrain it with npm run train:ner`, {
      cause: err,
      where: key,
    });
  }
  let model: NerModel;
  try {
    const named = (data as { clusters?: { file?: unknown } } | null)?.clusters?.file;
    model = parseNerModel(data, typeof named === "string" ? readClusters(resolve(dirname(key), named)) : undefined);
  } catch (err) {
    if (err instanceof KgError) throw new KgError(err.code, `${key}: ${err.message}`, { cause: err, where: key });
    throw err;
  }
  cache.set(key, model);
  return model;
}
