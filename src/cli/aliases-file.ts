// Finding and reading the user's corrections of entity resolution: --aliases FILE, or aliases.yaml beside the sources folder.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { KgError } from "../errors.js";
import { parseCorrections, type Corrections } from "../resolve/index.js";

/**
 * The corrections for a build: the file named by `--aliases`, which must exist, or else `aliases.yaml`
 * in the sources folder's parent (graph-data/aliases.yaml for graph-data/sources) when there is one.
 * @throws KgError SOURCES_MISSING when a named file cannot be read, INVALID_CORRECTIONS naming its line when it is invalid
 */
export async function loadCorrections(sourcesDir: string, file?: string): Promise<{ path: string; corrections: Corrections } | undefined> {
  const path = file ?? join(dirname(resolve(sourcesDir)), "aliases.yaml");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (file === undefined && (err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new KgError("SOURCES_MISSING", `kg build: cannot read the aliases file ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}); check --aliases FILE`, {
      cause: err,
      where: path,
    });
  }
  return { path, corrections: parseCorrections(text, file ?? path) };
}
