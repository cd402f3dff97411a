// The fixed vocabulary (DESIGN.md): one record per entity kind and per relation, and every other table derived from them.
import { z } from "zod";

/** What kgraph knows about one entity kind. */
export interface KindSpec {
  /** Display name, e.g. in the viewer's legend. */
  label: string;
  /** Fixed node colour, as #rrggbb. */
  color: string;
}

/** What kgraph knows about one relation. */
export interface RelationSpec<K extends string = EntityKind> {
  /** Human text, written as the edge `label`. */
  label: string;
  /** Holds in both directions; its edges are stored with source < target. */
  symmetric: boolean;
  /** The kinds a source (from) and a target (to) may have; an extracted relation outside them is dropped. */
  from: readonly K[];
  to: readonly K[];
  /** Edge colour, as #rrggbb. */
  color: string;
  /** Stated by the text; false for the weak relations (co-occurrence) that queries and filters leave out by default. */
  typed: boolean;
}

/** Entity kinds, in legend order; colours are the colour-blind-safe Okabe-Ito hues. */
export const KINDS = {
  person: { label: "Person", color: "#0072B2" },
  state: { label: "State", color: "#D55E00" },
  institution: { label: "Institution", color: "#009E73" },
  place: { label: "Place", color: "#E69F00" },
  event: { label: "Event", color: "#CC79A7" },
  agreement: { label: "Agreement", color: "#56B4E9" },
} satisfies Record<string, KindSpec>;

type KindName = keyof typeof KINDS;
const ANY = Object.keys(KINDS) as KindName[];
const ACTOR: KindName[] = ["state", "institution"];
const PERSON: KindName[] = ["person"];
/** Typed relations share one dark grey and co-occurrence a light one, as graphs have been written so far. */
const TYPED_COLOR = "#6d6d6d";
const WEAK_COLOR = "#b8b8b8";

const typed = (label: string, symmetric: boolean, from: KindName[], to: KindName[]): RelationSpec<KindName> => ({
  label,
  symmetric,
  from,
  to,
  color: TYPED_COLOR,
  typed: true,
});

/** Relations, in the order tables, legends and schemas list them. */
export const RELATIONS = {
  leader_of: typed("leader of", false, PERSON, ACTOR),
  official_of: typed("official of", false, PERSON, ACTOR),
  works_for: typed("works for", false, PERSON, ["institution"]),
  member_of: typed("member of", false, ["person", "state", "institution"], ["institution"]),
  citizen_of: typed("citizen of", false, PERSON, ["state"]),
  sibling_of: typed("sibling of", true, PERSON, PERSON),
  spouse_of: typed("spouse of", true, PERSON, PERSON),
  child_of: typed("child of", false, PERSON, PERSON),
  met_with: typed("met with", true, PERSON, PERSON),
  attended: typed("attended", false, ["person", "state"], ["event"]),
  allied_with: typed("allied with", true, ACTOR, ACTOR),
  at_war_with: typed("at war with", true, ACTOR, ACTOR),
  supports: typed("supports", false, ANY, ANY),
  supplies: typed("supplies", false, ACTOR, ACTOR),
  deploys_troops_to: typed("deploys troops to", false, ["state"], ["state", "place", "event"]),
  party_to: typed("party to", false, ["state", "institution", "person"], ["event", "agreement"]),
  located_in: typed("located in", false, ["place", "institution", "event"], ["place", "state"]),
  capital_of: typed("capital of", false, ["place"], ["state"]),
  part_of: typed("part of", false, ["place", "institution"], ["place", "state", "institution"]),
  co_occurs_with: { label: "named with", symmetric: true, from: ANY, to: ANY, color: WEAK_COLOR, typed: false },
} satisfies Record<string, RelationSpec<KindName>>;

/** Which kinds a relation may join, as its record states them. */
export interface RelationSignature<K extends string = EntityKind> {
  from: readonly K[];
  to: readonly K[];
}

const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
const mapValues = <T extends string, V>(keys: readonly T[], f: (key: T) => V) =>
  Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<T, V>;

/**
 * Every vocabulary table, computed from the kind and relation records alone (order is record order),
 * so a relation or kind added to a record is known everywhere at once.
 */
export function deriveVocabulary<K extends string, R extends string>(
  kinds: Readonly<Record<K, KindSpec>>,
  relations: Readonly<Record<R, RelationSpec<K>>>,
) {
  const kindNames = keysOf(kinds);
  const relationNames = keysOf(relations);
  const where = (test: (spec: RelationSpec<K>) => boolean): ReadonlySet<R> =>
    new Set(relationNames.filter((r) => test(relations[r])));
  return {
    ENTITY_KINDS: kindNames as Readonly<[K, ...K[]]>,
    EntityKind: z.enum(kindNames),
    KIND_LABELS: mapValues(kindNames, (k) => kinds[k].label) as Readonly<Record<K, string>>,
    KIND_COLORS: mapValues(kindNames, (k) => kinds[k].color) as Readonly<Record<K, string>>,
    RELATION_TYPES: relationNames as Readonly<[R, ...R[]]>,
    RelationType: z.enum(relationNames),
    RELATION_LABELS: mapValues(relationNames, (r) => relations[r].label) as Readonly<Record<R, string>>,
    RELATION_COLORS: mapValues(relationNames, (r) => relations[r].color) as Readonly<Record<R, string>>,
    SYMMETRIC_RELATIONS: where((s) => s.symmetric),
    TYPED_RELATIONS: where((s) => s.typed),
    RELATION_SIGNATURES: mapValues(relationNames, (r): RelationSignature<K> => ({
      from: relations[r].from,
      to: relations[r].to,
    })) as Readonly<Record<R, RelationSignature<K>>>,
  };
}

const VOCABULARY = deriveVocabulary(KINDS, RELATIONS);

/** Entity kinds, in legend order. */
export const ENTITY_KINDS = VOCABULARY.ENTITY_KINDS;
export const EntityKind = VOCABULARY.EntityKind;
export type EntityKind = z.infer<typeof EntityKind>;
/** Display name of each kind. */
export const KIND_LABELS = VOCABULARY.KIND_LABELS;
/** Fixed colour per kind, as #rrggbb. */
export const KIND_COLORS = VOCABULARY.KIND_COLORS;

/** Typed relations plus the weak `co_occurs_with`, in record order. */
export const RELATION_TYPES = VOCABULARY.RELATION_TYPES;
export const RelationType = VOCABULARY.RelationType;
export type RelationType = z.infer<typeof RelationType>;
/** Human label of each relation, used as the edge `label`. */
export const RELATION_LABELS = VOCABULARY.RELATION_LABELS;
/** Edge colour of each relation, as #rrggbb. */
export const RELATION_COLORS = VOCABULARY.RELATION_COLORS;
/** Relations that hold in both directions; their edges are stored with source < target. */
export const SYMMETRIC_RELATIONS = VOCABULARY.SYMMETRIC_RELATIONS;
/** Relations the text states (every one but the weak co-occurrence), in record order. */
export const TYPED_RELATIONS = VOCABULARY.TYPED_RELATIONS;
/** Which kinds each relation may join (`supports` and `co_occurs_with` join any). */
export const RELATION_SIGNATURES = VOCABULARY.RELATION_SIGNATURES;
