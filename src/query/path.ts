// Shortest paths: an undirected view of the chosen relations (built once per relation set) searched with graphology-shortest-path.
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path";
import { KgError } from "../errors.js";
import { hashNeighbourTables } from "../graph/import.js";
import { compareStrength, forEachIncident, type CodeRanges, type GraphIndex, type KgGraph } from "./indexes.js";
import { entityRecord, relationRecord } from "./records.js";
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

/** The strongest edge of the allowed relations between two adjacent nodes, either way. */
function hopEdge(graph: KgGraph, index: GraphIndex, from: number, to: number, ranges: CodeRanges): number {
  let best = -1;
  forEachIncident(index, from, "both", ranges, (e, other) => {
    if (other === to && (best < 0 || compareStrength(index, e, best) < 0)) best = e;
  });
  if (best < 0) throw new KgError("INVARIANT", `path: no edge between ${index.nodeKeys[from]} and ${index.nodeKeys[to]}; was the graph changed after load?`);
  return best;
}

/** The shortest path between two nodes over `ranges`, or null when none is at most `maxLength` hops long. */
export function shortestPath(
  graph: KgGraph,
  index: GraphIndex,
  views: PathViews,
  from: number,
  to: number,
  ranges: CodeRanges,
  maxLength: number,
): PathResult | null {
  let nodes: string[] | null;
  if (from === to) nodes = [index.nodeKeys[from]];
  else {
    const view = views.view(ranges);
    const a = index.nodeKeys[from];
    const b = index.nodeKeys[to];
    nodes = view.hasNode(a) && view.hasNode(b) ? bidirectional(view, a, b) : null;
  }
  if (!nodes || nodes.length - 1 > maxLength) return null;
  const ids = nodes.map((key) => index.nodeId.get(key)!);
  const relations = [];
  for (let i = 0; i + 1 < ids.length; i++) relations.push(relationRecord(graph, index, hopEdge(graph, index, ids[i], ids[i + 1], ranges)));
  return { length: relations.length, entities: ids.map((n) => entityRecord(graph, index, n)), relations };
}
