// Schemas of what extraction finds in one document: mentions, entities and relations with evidence.
import { z } from "zod";
import { EntityKind, RelationType } from "./vocabulary.js";

/** Where a fact was read: the verbatim sentence, by document and sentence index. */
export const Evidence = z.object({
  doc: z.string(),
  sentence: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** The document's date (absent when the document has none). */
  date: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Which extractor stated a relation: `rules` (with the rule's id), `classifier`, `cooccurrence`, ...; and its score (0-1). */
export const Provenance = z.object({
  extractor: z.string().min(1),
  rule: z.string().min(1).optional(),
  score: z.number().min(0).max(1),
});
export type Provenance = z.infer<typeof Provenance>;

export const Mention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  sentence: z.number().int().nonnegative(),
  kind: EntityKind,
  /** Local entity id inside the document. */
  entity: z.string(),
  /** How it was found, e.g. `ner`, `demonym`, `pattern:event`. */
  source: z.string(),
});
export type Mention = z.infer<typeof Mention>;

export const Entity = z.object({
  id: z.string(),
  kind: EntityKind,
  label: z.string().min(1),
  aliases: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
});
export type Entity = z.infer<typeof Entity>;

export const Relation = z.object({
  source: z.string(),
  target: z.string(),
  relation: RelationType,
  role: z.string().optional(),
  quantity: z.number().optional(),
  items: z.array(z.string()).optional(),
  date: z.string().optional(),
  evidence: z.array(Evidence).min(1),
  confidence: z.number().min(0).max(1),
  /** Every extractor (and rule) that stated it, once each, sorted; the score is the best it gave. */
  provenance: z.array(Provenance).min(1),
});
export type Relation = z.infer<typeof Relation>;

export const DocumentFacts = z.object({
  doc: z.string(),
  mentions: z.array(Mention),
  entities: z.array(Entity),
  relations: z.array(Relation),
});
export type DocumentFacts = z.infer<typeof DocumentFacts>;
