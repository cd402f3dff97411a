// Loads the relation classifier's model file (the package's models/relations-en.json by default) once per path.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KgError } from "../errors.js";
import { parseRelationModel, type RelationModel } from "../extract/index.js";

/** The shipped model: from dist/cli/ (or src/cli/ under tsx) two folders up, then models/. */
export const DEFAULT_RELATION_MODEL = resolve(dirname(fileURLToPath(import.meta.url)), "../../models/relations-en.json");

const cache = new Map<string, RelationModel>();

/**
 * Read, validate and cache a relation model.
 * @throws KgError("SOURCE_UNREADABLE") if the file cannot be read, KgError("INVALID_MODEL") if it is not a valid model.
 */
export function loadRelationModel(path: string = DEFAULT_RELATION_MODEL): RelationModel {
  const key = resolve(path);
  const cached = cache.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(key, "utf8");
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `loadRelationModel: cannot read ${key}; reinstall kgraph or pass a model path`, { cause: err, where: key });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new KgError("INVALID_MODEL", `loadRelationModel: ${key} is not JSON; retrain it with npm run train:re`, { cause: err, where: key });
  }
  const model = parseRelationModel(data, key);
  cache.set(key, model);
  return model;
}
