// Query results flattened into tables for the CLI's table and CSV output.
import type { Table } from "./format.js";
import type { EntityRecord, GraphStats, MatchResult, NeighborRecord, PathResult, RelationRecord, TimelineEntry } from "./types.js";

function details(r: RelationRecord): string {
  const parts: string[] = [];
  if (r.role !== undefined) parts.push(`role: ${r.role}`);
  if (r.quantity !== undefined) parts.push(`quantity: ${r.quantity}`);
  if (r.items !== undefined) parts.push(`items: ${r.items.join("; ")}`);
  if (r.date !== undefined) parts.push(`date: ${r.date}`);
  return parts.join(", ");
}

function evidence(r: RelationRecord): string {
  return r.evidence.map((e) => e.text).join(" | ");
}

/** The document ids a record lists, with how many more it left out. */
function documents(e: EntityRecord): string {
  const more = e.documentCount - e.documents.length;
  return e.documents.join("; ") + (more > 0 ? ` (+${more} more)` : "");
}

function dates(x: { firstDate?: string; lastDate?: string }): string {
  if (x.firstDate === undefined) return "";
  return x.firstDate === x.lastDate || x.lastDate === undefined ? x.firstDate : `${x.firstDate} – ${x.lastDate}`;
}

/** One row per entity. */
export function entityTable(entities: readonly EntityRecord[]): Table {
  return {
    columns: ["id", "label", "kind", "aliases", "mentions", "degree", "pagerank", "dates", "document count", "documents"],
    rows: entities.map((e) => [
      e.id, e.label, e.kind, e.aliases.join("; "), e.mentions, e.degree, Number(e.pagerank.toFixed(6)), dates(e), e.documentCount, documents(e),
    ]),
  };
}

/** One row per field of a single entity. */
export function entityFieldTable(e: EntityRecord): Table {
  return {
    columns: ["field", "value"],
    rows: [
      ["id", e.id], ["label", e.label], ["kind", e.kind], ["aliases", e.aliases.join("; ")], ["mentions", e.mentions],
      ["dates", dates(e)], ["document count", e.documentCount], ["documents", documents(e)],
      ["degree", e.degree], ["pagerank", e.pagerank], ["community", e.community],
    ],
  };
}

/** One row per relation, with its details and evidence sentences. */
export function relationTable(relations: readonly RelationRecord[]): Table {
  return {
    columns: ["source", "relation", "target", "details", "confidence", "weight", "evidence"],
    rows: relations.map((r) => [r.source.label, r.relation, r.target.label, details(r), r.confidence, r.weight, evidence(r)]),
  };
}

/** One row per dated statement of a relation, oldest first. */
export function timelineTable(entries: readonly TimelineEntry[]): Table {
  return {
    columns: ["date", "source", "relation", "target", "details", "evidence"],
    rows: entries.map(({ date, relation: r }) => [date, r.source.label, r.relation, r.target.label, details(r), evidence(r)]),
  };
}

/** One row per neighbour. */
export function neighborTable(neighbors: readonly NeighborRecord[]): Table {
  return {
    columns: ["distance", "label", "kind", "id", "degree"],
    rows: neighbors.map((n) => [n.distance, n.label, n.kind, n.id, n.degree]),
  };
}

/** One row per hop of a path. */
export function pathTable(path: PathResult): Table {
  return {
    columns: ["hop", "from", "relation", "to", "evidence"],
    rows: path.relations.map((r, i) => [i + 1, path.entities[i].label, `${r.source.label} ${r.label} ${r.target.label}`, path.entities[i + 1].label, evidence(r)]),
  };
}

/** One row per binding, one column per variable: entities by label, relations by type, chains joined with " > ". */
export function matchTable(result: MatchResult): Table {
  const columns = [...new Set(result.bindings.flatMap((b) => Object.keys(b)))];
  const show = (value: MatchResult["bindings"][number][string] | undefined): string => {
    if (value === undefined) return "";
    if (Array.isArray(value)) return value.map((r) => `${r.source.label} ${r.relation} ${r.target.label}`).join(" > ");
    if ("relation" in value) return `${value.relation}${value.role ? ` (${value.role})` : ""}`;
    return value.label;
  };
  return { columns, rows: result.bindings.map((b) => columns.map((c) => show(b[c]))) };
}

/** Counts by kind, by relation and by document, as one table of (group, name, count). */
export function statsTable(stats: GraphStats): Table {
  return {
    columns: ["group", "name", "count"],
    rows: [
      ["total", "entities", stats.nodes],
      ["total", "edges", stats.edges],
      ...Object.entries(stats.byKind).map(([k, n]) => ["kind", k, n]),
      ...Object.entries(stats.byRelation).map(([r, n]) => ["relation", r, n]),
      ...stats.documents.map((d) => ["document", d.id, d.entities]),
    ],
  };
}
