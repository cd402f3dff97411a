// Display data derived once per loaded graph: node sizes from pagerank, importance ranks, colours per kind and per community, curves for parallel edges.
import { MultiDirectedGraph } from "graphology";
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";
import { ENTITY_KINDS, KIND_COLORS, SYMMETRIC_RELATIONS, type EntityKind } from "../../src/schema/index.js";
import type { KgGraph } from "./graph-types.js";

/** How one edge is drawn: its sigma program and, for curves, how much it bends. */
export interface EdgeShape {
  type: "arrow" | "line" | "curvedArrow" | "curved";
  curvature: number;
}

/** A community of the layout, as the legend shows it when nodes are coloured by community. */
export interface CommunityInfo {
  id: number;
  size: number;
  color: string;
  /** The label of its most important entity. */
  label: string;
}

export interface Display {
  nodeSize: Map<string, number>;
  edgeShape: Map<string, EdgeShape>;
  colors: Record<EntityKind, string>;
  /** Node keys, most important first: by pagerank, then by number of documents, then by key. */
  byImportance: readonly string[];
  /** Each node's place in `byImportance` (0 is the most important). */
  rank: Map<string, number>;
  /** The communities with a colour of their own, largest first; the others share COMMUNITY_OTHER. */
  communities: readonly CommunityInfo[];
  /** Each node's colour when nodes are coloured by community. */
  communityColor: Map<string, string>;
  /** The smallest and largest pagerank, for the legend. */
  pagerankRange: [number, number];
}

/** Rendered radius range in pixels: larger for small graphs, where every node is worth reading. */
function sizeRange(order: number): [number, number] {
  if (order <= 150) return [5, 20];
  if (order <= 2000) return [3, 14];
  return [1.5, 9];
}

/** Node radius by pagerank (square-root scale, so area grows with rank); falls back to the stored size. */
function nodeSizes(graph: KgGraph): { sizes: Map<string, number>; range: [number, number] } {
  let lo = Infinity;
  let hi = -Infinity;
  graph.forEachNode((_, a) => {
    if (typeof a.pagerank === "number" && Number.isFinite(a.pagerank)) {
      lo = Math.min(lo, a.pagerank);
      hi = Math.max(hi, a.pagerank);
    }
  });
  const [min, max] = sizeRange(graph.order);
  const sizes = new Map<string, number>();
  graph.forEachNode((key, a) => {
    const pr = typeof a.pagerank === "number" && Number.isFinite(a.pagerank) ? a.pagerank : null;
    const size =
      pr !== null && hi > lo ? min + (max - min) * Math.sqrt((pr - lo) / (hi - lo)) : Math.min(max, Math.max(min, Number(a.size) || min));
    sizes.set(key, size);
  });
  return { sizes, range: [Number.isFinite(lo) ? lo : 0, Number.isFinite(hi) ? hi : 0] };
}

/**
 * Bend parallel edges apart so none hides another. The index is computed on a bare copy of the structure,
 * so the helper's bookkeeping attributes never reach the data graph (or its exports).
 */
function edgeShapes(graph: KgGraph): Map<string, EdgeShape> {
  const bare = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.forEachNode((n) => bare.addNode(n));
  graph.forEachEdge((e, _a, s, t) => bare.addDirectedEdgeWithKey(e, s, t));
  indexParallelEdgesIndex(bare, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  const shapes = new Map<string, EdgeShape>();
  graph.forEachEdge((e, a) => {
    const symmetric = SYMMETRIC_RELATIONS.has(a.relation);
    const index = bare.getEdgeAttribute(e, "parallelIndex") as number | null | undefined;
    const maxIndex = bare.getEdgeAttribute(e, "parallelMaxIndex") as number | null | undefined;
    if (typeof index === "number" && index !== 0) {
      const spread = typeof maxIndex === "number" && maxIndex > 0 ? Math.abs(index) / maxIndex : 1;
      const curvature = Math.sign(index) * DEFAULT_EDGE_CURVATURE * (1 + 2.5 * spread) * 0.6;
      shapes.set(e, { type: symmetric ? "curved" : "curvedArrow", curvature });
    } else {
      shapes.set(e, { type: symmetric ? "line" : "arrow", curvature: 0 });
    }
  });
  return shapes;
}

const pagerankOf = (a: { pagerank?: unknown }): number => (typeof a.pagerank === "number" && Number.isFinite(a.pagerank) ? a.pagerank : 0);

/** Node keys from the most important: pagerank, then the number of documents naming the entity, then key. */
function importanceOrder(graph: KgGraph): string[] {
  const entries = graph.mapNodes((key, a) => ({ key, pagerank: pagerankOf(a), docs: Array.isArray(a.documents) ? a.documents.length : 0 }));
  entries.sort((a, b) => b.pagerank - a.pagerank || b.docs - a.docs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map((e) => e.key);
}

/**
 * Colours for communities: twelve hues far apart, none of them the faded grey, given to the largest
 * communities; the others share COMMUNITY_OTHER.
 */
export const COMMUNITY_PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#393b79",
  "#637939",
  "#ad494a",
] as const;
export const COMMUNITY_OTHER = "#a7b0bc";

function communityColours(graph: KgGraph, byImportance: readonly string[]): { communities: CommunityInfo[]; communityColor: Map<string, string> } {
  const groups = new Map<number, { size: number; top: string }>();
  // byImportance order: the first node seen of a community is its most important
  for (const key of byImportance) {
    const c = Number(graph.getNodeAttribute(key, "community"));
    const id = Number.isInteger(c) ? c : -1;
    const g = groups.get(id);
    if (g) g.size++;
    else groups.set(id, { size: 1, top: key });
  }
  const communities = [...groups.entries()]
    .filter(([id, g]) => id >= 0 && g.size > 1)
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .slice(0, COMMUNITY_PALETTE.length)
    .map(([id, g], i) => ({ id, size: g.size, color: COMMUNITY_PALETTE[i], label: String(graph.getNodeAttribute(g.top, "label") ?? g.top) }));
  const colourOf = new Map(communities.map((c) => [c.id, c.color]));
  const communityColor = new Map<string, string>();
  graph.forEachNode((key, a) => communityColor.set(key, colourOf.get(Number(a.community)) ?? COMMUNITY_OTHER));
  return { communities, communityColor };
}

/** Only plain #rrggbb colours reach styles and the renderer. */
function validColor(c: unknown): string | undefined {
  return typeof c === "string" && /^#[0-9a-f]{6}$/i.test(c) ? c : undefined;
}

/** Everything the reducers need that depends only on the graph, not on the view state. */
export function prepareDisplay(graph: KgGraph): Display {
  const legend = graph.getAttribute("legend") as Partial<Record<EntityKind, string>> | undefined;
  const colors = Object.fromEntries(ENTITY_KINDS.map((k) => [k, validColor(legend?.[k]) ?? KIND_COLORS[k]])) as Record<EntityKind, string>;
  const { sizes, range } = nodeSizes(graph);
  const byImportance = importanceOrder(graph);
  const rank = new Map(byImportance.map((key, i) => [key, i]));
  return { nodeSize: sizes, edgeShape: edgeShapes(graph), colors, byImportance, rank, ...communityColours(graph, byImportance), pagerankRange: range };
}
