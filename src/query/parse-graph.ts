// Validation of graph JSON against the zod contract, with one line per issue, before graphology loads it.
import { MultiDirectedGraph } from "graphology";
import { KgError, formatIssues } from "../errors.js";
import { z } from "zod";
import { GraphJson } from "../schema/index.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../schema/index.js";
import { importGraph, shareEvidenceStrings } from "../graph/import.js";
import type { KgGraph } from "./indexes.js";

/** Issues listed in an error message before the rest are counted. */
const MAX_LISTED = 20;

function invalid(where: string, lines: string[], cause?: unknown): KgError {
  const shown = lines.slice(0, MAX_LISTED).map((l) => `  ${l}`);
  if (lines.length > MAX_LISTED) shown.push(`  ... and more`);
  return new KgError("INVALID_GRAPH", `${where} is not a valid kgraph graph JSON (was it written by \`kg build\`?):\n${shown.join("\n")}`, {
    where,
    cause,
  });
}

const Shell = GraphJson.extend({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) });
const NodeEntry = GraphJson.shape.nodes.element;
const EdgeEntry = GraphJson.shape.edges.element;

/** Zod issues of `GraphJson`, found element by element so no deep copy of a large graph is ever held. */
function contractIssues(json: unknown): string[] {
  const shell = Shell.safeParse(json);
  if (!shell.success) return formatIssues(shell.error.issues);
  const lines: string[] = [];
  const check = (schema: z.ZodType, items: unknown[], name: string): void => {
    for (let i = 0; i < items.length && lines.length <= MAX_LISTED; i++) {
      const r = schema.safeParse(items[i]);
      if (!r.success) lines.push(...formatIssues(r.error.issues.map((issue) => ({ ...issue, path: [name, i, ...issue.path] }))));
    }
  };
  check(NodeEntry, shell.data.nodes, "nodes");
  check(EdgeEntry, shell.data.edges, "edges");
  return lines;
}

/** Duplicate keys, unknown endpoints and forbidden self-loops, each with its path. */
function structureProblems(data: GraphJson): string[] {
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
  return problems;
}

/** Validate parsed graph JSON and load it into a MultiDirectedGraph. @throws KgError INVALID_GRAPH listing every issue with its path */
export function graphFromJson(json: unknown, where = "graph"): KgGraph {
  const issues = contractIssues(json);
  if (issues.length) throw invalid(where, issues);
  const data = json as GraphJson;
  shareEvidenceStrings(data.edges);
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: data.options.allowSelfLoops });
  try {
    importGraph(graph, data);
  } catch (err) {
    // graphology stops at the first duplicate key or unknown node; list them all, with their paths
    const problems = structureProblems(data);
    throw invalid(where, problems.length ? problems : [(err as Error).message], err);
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
