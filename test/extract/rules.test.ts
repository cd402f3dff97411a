// Every relation rule alone on its examples and counterexamples, through the shipped tagger; and no rule is there for nothing.
import { describe, expect, it } from "vitest";
import { KgError } from "../../src/errors.js";
import { compilePattern, isPatternRule, RELATION_RULES, selectRules } from "../../src/extract/relations/rules/index.js";
import { RELATION_TYPES } from "../../src/schema/index.js";
import { aloneWith, counterOf, expectedOf, failingExamples, findExpected, mismatch, neededBy, prepare, readWith } from "../helpers/rules.js";

const relationsOf = (rule: (typeof RELATION_RULES)[number]) => (typeof rule.relation === "string" ? [rule.relation] : [...rule.relation]);

describe("the rule table", () => {
  it("gives every rule a unique id of its relation (or family) and a short description", () => {
    const ids = RELATION_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RELATION_RULES) {
      const [prefix, description] = rule.id.split("/");
      expect(description, rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const relations = relationsOf(rule);
      for (const r of relations) expect(RELATION_TYPES, rule.id).toContain(r);
      if (relations.length === 1) expect(prefix, rule.id).toBe(relations[0]);
      else expect(relations.includes(prefix as never) || /^[a-z]+$/.test(prefix), rule.id).toBe(true);
    }
  });

  it("gives every rule at least one example, and names only rules that exist alongside it", () => {
    const ids = new Set(RELATION_RULES.map((r) => r.id));
    for (const rule of RELATION_RULES) {
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.alongside ?? []) expect(ids.has(id), `${rule.id} alongside ${id}`).toBe(true);
    }
  });

  it("rejects a pattern part that does not exist, and a selection of a rule that does not exist", () => {
    expect(() => compilePattern("{person} met {president}")).toThrow(KgError);
    expect(() => selectRules({ only: ["met_with/no-such-rule"] })).toThrow(expect.objectContaining({ code: "INVALID_ARGS" }));
    expect(() => compilePattern("{president}")).toThrow(expect.objectContaining({ code: "INVALID_PATTERN" }));
  });
});

describe.each(RELATION_RULES.map((rule) => [rule.id, rule] as const))("%s", (_, rule) => {
  const selection = aloneWith(rule);
  it.each(rule.examples.map((e) => [e.text, e] as const))("reads %s", (_, example) => {
    const p = prepare(example.text);
    const read = readWith(p, selection);
    for (const e of expectedOf(example.expect)) expect(mismatch(p, read, e, rule.id), e.slice(0, 3).join(" ")).toBeUndefined();
    // what the rule reads is of its own relations, with its own confidence
    for (const r of read.filter((x) => x.provenance.some((y) => y.rule === rule.id))) {
      expect(relationsOf(rule)).toContain(r.relation);
      expect(r.provenance.find((y) => y.rule === rule.id)?.score).toBe(rule.confidence);
    }
  });
  const counter = (rule.counterexamples ?? []).map(counterOf);
  if (counter.length) {
    it.each(counter.map((c) => [c.text, c] as const))("does not read %s", (_, c) => {
      const p = prepare(c.text);
      const mine = readWith(p, selection).filter((r) => r.provenance.some((y) => y.rule === rule.id));
      if (c.reject) expect(findExpected(p, mine, c.reject)).toBeUndefined();
      else expect(mine.map((r) => `${r.source} ${r.relation} ${r.target}`)).toEqual([]);
    });
  }
});

describe("all rules together", () => {
  it("read every example's relations", () => {
    expect(failingExamples(undefined)).toEqual([]);
  });

  it("need every rule: without any one of them, an example of the table fails", () => {
    const spare = [...neededBy()].filter(([, failing]) => failing.length === 0).map(([id]) => id);
    expect(spare).toEqual([]);
  });

  it("are the pattern rules followed by the name rules", () => {
    const kinds = RELATION_RULES.map((r) => (isPatternRule(r) ? "pattern" : "name"));
    expect(kinds.indexOf("name")).toBe(kinds.lastIndexOf("pattern") + 1);
  });
});
