// Reports, for each relation rule, the examples of the rule table that fail without it; a rule none needs is spare (exit 1).
// npx tsx scripts/check-rules.ts [--verbose]   (test/extract/rules.test.ts checks the same in CI)
import { parseArgs } from "node:util";
import { RELATION_RULES } from "../src/extract/relations/rules/index.js";
import { failingExamples, neededBy } from "../test/helpers/rules.js";

const { values } = parseArgs({ options: { verbose: { type: "boolean", short: "v", default: false } } });

const broken = failingExamples(undefined);
for (const f of broken) process.stdout.write(`with every rule, ${f.rule} example fails: ${f.text} (${f.why})\n`);

const needs = neededBy();
const spare: string[] = [];
for (const rule of RELATION_RULES) {
  const failing = needs.get(rule.id) ?? [];
  if (failing.length === 0) spare.push(rule.id);
  process.stdout.write(`${rule.id}: ${failing.length === 0 ? "SPARE, no example fails without it" : `${failing.length} example relation(s) fail without it`}\n`);
  if (values.verbose) for (const f of failing) process.stdout.write(`    ${f.text} (${f.why}${f.rule === rule.id ? "" : `; an example of ${f.rule}`})\n`);
}
process.stdout.write(`${RELATION_RULES.length} rules, ${spare.length} spare, ${broken.length} example relation(s) failing with every rule\n`);
process.exitCode = spare.length || broken.length ? 1 : 0;
