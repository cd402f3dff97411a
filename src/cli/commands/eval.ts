// `kg eval`: score a graph (a JSON file, or one built from a sources folder) against a gold encoding, or a gold folder document by document.
import { stat } from "node:fs/promises";
import { relative, sep } from "node:path";
import { KgError, formatIssues } from "../../errors.js";
import { RELATION_TYPES } from "../../schema/index.js";
import { Gold, formatCorpusReport, formatReport, scoreGraph, type ScorableGraph } from "../../eval/index.js";
import { buildKnowledgeGraph } from "../../pipeline/index.js";
import type { Command } from "../command.js";
import { evalFolder, readJson } from "../eval-folder.js";
import { parseCommandArgs } from "../io.js";
import { loadExtractors } from "../extractors.js";
import { listSources, readSource } from "../sources.js";

const HELP = `usage: kg eval --gold GOLD.json [--graph GRAPH.json] [--sources DIR] [--rules-only] [--ignore-relations LIST] [--json]
       kg eval --gold DIR [--graph 'GRAPHS/{slug}.json'] [--out DIR] [--jobs N] [--rules-only]
               [--ignore-relations LIST | --keep-uncovered] [--errors] [--json]

With a gold file: scores one graph against a hand-made gold encoding, as kgscore.py does: entity and
relation precision, recall and F1 (typed and untyped) and the share of relations whose evidence is
verbatim in the sources. --graph scores an existing graph JSON; without it, the graph is built from
--sources first, as kg build builds it. --sources also supplies the texts for the evidence check.
When the gold file names its document ("document") and --sources holds a file of that path, that
file alone is read: a gold encoding of one article is scored on that article, not on its corpus.

With a gold folder (DIR/MANIFEST.tsv, DIR/<slug>.gold.json, DIR/texts/<slug>.txt, as dwie_to_gold.py
and redocred_to_gold.py write them): builds each text alone and scores it against its own gold file,
then prints macro (mean over documents) and micro (summed counts) entity and relation figures, a
table per relation type and one per extractor and per rule (worst first).
  --graph PATTERN     score existing graphs instead, {slug} standing for each document's slug
  --out DIR           also write each built graph to DIR/<slug>.json (without layout)
  --jobs N            read the documents on N worker threads (the figures do not change)
  --ignore-relations LIST   comma-separated relations whose edges are left out before scoring; the
                      default is what the gold files' converter cannot express (dwie_to_gold.py:
                      allied_with, supports, supplies, deploys_troops_to, party_to, attended;
                      redocred_to_gold.py: met_with, allied_with, at_war_with, supports, supplies,
                      deploys_troops_to), none for other gold files
  --keep-uncovered    keep every edge (the same as --ignore-relations "")
  --errors            list each document's missed and wrong relations with their sentences
--rules-only builds without the learned relation classifier, so that only the relation patterns
state relations (the figures of the rules alone). --json prints the report as JSON.`;

export const evalCommand: Command = {
  summary: "score a graph against a gold encoding, or a gold folder document by document (F1 per type and rule)",
  async run(argv) {
    const { values } = parseCommandArgs("eval", argv, {
      options: {
        gold: { type: "string" },
        graph: { type: "string" },
        sources: { type: "string" },
        out: { type: "string" },
        jobs: { type: "string" },
        "ignore-relations": { type: "string" },
        "keep-uncovered": { type: "boolean", default: false },
        errors: { type: "boolean", default: false },
        "rules-only": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return 0;
    }
    if (!values.gold) throw new KgError("INVALID_ARGS", "kg eval: --gold GOLD.json or --gold DIR is required; see kg eval --help");
    if (values["keep-uncovered"] && values["ignore-relations"] !== undefined) {
      throw new KgError("INVALID_ARGS", "kg eval: give --ignore-relations or --keep-uncovered, not both");
    }
    const ignore = values["keep-uncovered"] ? [] : parseRelationList(values["ignore-relations"]);
    const isFolder = await stat(values.gold).then((s) => s.isDirectory(), () => false);
    if (isFolder) {
      if (values.sources) throw new KgError("INVALID_ARGS", "kg eval: with a gold folder the texts come from its texts/ folder; leave out --sources");
      if (values.graph && !values.graph.includes("{slug}")) {
        throw new KgError("INVALID_ARGS", `kg eval: with a gold folder, --graph is a pattern with {slug} (e.g. 'out/{slug}.json'), not "${values.graph}"`);
      }
      if (values.graph && values.out) throw new KgError("INVALID_ARGS", "kg eval: --out writes built graphs; with --graph nothing is built");
      const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new KgError("INVALID_ARGS", `kg eval: --jobs must be a positive integer, not "${values.jobs}"`);
      const progress = process.stderr.isTTY;
      const report = await evalFolder(values.gold, {
        graphPattern: values.graph,
        ignoreRelations: ignore,
        jobs,
        out: values.out,
        errors: values.errors,
        rulesOnly: values["rules-only"],
        onDocument: progress ? (done, total, slug) => process.stderr.write(`\r\x1b[Kreading ${done}/${total} ${slug}`) : undefined,
      });
      if (progress) process.stderr.write("\r\x1b[K");
      const plain = { ...report, perDocument: report.perDocument.map(({ counts: _counts, ...d }) => d) };
      process.stdout.write(values.json ? JSON.stringify(plain, null, 2) + "\n" : formatCorpusReport(report, { errors: values.errors }));
      return 0;
    }
    for (const o of ["out", "jobs", "errors"] as const) {
      if (values[o]) throw new KgError("INVALID_ARGS", `kg eval: --${o} applies to a gold folder only; ${values.gold} is a file`);
    }
    return evalOne(values.gold, values.graph, values.sources, ignore ?? [], values.json, values["rules-only"]);
  },
};

/** Score one graph against one gold file; prints what kgscore.py prints. */
async function evalOne(
  goldPath: string,
  graphPath: string | undefined,
  sourcesDir: string | undefined,
  ignore: readonly string[],
  json: boolean,
  rulesOnly: boolean,
): Promise<number> {
  if (!graphPath && !sourcesDir) throw new KgError("INVALID_ARGS", "kg eval: give --graph GRAPH.json or --sources DIR; see kg eval --help");
  const parsed = Gold.safeParse(await readJson(goldPath, "gold file"));
  if (!parsed.success) {
    throw new KgError("INVALID_GOLD", `kg eval: ${goldPath} is not a gold file:\n  ${formatIssues(parsed.error.issues).join("\n  ")}`, { where: goldPath });
  }
  const texts: string[] = [];
  let graph: ScorableGraph;
  if (sourcesDir) {
    let paths = await listSources(sourcesDir);
    const own = paths.filter((p) => relative(sourcesDir, p).split(sep).join("/") === parsed.data.document);
    if (own.length) paths = own;
    const sources = await Promise.all(paths.map((p) => readSource(sourcesDir, p)));
    texts.push(...sources.map((s) => s.content));
    if (!graphPath) {
      graph = buildKnowledgeGraph(sources, loadExtractors({ rulesOnly })).graph.export() as ScorableGraph;
    }
  }
  if (graphPath) {
    const data = await readJson(graphPath, "graph");
    if (!data || typeof data !== "object" || !Array.isArray((data as ScorableGraph).nodes)) {
      throw new KgError("INVALID_GRAPH", `kg eval: ${graphPath} has no "nodes" array; is it a graph JSON written by kg build?`, { where: graphPath });
    }
    graph = data as ScorableGraph;
  }
  if (ignore.length) {
    const left = new Set(ignore);
    graph = { ...graph!, edges: (graph!.edges ?? []).filter((e) => !left.has(e.attributes?.relation as string)) };
  }
  const report = scoreGraph(parsed.data, graph!, texts);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
  return 0;
}

/**
 * "a, b,c" → ["a", "b", "c"]; undefined stays undefined (the default applies); "" is the empty list.
 * @throws KgError INVALID_ARGS for a name that is no relation of the vocabulary (a typo would leave nothing out).
 */
function parseRelationList(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const names = list.split(",").map((s) => s.trim()).filter((s) => s);
  const known = new Set<string>(RELATION_TYPES);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new KgError("INVALID_ARGS", `kg eval: --ignore-relations: ${unknown.join(", ")} ${unknown.length === 1 ? "is no relation" : "are no relations"}; the relations are ${[...known].join(", ")}`);
  }
  return names;
}
