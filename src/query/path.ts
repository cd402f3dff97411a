// Shortest paths: an undirected view of the chosen relations (built once per relation set) searched with graphology-shortest-path.
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path";
import { KgError } from "../errors.js";
import { hashNeighbourTables } from "../graph/import.js";
import { compareStrength, forEachIncident, type CodeRanges, type GraphIndex, type KgGraph } from "./indexes.js";
import { edgeInRange, type DateBounds } from "./dates.js";
import { entityRecord, relationRecord, type RecordContext } from "./records.js";
import type { PathResult } from "./types.js";

/** Undirected views kept per relation set; a handful covers real use and bounds memory. */
const MAX_VIEWS = 4;

/** Builds and caches the undirected views that path search runs on. */
export class PathViews {
  private readonly views = new Map<string, UndirectedGraph>();

  constructor(private readonly index: GraphIndex) {}

  /** The undirected simple graph of edges whose relation is in `ranges`. */
  view(ranges: CodeRanges): UndirectedGraph {
    const key = ranges.map(([a, b]) => `${a}-${b}`).join(",");
    let view = this.views.get(key);
    if (view) return view;
    const { index } = this;
    view = new UndirectedGraph({ multi: false, allowSelfLoops: false });
    // every node first, so that the neighbour tables can be made hash tables before the edges arrive
    for (const key of index.nodeKeys) view.addNode(key);
    hashNeighbourTables(view);
    const { offsets, items } = index.byRelation;
    for (const [first, last] of ranges) {
      for (let k = offsets[first]; k < offsets[last + 1]; k++) {
        const e = items[k];
        const s = index.edgeSource[e];
        const t = index.edgeTarget[e];
        if (s === t) continue;
        view.mergeEdge(index.nodeKeys[s], index.nodeKeys[t]);
      }
    }
    if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    this.views.set(key, view);
    return view;
  }
}

/**
 * Shortest path by breadth-first search over the index, following only edges dated inside `range`;
 * node numbers from `from` to `to`, or null when `to` is more than `maxLength` hops away.
 */
function datedPath(index: GraphIndex, from: number, to: number, ranges: CodeRanges, range: DateBounds, maxLength: number): number[] | null {
  const parent = new Map<number, number>([[from, -1]]);
  let frontier = [from];
  for (let d = 1; d <= maxLength && frontier.length && !parent.has(to); d++) {
    const next: number[] = [];
    for (const n of frontier) {
      forEachIncident(index, n, "both", ranges, (e, other) => {
        if (parent.has(other) || !edgeInRange(index.dates, e, range)) return;
        parent.set(other, n);
        next.push(other);
        if (other === to) return false;
      });
      if (parent.has(to)) break;
    }
    frontier = next;
  }
  if (!parent.has(to)) return null;
  const nodes = [to];
  while (nodes[nodes.length - 1] !== from) nodes.push(parent.get(nodes[nodes.length - 1])!);
  return nodes.reverse();
}

/** The strongest edge of the allowed relations (dated inside the range, if any) between two adjacent nodes, either way. */
function hopEdge(index: GraphIndex, from: number, to: number, ranges: CodeRanges, range: DateBounds | undefined): number {
  let best = -1;
  forEachIncident(index, from, "both", ranges, (e, other) => {
    if (other !== to || (range && !edgeInRange(index.dates, e, range))) return;
    if (best < 0 || compareStrength(index, e, best) < 0) best = e;
  });
  if (best < 0) throw new KgError("INVARIANT", `path: no edge between ${index.nodeKeys[from]} and ${index.nodeKeys[to]}; was the graph changed after load?`);
  return best;
}

/**
 * The shortest path between two nodes over `ranges`, or null when none is at most `maxLength` hops long.
 * With a date range in `ctx`, only relations with evidence inside it are followed.
 */
export function shortestPath(
  graph: KgGraph,
  index: GraphIndex,
  views: PathViews,
  from: number,
  to: number,
  ranges: CodeRanges,
  maxLength: number,
  ctx: RecordContext,
): PathResult | null {
  let ids: number[] | null;
  if (from === to) ids = [from];
  else if (ctx.range) ids = datedPath(index, from, to, ranges, ctx.range, maxLength);
  else {
    const view = views.view(ranges);
    const a = index.nodeKeys[from];
    const b = index.nodeKeys[to];
    const nodes = view.hasNode(a) && view.hasNode(b) ? bidirectional(view, a, b) : null;
    ids = nodes && nodes.map((key) => index.nodeId.get(key)!);
  }
  if (!ids || ids.length - 1 > maxLength) return null;
  const relations = [];
  for (let i = 0; i + 1 < ids.length; i++) relations.push(relationRecord(graph, index, hopEdge(index, ids[i], ids[i + 1], ranges, ctx.range), ctx));
  return { length: relations.length, entities: ids.map((n) => entityRecord(graph, index, n, ctx)), relations };
}
