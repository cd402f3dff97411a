// Plain-data copies of nodes and edges, so callers can never reach into (or mutate) the graph.
import type { GraphIndex, KgGraph } from "./indexes.js";
import type { EntityRecord, RelationRecord } from "./types.js";

/** The record of node number `n`. */
export function entityRecord(graph: KgGraph, index: GraphIndex, n: number): EntityRecord {
  const id = index.nodeKeys[n];
  const a = graph.getNodeAttributes(id);
  return {
    id,
    label: a.label,
    kind: a.kind,
    aliases: [...a.aliases],
    mentions: a.mentions,
    documents: [...a.documents],
    degree: a.degree,
    pagerank: a.pagerank,
    community: a.community,
  };
}

/** The record of edge number `e`, with both endpoints as entity records. */
export function relationRecord(graph: KgGraph, index: GraphIndex, e: number): RelationRecord {
  const id = index.edgeKeys[e];
  const a = graph.getEdgeAttributes(id);
  return {
    id,
    source: entityRecord(graph, index, index.edgeSource[e]),
    target: entityRecord(graph, index, index.edgeTarget[e]),
    relation: a.relation,
    label: a.label,
    ...(a.role !== undefined ? { role: a.role } : {}),
    ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
    ...(a.items !== undefined ? { items: [...a.items] } : {}),
    ...(a.date !== undefined ? { date: a.date } : {}),
    evidence: a.evidence.map((ev) => ({ ...ev })),
    confidence: a.confidence,
    weight: a.weight,
  };
}
