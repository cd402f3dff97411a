// Positions that show the graph's structure: seeded by community, ForceAtlas2, nodes without relations beside their documents' entities.
import { UndirectedGraph } from "graphology";
import { layoutIterations, runForceAtlas2 } from "./force-atlas.js";
import { layoutByCommunity } from "./layout-communities.js";
import { besideDocuments, documentCentres, innerDisc } from "./beside-documents.js";
import { GOLDEN_ANGLE } from "./sunflower.js";
import type { KnowledgeMultiGraph, Simple } from "./types.js";

/**
 * Positions that show the graph's structure, written to `simple`'s nodes:
 *
 * 1. Each community starts in a disc of its own, the communities of most pagerank nearest the centre (a
 *    sunflower of discs), and within it the nodes of highest pagerank nearest its middle. Started
 *    from a random disc, ForceAtlas2 leaves communities tangled: a community's two halves that
 *    started on opposite sides stay apart, held by the nodes between them.
 * 2. ForceAtlas2 in LinLog mode (attraction grows with the log of the distance, so tightly linked
 *    groups contract and the sparse links between them stretch: communities come apart) with
 *    Barnes-Hut repulsion, run until it settles, over the nodes that have relations. On a graph of
 *    more than COMMUNITY_LAYOUT_FROM related nodes that is most of the graph stage's time, and it
 *    runs in two levels instead (see `layoutByCommunity`).
 * 3. Nodes without any relation have nothing to place them by but their documents: each goes
 *    beside the entities named in the same documents, or, when none has relations, into the disc
 *    that the median node lies within. Left to ForceAtlas2 they are pushed to a ring at the rim,
 *    where they hide the outline of everything else.
 */
export function layoutGraph(
  graph: KnowledgeMultiGraph,
  simple: Simple,
  communities: Record<string, number>,
  ranks: Record<string, number>,
  rng: () => number,
  maxIterations: number | undefined,
): boolean {
  const order = seedByCommunity(simple, communities, ranks, rng);
  const related = simple.filterNodes((n) => simple.degree(n) > 0);
  if (related.length > COMMUNITY_LAYOUT_FROM) layoutByCommunity(graph, simple, related, communities, [...order.keys()], rng, maxIterations);
  else if (related.length > 1) {
    const core = inducedGraph(simple, related);
    runForceAtlas2(core, maxIterations ?? layoutIterations(core.order));
    core.forEachNode((n, a) => simple.mergeNodeAttributes(n, { x: a.x, y: a.y }));
  }
  placeIsolates(graph, simple, new Set(related), rng);
  return related.length > COMMUNITY_LAYOUT_FROM;
}

/** From this many related nodes, the layout runs community by community (layoutByCommunity). */
export const COMMUNITY_LAYOUT_FROM = 5000;

/** The subgraph of `simple` on `nodes`, with their current positions. */
function inducedGraph(simple: Simple, nodes: readonly string[]): Simple {
  const sub: Simple = new UndirectedGraph();
  for (const n of nodes) sub.addNode(n, { ...simple.getNodeAttributes(n) });
  simple.forEachEdge((_e, a, s, t) => {
    if (sub.hasNode(s) && sub.hasNode(t)) sub.addEdge(s, t, { weight: a.weight });
  });
  return sub;
}

/** Spacing of the seeded start: a node takes about this much room per side. */
const SEED_SPACING = 10;

/** Start positions: one disc per community, the largest in the middle; hubs in the middle of theirs. Returns each community's centre, heaviest first. */
function seedByCommunity(simple: Simple, communities: Record<string, number>, ranks: Record<string, number>, rng: () => number): Map<number, { x: number; y: number }> {
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
  const centres = new Map<number, { x: number; y: number }>();
  groups.forEach(([c, nodes], k) => {
    // the community's centre on a sunflower spiral whose area grows with the nodes placed so far
    const r = SEED_SPACING * Math.sqrt(area + nodes.length / 2) * 1.5;
    const a = k * GOLDEN_ANGLE;
    const cx = k === 0 ? 0 : r * Math.cos(a);
    const cy = k === 0 ? 0 : r * Math.sin(a);
    area += nodes.length;
    centres.set(c, { x: cx, y: cy });
    nodes.sort((p, q) => (ranks[q] ?? 0) - (ranks[p] ?? 0));
    nodes.forEach((n, j) => {
      // a sunflower inside the community too, with a little noise so no two nodes share a line
      const rr = SEED_SPACING * Math.sqrt(j + 0.5) * (0.9 + 0.2 * rng());
      const aa = j * GOLDEN_ANGLE + 0.2 * rng();
      simple.mergeNodeAttributes(n, { x: cx + rr * Math.cos(aa), y: cy + rr * Math.sin(aa) });
    });
  });
  return centres;
}

/**
 * Nodes without relations beside the entities of their documents: at the mean of the centres of
 * their documents' related entities, a little apart; those whose documents have none, at random in
 * the disc that half the related nodes lie within.
 */
function placeIsolates(graph: KnowledgeMultiGraph, simple: Simple, placed: Set<string>, rng: () => number): void {
  const centres = documentCentres(graph, simple, placed);
  const { cx, cy, inner } = innerDisc(simple, placed, SEED_SPACING * Math.sqrt(simple.order));
  simple.forEachNode((n) => {
    if (placed.has(n)) return;
    const at = besideDocuments(graph, n, centres);
    const a = 2 * Math.PI * rng();
    if (at) {
      const r = SEED_SPACING * (1 + rng());
      simple.mergeNodeAttributes(n, { x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) });
    } else {
      const r = inner * Math.sqrt(rng());
      simple.mergeNodeAttributes(n, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
  });
}
