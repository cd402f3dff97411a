// Public result and option types of the query API: plain data, evidence included.
import type { EntityKind, Evidence, RelationType } from "../schema/index.js";

/** One entity as the query API returns it: a copy of its node attributes, without display fields. */
export interface EntityRecord {
  id: string;
  label: string;
  kind: EntityKind;
  aliases: string[];
  mentions: number;
  documents: string[];
  degree: number;
  pagerank: number;
  community: number;
}

/** One relation (edge) with both endpoints resolved to entity records. */
export interface RelationRecord {
  id: string;
  source: EntityRecord;
  target: EntityRecord;
  relation: RelationType;
  label: string;
  role?: string;
  quantity?: number;
  items?: string[];
  date?: string;
  evidence: Evidence[];
  confidence: number;
  weight: number;
}

/** An entity reached from another one, with its distance in hops. */
export interface NeighborRecord extends EntityRecord {
  distance: number;
}

/** A shortest path: `relations[i]` links `entities[i]` and `entities[i + 1]`. */
export interface PathResult {
  length: number;
  entities: EntityRecord[];
  relations: RelationRecord[];
}

/** A name, an alias or a node id, or a record returned earlier. */
export type EntityRef = string | { id: string };

/** One relation type or several. */
export type RelationFilter = RelationType | readonly RelationType[];

export interface EntitiesOptions {
  kind?: EntityKind | readonly EntityKind[];
  /** Case- and accent-insensitive search over labels and aliases (exact, then word, then substring matches). */
  search?: string;
  /** Only entities mentioned in this document id. */
  document?: string;
  /** Most entities returned. */
  limit?: number;
}

export interface RelationsOptions {
  /** Either endpoint. */
  entity?: EntityRef;
  /** The source endpoint (either endpoint for symmetric relations). */
  source?: EntityRef;
  /** The target endpoint (either endpoint for symmetric relations). */
  target?: EntityRef;
  relation?: RelationFilter;
  /** Include weak `co_occurs_with` edges (default false unless `relation` names it). */
  includeCooccurrence?: boolean;
  /** Most relations returned (after ordering). */
  limit?: number;
}
export const RELATIONS_DEFAULTS = { includeCooccurrence: false } as const;

export interface NeighborsOptions {
  depth?: number;
  /** Most neighbours returned (nearest first). */
  limit?: number;
  relation?: RelationFilter;
  includeCooccurrence?: boolean;
}
export const NEIGHBORS_DEFAULTS = { depth: 1, includeCooccurrence: false } as const;

export interface PathOptions {
  /** Longest path accepted, in hops; a longer shortest path gives null. */
  maxLength?: number;
  relation?: RelationFilter;
  includeCooccurrence?: boolean;
}
export const PATH_DEFAULTS = { maxLength: 6, includeCooccurrence: false } as const;

export interface MatchOptions {
  /** Most bindings returned; more set `truncated`. */
  limit?: number;
  /** Most edge visits before the search stops and sets `truncated`. */
  budget?: number;
  /** Let untyped relationship patterns `-[]-` also match `co_occurs_with`. */
  includeCooccurrence?: boolean;
}
export const MATCH_DEFAULTS = { limit: 1000, budget: 2_000_000, includeCooccurrence: false } as const;

/** One match: each named pattern variable bound to an entity, a relation, or (variable length) a relation chain. */
export type Binding = Record<string, EntityRecord | RelationRecord | RelationRecord[]>;

export interface MatchResult {
  bindings: Binding[];
  truncated: boolean;
}

export interface GraphStats {
  nodes: number;
  edges: number;
  byKind: Record<string, number>;
  byRelation: Record<string, number>;
  documents: Array<{ id: string; title?: string; entities: number }>;
}
