// Count the most-mentioned names of a built graph that are split over several nodes, and list them.
//
//   npx tsx scripts/split-names.ts [--top 300] [--json] GRAPH.json
//
// A name is a node label, folded (case, accents, "the"); it is split when more than one node carries it
// as its label or as an alias. A real ambiguity (Georgia the state and the country) is a split too:
// read the list to tell the two apart.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { splitNames } from "../src/resolve/index.js";
import { GraphJson } from "../src/schema/index.js";

const { values, positionals } = parseArgs({
  options: { top: { type: "string", default: "300" }, json: { type: "boolean", default: false } },
  allowPositionals: true,
});
const file = positionals[0] ?? "graph-data/out/graph.json";
const top = Number(values.top);
if (!Number.isInteger(top) || top < 1) throw new Error(`split-names: --top must be a positive integer, not "${values.top}"`);
const parsed = GraphJson.safeParse(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.success) throw new Error(`split-names: ${file} is not a kgraph graph JSON: ${parsed.error.issues[0]?.message}`);
const nodes = parsed.data.nodes.map((n) => ({ key: n.key, label: n.attributes.label, aliases: n.attributes.aliases, mentions: n.attributes.mentions }));
const { names, split } = splitNames(nodes, { top });
if (values.json) process.stdout.write(JSON.stringify({ graph: file, names, split }, null, 2) + "\n");
else {
  const lines = [`${file}: ${split.length} of the ${names} most-mentioned names are split over several nodes`];
  for (const s of split) lines.push(`  ${s.name} (${s.mentions}): ${s.nodes.map((n) => `${n.key} "${n.label}" ${n.mentions}`).join("; ")}`);
  process.stdout.write(lines.join("\n") + "\n");
}
