// Labels without overlaps for the most important visible nodes: after each frame, recomputes which labels fit and redraws if that changed.
import type { KgSigma } from "./context.js";
import type { Display } from "./display.js";
import type { KgGraph } from "./graph-types.js";
import { placeLabels, type LabelCandidate, type LabelSide } from "./labels.js";
import type { Derived } from "./reducers.js";
import type { CameraState } from "sigma/types";

/** Up to this many nodes every visible node is a label candidate. */
export const SMALL_GRAPH = 300;

/**
 * On larger graphs, the candidates are this many of the most important visible nodes in view, whatever the
 * zoom: zoomed out they are the graph's hubs, zoomed in the most important nodes of that part of it.
 */
export const LARGE_GRAPH_CANDIDATES = 150;

/** On small graphs, the labels of this many of the most important nodes may cover less important nodes when nothing else is left. */
export const SMALL_GRAPH_HUBS = 5;

/** Text width in the label font, cached per label. */
function labelMeasurer(renderer: KgSigma): (text: string) => number {
  const ctx = document.createElement("canvas").getContext("2d");
  const s = renderer.getSettings();
  const cache = new Map<string, number>();
  if (ctx) ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = ctx ? ctx.measureText(text).width : text.length * s.labelSize * 0.6;
      cache.set(text, w);
    }
    return w;
  };
}

/**
 * The labels to draw now: focused nodes only while something is focused (its centre first), else visible
 * ones, most important first; at most `limit` candidates in view.
 */
function chooseLabels(
  graph: KgGraph,
  renderer: KgSigma,
  display: Display,
  derived: Derived,
  bySize: readonly string[],
  measure: (text: string) => number,
  limit: number,
  cameraState?: CameraState,
): Map<string, LabelSide> {
  const { width, height } = renderer.getDimensions();
  const order = derived.focusNodes ? [...derived.centre, ...bySize.filter((n) => !derived.centre.has(n))] : bySize;
  const candidates: LabelCandidate[] = [];
  for (const key of order) {
    if (derived.hiddenNodes.has(key)) continue;
    // Faded nodes outside the focus carry no label but still take up room.
    const labelled = !derived.focusNodes || derived.focusNodes.has(key);
    const a = graph.getNodeAttributes(key);
    const p = renderer.graphToViewport({ x: a.x, y: a.y }, cameraState ? { cameraState } : {});
    if (p.x < -50 || p.y < -20 || p.x > width + 20 || p.y > height + 20) continue;
    candidates.push({ key, x: p.x, y: p.y, size: renderer.scaleSize(display.nodeSize.get(key) ?? 4), label: labelled ? a.label : "" });
    if (candidates.length >= limit) break;
  }
  return placeLabels(candidates, measure, renderer.getSetting("labelSize"), 2, { width, height }, Number.isFinite(limit) || SMALL_GRAPH_HUBS);
}

/**
 * Place labels without overlaps after every frame (camera, layout, filters and focus all move or hide labels)
 * and report a changed choice through `onChange`; returns the cleanup. On a large graph only the nodes whose
 * label came or went are redrawn: a full refresh would run the reducers over every node and edge.
 */
export function placeLabelsAfterEachFrame(
  renderer: KgSigma,
  graph: KgGraph,
  display: Display,
  derived: () => Derived,
  onChange: (labels: Map<string, LabelSide>) => void,
): () => void {
  const small = graph.order <= SMALL_GRAPH;
  const bySize = display.byImportance;
  const limit = small ? Infinity : LARGE_GRAPH_CANDIDATES;
  const measure = labelMeasurer(renderer);
  let current: Map<string, LabelSide> | null = null;
  const changed = new Set<string>();
  let frame = 0;
  /** Choose the labels for the camera's state (the next frame's, when given); true when the choice changed. */
  const choose = (cameraState?: CameraState): boolean => {
    const next = chooseLabels(graph, renderer, display, derived(), bySize, measure, limit, cameraState);
    if (current !== null && next.size === current.size && [...next].every(([k, side]) => current!.get(k) === side)) return false;
    for (const [k, side] of next) if (current?.get(k) !== side) changed.add(k);
    for (const k of current?.keys() ?? []) if (!next.has(k)) changed.add(k);
    current = next;
    onChange(next);
    return true;
  };
  /** Update the display data of the nodes whose label came or went (only those sigma renders). */
  const apply = (schedule: boolean) => {
    if (small) renderer.refresh({ skipIndexation: true, schedule });
    else {
      const rendered = renderer.getGraph();
      renderer.refresh({ partialGraph: { nodes: [...changed].filter((n) => rendered.hasNode(n)) }, skipIndexation: true, schedule });
    }
    changed.clear();
  };
  // A camera move: choose the labels before sigma draws the frame it has scheduled, so that the frame
  // already has them and no second frame is needed.
  const camera = renderer.getCamera();
  const onCamera = () => {
    if (!choose(camera.getState())) return;
    cancelAnimationFrame(frame);
    apply(true);
  };
  camera.on("updated", onCamera);
  // Anything else (filters, focus, layout): check after the frame, and redraw if the labels changed.
  const afterRender = () => {
    if (!choose()) return;
    // A synchronous refresh on the next frame: a scheduled one would leave un-normalised positions in
    // sigma's node data until it runs, and camera moves read those.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => apply(false));
  };
  renderer.on("afterRender", afterRender);
  return () => {
    cancelAnimationFrame(frame);
    renderer.off("afterRender", afterRender);
    camera.off("updated", onCamera);
  };
}
