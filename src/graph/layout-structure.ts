// Measures of what a layout shows: communities apart, hubs near the centre, nodes without relations not on the rim.
import type { Attributes } from "graphology-types";
import { seededRandom } from "../random.js";

/** The few node attributes the measures read; any graph with x, y, community and pagerank will do. */
interface LaidOutGraph {
  order: number;
  forEachNode(cb: (node: string, attributes: Attributes) => void): void;
  degree(node: string): number;
}

export interface LayoutStructure {
  /** Nodes counted in the community measures: those of communities with at least `minCommunity` nodes. */
  communityNodes: number;
  /** How many communities that is. */
  communities: number;
  /** Mean distance between two nodes of the same community (over all such pairs, estimated by sampling). */
  intraDistance: number;
  /** Mean distance between two nodes of different communities (idem). */
  interDistance: number;
  /** intraDistance / interDistance: 1 when communities are mixed, small when they lie apart. */
  separation: number;
  /** Median distance from the centre of the layout (the mean position) over all nodes. */
  medianRadius: number;
  /** Median distance from the centre of the `hubs` nodes with the highest pagerank. */
  hubRadius: number;
  /** hubRadius / medianRadius: below 1 when the hubs lie nearer the centre than the median node. */
  hubCentrality: number;
  /**
   * For the same hubs, in communities counted above: distance to their community's mean position over the
   * median member's; the median of those ratios. Below 1 when hubs lie in the middle of their communities.
   */
  hubCommunityCentrality: number;
  /** Nodes without any edge. */
  isolates: number;
  /** Share of those beyond the 90th percentile of distance from the centre (0.1 when spread like the rest). */
  isolatesOnRim: number;
}

export interface LayoutStructureOptions {
  /** Communities smaller than this are left out of the community measures. */
  minCommunity?: number;
  /** Nodes of highest pagerank whose distance to the centre is compared with the median node's. */
  hubs?: number;
  /** Pairs sampled for each mean distance. */
  samples?: number;
  seed?: number;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measure a laid-out graph's structure from its nodes' `x`, `y`, `community` and `pagerank`. Mean
 * distances are estimated from seeded samples of pairs (uniform over same-community pairs, and over
 * different-community pairs), so the figures are the same on every run.
 */
export function layoutStructure(graph: LaidOutGraph, options: LayoutStructureOptions = {}): LayoutStructure {
  const { minCommunity = 10, hubs = 20, samples = 100_000, seed = 1 } = options;
  const xs: number[] = [];
  const ys: number[] = [];
  const ranks: number[] = [];
  const degrees: number[] = [];
  const members = new Map<number, number[]>();
  graph.forEachNode((node, a) => {
    const i = xs.length;
    xs.push(Number(a.x));
    ys.push(Number(a.y));
    ranks.push(Number(a.pagerank) || 0);
    degrees.push(graph.degree(node));
    const c = Number(a.community);
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  const n = xs.length;
  const dist = (i: number, j: number) => Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);

  // community measures over the communities large enough to have a shape
  const groups = [...members.entries()].filter(([, m]) => m.length >= minCommunity).sort((a, b) => a[0] - b[0]);
  const community = new Int32Array(n).fill(-1);
  const pool: number[] = [];
  let intraPairs = 0;
  const cumulative: number[] = [];
  groups.forEach(([, m], g) => {
    for (const i of m) {
      community[i] = g;
      pool.push(i);
    }
    intraPairs += m.length * (m.length - 1);
    cumulative.push(intraPairs);
  });
  const rnd = seededRandom(seed);
  let intra = 0;
  let inter = 0;
  let interCount = 0;
  if (groups.length > 0 && intraPairs > 0) {
    for (let s = 0; s < samples; s++) {
      // a community with probability proportional to its number of pairs, then two of its nodes
      const r = rnd() * intraPairs;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      const m = groups[lo][1];
      const a = Math.floor(rnd() * m.length);
      let b = Math.floor(rnd() * (m.length - 1));
      if (b >= a) b++;
      intra += dist(m[a], m[b]);
    }
    intra /= samples;
  }
  if (groups.length > 1) {
    for (let s = 0; s < samples * 4 && interCount < samples; s++) {
      const i = pool[Math.floor(rnd() * pool.length)];
      const j = pool[Math.floor(rnd() * pool.length)];
      if (community[i] === community[j]) continue;
      inter += dist(i, j);
      interCount++;
    }
    inter = interCount ? inter / interCount : 0;
  }

  // distance from the centre
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xs[i];
    cy += ys[i];
  }
  cx /= Math.max(n, 1);
  cy /= Math.max(n, 1);
  const radii = xs.map((x, i) => Math.hypot(x - cx, ys[i] - cy));
  const medianRadius = median(radii);
  const byRank = radii.map((_, i) => i).sort((a, b) => ranks[b] - ranks[a] || a - b);
  const hubRadius = median(byRank.slice(0, hubs).map((i) => radii[i]));
  const centres = groups.map(([, m]) => {
    let x = 0;
    let y = 0;
    for (const i of m) {
      x += xs[i];
      y += ys[i];
    }
    x /= m.length;
    y /= m.length;
    return { x, y, median: median(m.map((i) => Math.hypot(xs[i] - x, ys[i] - y))) };
  });
  const local: number[] = [];
  for (const i of byRank.slice(0, hubs)) {
    const c = centres[community[i]];
    if (c && c.median > 0) local.push(Math.hypot(xs[i] - c.x, ys[i] - c.y) / c.median);
  }
  const sortedRadii = [...radii].sort((a, b) => a - b);
  const rim = sortedRadii[Math.min(n - 1, Math.floor(n * 0.9))] ?? 0;
  let isolates = 0;
  let onRim = 0;
  for (let i = 0; i < n; i++) {
    if (degrees[i] !== 0) continue;
    isolates++;
    if (radii[i] > rim) onRim++;
  }
  return {
    communityNodes: pool.length,
    communities: groups.length,
    intraDistance: intra,
    interDistance: inter,
    separation: inter > 0 ? intra / inter : 1,
    medianRadius,
    hubRadius,
    hubCentrality: medianRadius > 0 ? hubRadius / medianRadius : 1,
    hubCommunityCentrality: local.length ? median(local) : 1,
    isolates,
    isolatesOnRim: isolates ? onRim / isolates : 0,
  };
}
