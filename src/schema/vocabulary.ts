// The fixed vocabulary of entity kinds and relation types (DESIGN.md), with display labels.
import { z } from "zod";

/** Entity kinds, in legend order. */
export const ENTITY_KINDS = ["person", "state", "institution", "place", "event", "agreement"] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/** Typed relations plus the weak `co_occurs_with`. */
export const RELATION_TYPES = [
  "leader_of",
  "official_of",
  "works_for",
  "member_of",
  "citizen_of",
  "sibling_of",
  "spouse_of",
  "child_of",
  "met_with",
  "attended",
  "allied_with",
  "at_war_with",
  "supports",
  "supplies",
  "deploys_troops_to",
  "party_to",
  "located_in",
  "capital_of",
  "part_of",
  "co_occurs_with",
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

/** Relations that hold in both directions; their edges are stored with source < target. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>([
  "sibling_of",
  "spouse_of",
  "met_with",
  "allied_with",
  "at_war_with",
  "co_occurs_with",
]);

/** Human label of each relation, used as the edge `label`. */
export const RELATION_LABELS: Readonly<Record<RelationType, string>> = {
  leader_of: "leader of",
  official_of: "official of",
  works_for: "works for",
  member_of: "member of",
  citizen_of: "citizen of",
  sibling_of: "sibling of",
  spouse_of: "spouse of",
  child_of: "child of",
  met_with: "met with",
  attended: "attended",
  allied_with: "allied with",
  at_war_with: "at war with",
  supports: "supports",
  supplies: "supplies",
  deploys_troops_to: "deploys troops to",
  party_to: "party to",
  located_in: "located in",
  capital_of: "capital of",
  part_of: "part of",
  co_occurs_with: "named with",
};

/** Fixed colour per kind (colour-blind-safe Okabe-Ito hues), as #rrggbb. */
export const KIND_COLORS: Readonly<Record<EntityKind, string>> = {
  person: "#0072B2",
  state: "#D55E00",
  institution: "#009E73",
  place: "#E69F00",
  event: "#CC79A7",
  agreement: "#56B4E9",
};
