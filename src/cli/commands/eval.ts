// `kg eval`: score a graph (a JSON file, or one built from a sources folder) against a gold encoding.
import { readFile } from "node:fs/promises";
import { KgError, formatIssues } from "../../errors.js";
import { Gold, formatReport, scoreGraph, type ScorableGraph } from "../../eval/index.js";
import { tagDocument } from "../../extract/ner/index.js";
import { buildKnowledgeGraph } from "../../pipeline/index.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../io.js";
import { loadNerModel } from "../ner-model.js";
import { listSources, readSource } from "../sources.js";

const HELP = `usage: kg eval --gold GOLD.json [--graph GRAPH.json] [--sources DIR] [--json]

Scores a graph against a hand-made gold encoding: entity and relation precision, recall and F1
(typed and untyped) and the share of relations whose evidence is verbatim in the sources.
--graph scores an existing graph JSON; without it, the graph is built from --sources first.
--sources also supplies the texts for the evidence check. --json prints the report as JSON.`;

export const evalCommand: Command = {
  summary: "score a graph against a gold encoding (entity and relation F1, evidence)",
  async run(argv) {
    const { values } = parseCommandArgs("eval", argv, {
      options: {
        gold: { type: "string" },
        graph: { type: "string" },
        sources: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return 0;
    }
    if (!values.gold) throw new KgError("INVALID_ARGS", "kg eval: --gold GOLD.json is required; see kg eval --help");
    if (!values.graph && !values.sources) throw new KgError("INVALID_ARGS", "kg eval: give --graph GRAPH.json or --sources DIR; see kg eval --help");
    const gold = await readJson(values.gold, "gold file");
    const parsed = Gold.safeParse(gold);
    if (!parsed.success) {
      throw new KgError("INVALID_GOLD", `kg eval: ${values.gold} is not a gold file:\n  ${formatIssues(parsed.error.issues).join("\n  ")}`, { where: values.gold });
    }
    const texts: string[] = [];
    let graph: ScorableGraph;
    if (values.sources) {
      const sources = await Promise.all((await listSources(values.sources)).map((p) => readSource(values.sources!, p)));
      texts.push(...sources.map((s) => s.content));
      if (!values.graph) {
        const model = loadNerModel();
        graph = buildKnowledgeGraph(sources, { tagger: (s) => tagDocument(model, s) }).graph.export() as ScorableGraph;
      }
    }
    if (values.graph) {
      const data = await readJson(values.graph, "graph");
      if (!data || typeof data !== "object" || !Array.isArray((data as ScorableGraph).nodes)) {
        throw new KgError("INVALID_GRAPH", `kg eval: ${values.graph} has no "nodes" array; is it a graph JSON written by kg build?`, { where: values.graph });
      }
      graph = data as ScorableGraph;
    }
    const report = scoreGraph(parsed.data, graph!, texts);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
    return 0;
  },
};

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new KgError("SOURCE_UNREADABLE", `kg eval: cannot read the ${what} ${path} (${err.code ?? err.message})`, { cause: err, where: path });
  });
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new KgError(what === "graph" ? "INVALID_GRAPH" : "INVALID_GOLD", `kg eval: ${path} is not JSON: ${(err as Error).message}`, { cause: err, where: path });
  }
}
