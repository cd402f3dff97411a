// Overlapping nodes separated: noverlap, with the layout spread out about its centre where noverlap alone cannot undo a dense pack.
import noverlapModule from "graphology-layout-noverlap";
import type { Attributes } from "graphology-types";
import { interopDefault } from "./interop.js";
import type { Simple } from "./types.js";

const noverlap = interopDefault(noverlapModule);

/** noverlap's spacing: a node takes its size times RATIO plus MARGIN. */
const NOVERLAP_SETTINGS = { margin: 2, ratio: 1.2 };

/** The room a node of this size takes for noverlap: nodes whose rooms meet overlap. */
export function roomOf(size: number): number {
  return size * NOVERLAP_SETTINGS.ratio + NOVERLAP_SETTINGS.margin;
}

export interface OverlapOptions {
  /**
   * The layout left few overlaps, and small ones (the community layout, which gives each node the room
   * its size needs): the layout is spread once, by as much as FEW_QUANTILE of the overlapping pairs
   * need, and noverlap makes FEW_ITERATIONS passes. On the 23,000 entities of 3,051 articles that
   * leaves 40 of 19,000 pairs overlapping, in a third of the time the passes below take.
   */
  few: boolean;
}

/** The share of overlapping pairs a spread before noverlap makes room for, after a layout with few overlaps. */
const FEW_QUANTILE = 0.95;
/** noverlap's passes after a layout with few overlaps. */
const FEW_ITERATIONS = 10;

/**
 * noverlap, and room made for it where it is not enough. ForceAtlas2 in strong-gravity mode packs a
 * hub's neighbours closer than their sizes allow, and in a dense pack noverlap's pushes cancel out:
 * on a 150-node graph, 200 passes left 146 of 153 overlapping pairs. So while nodes overlap, the
 * layout is spread out about its centre (keeping the shape ForceAtlas2 found) by as much as nine in
 * ten overlapping pairs need, and noverlap runs again: at most SPREAD_ROUNDS times, once on graphs
 * over 20,000 nodes. The layout is spread before the first noverlap too: on
 * a dense pack noverlap pushes the largest nodes (the hubs) farthest, and on 12 unrelated articles it
 * moved Ukraine from beside the centre to the rim (hubs 1.07 times as far out as the median node, against
 * 0.85 when spread first); on a large graph that first pass also takes seconds.
 * Seeded random graphs of 60 to 20,000 nodes end with no overlapping pair, and on large ones the
 * graph stage takes half the time it took with noverlap alone, which ran every pass on the packs.
 */
export function removeOverlaps(simple: Simple, options: Partial<OverlapOptions> = {}): void {
  const order = simple.order;
  const settings = { ...NOVERLAP_SETTINGS, gridSize: noverlapGrid(order) };
  if (options.few) {
    const factor = spreadFactor(simple, FEW_QUANTILE);
    if (factor > 1) spread(simple, factor);
    noverlap.assign(simple, { maxIterations: FEW_ITERATIONS, settings });
    return;
  }
  const rounds = order <= 20000 ? SPREAD_ROUNDS : 0;
  for (let round = 0; round <= rounds; round++) {
    const factor = spreadFactor(simple);
    if (factor === 1 && round > 0) return;
    if (factor > 1) spread(simple, factor);
    noverlap.assign(simple, { maxIterations: noverlapIterations(order), settings });
  }
}

/** Every position moved away from the centre of the layout, `factor` times as far. */
function spread(simple: Simple, factor: number): void {
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

/** Times the layout may be spread out before noverlap runs again. */
const SPREAD_ROUNDS = 2;

/**
 * How much to spread the layout so that overlapping pairs come apart: the ratio (distance they need /
 * distance they have) that `quantile` of the overlapping pairs (nine in ten by default) stay within,
 * between 1.25 and 3; 1 when nothing overlaps.
 */
function spreadFactor(simple: Simple, quantile = SPREAD_QUANTILE): number {
  const ratios = overlapRatios(simple);
  if (ratios.length === 0) return 1;
  ratios.sort((a, b) => a - b);
  return Math.min(MAX_SPREAD, Math.max(MIN_SPREAD, ratios[Math.floor(ratios.length * quantile)]));
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
    rs.push(roomOf(a.size));
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

/**
 * Cells per side of noverlap's collision grid. Its default of 20 (400 cells) suits small graphs; on
 * large ones a cell holds hundreds of nodes and noverlap checks every pair in it, so the grid grows
 * with the graph to a few nodes per cell. Collisions found do not depend on the grid: a node sits in
 * every cell its box touches, so two overlapping nodes always share one.
 */
function noverlapGrid(order: number): number {
  return order <= 2000 ? 20 : Math.ceil(Math.sqrt(order / NODES_PER_CELL));
}

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

