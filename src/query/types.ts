// Public result and option types of the query API: plain data, evidence included.
import type { EntityKind, Evidence, RelationType } from "../schema/index.js";

/**
 * One entity as the query API returns it: a copy of its node attributes, without display fields.
 * `documents` holds the first DOCUMENT_SAMPLE document ids (all of them with `documents: "all"`); `documentCount` counts them all.
 */
export interface EntityRecord {
  id: string;
  label: string;
  kind: EntityKind;
  aliases: string[];
  mentions: number;
  documentCount: number;
  documents: string[];
  /** Earliest and latest date of its documents (`YYYY-MM-DD`), when any is dated. */
  firstDate?: string;
  lastDate?: string;
  degree: number;
  pagerank: number;
  community: number;
}

/** Document ids an entity record lists unless all are asked for. */
export const DOCUMENT_SAMPLE = 5;

/** How much of each entity a record carries. */
export interface RecordOptions {
  /** `"sample"` (default): the first DOCUMENT_SAMPLE document ids; `"all"`: every one. */
  documents?: "sample" | "all";
}

/**
 * A closed range of dates, each side `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`from` is the first day it names, `to` the last);
 * either side may be left open. See docs/query.md for which relations and entities fall in a range.
 */
export interface DateRange {
  from?: string;
  to?: string;
}

/** A window into a result list in its stable order: skip `offset`, return at most `limit`. */
export interface PageOptions {
  offset?: number;
  limit?: number;
}

/** One page of results: `total` counts every result, `nextOffset` is where the next page starts (null on the last one). */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  nextOffset: number | null;
}

/** An evidence entry with the date of its statement (the contract's optional `date`). */
export type DatedEvidence = Evidence & { date?: string };

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
  /** Earliest and latest date of its evidence (`YYYY-MM-DD`), when any is dated. */
  firstDate?: string;
  lastDate?: string;
  /** Its evidence sentences; with a date range, only those dated inside it (each then with its `date`). */
  evidence: DatedEvidence[];
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

export interface EntitiesOptions extends RecordOptions, DateRange, PageOptions {
  kind?: EntityKind | readonly EntityKind[];
  /** Case- and accent-insensitive search over labels and aliases (exact, then word, then substring matches). */
  search?: string;
  /** Only entities mentioned in this document id. */
  document?: string;
}

export interface RelationsOptions extends RecordOptions, DateRange, PageOptions {
  /** Either endpoint. */
  entity?: EntityRef;
  /** The source endpoint (either endpoint for symmetric relations). */
  source?: EntityRef;
  /** The target endpoint (either endpoint for symmetric relations). */
  target?: EntityRef;
  relation?: RelationFilter;
  /** Include weak `co_occurs_with` edges (default false unless `relation` names it). */
  includeCooccurrence?: boolean;
}
export const RELATIONS_DEFAULTS = { includeCooccurrence: false } as const;

export interface NeighborsOptions extends RecordOptions, DateRange, PageOptions {
  depth?: number;
  relation?: RelationFilter;
  includeCooccurrence?: boolean;
}
export const NEIGHBORS_DEFAULTS = { depth: 1, includeCooccurrence: false } as const;

export interface PathOptions extends RecordOptions, DateRange {
  /** Longest path accepted, in hops; a longer shortest path gives null. */
  maxLength?: number;
  relation?: RelationFilter;
  includeCooccurrence?: boolean;
}
export const PATH_DEFAULTS = { maxLength: 6, includeCooccurrence: false } as const;

export interface MatchOptions extends RecordOptions, DateRange {
  /** Most bindings returned; more set `truncated`. */
  limit?: number;
  /** Bindings skipped first, in the search's stable order. */
  offset?: number;
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
  /** Bindings found: every one when `complete`, else those found before the budget ran out. */
  total: number;
  offset: number;
  /** Whether the search ran to its end (false: the budget ran out and `total` is a lower bound). */
  complete: boolean;
  /** More bindings exist than this page shows, or may exist (budget spent). */
  truncated: boolean;
}

export interface TimelineOptions extends RecordOptions, DateRange, PageOptions {
  relation?: RelationFilter;
  includeCooccurrence?: boolean;
}
export const TIMELINE_DEFAULTS = { includeCooccurrence: false } as const;

/** One dated statement of a relation: the relation with only its evidence of that date. */
export interface TimelineEntry {
  date: string;
  relation: RelationRecord;
}

/** An entity's relations by evidence date, oldest first; undated evidence is left out and counted. */
export interface Timeline extends Page<TimelineEntry> {
  entity: EntityRecord;
  /** Evidence entries of the entity's relations (of the chosen types) that have no date. */
  undated: number;
}

export interface GraphStats {
  nodes: number;
  edges: number;
  byKind: Record<string, number>;
  byRelation: Record<string, number>;
  documents: Array<{ id: string; title?: string; entities: number }>;
}
