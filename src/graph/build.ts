// Build the graphology MultiDirectedGraph from resolved entities and relations, with style, metrics and layout.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceInfo } from "../schema/index.js";
import { KIND_COLORS, RELATION_COLORS, RELATION_LABELS, SCHEMA_VERSION, TYPED_RELATIONS } from "../schema/index.js";
import type { Resolved } from "../resolve/index.js";
import { GENERATOR } from "../version.js";
import { analyseGraph } from "./analyse.js";
import { dateRange, datedEvidence, documentDates, evidenceDocs, relationDate } from "./dates.js";
import { hashNeighbourTables } from "./import.js";
import type { KnowledgeMultiGraph } from "./types.js";

export interface BuildGraphOptions {
  name: string;
  sources: SourceInfo[];
  /** Seed of the layout and community detection. */
  seed: number;
  /** sha256 hex over the sources and the generator, computed by the caller (it owns the hashing). */
  createdFrom: string;
  /**
   * Compute metrics, communities and layout (default). Off, x, y, pagerank, degree and community
   * stay 0 and size 1: scoring against a gold file reads only labels, kinds and relations, and the
   * layout is over a third of a one-document build.
   */
  analyse?: boolean;
}

/** Turn resolved facts into the knowledge graph: sorted keys, evidence on every edge, seeded layout. */
export function buildGraph(resolved: Resolved, options: BuildGraphOptions): KnowledgeMultiGraph {
  const graph: KnowledgeMultiGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
  graph.replaceAttributes({
    name: options.name,
    sources: options.sources,
    generator: GENERATOR,
    schemaVersion: SCHEMA_VERSION,
    createdFrom: options.createdFrom,
    legend: { ...KIND_COLORS },
    sizeBy: "pagerank",
  });
  const dates = documentDates(options.sources);
  for (const e of resolved.entities) {
    graph.addNode(e.key, {
      label: e.label,
      kind: e.kind,
      aliases: e.aliases,
      mentions: e.mentions,
      documents: e.documents,
      x: 0,
      y: 0,
      size: 1,
      color: KIND_COLORS[e.kind],
      pagerank: 0,
      degree: 0,
      community: 0,
      ...dateRange(e.documents, dates),
    });
  }
  hashNeighbourTables(graph);
  // keys made once, not in every comparison of the sort
  const keyed = resolved.relations.map((r) => ({ key: edgeKey(r), r })).sort((a, b) => cmp(a.key, b.key));
  for (const { key, r } of keyed) {
    const weight = r.evidence.length;
    const weak = !TYPED_RELATIONS.has(r.relation);
    const range = dateRange(evidenceDocs(r.evidence), dates);
    const date = relationDate(r, range.firstDate);
    graph.addDirectedEdgeWithKey(key, r.source, r.target, {
      relation: r.relation,
      label: RELATION_LABELS[r.relation],
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.quantity !== undefined ? { quantity: r.quantity } : {}),
      ...(r.items !== undefined ? { items: r.items } : {}),
      ...(date !== undefined ? { date } : {}),
      evidence: datedEvidence(r.evidence, dates),
      confidence: r.confidence,
      provenance: r.provenance,
      weight,
      size: weak ? 0.5 + 0.25 * Math.min(weight, 4) : 1.5 + 0.5 * Math.min(weight, 6),
      color: RELATION_COLORS[r.relation],
      ...range,
    });
  }
  if (options.analyse !== false) analyseGraph(graph, { seed: options.seed });
  return graph;
}

const edgeKey = (r: { source: string; relation: string; target: string }) => `${r.source}|${r.relation}|${r.target}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
