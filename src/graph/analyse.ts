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
  /** Most ForceAtlas2 iterations; by default fewer as the graph grows. The layout stops sooner once it has settled. */
  iterations?: number;
}

export const ANALYSE_DEFAULTS: AnalyseOptions = { seed: 42 };

/** Weight of a co-occurrence against a typed relation, when the layout and metrics are computed. */
const COOCCURRENCE_FACTOR = 0.35;

type Simple = UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>;

/** Assign pagerank, community, degree, x and y to every node, deterministically for a given seed. */
export function analyseGraph(graph: KnowledgeMultiGraph, options: Partial<AnalyseOptions> = {}): void {
  const { seed, iterations } = { ...ANALYSE_DEFAULTS, ...options };
  const simple = projection(graph);
  const ranks = simple.size > 0 ? pagerank(simple, { getEdgeWeight: "weight" }) : {};
  const rng = seededRandom(seed);
  const communities = simple.size > 0 ? louvain(simple, { getEdgeWeight: "weight", rng }) : {};
  layout(graph, simple, communities, ranks, rng, iterations);
  let maxRank = 1e-12;
  for (const r of Object.values(ranks)) if (r > maxRank) maxRank = r;
  graph.forEachNode((n) => {
    const pr = ranks[n] ?? 0;
    simple.setNodeAttribute(n, "size", nodeSize(pr / maxRank));
  });
  if (simple.order > 1) removeOverlaps(simple);
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

/**
 * Positions that show the graph's structure, written to `simple`'s nodes:
 *
 * 1. Each community starts in a disc of its own, the communities of most pagerank nearest the centre (a
 *    sunflower of discs), and within it the nodes of highest pagerank nearest its middle. Started
 *    from a random disc, ForceAtlas2 leaves communities tangled: a community's two halves that
 *    started on opposite sides stay apart, held by the nodes between them.
 * 2. ForceAtlas2 in LinLog mode (attraction grows with the log of the distance, so tightly linked
 *    groups contract and the sparse links between them stretch: communities come apart) with
 *    Barnes-Hut repulsion, run until it settles, over the nodes that have relations.
 * 3. Nodes without any relation have nothing to place them by but their documents: each goes
 *    beside the entities named in the same documents, or, when none has relations, into the disc
 *    that the median node lies within. Left to ForceAtlas2 they are pushed to a ring at the rim,
 *    where they hide the outline of everything else.
 */
function layout(
  graph: KnowledgeMultiGraph,
  simple: Simple,
  communities: Record<string, number>,
  ranks: Record<string, number>,
  rng: () => number,
  maxIterations: number | undefined,
): void {
  seedByCommunity(simple, communities, ranks, rng);
  const core = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>();
  simple.forEachNode((n, a) => {
    if (simple.degree(n) > 0) core.addNode(n, { ...a });
  });
  simple.forEachEdge((_e, a, s, t) => {
    core.addEdge(s, t, { weight: a.weight });
  });
  if (core.order > 1) {
    runForceAtlas2(core, maxIterations ?? layoutIterations(core.order));
    core.forEachNode((n, a) => simple.mergeNodeAttributes(n, { x: a.x, y: a.y }));
  }
  placeIsolates(graph, simple, core, rng);
}

/** Spacing of the seeded start: a node takes about this much room per side. */
const SEED_SPACING = 10;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Start positions: one disc per community, the largest in the middle; hubs in the middle of theirs. */
function seedByCommunity(simple: Simple, communities: Record<string, number>, ranks: Record<string, number>, rng: () => number): void {
  const members = new Map<number, string[]>();
  simple.forEachNode((n) => {
    const c = communities[n] ?? -1;
    const list = members.get(c);
    if (list) list.push(n);
    else members.set(c, [n]);
  });
  // the communities of most pagerank first; ties by community number, which Louvain assigns in node order
  const weight = new Map<number, number>();
  for (const [c, nodes] of members) weight.set(c, nodes.reduce((sum, n) => sum + (ranks[n] ?? 0), 0));
  const groups = [...members.entries()].sort((a, b) => weight.get(b[0])! - weight.get(a[0])! || a[0] - b[0]);
  let area = 0;
  groups.forEach(([, nodes], k) => {
    // the community's centre on a sunflower spiral whose area grows with the nodes placed so far
    const r = SEED_SPACING * Math.sqrt(area + nodes.length / 2) * 1.5;
    const a = k * GOLDEN_ANGLE;
    const cx = k === 0 ? 0 : r * Math.cos(a);
    const cy = k === 0 ? 0 : r * Math.sin(a);
    area += nodes.length;
    nodes.sort((p, q) => (ranks[q] ?? 0) - (ranks[p] ?? 0));
    nodes.forEach((n, j) => {
      // a sunflower inside the community too, with a little noise so no two nodes share a line
      const rr = SEED_SPACING * Math.sqrt(j + 0.5) * (0.9 + 0.2 * rng());
      const aa = j * GOLDEN_ANGLE + 0.2 * rng();
      simple.mergeNodeAttributes(n, { x: cx + rr * Math.cos(aa), y: cy + rr * Math.sin(aa) });
    });
  });
}

/** Iterations per round, between the checks whether the layout has settled. */
const ROUND = 25;

/** Rounds always run: the first ones untangle the seeded start. */
const MIN_ROUNDS = 3;

/** A round whose movement is more than this share of the round before's: the layout has settled. */
const SETTLED = 0.9;

/**
 * ForceAtlas2 (LinLog, Barnes-Hut) in rounds of ROUND iterations until it settles, or until
 * `maxIterations` have run. A round's movement is how far its nodes moved from where it started
 * them, in all. It falls steeply while the layout unfolds, then levels off at what Barnes-Hut's
 * approximation and ForceAtlas2's swinging keep moving: settled is when a round moves more than
 * nine tenths of what the round before it moved. On the 11,361-entity graph of 1,760 news articles
 * that is after 100 iterations, and 400 iterations separate communities no better (the mean
 * distance within a community was 0.32 of the distance between communities after 100, 0.38 after 400,
 * measured with the gravity at 1).
 */
function runForceAtlas2(core: Simple, maxIterations: number): void {
  const order = core.order;
  const barnesHut = order > BARNES_HUT_FROM;
  const settings = {
    linLogMode: true,
    barnesHutOptimize: barnesHut,
    barnesHutTheta: BARNES_HUT_THETA,
    edgeWeightInfluence: 1,
    scalingRatio: SCALING_RATIO,
    strongGravityMode: true,
    gravity: GRAVITY,
    slowDown: 1 + Math.log(order),
  };
  const xs = new Float64Array(order);
  const ys = new Float64Array(order);
  let previous = Infinity;
  for (let done = 0, rounds = 0; done < maxIterations; rounds++) {
    let i = 0;
    core.forEachNode((_n, a) => {
      xs[i] = a.x;
      ys[i++] = a.y;
    });
    const step = Math.min(ROUND, maxIterations - done);
    forceAtlas2.assign(core, { iterations: step, settings, getEdgeWeight: "weight" });
    done += step;
    let moved = 0;
    i = 0;
    core.forEachNode((_n, a) => {
      moved += Math.hypot(a.x - xs[i], a.y - ys[i]);
      i++;
    });
    if (rounds + 1 >= MIN_ROUNDS && moved > SETTLED * previous) break;
    previous = moved;
  }
}

/**
 * ForceAtlas2's repulsion and gravity in LinLog mode. A scaling ratio of 10 rather than 1 gives the
 * nodes room: at 1 the communities contract into packs that noverlap takes 7.8 s to undo on the
 * 11,361-entity graph, at 10 it takes 2 to 3 s, and the communities lie as far apart. Strong
 * gravity (pulling in proportion to distance and degree) keeps the hubs near the centre, where
 * LinLog alone pushes them out (their repulsion grows with their degree, their attraction only with
 * the log of distance); at 1 it pulls them out of their communities towards the centre, at 0.3 they
 * stay in the middle of their communities and still lie nearer the centre than the median node.
 */
const SCALING_RATIO = 10;
const GRAVITY = 0.3;

/**
 * Nodes without relations beside the entities of their documents: at the mean of the centres of
 * their documents' related entities, a little apart; those whose documents have none, at random in
 * the disc that half the related nodes lie within.
 */
function placeIsolates(graph: KnowledgeMultiGraph, simple: Simple, core: Simple, rng: () => number): void {
  const centres = new Map<string, { x: number; y: number; n: number }>();
  core.forEachNode((n, a) => {
    for (const doc of graph.getNodeAttribute(n, "documents") ?? []) {
      const c = centres.get(doc);
      if (c) {
        c.x += a.x;
        c.y += a.y;
        c.n++;
      } else centres.set(doc, { x: a.x, y: a.y, n: 1 });
    }
  });
  let cx = 0;
  let cy = 0;
  core.forEachNode((_n, a) => {
    cx += a.x;
    cy += a.y;
  });
  cx /= Math.max(core.order, 1);
  cy /= Math.max(core.order, 1);
  const radii: number[] = [];
  core.forEachNode((_n, a) => {
    radii.push(Math.hypot(a.x - cx, a.y - cy));
  });
  radii.sort((a, b) => a - b);
  const inner = radii.length ? radii[radii.length >> 1] : SEED_SPACING * Math.sqrt(simple.order);
  simple.forEachNode((n) => {
    if (core.hasNode(n)) return;
    let x = 0;
    let y = 0;
    let docs = 0;
    for (const doc of graph.getNodeAttribute(n, "documents") ?? []) {
      const c = centres.get(doc);
      if (!c) continue;
      x += c.x / c.n;
      y += c.y / c.n;
      docs++;
    }
    const a = 2 * Math.PI * rng();
    if (docs > 0) {
      const r = SEED_SPACING * (1 + rng());
      simple.mergeNodeAttributes(n, { x: x / docs + r * Math.cos(a), y: y / docs + r * Math.sin(a) });
    } else {
      const r = inner * Math.sqrt(rng());
      simple.mergeNodeAttributes(n, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
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

/** At most this many ForceAtlas2 iterations (it usually settles sooner): fewer on huge graphs, where each takes longer. */
function layoutIterations(order: number): number {
  if (order <= 200) return 1000;
  if (order <= 2000) return 600;
  if (order <= 20000) return 300;
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
