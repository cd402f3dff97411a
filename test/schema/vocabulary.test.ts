// Every vocabulary table is derived from the kind and relation records, and follows them when they change.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ENTITY_KINDS, EntityKind, KINDS, KIND_COLORS, KIND_LABELS, RELATIONS, RELATION_COLORS, RELATION_LABELS,
  RELATION_SIGNATURES, RELATION_TYPES, RelationType, SYMMETRIC_RELATIONS, TYPED_RELATIONS, deriveVocabulary,
  type RelationSpec,
} from "../../src/schema/index.js";

const kindNames = Object.keys(KINDS) as EntityKind[];
const relationNames = Object.keys(RELATIONS) as RelationType[];
const specOf = (r: RelationType): RelationSpec => RELATIONS[r];

describe("the vocabulary tables", () => {
  it("list exactly the records' kinds and relations, in record order", () => {
    expect(ENTITY_KINDS).toEqual(kindNames);
    expect(EntityKind.options).toEqual(kindNames);
    expect(RELATION_TYPES).toEqual(relationNames);
    expect(RelationType.options).toEqual(relationNames);
    for (const table of [KIND_COLORS, KIND_LABELS]) expect(Object.keys(table)).toEqual(kindNames);
    for (const table of [RELATION_LABELS, RELATION_COLORS, RELATION_SIGNATURES]) expect(Object.keys(table)).toEqual(relationNames);
  });

  it("carry each record's own values", () => {
    for (const k of kindNames) {
      expect(KIND_COLORS[k]).toBe(KINDS[k].color);
      expect(KIND_LABELS[k]).toBe(KINDS[k].label);
    }
    for (const r of relationNames) {
      const spec = specOf(r);
      expect(RELATION_LABELS[r]).toBe(spec.label);
      expect(RELATION_COLORS[r]).toBe(spec.color);
      expect(SYMMETRIC_RELATIONS.has(r)).toBe(spec.symmetric);
      expect(TYPED_RELATIONS.has(r)).toBe(spec.typed);
      expect(RELATION_SIGNATURES[r]).toEqual({ from: spec.from, to: spec.to });
    }
    expect([...TYPED_RELATIONS]).toEqual(relationNames.filter((r) => specOf(r).typed));
  });

  it("hold well-formed records: known kinds, #rrggbb colours, distinct labels", () => {
    for (const r of relationNames) {
      const { from, to } = specOf(r);
      expect(from.length).toBeGreaterThan(0);
      expect(to.length).toBeGreaterThan(0);
      for (const k of [...from, ...to]) expect(kindNames).toContain(k);
    }
    for (const color of [...Object.values(KIND_COLORS), ...Object.values(RELATION_COLORS)]) expect(color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(new Set(Object.values(KIND_COLORS)).size).toBe(kindNames.length);
    expect(new Set(Object.values(RELATION_LABELS)).size).toBe(relationNames.length);
  });

  it("keep co-occurrence the one weak relation, symmetric and between any kinds", () => {
    expect(relationNames.filter((r) => !TYPED_RELATIONS.has(r))).toEqual(["co_occurs_with"]);
    expect(SYMMETRIC_RELATIONS.has("co_occurs_with")).toBe(true);
    for (const r of ["co_occurs_with", "supports"] as const) {
      expect([...RELATION_SIGNATURES[r].from].sort()).toEqual([...kindNames].sort());
      expect([...RELATION_SIGNATURES[r].to].sort()).toEqual([...kindNames].sort());
    }
  });

  it("type every table by the records' keys", () => {
    expectTypeOf<RelationType>().toEqualTypeOf<keyof typeof RELATIONS>();
    expectTypeOf<EntityKind>().toEqualTypeOf<keyof typeof KINDS>();
    expectTypeOf(RELATION_LABELS).toEqualTypeOf<Readonly<Record<RelationType, string>>>();
  });
});

describe("deriveVocabulary", () => {
  const extended = {
    ...RELATIONS,
    // a typed relation after the weak one, and a second weak one after that
    funds: { label: "funds", symmetric: false, from: ["state", "institution"], to: ["institution"], color: "#0072B2", typed: true },
    cited_with: { label: "cited with", symmetric: true, from: kindNames, to: kindNames, color: "#b8b8b8", typed: false },
  } satisfies Record<string, RelationSpec>;
  const v = deriveVocabulary(KINDS, extended);

  it("knows a relation as soon as its record exists, wherever it sits", () => {
    expect(v.RELATION_TYPES).toEqual([...relationNames, "funds", "cited_with"]);
    expect(v.RelationType.safeParse("funds").success).toBe(true);
    expect(v.RelationType.safeParse("finances").success).toBe(false);
    expect(v.RELATION_LABELS.funds).toBe("funds");
    expect(v.RELATION_SIGNATURES.funds).toEqual({ from: ["state", "institution"], to: ["institution"] });
  });

  it("splits typed from weak by the property, not by position", () => {
    expect(v.TYPED_RELATIONS.has("funds")).toBe(true);
    expect(v.TYPED_RELATIONS.has("cited_with")).toBe(false);
    expect([...v.TYPED_RELATIONS]).toEqual([...TYPED_RELATIONS, "funds"]);
    expect(v.SYMMETRIC_RELATIONS.has("cited_with")).toBe(true);
    expect(v.SYMMETRIC_RELATIONS.has("funds")).toBe(false);
  });

  it("gives the same tables as the module for the module's records", () => {
    const own = deriveVocabulary(KINDS, RELATIONS);
    expect(own.RELATION_TYPES).toEqual(RELATION_TYPES);
    expect(own.ENTITY_KINDS).toEqual(ENTITY_KINDS);
    expect(own.KIND_COLORS).toEqual(KIND_COLORS);
    expect(own.RELATION_SIGNATURES).toEqual(RELATION_SIGNATURES);
    expect([...own.TYPED_RELATIONS]).toEqual([...TYPED_RELATIONS]);
    expect([...own.SYMMETRIC_RELATIONS]).toEqual([...SYMMETRIC_RELATIONS]);
  });
});
