// `kg build`: read a sources folder, build the knowledge graph, write <name>.json and <name>.gexf atomically.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { KgError } from "../../errors.js";
import { gexfChunks, jsonChunks } from "../../export/index.js";
import { TYPED_RELATIONS, type RelationType } from "../../schema/index.js";
import { assembleGraph, buildKnowledgeGraph, type BuildResult } from "../../pipeline/index.js";
import type { Command } from "../command.js";
import { writeFileAtomic } from "../fs.js";
import { parseCommandArgs } from "../io.js";
import { loadExtractors } from "../extractors.js";
import { listSources, readSource } from "../sources.js";
import { readDocumentsInParallel } from "../parallel.js";
import { loadCorrections } from "../aliases-file.js";

const HELP = `usage: kg build [--sources DIR] [--out DIR] [--name NAME] [--gexf-version 1.3|1.2draft] [--seed N] [--jobs N] [--aliases FILE] [--rules-only] [--quiet]

Reads every .txt, .md and .html file under --sources (default graph-data/sources), extracts the
entities and relations with their evidence, and writes <out>/<name>.json (graphology's format) and
<out>/<name>.gexf (for Gephi). Defaults: --out graph-data/out, --name graph, --gexf-version 1.3, --seed 42.
--jobs N reads documents on N worker threads (default 1; each worker loads its own tagger, so it pays
off on large corpora); the output is byte for byte the same whatever N. --rules-only leaves the learned
relation classifier out, so that only the relation patterns state relations. --aliases FILE names the
user's merges, splits and kinds of entities (docs/resolve.md); by default aliases.yaml beside the
sources folder (graph-data/aliases.yaml) is read when it exists.
Exit codes: 0 built; 2 bad arguments, unreadable, binary or non-UTF-8 sources, or no sources.`;

export const build: Command = {
  summary: "build the knowledge graph of a folder of articles (JSON + GEXF)",
  async run(argv) {
    const { values } = parseCommandArgs("build", argv, {
      options: {
        sources: { type: "string", default: "graph-data/sources" },
        out: { type: "string", default: "graph-data/out" },
        name: { type: "string", default: "graph" },
        "gexf-version": { type: "string", default: "1.3" },
        seed: { type: "string", default: "42" },
        jobs: { type: "string" },
        aliases: { type: "string" },
        "rules-only": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return 0;
    }
    const version = values["gexf-version"];
    if (version !== "1.3" && version !== "1.2draft") throw new KgError("INVALID_ARGS", `kg build: --gexf-version must be 1.3 or 1.2draft, not "${version}"`);
    if (!/^[\w.-]+$/.test(values.name) || values.name.startsWith(".")) {
      throw new KgError("INVALID_ARGS", `kg build: --name must be a plain file name (letters, digits, "-", "_", "."), not "${values.name}"`);
    }
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new KgError("INVALID_ARGS", `kg build: --seed must be a non-negative integer, not "${values.seed}"`);
    const started = performance.now();
    const log = (s: string) => values.quiet || process.stderr.write(s);

    const paths = await listSources(values.sources);
    if (paths.length === 0) {
      throw new KgError("SOURCES_EMPTY", `kg build: no .txt, .md or .html files in ${values.sources}; add articles there or pass --sources DIR`, {
        where: values.sources,
      });
    }
    // read and check every file before writing anything: one bad file means no output at all
    const settled = await Promise.allSettled(paths.map((p) => readSource(values.sources, p)));
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    if (failures.length > 0) {
      for (const f of failures.slice(1)) process.stderr.write(`kg: ${(f as Error).message}\n`);
      throw failures[0];
    }
    const sources = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof readSource>>>).value);
    const corrections = (await loadCorrections(values.sources, values.aliases))?.corrections;

    const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new KgError("INVALID_ARGS", `kg build: --jobs must be a positive integer, not "${values.jobs}"`);
    const progress = process.stderr.isTTY && !values.quiet && sources.length > 1;
    const onDocument = progress ? (done: number, total: number, id: string) => process.stderr.write(`\r\x1b[Kreading ${done}/${total} ${id}`) : undefined;
    let result: BuildResult;
    if (jobs > 1 && sources.length > 1) {
      const results = await readDocumentsInParallel(sources, jobs, { paths: { rulesOnly: values["rules-only"] }, onDocument });
      result = assembleGraph(results, { name: values.name, seed, corrections });
    } else {
      result = buildKnowledgeGraph(sources, { name: values.name, seed, corrections, ...loadExtractors({ rulesOnly: values["rules-only"] }), onDocument });
    }
    if (progress) process.stderr.write("\r\x1b[K");
    for (const w of result.warnings) log(`kg build: warning: ${w}\n`);

    await mkdir(values.out, { recursive: true }).catch((err: unknown) => {
      throw new KgError("WRITE_FAILED", `kg build: cannot create the output folder ${values.out}`, { cause: err, where: values.out });
    });
    const jsonPath = join(values.out, `${values.name}.json`);
    const gexfPath = join(values.out, `${values.name}.gexf`);
    await writeFileAtomic(jsonPath, jsonChunks(result.graph));
    await writeFileAtomic(gexfPath, gexfChunks(result.graph, { version }));
    log(summary(result, [jsonPath, gexfPath], performance.now() - started));
    return 0;
  },
};

function summary(result: BuildResult, files: string[], ms: number): string {
  const { stats, graph } = result;
  const list = (o: Record<string, number | undefined>) =>
    Object.entries(o)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const counts = Object.entries(stats.relations) as Array<[RelationType, number | undefined]>;
  const typed = counts.filter(([k]) => TYPED_RELATIONS.has(k));
  const weak = counts.filter(([k]) => !TYPED_RELATIONS.has(k)).reduce((s, [, v]) => s + (v ?? 0), 0);
  return [
    `kg build: ${stats.documents} document${stats.documents === 1 ? "" : "s"}, ${stats.sentences} sentences, ${stats.tokens} tokens`,
    `  entities  ${graph.order}: ${list(stats.entities)}`,
    `  relations ${typed.reduce((s, [, v]) => s + (v ?? 0), 0)} typed: ${list(Object.fromEntries(typed))}; co-occurrences ${weak}`,
    `  wrote ${files.join(" and ")} in ${(ms / 1000).toFixed(2)} s`,
    "",
  ].join("\n");
}
