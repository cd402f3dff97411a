// The registry of `kg` subcommands; each lives in its own file and is imported only when it runs, so that
// `kg ner` does not pay for loading the graph, layout, export and server code.
import type { Command } from "../command.js";

/** A subcommand as `kg --help` lists it, and how to load it. */
export interface CommandEntry {
  /** One line for `kg --help` (the same as the loaded command's own). */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  build: {
    summary: "build the knowledge graph of a folder of articles (JSON + GEXF)",
    load: async () => (await import("./build.js")).build,
  },
  eval: {
    summary: "score a graph against a gold encoding, or a gold folder document by document (F1 per type and rule)",
    load: async () => (await import("./eval.js")).evalCommand,
  },
  ner: {
    summary: "tag named entities (PER, ORG, LOC, MISC) in a text or CoNLL file",
    load: async () => (await import("./ner.js")).ner,
  },
  query: {
    summary: "ask the graph: entities, relations, neighbours, paths, Cypher-like patterns",
    load: async () => (await import("./query.js")).query,
  },
  serve: {
    summary: "serve the graph viewer and query API on http://127.0.0.1",
    load: async () => (await import("./serve.js")).serve,
  },
  worker: {
    summary: "extract the documents `kg build --queue` enqueues, into the shared PostgreSQL store",
    load: async () => (await import("./worker.js")).worker,
  },
};
