// Runs every bench/*.bench.ts in its own process (so peak RSS is each one's own), or only those named: npm run bench -- export query
//
// The benchmarks measure the code users run: each bench file is bundled with esbuild, its imports of
// ../src/*.js pointed at the compiled dist/*.js (built by `npm run bench` first) and packages left
// to node_modules, and the bundle runs under plain node. A TypeScript loader in the measured process
// would add about 40 MB of RSS and a transform step that `kg` never pays.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const outDir = join(root, "node_modules/.cache/kgraph-bench");
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

/**
 * Imports of the library's sources become imports of its compiled output, which stays where it is,
 * so dist's own paths (the NER model, the viewer) resolve as in `kg`. Bench and test helpers are
 * bundled; their `import.meta.url` is replaced by their source file's URL so that paths relative to
 * them still work from the bundle.
 */
const compiled: Plugin = {
  name: "kgraph-compiled",
  setup(b) {
    b.onResolve({ filter: /\/src\/.*\.js$/ }, (args) => {
      const source = resolve(args.resolveDir, args.path);
      const rel = relative(join(root, "src"), source);
      if (rel.startsWith("..")) return undefined;
      return { path: join(root, "dist", rel), external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
      loader: "ts",
    }));
  },
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n== ${f}\n`);
  const bundle = join(outDir, f.replace(/\.ts$/, ".mjs"));
  await build({
    entryPoints: [join(here, f)],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [compiled],
    logLevel: "warning",
  });
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", bundle], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
