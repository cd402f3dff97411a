// The layout of a large graph in two levels: each community laid out on its own, then the communities arranged as discs.
import { UndirectedGraph } from "graphology";
import { besideDocuments, documentCentres, innerDisc } from "./beside-documents.js";
import { arrangeDiscs, separate } from "./discs.js";
import { layoutIterations, runForceAtlas2 } from "./force-atlas.js";
import { roomOf } from "./overlaps.js";
import { GOLDEN_ANGLE } from "./sunflower.js";
import type { KnowledgeMultiGraph, Simple } from "./types.js";

type Point = { x: number; y: number };

/** Each node's place in the graph's node order, and its weighted degree: what placements are ordered by. */
interface NodeOrder {
  index: ReadonlyMap<string, number>;
  strength: ReadonlyMap<string, number>;
  /** The room each node's size needs (roomOf). */
  room: ReadonlyMap<string, number>;
}

/**
 * Positions for `related` (the nodes with relations) of a large graph, written to `simple`.
 * ForceAtlas2 and noverlap over the whole graph took 7 of the 11 s that assembling the graph of
 * 3,051 articles (22,000 related entities, 68,000 relations) took, and most of what it shows is the
 * communities; so:
 *
 * 1. Each community is laid out alone, about its own centre (`layoutCommunity`), each node with the
 *    room its size needs, so that noverlap has little left to do.
 * 2. The communities related to others are arranged as discs of those layouts' radii
 *    (`arrangeDiscs`): the heaviest (by pagerank) in the middle, related ones drawn together,
 *    touching at their rims.
 * 3. In each, the most related nodes are drawn towards the graph's middle (`pullHubs`).
 * 4. A community related to no other (an article, or a few, whose entities recur nowhere else) goes
 *    beside the entities of its documents, as nodes without relations do, or at random in the disc
 *    that half the placed nodes lie within when its documents name nothing else.
 *
 * `order` lists the communities heaviest first. Every step is seeded or in node order, so the same
 * graph gets the same positions.
 */
export function layoutByCommunity(
  graph: KnowledgeMultiGraph,
  simple: Simple,
  related: readonly string[],
  communities: Record<string, number>,
  order: readonly number[],
  rng: () => number,
  maxIterations: number | undefined,
): void {
  const index = new Map<string, number>();
  simple.forEachNode((n) => index.set(n, index.size));
  const strength = new Map<string, number>();
  simple.forEachEdge((_e, a, s, t) => {
    strength.set(s, (strength.get(s) ?? 0) + a.weight);
    strength.set(t, (strength.get(t) ?? 0) + a.weight);
  });
  const room = new Map<string, number>();
  simple.forEachNode((n, a) => room.set(n, roomOf(a.size)));
  const nodeOrder: NodeOrder = { index, strength, room };
  const members = new Map<number, string[]>();
  for (const n of related) {
    const c = communities[n] ?? -1;
    const list = members.get(c);
    if (list) list.push(n);
    else members.set(c, [n]);
  }
  const local = new Map<string, Point>();
  const radius = new Map<number, number>();
  for (const c of order) {
    const nodes = members.get(c);
    if (!nodes) continue;
    radius.set(c, layoutCommunity(graph, simple, nodes, nodeOrder, local, maxIterations) + DISC_MARGIN);
  }
  // relations between communities, both ways
  const links = new Map<number, Map<number, number>>();
  simple.forEachEdge((_e, a, u, v) => {
    const s = communities[u] ?? -1;
    const t = communities[v] ?? -1;
    if (s === t || !radius.has(s) || !radius.has(t)) return;
    for (const [p, q] of [[s, t], [t, s]]) {
      const m = links.get(p) ?? links.set(p, new Map()).get(p)!;
      m.set(q, (m.get(q) ?? 0) + a.weight);
    }
  });
  const linked = order.filter((c) => links.has(c));
  const slot = new Map(linked.map((c, i) => [c, i]));
  const rs = Float64Array.from(linked, (c) => radius.get(c)!);
  const { xs, ys } = arrangeDiscs(
    rs,
    linked.map((c) => [...links.get(c)!].map(([d, w]) => [slot.get(d)!, w] as const)),
  );
  const placed = new Set<string>();
  linked.forEach((c, i) => {
    pullHubs(simple, members.get(c)!, local, strength, { x: xs[i], y: ys[i] }, rs[i] - DISC_MARGIN);
    for (const n of members.get(c)!) placed.add(n);
  });
  const centres = documentCentres(graph, simple, placed);
  const { cx, cy, inner } = innerDisc(simple, placed, 0);
  for (const c of order) {
    if (!radius.has(c) || links.has(c)) continue;
    const nodes = members.get(c)!;
    let head = nodes[0];
    for (const n of nodes) if (strength.get(n)! > strength.get(head)!) head = n;
    const beside = besideDocuments(graph, head, centres);
    const a = 2 * Math.PI * rng();
    const r = beside ? radius.get(c)! : inner * Math.sqrt(rng());
    const at = { x: (beside?.x ?? cx) + r * Math.cos(a), y: (beside?.y ?? cy) + r * Math.sin(a) };
    for (const n of nodes) simple.mergeNodeAttributes(n, { x: at.x + local.get(n)!.x, y: at.y + local.get(n)!.y });
  }
}

/** Room between two community discs. */
const DISC_MARGIN = 20;

/**
 * How far a community's nodes are drawn towards the graph's middle, as a share of the community's
 * radius (or of its distance from the middle, when that is less), by their weighted degree: its
 * most related node by HUB_PULL, the others less in proportion. ForceAtlas2 over a whole graph
 * does this with its gravity, which grows with a node's degree: a community's hubs lie on its side
 * towards the middle, its entities of one article farther out.
 */
const HUB_PULL = 0.4;

/** Write `nodes`' positions: their layout about `centre`, each drawn towards the origin by its weight (HUB_PULL). */
function pullHubs(simple: Simple, nodes: readonly string[], local: ReadonlyMap<string, Point>, strength: ReadonlyMap<string, number>, centre: Point, radius: number): void {
  const d = Math.hypot(centre.x, centre.y);
  const [ux, uy] = d > 0 ? [-centre.x / d, -centre.y / d] : [0, 0];
  const reach = HUB_PULL * Math.min(radius, d);
  let top = 0;
  for (const n of nodes) top = Math.max(top, strength.get(n)!);
  for (const n of nodes) {
    const p = local.get(n)!;
    const f = top > 0 ? (reach * strength.get(n)!) / top : 0;
    simple.mergeNodeAttributes(n, { x: centre.x + p.x + f * ux, y: centre.y + p.y + f * uy });
  }
}

/** Passes of pushing a community's group discs apart after ForceAtlas2, at most. */
const SEPARATE_PASSES = 50;

/** Communities of up to this many nodes are drawn as a sunflower, the most related member in the middle. */
const SUNFLOWER_UP_TO = 12;

/** Communities of up to this many nodes are laid out whole: ForceAtlas2 over every member. */
const WHOLE_UP_TO = 100;

/**
 * One community's layout about the origin, written to `out`; returns its radius. A community of up to
 * SUNFLOWER_UP_TO nodes (an article or two whose entities are named together) is a sunflower. Larger
 * ones are laid out by ForceAtlas2 over a skeleton: every member on a community of up to WHOLE_UP_TO
 * nodes, else the members named in two documents or more that are related to another such member.
 * They tie the community's articles together, while an entity of one article is related only to
 * entities of that article. The other members join the skeleton node they are most related to
 * (`groupsAround`) and takes a sunflower around it, its most related members nearest; ForceAtlas2
 * lays out the skeleton with each group drawn into its skeleton node, so that the group's relations
 * hold it in place; then the groups' discs are pushed apart until no two overlap (ForceAtlas2's own
 * anti-collision leaves a third of them overlapping, held together by their relations). Members with no path to the skeleton go on a sunflower about the origin, outside
 * the rest.
 */
function layoutCommunity(
  graph: KnowledgeMultiGraph,
  simple: Simple,
  nodes: readonly string[],
  order: NodeOrder,
  out: Map<string, Point>,
  maxIterations: number | undefined,
): number {
  const positions = new Map<string, Point>();
  if (nodes.length <= SUNFLOWER_UP_TO) placeSunflower(nodes, { x: 0, y: 0 }, order, positions, 0);
  else {
    let skeleton: readonly string[] = nodes;
    if (nodes.length > WHOLE_UP_TO) {
      const recurring = new Set(nodes.filter((n) => (graph.getNodeAttribute(n, "documents")?.length ?? 0) >= 2));
      const linked = [...recurring].filter((n) => simple.someNeighbor(n, (m) => recurring.has(m)));
      if (linked.length >= 2) skeleton = linked;
    }
    const groups = groupsAround(simple, skeleton, new Set(nodes), order.index);
    // each skeleton node with the disc its group's sunflower will take: ForceAtlas2 keeps the discs apart
    const groupDisc = new Map<string, Map<string, Point>>();
    const sizes = new Map<string, number>();
    for (const n of skeleton) {
      const disc = new Map<string, Point>();
      sizes.set(n, placeSunflower(groups.get(n) ?? [], { x: 0, y: 0 }, order, disc, order.room.get(n)!));
      groupDisc.set(n, disc);
    }
    const quotient = quotientGraph(simple, skeleton, groups, sizes);
    if (quotient.order > 1) runForceAtlas2(quotient, maxIterations ?? layoutIterations(quotient.order));
    // then the discs pushed apart until none overlaps (or SEPARATE_PASSES have run)
    const xs = Float64Array.from(skeleton, (n) => quotient.getNodeAttribute(n, "x"));
    const ys = Float64Array.from(skeleton, (n) => quotient.getNodeAttribute(n, "y"));
    const rs = Float64Array.from(skeleton, (n) => sizes.get(n)!);
    for (let pass = 0; pass < SEPARATE_PASSES && separate(xs, ys, rs, 1); pass++);
    skeleton.forEach((n, i) => {
      const at = { x: xs[i], y: ys[i] };
      positions.set(n, at);
      for (const [m, p] of groupDisc.get(n)!) positions.set(m, { x: at.x + p.x, y: at.y + p.y });
    });
    const unreached = nodes.filter((n) => !positions.has(n));
    if (unreached.length > 0) {
      let r = 0;
      for (const [n, p] of positions) r = Math.max(r, Math.hypot(p.x, p.y) + order.room.get(n)!);
      // beyond what is placed, so that they do not land on it
      placeSunflower(unreached, { x: 0, y: 0 }, order, positions, r);
    }
  }
  // about the members' mean
  let cx = 0;
  let cy = 0;
  for (const p of positions.values()) {
    cx += p.x / positions.size;
    cy += p.y / positions.size;
  }
  let radius = 0;
  for (const [n, p] of positions) {
    const q = { x: p.x - cx, y: p.y - cy };
    out.set(n, q);
    radius = Math.max(radius, Math.hypot(q.x, q.y) + order.room.get(n)!);
  }
  return radius;
}

/**
 * The members outside the skeleton, each given to a skeleton node: in rings of growing distance from
 * the skeleton, within `inside`, a node goes with the neighbour of an earlier ring it is most related
 * to, and so to that neighbour's skeleton node. Each group is listed in node order.
 */
function groupsAround(simple: Simple, skeleton: readonly string[], inside: ReadonlySet<string>, index: ReadonlyMap<string, number>): Map<string, string[]> {
  const owner = new Map<string, string>(skeleton.map((n) => [n, n]));
  const groups = new Map<string, string[]>();
  let frontier: readonly string[] = skeleton;
  while (frontier.length > 0) {
    const seen = new Set<string>();
    for (const n of frontier) {
      simple.forEachNeighbor(n, (m) => {
        if (inside.has(m) && !owner.has(m)) seen.add(m);
      });
    }
    // in node order, each decided by earlier rings alone: the groups do not depend on how a ring was found
    const ring = [...seen].sort((p, q) => index.get(p)! - index.get(q)!);
    const owners = ring.map((n) => {
      let best = -1;
      let anchor = "";
      simple.forEachEdge(n, (_e, a, s, t) => {
        const m = s === n ? t : s;
        if (owner.has(m) && a.weight > best) [best, anchor] = [a.weight, m];
      });
      return owner.get(anchor)!;
    });
    ring.forEach((n, i) => {
      owner.set(n, owners[i]);
      const list = groups.get(owners[i]);
      if (list) list.push(n);
      else groups.set(owners[i], [n]);
    });
    frontier = ring;
  }
  for (const list of groups.values()) list.sort((p, q) => index.get(p)! - index.get(q)!);
  return groups;
}

/**
 * The skeleton with each group drawn into its skeleton node: relations between skeleton nodes, and
 * from a group to another skeleton node or group, summed into one edge per pair; relations inside a
 * group drop out. Each node's size is the radius of its group's disc. The skeleton starts from its seeded positions, moved so that their mean is the
 * origin, where ForceAtlas2's gravity pulls.
 */
function quotientGraph(simple: Simple, skeleton: readonly string[], groups: ReadonlyMap<string, string[]>, sizes: ReadonlyMap<string, number>): Simple {
  const quotient: Simple = new UndirectedGraph();
  const into = new Map<string, string>();
  let cx = 0;
  let cy = 0;
  for (const n of skeleton) {
    cx += simple.getNodeAttribute(n, "x") / skeleton.length;
    cy += simple.getNodeAttribute(n, "y") / skeleton.length;
  }
  for (const n of skeleton) {
    const a = simple.getNodeAttributes(n);
    quotient.addNode(n, { x: a.x - cx, y: a.y - cy, size: sizes.get(n)! });
    into.set(n, n);
  }
  for (const [s, members] of groups) for (const n of members) into.set(n, s);
  const pairs = new Map<string, { s: string; t: string; weight: number }>();
  for (const u of into.keys()) {
    simple.forEachEdge(u, (_e, a, p, q) => {
      const v = p === u ? q : p;
      const s = into.get(u)!;
      const t = into.get(v);
      // each relation once (from its end of smaller key), and only inside the community
      if (t === undefined || s === t || v < u) return;
      const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      const pair = pairs.get(key);
      if (pair) pair.weight += a.weight;
      else pairs.set(key, { s, t, weight: a.weight });
    });
  }
  for (const { s, t, weight } of pairs.values()) quotient.addEdge(s, t, { weight });
  return quotient;
}

/**
 * `members` on a sunflower about `at`, the most related (weighted degree) nearest the middle, ties in
 * node order, around a disc of radius `inner` (what is already there). Each point is as far out as
 * leaves room for that disc and the members before it, by the room their sizes need: nodes of one
 * size lie about two rooms apart. Returns the radius the sunflower takes.
 */
function placeSunflower(members: readonly string[], at: Point, { index, strength, room }: NodeOrder, out: Map<string, Point>, inner: number): number {
  const ordered = [...members].sort((p, q) => strength.get(q)! - strength.get(p)! || index.get(p)! - index.get(q)!);
  let area = inner * inner;
  let extent = inner;
  ordered.forEach((n, k) => {
    const r = room.get(n)!;
    const d = SUNFLOWER_SPACING * Math.sqrt(area + (r * r) / 2);
    area += r * r;
    out.set(n, { x: at.x + d * Math.cos(k * GOLDEN_ANGLE), y: at.y + d * Math.sin(k * GOLDEN_ANGLE) });
    extent = Math.max(extent, d + r);
  });
  return extent;
}

/** How far apart a sunflower's points are, in rooms: a little over what keeps them from overlapping. */
const SUNFLOWER_SPACING = 1.15;
