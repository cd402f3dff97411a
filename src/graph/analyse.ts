// Metrics, communities and layout over an undirected weighted projection of the knowledge graph.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import noverlapModule from "graphology-layout-noverlap";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import { interopDefault } from "./interop.js";
import type { Attributes } from "graphology-types";
import { TYPED_RELATIONS } from "../schema/index.js";
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
    // Barnes-Hut's theta as Gephi sets it (1.2, graphology's default is 0.5): each iteration on 20,000
    // nodes takes 63 ms instead of 162 ms.
    const barnesHut = order > BARNES_HUT_FROM;
    const settings = {
      ...forceAtlas2.inferSettings(simple),
      barnesHutOptimize: barnesHut,
      ...(barnesHut ? { barnesHutTheta: BARNES_HUT_THETA } : {}),
      edgeWeightInfluence: 1,
      gravity: GRAVITY,
    };
    forceAtlas2.assign(simple, { iterations: iterations ?? layoutIterations(order), settings, getEdgeWeight: "weight" });
  }
  let maxRank = 1e-12;
  for (const r of Object.values(ranks)) if (r > maxRank) maxRank = r;
  graph.forEachNode((n) => {
    const pr = ranks[n] ?? 0;
    simple.setNodeAttribute(n, "size", nodeSize(pr / maxRank));
  });
  if (order > 1) removeOverlaps(simple);
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

/** noverlap's spacing: a node takes its size times RATIO plus MARGIN. */
const NOVERLAP_SETTINGS = { margin: 2, ratio: 1.2 };

/**
 * noverlap, and room made for it where it is not enough. ForceAtlas2 in strong-gravity mode packs a
 * hub's neighbours closer than their sizes allow, and in a dense pack noverlap's pushes cancel out:
 * on a 150-node graph, 200 passes left 146 of 153 overlapping pairs. So while nodes overlap, the
 * layout is spread out about its centre (keeping the shape ForceAtlas2 found) by as much as nine in
 * ten overlapping pairs need, and noverlap runs again: at most SPREAD_ROUNDS times, once on graphs
 * over 20,000 nodes. Graphs over SPREAD_FIRST_FROM nodes are spread before the first noverlap too.
 * Seeded random graphs of 60 to 20,000 nodes end with no overlapping pair, and on large ones the
 * graph stage takes half the time it took with noverlap alone, which ran every pass on the packs.
 */
function removeOverlaps(simple: UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>): void {
  const order = simple.order;
  const settings = { ...NOVERLAP_SETTINGS, gridSize: noverlapGrid(order) };
  const rounds = order <= 20000 ? SPREAD_ROUNDS : 0;
  for (let round = 0; round <= rounds; round++) {
    // small layouts get noverlap alone first, which keeps them compact where it is enough
    if (round > 0 || order > SPREAD_FIRST_FROM) {
      const factor = spreadFactor(simple);
      if (factor === 1 && round > 0) return;
      if (factor > 1) spread(simple, factor);
    }
    noverlap.assign(simple, { maxIterations: noverlapIterations(order), settings });
  }
}

/** Every position moved away from the centre of the layout, `factor` times as far. */
function spread(simple: UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>, factor: number): void {
  let cx = 0;
  let cy = 0;
  simple.forEachNode((_n, a) => {
    cx += a.x;
    cy += a.y;
  });
  cx /= simple.order;
  cy /= simple.order;
  simple.updateEachNodeAttributes((_n, a) => ({ ...a, x: cx + (a.x - cx) * factor, y: cy + (a.y - cy) * factor }), { attributes: ["x", "y"] });
}

/** From this many nodes, the layout is spread before the first noverlap: a first pass on a dense pack takes seconds. */
const SPREAD_FIRST_FROM = 2000;

/** Times the layout may be spread out before noverlap runs again. */
const SPREAD_ROUNDS = 2;

/**
 * How much to spread the layout so that overlapping pairs come apart: the ratio (distance they need /
 * distance they have) that nine in ten overlapping pairs stay within, between 1.25 and 3; 1 when
 * nothing overlaps.
 */
function spreadFactor(simple: UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>): number {
  const ratios = overlapRatios(simple);
  if (ratios.length === 0) return 1;
  ratios.sort((a, b) => a - b);
  return Math.min(MAX_SPREAD, Math.max(MIN_SPREAD, ratios[Math.floor(ratios.length * SPREAD_QUANTILE)]));
}

/**
 * For every pair of nodes that overlap (their distance is less than each one's `size` times 1.2
 * plus 2, added: noverlap's test), how much farther apart they need to be: needed / actual distance
 * (3 for two nodes on the same spot). Pairs are found in a grid of cells as wide as the largest
 * node, so only neighbouring cells are compared. Reads `x`, `y` and `size` of any graph's nodes.
 */
export function overlapRatios(graph: { forEachNode(cb: (node: string, attributes: Attributes) => void): void }): number[] {
  const xs: number[] = [];
  const ys: number[] = [];
  const rs: number[] = [];
  graph.forEachNode((_n, a) => {
    xs.push(a.x);
    ys.push(a.y);
    rs.push(a.size * NOVERLAP_SETTINGS.ratio + NOVERLAP_SETTINGS.margin);
  });
  let cell = 0;
  for (const r of rs) cell = Math.max(cell, 2 * r);
  const cells = new Map<string, number[]>();
  for (let i = 0; i < xs.length; i++) {
    const key = `${Math.floor(xs[i] / cell)},${Math.floor(ys[i] / cell)}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  const ratios: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const gx = Math.floor(xs[i] / cell);
    const gy = Math.floor(ys[i] / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (j <= i) continue;
          const need = rs[i] + rs[j];
          const dist = Math.hypot(xs[j] - xs[i], ys[j] - ys[i]);
          if (dist < need) ratios.push(dist > 0 ? need / dist : MAX_SPREAD);
        }
      }
    }
  }
  return ratios;
}

/** The overlapping pair whose ratio sets the spread: nine in ten need no more. */
const SPREAD_QUANTILE = 0.9;
const MIN_SPREAD = 1.25;
const MAX_SPREAD = 3;

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

/** Barnes-Hut's accuracy: a cell farther than its size / theta acts as one body. Gephi's default. */
const BARNES_HUT_THETA = 1.2;

/** Nodes per cell on average, in large graphs. */
const NODES_PER_CELL = 2;

/**
 * noverlap passes. Each pass on a large graph checks every pair of nodes that share a grid cell, and
 * the middle of a ForceAtlas2 layout is dense: on 100,000 nodes one pass takes about a second.
 */
function noverlapIterations(order: number): number {
  if (order <= 2000) return 200;
  if (order <= 20000) return 50;
  return 20;
}

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
    const w = (TYPED_RELATIONS.has(a.relation) ? 1 : COOCCURRENCE_FACTOR) * a.weight;
    simple.updateEdge(s, t, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
  return simple;
}

const round = (v: number, digits = 2) => {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
