// External validators for the export tests (xmllint, jing, networkx): missing ones fail loudly unless KG_SKIP_TOOLS names them.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's copy of the official schemas; never ../shared, so a clone passes anywhere. */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "gexf-schema");

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Tool {
  /** True only when KG_SKIP_TOOLS lists the tool (or says `all`): an explicit, visible skip. */
  skip: boolean;
  /** Run it; throws with the install hint when it is not installed. */
  run(args: string[], input?: string): ToolRun;
}

const skipped = new Set((process.env.KG_SKIP_TOOLS ?? "").split(",").map((s) => s.trim()).filter(Boolean));

function tool(name: string, command: string, probe: string[], hint: string): Tool {
  let checked: string | undefined;
  return {
    skip: skipped.has(name) || skipped.has("all"),
    run(args, input) {
      if (checked === undefined) {
        const p = spawnSync(command, probe, { encoding: "utf8" });
        checked = p.error || p.status !== 0 ? `${p.error?.message ?? ""} ${p.stderr ?? ""}`.trim() : "";
      }
      if (checked) {
        throw new Error(`${name} is needed by this test but is not usable (${checked}); ${hint}, or set KG_SKIP_TOOLS=${name} to skip it knowingly`);
      }
      const r = spawnSync(command, args, { encoding: "utf8", input, maxBuffer: 64 << 20 });
      if (r.error) throw r.error;
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

export const xmllint = tool("xmllint", "xmllint", ["--version"], "install it with apt-get install -y libxml2-utils");
export const jing = tool("jing", "jing", ["-c", join(SCHEMA_DIR, "1.3", "gexf.rnc"), join(SCHEMA_DIR, "samples", "valid-1.3-no-xsi.gexf")], "install it with apt-get install -y --no-install-recommends jing");

// Debian's networkx lives with /usr/bin/python3; a pyenv or venv python3 earlier on PATH usually lacks it.
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
export const networkx = tool("networkx", python, ["-c", "import networkx"], "install it with apt-get install -y python3-networkx");

/** jing's stdout/stderr without the launcher's harmless "Unable to locate <jar>" warnings. */
export function jingErrors(r: ToolRun): string {
  return `${r.stdout}${r.stderr}`
    .split("\n")
    .filter((l) => l.trim() && !l.includes("[warning]"))
    .join("\n");
}
