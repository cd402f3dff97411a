// The graph sigma renders: only the nodes and edges the filters show, so a frame costs what is on screen, not the whole graph.
import type { KgGraph } from "./graph-types.js";

/** The x and y ranges of a graph's positions, for sigma's bounding box. */
export interface Extent {
  x: [number, number];
  y: [number, number];
}

/**
 * The extent of every node of `graph`, hidden ones too: sigma frames the display graph in it, so that showing
 * or hiding nodes never moves the camera's coordinates (and a shared camera position stays meaningful).
 */
export function graphExtent(graph: KgGraph): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) return;
    x0 = Math.min(x0, a.x);
    x1 = Math.max(x1, a.x);
    y0 = Math.min(y0, a.y);
    y1 = Math.max(y1, a.y);
  });
  if (!Number.isFinite(x0)) return { x: [0, 1], y: [0, 1] };
  // A single point (or a line) still needs a non-empty box.
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * A graph of the nodes not in `hidden` and the edges `edgeShown` lets through between them, with the same
 * keys, in the same order, sharing the attribute objects of `graph` (nothing is copied; `graph` stays the
 * data that search, the panel, exports and layout work on).
 */
export function buildDisplayGraph(graph: KgGraph, hidden: ReadonlySet<string>, edgeShown: (edge: string) => boolean): KgGraph {
  const shown = graph.nullCopy() as KgGraph;
  graph.forEachNode((node, a) => {
    if (!hidden.has(node)) shown.addNode(node, a);
  });
  graph.forEachEdge((edge, a, s, t) => {
    if (!hidden.has(s) && !hidden.has(t) && edgeShown(edge)) shown.addDirectedEdgeWithKey(edge, s, t, a);
  });
  return shown;
}

/** Whether `shown` holds exactly the nodes and edges `buildDisplayGraph` would give for these filters. */
export function displayGraphMatches(graph: KgGraph, shown: KgGraph, hidden: ReadonlySet<string>, edgeShown: (edge: string) => boolean): boolean {
  if (shown.order !== graph.order - hidden.size) return false;
  let edges = 0;
  let same = true;
  graph.forEachEdge((edge, _a, s, t) => {
    if (!same || hidden.has(s) || hidden.has(t) || !edgeShown(edge)) return;
    edges++;
    if (!shown.hasEdge(edge)) same = false;
  });
  if (!same || edges !== shown.size) return false;
  for (const node of hidden) if (shown.hasNode(node)) return false;
  return true;
}
