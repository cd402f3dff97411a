// Reading a graph JSON file for the CLI commands (query, serve), with errors that say to run `kg build` first.
import { readFile } from "node:fs/promises";
import { KgError } from "../errors.js";
import { KnowledgeGraph } from "../query/index.js";

/** Where `kg build` writes the graph by default. */
export const DEFAULT_GRAPH_FILE = "graph-data/out/graph.json";

/** The text of a graph file. @throws KgError GRAPH_MISSING when it cannot be read */
export async function readGraphText(path: string = DEFAULT_GRAPH_FILE): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "not found" : code === "EISDIR" ? "is a folder" : `cannot be read (${code ?? String(err)})`;
    throw new KgError("GRAPH_MISSING", `graph file ${path} ${why}; run \`kg build\` first, or pass --graph FILE`, { cause: err, where: path });
  }
}

/** Read, validate and index a graph file. @throws KgError GRAPH_MISSING when unreadable, INVALID_GRAPH (one line per issue) when invalid */
export async function loadGraphFile(path: string = DEFAULT_GRAPH_FILE): Promise<KnowledgeGraph> {
  return KnowledgeGraph.fromText(await readGraphText(path), path);
}
