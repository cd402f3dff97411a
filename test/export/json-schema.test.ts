// schema/graph.schema.json: generated from the zod contract and committed; this fails when it is stale.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { graphJsonSchema, graphJsonSchemaText, toJson } from "../../src/export/index.js";
import { sampleGraph } from "./sample-graph.js";

const committed = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "schema", "graph.schema.json");

describe("graph JSON Schema", () => {
  it("committed schema/graph.schema.json equals a fresh generation (run `npm run schema` after changing src/schema)", () => {
    expect(readFileSync(committed, "utf8")).toBe(graphJsonSchemaText());
  });

  it("is draft 2020-12 and requires the contract's parts", () => {
    const s = graphJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { items?: { properties: { attributes: { required: string[] } } } }> };
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.required).toEqual(["attributes", "options", "nodes", "edges"]);
    expect(s.properties.nodes.items?.properties.attributes.required).toEqual(
      expect.arrayContaining(["label", "kind", "aliases", "mentions", "documents", "x", "y", "size", "color", "pagerank", "degree", "community"]),
    );
    expect(s.properties.edges.items?.properties.attributes.required).toEqual(expect.arrayContaining(["relation", "label", "evidence", "confidence", "weight"]));
  });

  it("describes every top-level key toJson writes", () => {
    const s = graphJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(JSON.parse(toJson(sampleGraph()))).sort()).toEqual(Object.keys(s.properties).sort());
  });

  it("ends the committed file with one newline", () => {
    expect(graphJsonSchemaText().endsWith("}\n")).toBe(true);
  });
});
