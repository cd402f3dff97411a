// What a build's output files are computed from, as one hash: when it and the files are unchanged, the build can leave them be.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceInfo } from "../schema/index.js";
import { codeHash, type ExtractorVersion } from "./extractor-version.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface OutputInputs {
  extractor: ExtractorVersion;
  /** Every source as the graph lists it (skipped ones with their reason), in id order. */
  sources: ReadonlyArray<Pick<SourceInfo, "id" | "sha256" | "skipped">>;
  /** Every option of the build that reaches resolve, graph, layout or export. */
  options: Record<string, string | number | boolean>;
}

/**
 * sha256 over everything the output files are a function of: the extractor version (models and
 * extraction code), each source's id, sha256 and skip reason (its facts are fixed by those and the
 * extractor), the build's options, all of kgraph's code, the versions of its dependencies and of
 * Node. The build is deterministic, so equal fingerprints mean equal bytes. Anything new that
 * assembleGraph or the exporters read (a user file, an option) must be added here.
 */
export function outputFingerprint(inputs: OutputInputs): string {
  const h = createHash("sha256");
  const put = (s: string) => h.update(s + "\u0000");
  put(inputs.extractor.id);
  put(`code ${codeHash(["."])}`);
  put(`node ${process.version}`);
  for (const [name, version] of dependencyVersions()) put(`dependency ${name}@${version}`);
  for (const [k, v] of Object.entries(inputs.options).sort(([a], [b]) => (a < b ? -1 : 1))) put(`option ${k}=${JSON.stringify(v)}`);
  for (const s of inputs.sources) put(`source ${s.id}\u0001${s.sha256}\u0001${s.skipped ?? ""}`);
  return `sha256:${h.digest("hex")}`;
}

let deps: Array<[string, string]> | undefined;

/** The installed version of each of kgraph's dependencies, found the way Node finds them: node_modules up the tree. */
function dependencyVersions(): Array<[string, string]> {
  if (deps) return deps;
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  deps = Object.keys(manifest.dependencies ?? {})
    .sort()
    .map((name) => {
      for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
        const file = join(dir, "node_modules", name, "package.json");
        if (existsSync(file)) return [name, String((JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version)];
        if (dirname(dir) === dir) return [name, "missing"];
      }
    });
  return deps;
}

/** sha256 of a file's bytes, or undefined when it cannot be read. */
export async function fileSha256(path: string): Promise<string | undefined> {
  const fh = await open(path, "r").catch(() => undefined);
  if (!fh) return undefined;
  try {
    const h = createHash("sha256");
    for await (const chunk of fh.createReadStream()) h.update(chunk as Buffer);
    return h.digest("hex");
  } catch {
    return undefined;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Pass chunks through unchanged while hashing their UTF-8 bytes into `h`. */
export function* hashing(chunks: Iterable<string>, h: ReturnType<typeof createHash>): Generator<string> {
  for (const c of chunks) {
    h.update(c, "utf8");
    yield c;
  }
}
