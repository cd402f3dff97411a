// Plain-data copies of nodes and edges, so callers can never reach into (or mutate) the graph.
import type { EdgeAttributes, NodeAttributes } from "../schema/index.js";
import { inRange, keyDate, type DateBounds } from "./dates.js";
import type { GraphIndex, KgGraph } from "./indexes.js";
import { DOCUMENT_SAMPLE, type DatedEvidence, type EntityRecord, type RecordOptions, type RelationRecord } from "./types.js";

/** What a query asked of its records: how many document ids, and the date range that filters evidence. */
export interface RecordContext {
  allDocuments: boolean;
  range?: DateBounds;
  /** Only evidence of this one date key (timelines). */
  day?: number;
}

/** The record context of a query's options. */
export function recordContext(options: RecordOptions, range?: DateBounds): RecordContext {
  return { allDocuments: options.documents === "all", ...(range ? { range } : {}) };
}

/** The contract's date attributes, which graphs written before them lack. */
type Dated = { firstDate?: unknown; lastDate?: unknown };
const dateOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The record of node number `n`. */
export function entityRecord(graph: KgGraph, index: GraphIndex, n: number, ctx?: RecordContext): EntityRecord {
  const id = index.nodeKeys[n];
  const a: NodeAttributes & Dated = graph.getNodeAttributes(id);
  const firstDate = dateOf(a.firstDate);
  const lastDate = dateOf(a.lastDate);
  return {
    id,
    label: a.label,
    kind: a.kind,
    aliases: [...a.aliases],
    mentions: a.mentions,
    documentCount: a.documents.length,
    documents: ctx?.allDocuments ? [...a.documents] : a.documents.slice(0, DOCUMENT_SAMPLE),
    ...(firstDate !== undefined ? { firstDate } : {}),
    ...(lastDate !== undefined ? { lastDate } : {}),
    degree: a.degree,
    pagerank: a.pagerank,
    community: a.community,
  };
}

/** The record of edge number `e`, with both endpoints as entity records; a range or day in `ctx` keeps only the evidence dated in it. */
export function relationRecord(graph: KgGraph, index: GraphIndex, e: number, ctx?: RecordContext): RelationRecord {
  const id = index.edgeKeys[e];
  const a: EdgeAttributes & Dated = graph.getEdgeAttributes(id);
  const firstDate = dateOf(a.firstDate);
  const lastDate = dateOf(a.lastDate);
  let evidence: DatedEvidence[];
  if (ctx?.range || ctx?.day) {
    const { evOffsets, evDates } = index.dates;
    evidence = [];
    a.evidence.forEach((ev, k) => {
      const key = evDates[evOffsets[e] + k];
      if (ctx.day ? key !== ctx.day : !inRange(key, ctx.range!)) return;
      // an entry without a date of its own was placed by its document's date: say which
      evidence.push((ev as { date?: unknown }).date === undefined ? { ...ev, date: keyDate(key) } : { ...ev });
    });
  } else evidence = a.evidence.map((ev) => ({ ...ev }));
  return {
    id,
    source: entityRecord(graph, index, index.edgeSource[e], ctx),
    target: entityRecord(graph, index, index.edgeTarget[e], ctx),
    relation: a.relation,
    label: a.label,
    ...(a.role !== undefined ? { role: a.role } : {}),
    ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
    ...(a.items !== undefined ? { items: [...a.items] } : {}),
    ...(a.date !== undefined ? { date: a.date } : {}),
    ...(firstDate !== undefined ? { firstDate } : {}),
    ...(lastDate !== undefined ? { lastDate } : {}),
    evidence,
    confidence: a.confidence,
    weight: a.weight,
  };
}
