// KnowledgeGraph: the read-only query API over a kgraph graph, with its indexes built once at load.
import { KgError } from "../errors.js";
import type { RelationType } from "../schema/index.js";
import {
  ALL_CODES, KIND_CODE, RELATION_CODE, SYMMETRIC_CODES, TYPED_CODES, buildIndex, compareConnected, forEachIncident, sortByRelationThenStrength, toRanges,
} from "./indexes.js";
import type { CodeRanges, Direction, GraphIndex, KgGraph } from "./indexes.js";
import { graphFromJson, graphFromText } from "./parse-graph.js";
import { PathViews, shortestPath } from "./path.js";
import { matchPattern } from "./pattern/match.js";
import { parsePattern } from "./pattern/parser.js";
import { edgeInRange, keyDate, nodeInRange, resolveRange } from "./dates.js";
import { entityRecord, recordContext, relationRecord, type RecordContext } from "./records.js";
import { requireNode, resolveNode, searchNodes, suggestNodes } from "./resolve.js";
import { MATCH_DEFAULTS, NEIGHBORS_DEFAULTS, PATH_DEFAULTS, RELATIONS_DEFAULTS, TIMELINE_DEFAULTS } from "./types.js";
import type {
  EntitiesOptions, EntityRecord, EntityRef, GraphStats, MatchOptions, MatchResult, NeighborRecord, NeighborsOptions, Page,
  PageOptions, PathOptions, PathResult, RecordOptions, RelationFilter, RelationRecord, RelationsOptions, Timeline, TimelineEntry,
  TimelineOptions,
} from "./types.js";

function relationRanges(filter: RelationFilter | undefined, includeCooccurrence: boolean): CodeRanges {
  if (filter === undefined) return toRanges(includeCooccurrence ? ALL_CODES : TYPED_CODES);
  const list: readonly RelationType[] = typeof filter === "string" ? [filter] : filter;
  return toRanges(
    list.map((r) => {
      const code = RELATION_CODE.get(r);
      if (code === undefined) throw new KgError("INVALID_ARGS", `relations: unknown relation "${r}"; see RELATION_TYPES for the vocabulary`);
      return code;
    }),
  );
}

function kindCode(kind: string): number {
  const code = KIND_CODE.get(kind);
  if (code === undefined) throw new KgError("INVALID_ARGS", `entities: unknown kind "${kind}"; use one of ${[...KIND_CODE.keys()].join(", ")}`);
  return code;
}

/** Check a page window. @throws KgError INVALID_ARGS */
function pageWindow(options: PageOptions, caller: string): { offset: number; limit: number } {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? Infinity;
  if (!Number.isInteger(offset) || offset < 0) throw new KgError("INVALID_ARGS", `${caller}: offset must be a whole number of at least 0, got ${offset}`, { where: "offset" });
  if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) throw new KgError("INVALID_ARGS", `${caller}: limit must be a whole number of at least 0, got ${limit}`, { where: "limit" });
  return { offset, limit };
}

/** The page of `items` (already in their stable order) that `options` asks for, each turned into a record. */
function page<T, R>(items: readonly T[], options: PageOptions, caller: string, record: (item: T) => R): Page<R> {
  const { offset, limit } = pageWindow(options, caller);
  const end = Math.min(items.length, offset + limit);
  const out: R[] = [];
  for (let i = offset; i < end; i++) out.push(record(items[i]));
  return { items: out, total: items.length, offset, nextOffset: end < items.length ? end : null };
}

function isPathText(source: string): boolean {
  const head = source.trimStart()[0];
  return head !== "{" && head !== "[";
}

/** A read-only, indexed view of a kgraph graph answering entity, relation, path and pattern queries with evidence. */
export class KnowledgeGraph {
  /** The graphology graph; treat it as read-only, the indexes are not updated on change. */
  readonly graph: KgGraph;
  private readonly index: GraphIndex;
  private readonly views: PathViews;

  private constructor(graph: KgGraph) {
    if (graph.type !== "directed") throw new KgError("INVALID_GRAPH", `KnowledgeGraph: expected a directed graph, got a ${graph.type} one`);
    this.graph = graph;
    this.index = buildIndex(graph);
    this.views = new PathViews(this.index);
  }

  /** Wrap a graphology graph that already follows the contract (no validation). @throws KgError INVALID_GRAPH if it is not directed */
  static fromGraph(graph: KgGraph): KnowledgeGraph {
    return new KnowledgeGraph(graph);
  }

  /** Validate parsed graph JSON and index it. @throws KgError INVALID_GRAPH with one line per issue */
  static fromJson(json: unknown, where = "graph JSON"): KnowledgeGraph {
    return new KnowledgeGraph(graphFromJson(json, where));
  }

  /** Parse graph JSON text, validate and index it; `where` names the source in errors. @throws KgError INVALID_GRAPH */
  static fromText(text: string, where = "graph JSON"): KnowledgeGraph {
    return new KnowledgeGraph(graphFromText(text, where));
  }

  /**
   * Load from parsed JSON, JSON text, or a file path (read with node:fs, so paths work in Node only).
   * @throws KgError INVALID_GRAPH on invalid content, GRAPH_MISSING when the file cannot be read
   */
  static async load(source: string | URL | object): Promise<KnowledgeGraph> {
    if (typeof source === "string" && !isPathText(source)) return new KnowledgeGraph(graphFromText(source));
    if (typeof source !== "string" && !(source instanceof URL)) return KnowledgeGraph.fromJson(source);
    const where = String(source);
    // Kept behind a variable so browser bundles never try to resolve node:fs; browsers pass JSON instead.
    const fsModule = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ fsModule)) as typeof import("node:fs/promises");
    let text: string;
    try {
      text = await fs.readFile(source, "utf8");
    } catch (err) {
      throw new KgError("GRAPH_MISSING", `KnowledgeGraph.load: cannot read ${where} (${(err as NodeJS.ErrnoException).code ?? "error"}); run \`kg build\` first`, { cause: err, where });
    }
    return new KnowledgeGraph(graphFromText(text, where));
  }

  private node(ref: EntityRef, caller: string): number {
    const name = typeof ref === "string" ? ref : ref.id;
    return requireNode(this.index, name, (n) => this.graph.getNodeAttribute(this.index.nodeKeys[n], "label"), caller);
  }

  private record(n: number, ctx?: RecordContext): EntityRecord {
    return entityRecord(this.graph, this.index, n, ctx);
  }

  /** The entity with this id, label or alias (case- and accent-insensitive; the most connected when several match), or null. */
  entity(nameOrAlias: EntityRef, options: RecordOptions = {}): EntityRecord | null {
    const n = resolveNode(this.index, typeof nameOrAlias === "string" ? nameOrAlias : nameOrAlias.id);
    return n === undefined ? null : this.record(n, recordContext(options));
  }

  /** Like entity(), but an unknown name throws with the nearest names as suggestions. @throws KgError UNKNOWN_ENTITY */
  requireEntity(nameOrAlias: EntityRef, options: RecordOptions = {}): EntityRecord {
    return this.record(this.node(nameOrAlias, "entity"), recordContext(options));
  }

  /** Labels of the entities nearest to a name (edit distance over normalised labels and aliases), nearest first. */
  suggest(name: string, limit = 5): string[] {
    return suggestNodes(this.index, name, limit).map((n) => this.graph.getNodeAttribute(this.index.nodeKeys[n], "label"));
  }

  /** Entities filtered by kind, search text, document and date range; search results come best match first, others most connected first. @throws KgError INVALID_ARGS */
  entities(options: EntitiesOptions = {}): EntityRecord[] {
    return this.entitiesPage(options).items;
  }

  /** One page of entities(), with the total. @throws KgError INVALID_ARGS for an unknown kind, a bad range or window */
  entitiesPage(options: EntitiesOptions = {}): Page<EntityRecord> {
    const { index } = this;
    const range = resolveRange(options, "entities");
    let nodes: number[];
    if (options.search !== undefined) nodes = searchNodes(index, options.search);
    else if (options.document !== undefined) nodes = [...(index.documents.get(options.document) ?? [])].sort((a, b) => compareConnected(index, a, b));
    else nodes = this.byConnection();
    const kinds = options.kind === undefined ? undefined : new Set((typeof options.kind === "string" ? [options.kind] : options.kind).map(kindCode));
    const doc = options.document;
    const kept = nodes.filter(
      (n) =>
        (!kinds || kinds.has(index.nodeKind[n])) &&
        (doc === undefined || this.graph.getNodeAttribute(index.nodeKeys[n], "documents").includes(doc)) &&
        (!range || nodeInRange(index.dates, n, range)),
    );
    const ctx = recordContext(options);
    return page(kept, options, "entities", (n) => this.record(n, ctx));
  }

  /** Every node, most connected first. */
  private byConnection(): number[] {
    return Array.from(this.index.connectedOrder);
  }

  /** Relations by endpoint, type and date range: typed ones in vocabulary order, then `co_occurs_with` (only on request), each strongest first. @throws KgError UNKNOWN_ENTITY */
  relations(options: RelationsOptions = {}): RelationRecord[] {
    return this.relationsPage(options).items;
  }

  /** One page of relations(), with the total. @throws KgError UNKNOWN_ENTITY, INVALID_ARGS for a bad relation, range or window */
  relationsPage(options: RelationsOptions = {}): Page<RelationRecord> {
    const range = resolveRange(options, "relations");
    const ctx = recordContext(options, range);
    return page(this.relationEdges(options, ctx), options, "relations", (e) => relationRecord(this.graph, this.index, e, ctx));
  }

  /** The edges relations() lists, in its order. */
  private relationEdges(options: RelationsOptions, ctx: RecordContext): number[] {
    const { index } = this;
    const include = options.includeCooccurrence ?? RELATIONS_DEFAULTS.includeCooccurrence;
    const ranges = relationRanges(options.relation, include);
    const entity = options.entity === undefined ? undefined : this.node(options.entity, "relations");
    const source = options.source === undefined ? undefined : this.node(options.source, "relations");
    const target = options.target === undefined ? undefined : this.node(options.target, "relations");
    const touches = (e: number, n: number | undefined, side: "source" | "target"): boolean => {
      if (n === undefined) return true;
      const s = index.edgeSource[e];
      const t = index.edgeTarget[e];
      if (side === "source" ? s === n : t === n) return true;
      return SYMMETRIC_CODES.has(index.edgeRel[e]) && (side === "source" ? t === n : s === n);
    };
    const { range } = ctx;
    const dated = (e: number): boolean => !range || edgeInRange(index.dates, e, range);
    const edges: number[] = [];
    const anchor = entity ?? source ?? target;
    if (anchor !== undefined) {
      const direction: Direction = anchor === entity ? "both" : anchor === source ? "out" : "in";
      forEachIncident(index, anchor, direction, ranges, (e) => {
        if (touches(e, source, "source") && touches(e, target, "target") && dated(e)) edges.push(e);
      });
    } else {
      for (const [first, last] of ranges) {
        const { offsets, items } = index.byRelation;
        for (let k = offsets[first]; k < offsets[last + 1]; k++) if (dated(items[k])) edges.push(items[k]);
      }
    }
    return sortByRelationThenStrength(index, edges);
  }

  /**
   * An entity's relations by the date of their evidence, oldest first: one entry per relation and date, holding the
   * evidence of that date. Undated evidence is left out and counted in `undated`. @throws KgError UNKNOWN_ENTITY, INVALID_ARGS
   */
  timeline(entity: EntityRef, options: TimelineOptions = {}): Timeline {
    const { index } = this;
    const n = this.node(entity, "timeline");
    const range = resolveRange(options, "timeline");
    const ctx = recordContext(options, range);
    const includeCooccurrence = options.includeCooccurrence ?? TIMELINE_DEFAULTS.includeCooccurrence;
    // relations() order breaks ties between relations of one date: typed first, strongest first
    const edges = this.relationEdges({ entity: this.index.nodeKeys[n], relation: options.relation, includeCooccurrence }, ctx);
    const { evOffsets, evDates } = index.dates;
    const entries: Array<{ day: number; e: number; rank: number }> = [];
    let undated = 0;
    edges.forEach((e, rank) => {
      const days = new Set<number>();
      for (let k = evOffsets[e]; k < evOffsets[e + 1]; k++) {
        const day = evDates[k];
        if (!day) undated++;
        else if (!range || (day >= range.from && day <= range.to)) days.add(day);
      }
      for (const day of days) entries.push({ day, e, rank });
    });
    entries.sort((a, b) => a.day - b.day || a.rank - b.rank);
    const result = page(entries, options, "timeline", ({ day, e }): TimelineEntry => ({
      date: keyDate(day),
      relation: relationRecord(this.graph, index, e, { ...ctx, day }),
    }));
    return { entity: this.record(n, ctx), ...result, undated };
  }

  /** Entities within `depth` hops over typed relations (either direction; with a date range, relations dated in it), nearest then most connected first. @throws KgError UNKNOWN_ENTITY */
  neighbors(entity: EntityRef, options: NeighborsOptions = {}): NeighborRecord[] {
    return this.neighborsPage(entity, options).items;
  }

  /** One page of neighbors(), with the total. @throws KgError UNKNOWN_ENTITY, INVALID_ARGS */
  neighborsPage(entity: EntityRef, options: NeighborsOptions = {}): Page<NeighborRecord> {
    const { index } = this;
    const depth = options.depth ?? NEIGHBORS_DEFAULTS.depth;
    if (!Number.isInteger(depth) || depth < 1) throw new KgError("INVALID_ARGS", `neighbors: depth must be a whole number of at least 1, got ${depth}`);
    const ranges = relationRanges(options.relation, options.includeCooccurrence ?? NEIGHBORS_DEFAULTS.includeCooccurrence);
    const range = resolveRange(options, "neighbors");
    const start = this.node(entity, "neighbors");
    const seen = new Set<number>([start]);
    const levels: number[][] = [];
    let frontier = [start];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const next: number[] = [];
      for (const n of frontier) {
        forEachIncident(index, n, "both", ranges, (e, other) => {
          if (!seen.has(other) && (!range || edgeInRange(index.dates, e, range))) {
            seen.add(other);
            next.push(other);
          }
        });
      }
      if (next.length) levels.push(next);
      frontier = next;
    }
    // nearest first, most connected first within a distance; only the levels the page reaches are sorted
    const { offset, limit } = pageWindow(options, "neighbors");
    const total = seen.size - 1;
    const ctx = recordContext(options);
    const rank = index.connectedRank;
    const items: NeighborRecord[] = [];
    let before = 0;
    for (let d = 1; d <= levels.length && items.length < limit; d++) {
      const level = levels[d - 1];
      if (before + level.length > offset) {
        level.sort((a, b) => rank[a] - rank[b]);
        for (let k = Math.max(0, offset - before); k < level.length && items.length < limit; k++) {
          items.push({ ...this.record(level[k], ctx), distance: d });
        }
      }
      before += level.length;
    }
    const end = offset + items.length;
    return { items, total, offset, nextOffset: end < total ? end : null };
  }

  /** The shortest path between two entities over typed relations, ignoring direction, with every hop's evidence; null if none. @throws KgError UNKNOWN_ENTITY */
  path(from: EntityRef, to: EntityRef, options: PathOptions = {}): PathResult | null {
    const maxLength = options.maxLength ?? PATH_DEFAULTS.maxLength;
    const ranges = relationRanges(options.relation, options.includeCooccurrence ?? PATH_DEFAULTS.includeCooccurrence);
    const ctx = recordContext(options, resolveRange(options, "path"));
    return shortestPath(this.graph, this.index, this.views, this.node(from, "path"), this.node(to, "path"), ranges, maxLength, ctx);
  }

  /** Bindings of a Cypher-like pattern such as `(a:person)-[:official_of]->(b:state)`; see docs/query.md. @throws KgError INVALID_PATTERN with its position */
  match(pattern: string, options: MatchOptions = {}): MatchResult {
    const ctx = recordContext(options, resolveRange(options, "match"));
    pageWindow(options, "match");
    return matchPattern(this.graph, this.index, parsePattern(pattern), { ...MATCH_DEFAULTS, ...options }, ctx);
  }

  /** A new KnowledgeGraph of these entities and the edges among them (attributes deep-copied). @throws KgError UNKNOWN_ENTITY */
  subgraph(entities: readonly EntityRef[]): KnowledgeGraph {
    const keep = new Set(entities.map((ref) => this.node(ref, "subgraph")));
    const graph = this.graph.nullCopy();
    graph.replaceAttributes(structuredClone(this.graph.getAttributes()));
    for (const n of keep) graph.addNode(this.index.nodeKeys[n], structuredClone(this.graph.getNodeAttributes(this.index.nodeKeys[n])));
    for (const n of keep) {
      const { offsets, items } = this.index.out;
      for (let k = offsets[n]; k < offsets[n + 1]; k++) {
        const e = items[k];
        if (!keep.has(this.index.edgeTarget[e])) continue;
        const key = this.index.edgeKeys[e];
        graph.addDirectedEdgeWithKey(key, this.index.nodeKeys[n], this.index.nodeKeys[this.index.edgeTarget[e]], structuredClone(this.graph.getEdgeAttributes(key)));
      }
    }
    return new KnowledgeGraph(graph);
  }

  /** Counts of entities by kind, relations by type, and entities per document. */
  stats(): GraphStats {
    const { index } = this;
    const byKind: Record<string, number> = {};
    for (const [kind, nodes] of index.kindNodes) byKind[kind] = nodes.length;
    const byRelation: Record<string, number> = {};
    for (const [relation, code] of RELATION_CODE) {
      const count = index.byRelation.offsets[code + 1] - index.byRelation.offsets[code];
      if (count) byRelation[relation] = count;
    }
    const titles = new Map(this.graph.getAttribute("sources")?.map((s) => [s.id, s.title]) ?? []);
    const ids = [...new Set([...titles.keys(), ...index.documents.keys()])].sort();
    const documents = ids.map((id) => ({ id, ...(titles.has(id) ? { title: titles.get(id)! } : {}), entities: index.documents.get(id)?.length ?? 0 }));
    return { nodes: this.graph.order, edges: this.graph.size, byKind, byRelation, documents };
  }
}
