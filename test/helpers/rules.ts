// Runs relation rules' examples through the shipped tagger's pipeline, with all rules, one alone, or all but one.
import { loadNerModel } from "../../src/cli/ner-model.js";
import { extractFacts } from "../../src/extract/index.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { extractRelations } from "../../src/extract/relations/index.js";
import { RELATION_RULES, type Expected, type RelationRule, type RuleCounterexample, type RuleSelection } from "../../src/extract/relations/rules/index.js";
import { SYMMETRIC_RELATIONS, type DocumentFacts, type Relation } from "../../src/schema/index.js";
import { documentFromText } from "../../src/text/index.js";

const model = loadNerModel();

/** A text's document, mentions and entities, from the real tagger, mentions and coreference; the rules run on these. */
export interface Prepared {
  text: string;
  doc: ReturnType<typeof documentFromText>;
  facts: DocumentFacts;
}

const prepared = new Map<string, Prepared>();

/** The text through tagger, mentions and coreference, once per text. */
export function prepare(text: string): Prepared {
  let p = prepared.get(text);
  if (!p) {
    const doc = documentFromText("rule-example.txt", `${text}\n`);
    p = { text, doc, facts: extractFacts(doc, { tagger: (s) => tagDocument(model, s) }) };
    prepared.set(text, p);
  }
  return p;
}

/** The typed relations the selected rules read in a prepared text. */
export function readWith(p: Prepared, rules?: RuleSelection): Relation[] {
  return extractRelations(p.doc, p.facts.mentions, p.facts.entities, { rules }).filter((r) => r.relation !== "co_occurs_with");
}

/** The rules an example of `rule` runs with: the rule and those it reads the relations of. */
export const aloneWith = (rule: RelationRule): RuleSelection => ({ only: [rule.id, ...(rule.alongside ?? [])] });

/** An entity named by this text: its label, an alias or the text of one of its mentions. */
function named(p: Prepared, id: string, name: string): boolean {
  const e = p.facts.entities.find((x) => x.id === id);
  if (!e) return false;
  return e.label === name || e.aliases.includes(name) || p.facts.mentions.some((m) => m.entity === id && m.text === name);
}

/** The relation that is the expected one (either way round when symmetric), from `rule` when given. */
export function findExpected(p: Prepared, relations: readonly Relation[], [source, relation, target]: Expected, rule?: string): Relation | undefined {
  const symmetric = SYMMETRIC_RELATIONS.has(relation);
  return relations.find(
    (r) =>
      r.relation === relation &&
      (!rule || r.provenance.some((x) => x.rule === rule)) &&
      ((named(p, r.source, source) && named(p, r.target, target)) || (symmetric && named(p, r.source, target) && named(p, r.target, source))),
  );
}

/** The triples of an example, one or several. */
export const expectedOf = (e: Expected | readonly Expected[]): readonly Expected[] => (typeof e[0] === "string" ? [e as Expected] : (e as readonly Expected[]));

/** What is wrong with an expected relation as read (undefined when nothing is): missing, or a detail that differs. */
export function mismatch(p: Prepared, relations: readonly Relation[], expected: Expected, rule?: string): string | undefined {
  const r = findExpected(p, relations, expected, rule);
  if (!r) return `no ${expected.slice(0, 3).join(" ")}`;
  const d = expected[3] ?? {};
  if (d.role !== undefined && r.role !== d.role) return `role ${r.role} instead of ${d.role}`;
  if (d.quantity !== undefined && r.quantity !== d.quantity) return `quantity ${r.quantity} instead of ${d.quantity}`;
  if (d.date !== undefined && r.date !== d.date) return `date ${r.date} instead of ${d.date}`;
  if (d.items !== undefined && JSON.stringify(r.items) !== JSON.stringify(d.items)) return `items ${JSON.stringify(r.items)} instead of ${JSON.stringify(d.items)}`;
  return undefined;
}

/** A counterexample's text, and the triple it rejects when it rejects one. */
export const counterOf = (c: RuleCounterexample): { text: string; reject?: Expected } => (typeof c === "string" ? { text: c } : c);

/** Every example of the table with the rule it belongs to. */
export const ALL_EXAMPLES = RELATION_RULES.flatMap((rule) => rule.examples.map((example) => ({ rule, example })));

/** Whether every expected relation of every example is read when the selected rules run. */
export function failingExamples(rules: RuleSelection | undefined, examples = ALL_EXAMPLES): Array<{ rule: string; text: string; why: string }> {
  const out: Array<{ rule: string; text: string; why: string }> = [];
  for (const { rule, example } of examples) {
    const p = prepare(example.text);
    const read = readWith(p, rules);
    for (const e of expectedOf(example.expect)) {
      const why = mismatch(p, read, e);
      if (why) out.push({ rule: rule.id, text: example.text, why });
    }
  }
  return out;
}

/**
 * For each rule, the examples that fail without it (every other rule running). Only examples where
 * the rule yields something are run again: a rule that reads nothing in a text changes nothing there.
 */
export function neededBy(): Map<string, Array<{ rule: string; text: string; why: string }>> {
  const firing = new Map<string, typeof ALL_EXAMPLES>();
  for (const item of ALL_EXAMPLES) {
    const p = prepare(item.example.text);
    const rules = new Set(readWith(p).flatMap((r) => r.provenance.map((x) => x.rule ?? "")));
    for (const id of rules) firing.set(id, [...(firing.get(id) ?? []), item]);
  }
  return new Map(RELATION_RULES.map((rule) => [rule.id, failingExamples({ except: [rule.id] }, firing.get(rule.id) ?? [])]));
}
