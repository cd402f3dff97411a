// Writes schema/graph.schema.json from the zod GraphJson schema (npm run schema); test/export checks it is current.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { graphJsonSchemaText } from "../src/export/index.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "graph.schema.json");
writeFileSync(out, graphJsonSchemaText());
process.stdout.write(`wrote ${out}\n`);
