// Keeps the labels of a small graph overlap-free: after each frame, recomputes which labels fit and redraws if that changed.
import type { KgSigma } from "./context.js";
import type { Display } from "./display.js";
import type { KgGraph } from "./graph-types.js";
import { placeLabels, type LabelCandidate, type LabelSide } from "./labels.js";
import type { Derived } from "./reducers.js";

/** Up to this many nodes the viewer places labels itself so that none overlaps another. */
export const SMALL_GRAPH = 300;

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

/** The labels to draw now: focused nodes only while something is focused (its centre first), else all visible ones. */
function chooseLabels(
  graph: KgGraph,
  renderer: KgSigma,
  display: Display,
  derived: Derived,
  bySize: readonly string[],
  measure: (text: string) => number,
): Map<string, LabelSide> {
  const { width, height } = renderer.getDimensions();
  const order = derived.focusNodes ? [...derived.centre, ...bySize.filter((n) => !derived.centre.has(n))] : bySize;
  const candidates: LabelCandidate[] = [];
  for (const key of order) {
    if (derived.hiddenNodes.has(key)) continue;
    // Faded nodes outside the focus carry no label but still take up room.
    const labelled = !derived.focusNodes || derived.focusNodes.has(key);
    const a = graph.getNodeAttributes(key);
    const p = renderer.graphToViewport({ x: a.x, y: a.y });
    if (p.x < -50 || p.y < -20 || p.x > width + 20 || p.y > height + 20) continue;
    candidates.push({ key, x: p.x, y: p.y, size: renderer.scaleSize(display.nodeSize.get(key) ?? 4), label: labelled ? a.label : "" });
  }
  return placeLabels(candidates, measure, renderer.getSetting("labelSize"), 2, { width, height });
}

/**
 * On graphs of up to SMALL_GRAPH nodes, place labels without overlaps after every frame (camera, layout, filters
 * and focus all move or hide labels) and report a changed choice through `onChange`; returns the cleanup.
 */
export function placeLabelsAfterEachFrame(
  renderer: KgSigma,
  graph: KgGraph,
  display: Display,
  derived: () => Derived,
  onChange: (labels: Map<string, LabelSide>) => void,
): () => void {
  if (graph.order > SMALL_GRAPH) return () => undefined;
  const bySize = graph.nodes().sort((a, b) => (display.nodeSize.get(b) ?? 0) - (display.nodeSize.get(a) ?? 0));
  const measure = labelMeasurer(renderer);
  let current: Map<string, LabelSide> | null = null;
  let frame = 0;
  const afterRender = () => {
    const next = chooseLabels(graph, renderer, display, derived(), bySize, measure);
    if (current !== null && next.size === current.size && [...next].every(([k, side]) => current!.get(k) === side)) return;
    current = next;
    onChange(next);
    // A synchronous refresh on the next frame: a scheduled one would leave un-normalised positions in
    // sigma's node data until it runs, and camera moves read those.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => renderer.refresh({ skipIndexation: true }));
  };
  renderer.on("afterRender", afterRender);
  return () => {
    cancelAnimationFrame(frame);
    renderer.off("afterRender", afterRender);
  };
}
