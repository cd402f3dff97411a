// Runs the built `kg` command (dist/cli/main.js) and collects its exit code and output.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist/cli/main.js");
export const SEED_TEXT = join(ROOT, "graph-data/sources/north-korea-russia.txt");
export const GOLD = join(ROOT, "test/fixtures/seed/gold.json");

export interface KgRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `kg ...args` in `cwd` (default: the repository). */
export function runKg(args: string[], cwd: string = ROOT): KgRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
