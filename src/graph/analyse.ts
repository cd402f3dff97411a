// Metrics, communities and layout over an undirected weighted projection of the knowledge graph.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import noverlapModule from "graphology-layout-noverlap";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import { interopDefault } from "./interop.js";
import type { KnowledgeMultiGraph } from "./types.js";
import { seededRandom } from "../random.js";

const louvain = interopDefault(louvainModule);
const forceAtlas2 = interopDefault(forceAtlas2Module);
const noverlap = interopDefault(noverlapModule);
const pagerank = interopDefault(pagerankModule);

export interface AnalyseOptions {
  seed: number;
  /** ForceAtlas2 iterations; by default fewer as the graph grows. */
  iterations?: number;
}

export const ANALYSE_DEFAULTS: AnalyseOptions = { seed: 42 };

/** Weight of a co-occurrence against a typed relation, when the layout and metrics are computed. */
const COOCCURRENCE_FACTOR = 0.35;
/** ForceAtlas2 gravity, in strong-gravity mode. */
const GRAVITY = 1;

/** Assign pagerank, community, degree, x and y to every node, deterministically for a given seed. */
export function analyseGraph(graph: KnowledgeMultiGraph, options: Partial<AnalyseOptions> = {}): void {
  const { seed, iterations } = { ...ANALYSE_DEFAULTS, ...options };
  const simple = projection(graph);
  const ranks = simple.size > 0 ? pagerank(simple, { getEdgeWeight: "weight" }) : {};
  const rng = seededRandom(seed);
  const communities = simple.size > 0 ? louvain(simple, { getEdgeWeight: "weight", rng }) : {};
  // seeded start in a disc, then ForceAtlas2 and noverlap
  const order = simple.order;
  const radius = Math.sqrt(Math.max(order, 1)) * 10;
  simple.forEachNode((n) => {
    const r = radius * Math.sqrt(rng());
    const a = 2 * Math.PI * rng();
    simple.mergeNodeAttributes(n, { x: r * Math.cos(a), y: r * Math.sin(a) });
  });
  if (order > 1) {
    // stronger gravity than inferred keeps nodes with few or no relations near the rest instead of at the
    // rim; Barnes-Hut from 1,000 nodes rather than the inferred 2,000, where exact repulsion over 300
    // iterations takes seconds (a 2,000-node graph: 9.7 s exact, 4.6 s with Barnes-Hut)
    const settings = { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: order > BARNES_HUT_FROM, edgeWeightInfluence: 1, gravity: GRAVITY };
    forceAtlas2.assign(simple, { iterations: iterations ?? layoutIterations(order), settings, getEdgeWeight: "weight" });
  }
  let maxRank = 1e-12;
  for (const r of Object.values(ranks)) if (r > maxRank) maxRank = r;
  graph.forEachNode((n) => {
    const pr = ranks[n] ?? 0;
    simple.setNodeAttribute(n, "size", nodeSize(pr / maxRank));
  });
  if (order > 1) noverlap.assign(simple, { maxIterations: order > 2000 ? 50 : 200, settings: { margin: 2, ratio: 1.2, gridSize: noverlapGrid(order) } });
  graph.forEachNode((n) => {
    const a = simple.getNodeAttributes(n);
    graph.mergeNodeAttributes(n, {
      x: round(a.x),
      y: round(a.y),
      size: round(a.size),
      pagerank: round(ranks[n] ?? 0, 6),
      community: communities[n] ?? 0,
      degree: graph.degree(n),
    });
  });
}

/** Node size from pagerank relative to the top node: 4 to 22, square root so small nodes stay visible. */
function nodeSize(relative: number): number {
  return 4 + 18 * Math.sqrt(relative);
}

/**
 * Cells per side of noverlap's collision grid. Its default of 20 (400 cells) suits small graphs; on
 * large ones a cell holds hundreds of nodes and noverlap checks every pair in it, so the grid grows
 * with the graph to a few nodes per cell. Collisions found do not depend on the grid: a node sits in
 * every cell its box touches, so two overlapping nodes always share one.
 */
function noverlapGrid(order: number): number {
  return order <= 2000 ? 20 : Math.ceil(Math.sqrt(order / NODES_PER_CELL));
}

/** Graphs with more nodes than this are laid out with Barnes-Hut's approximate repulsion. */
const BARNES_HUT_FROM = 1000;

/** Nodes per cell on average, in large graphs. */
const NODES_PER_CELL = 2;

function layoutIterations(order: number): number {
  if (order <= 200) return 600;
  if (order <= 2000) return 300;
  if (order <= 20000) return 100;
  return 40;
}

/** One undirected edge per related pair; typed relations weigh more than co-occurrences. */
function projection(graph: KnowledgeMultiGraph): UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }> {
  const simple = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>({ allowSelfLoops: false });
  graph.forEachNode((n) => simple.addNode(n, { x: 0, y: 0, size: 1 }));
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const w = (a.relation === "co_occurs_with" ? COOCCURRENCE_FACTOR : 1) * a.weight;
    simple.updateEdge(s, t, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
  return simple;
}

const round = (v: number, digits = 2) => {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
