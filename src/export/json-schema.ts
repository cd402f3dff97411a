// The graph JSON contract as JSON Schema (2020-12), generated from the zod schema so the two cannot drift.
import { z } from "zod";
import { GraphJson, SCHEMA_VERSION } from "../schema/index.js";

/**
 * JSON Schema of graph-data/out/*.json (package export `kgraph/schema/graph.json`), from zod's GraphJson.
 * @throws nothing; the schema is static.
 */
export function graphJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(GraphJson) as Record<string, unknown>;
  return {
    $schema,
    title: "kgraph graph JSON",
    description: `graphology's serialisation (graph.export()) of a kgraph knowledge graph, schemaVersion ${SCHEMA_VERSION}; load it with Graph.from(json).`,
    ...rest,
  };
}

/** The exact text of the committed schema/graph.schema.json: two-space indent and a final newline. */
export function graphJsonSchemaText(): string {
  return `${JSON.stringify(graphJsonSchema(), null, 2)}\n`;
}
