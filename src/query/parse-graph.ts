// Validation of graph JSON against the zod contract, with one line per issue, before graphology loads it.
import { MultiDirectedGraph } from "graphology";
import { KgError, formatIssues } from "../errors.js";
import { GraphJson } from "../schema/index.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../schema/index.js";
import type { KgGraph } from "./indexes.js";

/** Issues listed in an error message before the rest are counted. */
const MAX_LISTED = 20;

function invalid(where: string, lines: string[], cause?: unknown): KgError {
  const shown = lines.slice(0, MAX_LISTED).map((l) => `  ${l}`);
  if (lines.length > MAX_LISTED) shown.push(`  ... and ${lines.length - MAX_LISTED} more`);
  return new KgError("INVALID_GRAPH", `${where} is not a valid kgraph graph JSON (was it written by \`kg build\`?):\n${shown.join("\n")}`, {
    where,
    cause,
  });
}

/** Validate parsed graph JSON and load it into a MultiDirectedGraph. @throws KgError INVALID_GRAPH listing every issue with its path */
export function graphFromJson(json: unknown, where = "graph"): KgGraph {
  const parsed = GraphJson.safeParse(json);
  if (!parsed.success) throw invalid(where, formatIssues(parsed.error.issues));
  const data = parsed.data;
  const keys = new Set<string>();
  const problems: string[] = [];
  data.nodes.forEach((node, i) => {
    if (keys.has(node.key)) problems.push(`nodes.${i}.key: duplicate node "${node.key}"`);
    keys.add(node.key);
  });
  const edgeKeys = new Set<string>();
  data.edges.forEach((edge, i) => {
    if (!keys.has(edge.source)) problems.push(`edges.${i}.source: unknown node "${edge.source}"`);
    if (!keys.has(edge.target)) problems.push(`edges.${i}.target: unknown node "${edge.target}"`);
    if (edgeKeys.has(edge.key)) problems.push(`edges.${i}.key: duplicate edge "${edge.key}"`);
    edgeKeys.add(edge.key);
    if (edge.source === edge.target && !data.options.allowSelfLoops) problems.push(`edges.${i}: self-loop but options.allowSelfLoops is false`);
  });
  if (problems.length) throw invalid(where, problems);
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: data.options.allowSelfLoops });
  try {
    graph.import(data);
  } catch (err) {
    throw invalid(where, [(err as Error).message], err);
  }
  return graph;
}

/** Parse graph JSON text, then validate and load it. @throws KgError INVALID_GRAPH on bad JSON or a contract violation */
export function graphFromText(text: string, where = "graph"): KgGraph {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalid(where, [`(root): not JSON: ${(err as Error).message}`], err);
  }
  return graphFromJson(json, where);
}
