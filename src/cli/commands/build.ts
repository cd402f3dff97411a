// `kg build`: read a sources folder, build the knowledge graph, write <name>.json and <name>.gexf atomically.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { KgError } from "../../errors.js";
import { gexfChunks, jsonChunks } from "../../export/index.js";
import { TYPED_RELATIONS, type RelationType } from "../../schema/index.js";
import { assembleGraph } from "../../pipeline/index.js";
import type { DispatchProgress, DispatchResult } from "../../queue/index.js";
import { openStore, storeScheme, type FactStore } from "../../store/index.js";
import type { Corrections } from "../../resolve/index.js";
import type { Command } from "../command.js";
import { writeFileAtomic } from "../fs.js";
import { parseCommandArgs } from "../io.js";
import { extractorVersion, type ExtractorVersion } from "../extractor-version.js";
import { readResults, updateStore, type UpdateProgress, type UpdateResult } from "../incremental.js";
import { fileSha256, hashing, outputFingerprint } from "../output-fingerprint.js";
import { listSources, readSourceFile, readSourceFileUnlessKnown, sourceId, type KnownFile, type SourceFile } from "../sources.js";
import { loadCorrections } from "../aliases-file.js";

const HELP = `usage: kg build [--sources DIR] [--out DIR] [--name NAME] [--store FILE|postgres://USER@HOST:PORT/DB] [--queue redis://HOST:PORT] [--gexf-version 1.3|1.2draft] [--seed N] [--jobs N] [--aliases FILE] [--rules-only] [--strict] [--quiet]

Reads every .txt, .md and .html file under --sources (default graph-data/sources), extracts the
entities and relations with their evidence, and writes <out>/<name>.json (graphology's format) and
<out>/<name>.gexf (for Gephi). Defaults: --out graph-data/out, --name graph, --gexf-version 1.3, --seed 42.
Builds are incremental: each document's facts are kept in the store <out>/<name>.store.sqlite (or
--store FILE, or a PostgreSQL database shared by many machines: --store postgres://USER@HOST:PORT/DB;
the environment variable KG_STORE gives the same), keyed by the file's sha256 and the extractor's version, so the next build extracts only
new and changed files and forgets removed ones; the output is byte for byte the same as a build from
scratch. A file that cannot be read (binary, not UTF-8) is skipped with a warning and listed in the
graph's sources; --strict stops instead, with nothing written.
--jobs N reads documents on N worker threads (default 1; each worker loads its own tagger, so it pays
off on large corpora); the output is byte for byte the same whatever N. --queue redis://HOST:PORT (or
KG_QUEUE) hands the documents to extract to \`kg worker\` processes on any number of machines through a
BullMQ queue in that Redis server, with a PostgreSQL --store they all share; the build shows their
progress, then resolves and writes the graph as usual, byte for byte the same. A document that fails
three times is skipped and listed in the summary. --rules-only leaves the learned
relation classifier out, so that only the relation patterns state relations. --aliases FILE names the
user's merges, splits and kinds of entities (docs/resolve.md); by default aliases.yaml beside the
sources folder (graph-data/aliases.yaml) is read when it exists.
Exit codes: 0 built; 2 bad arguments, no sources, a store in use by another build, damaged or newer,
or (with --strict) unreadable, binary or non-UTF-8 sources.`;

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
        store: { type: "string" },
        queue: { type: "string" },
        aliases: { type: "string" },
        "rules-only": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
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

    const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new KgError("INVALID_ARGS", `kg build: --jobs must be a positive integer, not "${values.jobs}"`);

    const paths = await listSources(values.sources);
    if (paths.length === 0) {
      throw new KgError("SOURCES_EMPTY", `kg build: no .txt, .md or .html files in ${values.sources}; add articles there or pass --sources DIR`, {
        where: values.sources,
      });
    }
    // --strict reads every file before anything is written, the store included; otherwise the store
    // comes first, and a file it knows by path, size and modification time is not read again
    const strictFiles = values.strict ? await readSourceFiles(values.sources, paths) : undefined;
    const unreadable = strictFiles?.filter((f) => f.skipped) ?? [];
    if (unreadable.length > 0) {
      // read and check every file before writing anything: one bad file means no output at all
      for (const f of unreadable.slice(1)) process.stderr.write(`kg: ${f.skipped!.error.message}\n`);
      throw unreadable[0].skipped!.error;
    }
    const corrections = (await loadCorrections(values.sources, values.aliases))?.corrections;

    await mkdir(values.out, { recursive: true }).catch((err: unknown) => {
      throw new KgError("WRITE_FAILED", `kg build: cannot create the output folder ${values.out}`, { cause: err, where: values.out });
    });
    const given = values.store ?? (process.env.KG_STORE || undefined);
    const storePath = given ?? join(values.out, `${values.name}.store.sqlite`);
    if (given && !storeScheme(given)) {
      await mkdir(dirname(resolve(storePath)), { recursive: true }).catch((err: unknown) => {
        throw new KgError("WRITE_FAILED", `kg build: cannot create the folder of the store ${storePath}`, { cause: err, where: storePath });
      });
    }
    const queueUrl = values.queue ?? (process.env.KG_QUEUE || undefined);
    // the queue's code (BullMQ, ioredis) is loaded only by builds that use it
    const queueModule = queueUrl === undefined ? undefined : await import("../../queue/index.js");
    if (queueUrl !== undefined) {
      queueModule!.redisOptions(queueUrl, "--queue");
      const scheme = storeScheme(storePath);
      if (scheme !== "postgres" && scheme !== "postgresql") {
        throw new KgError("INVALID_ARGS", `kg build: --queue needs a store that the workers share: pass --store postgres://USER@HOST:PORT/DB (the embedded store ${storePath} is this build's alone)`, {
          where: "--queue",
        });
      }
    }
    const extractorPaths = { rulesOnly: values["rules-only"] };
    const extractor = extractorVersion(extractorPaths);
    const tty = process.stderr.isTTY && !values.quiet;
    const onProgress = tty
      ? (p: UpdateProgress) =>
          process.stderr.write(`\r\x1b[Kextracted ${p.extracted}/${p.toExtract}, unchanged ${p.unchanged}, failed ${p.failed}  ${p.id ?? ""}`)
      : undefined;
    const onFailure = (id: string, reason: string) => log(`${tty ? "\r\x1b[K" : ""}kg build: warning: skipped ${id}: ${reason}\n`);
    const store = await openStore(storePath);
    const jsonPath = join(values.out, `${values.name}.json`);
    const gexfPath = join(values.out, `${values.name}.gexf`);
    let report: { update: UpdateResult; summary: BuildSummary; unchanged: boolean };
    let queued: DispatchResult | undefined;
    const remote = queueUrl
      ? async (todo: readonly SourceFile[]) => {
          queued = await queueModule!.extractOnQueue(store, todo, {
            queue: queueUrl,
            extractor: extractor.id,
            onProgress: queueProgress(tty, values.quiet),
            onFailure,
            onWarning: (m) => log(`${tty ? "\r\x1b[K" : ""}${m}\n`),
          });
          return queued.failures;
        }
      : undefined;
    try {
      let files = strictFiles;
      if (!files) {
        const known = new Map((await store.documents()).filter((d) => d.extractor === extractor.id).map((d) => [d.id, d]));
        files = await readSourceFiles(values.sources, paths, known);
        for (const f of files) if (f.skipped) log(`kg build: warning: skipped ${f.id}: ${f.skipped.reason}\n`);
      }
      const update = await updateStore(store, files, { extractor, paths: extractorPaths, jobs, strict: values.strict, onProgress, onFailure, remote });
      if (tty) process.stderr.write("\r\x1b[K");
      report = { update, ...(await writeOutputs(store, files, update, { extractor, name: values.name, seed, version, jsonPath, gexfPath, corrections })) };
    } finally {
      if (tty) process.stderr.write("\r\x1b[K");
      await store.close();
    }
    for (const w of report.summary.warnings) log(`kg build: warning: ${w}\n`);
    log(summary(report.summary, report.update, store.location, [jsonPath, gexfPath], report.unchanged, performance.now() - started, queued));
    return 0;
  },
};

/** Progress of the workers: on a terminal one line rewritten in place, otherwise a line every ten seconds. */
function queueProgress(tty: boolean, quiet: boolean): ((p: DispatchProgress) => void) | undefined {
  if (quiet) return undefined;
  let last = 0;
  let shown = "";
  return (p) => {
    const now = Date.now();
    const finished = p.done + p.failed === p.toExtract;
    if (!tty && !finished && now - last < 10_000) return;
    const per = Object.entries(p.byWorker)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([w, n]) => `${w} ${n}`)
      .join(", ");
    const line = `extracted ${p.done}/${p.toExtract} on the queue, failed ${p.failed}, ${p.workers} worker${p.workers === 1 ? "" : "s"} connected${per ? ` (${per})` : ""}`;
    if (line === shown) return;
    shown = line;
    last = now;
    process.stderr.write(tty ? `\r\x1b[K${line}` : `kg build: ${line}\n`);
  };
}

function queueLine(q: DispatchResult): string {
  const workers = Object.entries(q.byWorker);
  // a job that ends while Redis is away stores its document but its report to the build is lost
  const unreported = q.done - workers.reduce((n, [, k]) => n + k, 0);
  const by = [...workers.map(([w, n]) => `${w} ${n}`), ...(unreported > 0 ? [`${unreported} unreported`] : [])].join(", ");
  return (
    `  queue     ${q.location} ${q.queue}: ${q.done} document${q.done === 1 ? "" : "s"} by ${workers.length} worker${workers.length === 1 ? "" : "s"}${by ? ` (${by})` : ""}` +
    `${q.failures.size ? `, ${q.failures.size} failed` : ""}${q.requeued ? `, ${q.requeued} enqueued again` : ""}`
  );
}

/** Read every source, a few dozen files at a time, in path order; those `known` (by id) are read only when their size or time differ. */
async function readSourceFiles(root: string, paths: readonly string[], known?: ReadonlyMap<string, KnownFile>): Promise<SourceFile[]> {
  const files: SourceFile[] = new Array(paths.length);
  let next = 0;
  const reader = async () => {
    while (next < paths.length) {
      const i = next++;
      files[i] = known ? await readSourceFileUnlessKnown(root, paths[i], known.get(sourceId(root, paths[i]))) : await readSourceFile(root, paths[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, paths.length) }, reader));
  return files;
}

/** What the summary reports: the build's counts, kept in the store so that an up-to-date build can report them too. */
const BuildSummary = z.object({
  stats: z.object({
    documents: z.number(),
    sentences: z.number(),
    tokens: z.number(),
    entities: z.record(z.string(), z.number()),
    relations: z.record(z.string(), z.number()),
  }),
  order: z.number(),
  warnings: z.array(z.string()),
});
type BuildSummary = z.infer<typeof BuildSummary>;

interface WriteOptions {
  extractor: ExtractorVersion;
  name: string;
  seed: number;
  version: "1.3" | "1.2draft";
  jsonPath: string;
  gexfPath: string;
  corrections?: Corrections;
}

/**
 * Assemble the graph from the stored results and write it, unless the store's record proves the files
 * on disk are what this build would write: the same output fingerprint, and the same bytes as then.
 */
async function writeOutputs(store: FactStore, files: readonly SourceFile[], update: UpdateResult, o: WriteOptions): Promise<{ summary: BuildSummary; unchanged: boolean }> {
  const sources = [...files.filter((f) => !f.skipped).map((f) => ({ id: f.id, sha256: f.sha256 })), ...update.skipped].sort((a, b) => (a.id < b.id ? -1 : 1));
  const fingerprint = outputFingerprint({
    extractor: o.extractor,
    sources,
    options: { name: o.name, seed: o.seed, gexfVersion: o.version, corrections: JSON.stringify(o.corrections ?? null) },
  });
  const key = resolve(o.jsonPath);
  const record = await store.getOutput(key);
  const wanted = [resolve(o.jsonPath), resolve(o.gexfPath)];
  if (record && record.fingerprint === fingerprint && record.files.map((f) => f.path).join("\n") === wanted.join("\n")) {
    const same = await Promise.all(record.files.map(async (f) => (await fileSha256(f.path)) === f.sha256));
    const known = BuildSummary.safeParse(record.summary);
    if (same.every(Boolean) && known.success) return { summary: known.data, unchanged: true };
  }
  const results = await readResults(store, files, update, o.extractor);
  const result = assembleGraph(results, { name: o.name, seed: o.seed, skipped: update.skipped, corrections: o.corrections });
  const jsonHash = createHash("sha256");
  const gexfHash = createHash("sha256");
  await writeFileAtomic(o.jsonPath, hashing(jsonChunks(result.graph), jsonHash));
  await writeFileAtomic(o.gexfPath, hashing(gexfChunks(result.graph, { version: o.version }), gexfHash));
  const summary: BuildSummary = { stats: result.stats as BuildSummary["stats"], order: result.graph.order, warnings: result.warnings };
  await store.putOutput(key, {
    fingerprint,
    files: [
      { path: wanted[0], sha256: jsonHash.digest("hex") },
      { path: wanted[1], sha256: gexfHash.digest("hex") },
    ],
    summary,
  });
  return { summary, unchanged: false };
}

function summary(s: BuildSummary, update: UpdateResult, storePath: string, files: string[], unchanged: boolean, ms: number, queued?: DispatchResult): string {
  const { stats } = s;
  const c = update.counts;
  const list = (o: Record<string, number | undefined>) =>
    Object.entries(o)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const counts = Object.entries(stats.relations) as Array<[RelationType, number | undefined]>;
  const typed = counts.filter(([k]) => TYPED_RELATIONS.has(k));
  const weak = counts.filter(([k]) => !TYPED_RELATIONS.has(k)).reduce((sum, [, v]) => sum + (v ?? 0), 0);
  return [
    `kg build: ${stats.documents} document${stats.documents === 1 ? "" : "s"}, ${stats.sentences} sentences, ${stats.tokens} tokens`,
    `  store     ${storePath}: ${c.new} new, ${c.changed} changed, ${c.removed} removed, ${c.reused} reused${c.stale ? `, ${c.stale} re-extracted for a new extractor` : ""}`,
    ...(queued ? [queueLine(queued)] : []),
    ...(update.skipped.length
      ? [`  skipped   ${update.skipped.length} file${update.skipped.length === 1 ? "" : "s"}:`, ...update.skipped.map((x) => `    ${x.id}: ${x.skipped}`)]
      : []),
    `  entities  ${s.order}: ${list(stats.entities)}`,
    `  relations ${typed.reduce((sum, [, v]) => sum + (v ?? 0), 0)} typed: ${list(Object.fromEntries(typed))}; co-occurrences ${weak}`,
    unchanged
      ? `  ${files.join(" and ")} are up to date (same sources, extractor, options and code), checked in ${(ms / 1000).toFixed(2)} s`
      : `  wrote ${files.join(" and ")} in ${(ms / 1000).toFixed(2)} s`,
    "",
  ].join("\n");
}
