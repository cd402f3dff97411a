// `kg eval --gold DIR`: build each text of a gold folder alone, score it against its gold file, and sum up.
import { readFile, readdir, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { KgError, formatIssues } from "../errors.js";
import { Gold, scoreDocument, summariseCorpus, uncoveredRelations, type CorpusReport, type DocumentScore, type ScorableGraph } from "../eval/index.js";
import { jsonChunks } from "../export/index.js";
import { assembleGraph, readDocument, type DocumentResult, type SourceText } from "../pipeline/index.js";
import { writeFileAtomic } from "./fs.js";
import { loadExtractors } from "./extractors.js";
import { readDocumentsInParallel } from "./parallel.js";
import { readSource } from "./sources.js";

export interface EvalFolderOptions {
  /** Score existing graphs, `{slug}` standing for each document's slug, instead of building them. */
  graphPattern?: string;
  /** Relations to leave out of every graph; by default each gold file's converter's list (uncoveredRelations). */
  ignoreRelations?: readonly string[];
  jobs: number;
  /** Write each built graph to `<out>/<slug>.json` (no layout). */
  out?: string;
  /** Keep each document's error lists in the report. */
  errors: boolean;
  /** Leave the relation classifier out: the rules alone state relations. */
  rulesOnly?: boolean;
  onDocument?: (done: number, total: number, slug: string) => void;
}

interface FolderDocument {
  slug: string;
  gold: Gold;
  source: SourceText;
}

/**
 * Score every document of a gold folder (DIR/MANIFEST.tsv, DIR/<slug>.gold.json, DIR/texts/<slug>.txt).
 * @throws KgError INVALID_GOLD for a missing or malformed folder, gold file or text; INVALID_GRAPH for a bad graph.
 */
export async function evalFolder(dir: string, options: EvalFolderOptions): Promise<CorpusReport> {
  const docs = await readGoldFolder(dir);
  const graphs = new Map<string, ScorableGraph>();
  if (options.graphPattern) {
    for (const d of docs) graphs.set(d.slug, await readGraph(options.graphPattern.replaceAll("{slug}", d.slug)));
  } else {
    for (const [slug, graph] of await buildEach(docs, options)) graphs.set(slug, graph);
  }
  const scores: DocumentScore[] = [];
  const ignored = new Map<string, CorpusReport["ignored"][number]>();
  for (const d of docs) {
    const ignore = options.ignoreRelations ?? uncoveredRelations(d.gold);
    const s = scoreDocument({ slug: d.slug, gold: d.gold, graph: graphs.get(d.slug)!, text: d.source.content, ignoreRelations: ignore });
    const key = ignore.join(",");
    const x = ignored.get(key) ?? { relations: [...ignore], documents: 0, edges: 0 };
    x.documents++;
    x.edges += s.dropped;
    ignored.set(key, x);
    scores.push(options.errors ? s : { ...s, missedEntities: [], missedRelations: [], wrongRelations: [] });
  }
  return summariseCorpus(scores, [...ignored.values()]);
}

/** Build every document alone with the extractors kg build runs, on worker threads when jobs > 1; optionally write each graph. */
async function buildEach(docs: readonly FolderDocument[], options: EvalFolderOptions): Promise<Array<[string, ScorableGraph]>> {
  const slugOf = new Map(docs.map((d) => [d.source.id, d.slug]));
  const report = options.onDocument;
  let results: DocumentResult[];
  if (options.jobs > 1 && docs.length > 1) {
    results = await readDocumentsInParallel(
      docs.map((d) => d.source),
      options.jobs,
      { paths: { rulesOnly: options.rulesOnly }, onDocument: report && ((done, total, id) => report(done, total, slugOf.get(id) ?? id)) },
    );
  } else {
    const extractors = loadExtractors({ rulesOnly: options.rulesOnly });
    results = docs.map((d, i) => {
      const r = readDocument(d.source, extractors);
      report?.(i + 1, docs.length, d.slug);
      return r;
    });
  }
  if (options.out) {
    await mkdir(options.out, { recursive: true }).catch((err: unknown) => {
      throw new KgError("WRITE_FAILED", `kg eval: cannot create the output folder ${options.out}`, { cause: err, where: options.out });
    });
  }
  const out: Array<[string, ScorableGraph]> = [];
  for (const r of results) {
    const slug = slugOf.get(r.info.id)!;
    // scoring reads labels, kinds and relations only: the layout would be a third of the time
    const { graph } = assembleGraph([r], { name: slug, analyse: false });
    if (options.out) await writeFileAtomic(join(options.out, `${slug}.json`), jsonChunks(graph));
    out.push([slug, graph.export() as ScorableGraph]);
  }
  return out;
}

/** The documents of a gold folder, in MANIFEST.tsv's order (or by file name without one). */
export async function readGoldFolder(dir: string): Promise<FolderDocument[]> {
  const slugs = await folderSlugs(dir);
  if (slugs.length === 0) throw new KgError("INVALID_GOLD", `kg eval: ${dir} holds no <slug>.gold.json files; is it a folder written by dwie_to_gold.py or redocred_to_gold.py?`, { where: dir });
  const texts = join(dir, "texts");
  return Promise.all(
    slugs.map(async (slug): Promise<FolderDocument> => {
      const path = join(dir, `${slug}.gold.json`);
      const parsed = Gold.safeParse(await readJson(path, "gold file"));
      if (!parsed.success) {
        throw new KgError("INVALID_GOLD", `kg eval: ${path} is not a gold file:\n  ${formatIssues(parsed.error.issues).join("\n  ")}`, { where: path });
      }
      const source = await readSource(texts, join(texts, `${slug}.txt`)).catch((err: KgError) => {
        throw new KgError("INVALID_GOLD", `kg eval: the text of ${slug} is missing or unreadable (${err.message}); a gold folder keeps it in texts/<slug>.txt`, { cause: err, where: err.where });
      });
      return { slug, gold: parsed.data, source };
    }),
  );
}

async function folderSlugs(dir: string): Promise<string[]> {
  const manifest = await readFile(join(dir, "MANIFEST.tsv"), "utf8").catch(() => undefined);
  if (manifest !== undefined) {
    return manifest.split(/\r?\n/).slice(1).map((line) => line.split("\t")[0]).filter((s) => s);
  }
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    throw new KgError("INVALID_GOLD", `kg eval: cannot read the gold folder ${dir} (${err.code ?? err.message})`, { cause: err, where: dir });
  });
  return names.filter((n) => n.endsWith(".gold.json")).map((n) => n.slice(0, -".gold.json".length)).sort();
}

async function readGraph(path: string): Promise<ScorableGraph> {
  const data = await readJson(path, "graph");
  if (!data || typeof data !== "object" || !Array.isArray((data as ScorableGraph).nodes)) {
    throw new KgError("INVALID_GRAPH", `kg eval: ${path} has no "nodes" array; is it a graph JSON written by kg build?`, { where: path });
  }
  return data as ScorableGraph;
}

/**
 * Read and parse a JSON file.
 * @throws KgError SOURCE_UNREADABLE if it cannot be read, INVALID_GRAPH or INVALID_GOLD if it is not JSON.
 */
export async function readJson(path: string, what: "graph" | "gold file"): Promise<unknown> {
  const text = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new KgError("SOURCE_UNREADABLE", `kg eval: cannot read the ${what} ${path} (${err.code ?? err.message})`, { cause: err, where: path });
  });
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new KgError(what === "graph" ? "INVALID_GRAPH" : "INVALID_GOLD", `kg eval: ${path} is not JSON: ${(err as Error).message}`, { cause: err, where: path });
  }
}
