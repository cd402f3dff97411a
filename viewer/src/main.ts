// The viewer's entry: loads the graph, creates the sigma renderer and wires state, reducers, URL and controls together.
import type Graph from "graphology";
import Sigma from "sigma";
import { EdgeCurvedArrowProgram, default as EdgeCurveProgram } from "@sigma/edge-curve";
import type { KgError } from "../../src/errors.js";
import type { ViewerContext, KgSigma } from "./context.js";
import { mountExport } from "./controls/export.js";
import { mountFilters } from "./controls/filters.js";
import { mountLayout } from "./controls/layout.js";
import { mountLegend } from "./controls/legend.js";
import { mountOpenFile } from "./controls/open-file.js";
import { mountPanel } from "./controls/panel.js";
import { mountSearch } from "./controls/search.js";
import { mountTimeRange } from "./controls/time-range.js";
import { prepareDisplay } from "./display.js";
import { buildDisplayGraph, displayGraphMatches, graphExtent } from "./display-graph.js";
import { placeLabelsAfterEachFrame, SMALL_GRAPH } from "./label-placement.js";
import { drawSidedLabel, type LabelSide } from "./labels.js";
import type { KgGraph } from "./graph-types.js";
import { fetchGraph, readGraphFile } from "./load.js";
import { createReducers, deriveView, edgeShown, type Derived } from "./reducers.js";
import {
  clearSelection,
  createStore,
  defaultFilters,
  hoverEdge,
  hoverNode,
  replaceFilters,
  selectEdge,
  selectNode,
  setColorBy,
  type State,
  type Store,
} from "./state.js";
import { decodeViewState, encodeViewState, type ViewState } from "./url.js";
import "./styles.css";

/** Below this camera ratio every visible edge carries its relation label. */
const EDGE_LABEL_RATIO = 0.5;

/** Node plus edge count above which hovering no longer refocuses the graph. */
const LARGE_GRAPH = 5000;

/** The page elements the viewer fills. */
export interface ViewerElements {
  graph: HTMLElement;
  panel: HTMLElement;
  search: HTMLElement;
  legend: HTMLElement;
  filters: HTMLElement;
  layout: HTMLElement;
  export: HTMLElement;
  name: HTMLElement;
  /** The time range control's box (hidden for graphs without dates). */
  time?: HTMLElement;
}

/** A mounted viewer: its context (for scripts and tests) and the cleanup that unmounts it and kills the renderer. */
export interface MountedViewer {
  ctx: ViewerContext;
  /** True once sigma has drawn the graph for the first time. */
  ready: boolean;
  cleanup(): void;
}

declare global {
  interface Window {
    /** The mounted viewer, for scripting from the console and for browser tests. */
    kgViewer?: MountedViewer;
  }
}

/** Apply a decoded view to the store and camera, ignoring keys the graph does not have. */
function applyView(view: ViewState, graph: KgGraph, store: Store, renderer: KgSigma): void {
  replaceFilters(store, view.filters);
  setColorBy(store, view.colorBy ?? "kind");
  if (view.selected !== null && graph.hasNode(view.selected)) selectNode(store, view.selected);
  else if (view.selectedEdge !== null && graph.hasEdge(view.selectedEdge)) selectEdge(store, view.selectedEdge);
  else clearSelection(store);
  if (view.camera) renderer.getCamera().setState(view.camera);
}

/** The store's starting state for a shared view, ignoring keys the graph does not have. */
function initialState(view: ViewState | null, graph: KgGraph): Partial<State> {
  if (!view) return { filters: defaultFilters(graph.order) };
  const selected = view.selected !== null && graph.hasNode(view.selected) ? view.selected : null;
  const selectedEdge = selected === null && view.selectedEdge !== null && graph.hasEdge(view.selectedEdge) ? view.selectedEdge : null;
  return { filters: view.filters, selected, selectedEdge, colorBy: view.colorBy ?? "kind" };
}

/**
 * Mount a graph into the page; `hash` (from a shared URL) restores selection, filters, colouring and camera.
 * A large graph opens on its most important entities.
 */
export function mountViewer(graph: KgGraph, els: ViewerElements, hash: string): MountedViewer {
  const defaults = defaultFilters(graph.order);
  const view = hash.replace(/^#/, "") ? decodeViewState(hash, defaults) : null;
  performance.mark("kg:loaded");
  const display = prepareDisplay(graph);
  performance.mark("kg:display");
  const initialPositions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((n, a) => initialPositions.set(n, { x: a.x, y: a.y }));
  // The shared view goes into the store before sigma exists, so its first render is already the right one.
  const store = createStore(initialState(view, graph));
  // Above this size hovering changes nothing but sigma's hover layer: a focus change would redraw the whole scene.
  const large = graph.order + graph.size > LARGE_GRAPH;
  const deriveOptions = { hoverFocus: !large, rank: display.rank };
  let derived: Derived = deriveView(graph, store.get(), undefined, deriveOptions);
  let zoomedIn = view?.camera ? view.camera.ratio < EDGE_LABEL_RATIO : false;

  let labels: Map<string, LabelSide> | null = null;
  const reducers = createReducers({
    graph,
    display,
    state: () => store.get(),
    derived: () => derived,
    zoomedIn: () => zoomedIn,
    labels: () => labels,
  });
  // Sigma renders a graph of what the filters show: hidden nodes and edges cost nothing per frame. It is
  // rebuilt when the filters or the selection change what is shown, and framed in the whole graph's extent.
  const shownFor = (d: Derived) => buildDisplayGraph(graph, d.hiddenNodes, (e) => edgeShown(graph, e, store.get(), d.hiddenNodes));
  let shown = shownFor(derived);
  const renderer: KgSigma = new Sigma(shown as unknown as Graph, els.graph, {
    ...reducers,
    edgeProgramClasses: { curved: EdgeCurveProgram, curvedArrow: EdgeCurvedArrowProgram },
    defaultEdgeType: "arrow",
    // Always on: the edge reducer decides which edges carry a label (focused ones, or all when zoomed in).
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    stagePadding: 48,
    defaultDrawNodeLabel: drawSidedLabel,
    labelFont: "Inter, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK KR', 'DejaVu Sans', system-ui, sans-serif",
    labelSize: 13,
    labelWeight: "600",
    labelColor: { color: "#1f2933" },
    // Small graphs: a label for every node that has room. Larger ones get labels only from the placement of
    // label-placement.ts (the most important nodes in view), so sigma's own label grid is off.
    labelDensity: graph.order > SMALL_GRAPH ? 0 : 1.2,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 0,
    edgeLabelFont: "Inter, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#3e4c5e" },
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    hideEdgesOnMove: graph.size > 20000,
  });
  renderer.setCustomBBox(graphExtent(graph));
  // The layout worker moves the data graph's nodes: redraw what is shown (the reducers read positions there).
  const onLayout = () => {
    renderer.setCustomBBox(graphExtent(graph));
    renderer.refresh({ schedule: true });
  };
  graph.on("eachNodeAttributesUpdated", onLayout);


  const stopLabels = placeLabelsAfterEachFrame(renderer, graph, display, () => derived, (next) => {
    labels = next;
  });

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const s = store.get();
      const hash = encodeViewState({
        selected: s.selected,
        selectedEdge: s.selectedEdge,
        filters: s.filters,
        camera: renderer.getCamera().getState(),
        colorBy: s.colorBy,
      }, defaults);
      if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
    }, 150);
  };

  /** Give sigma a new display graph when the filters show other nodes or edges; true when it did (and redrew). */
  const syncShown = (): boolean => {
    const d = derived;
    const passes = (e: string) => edgeShown(graph, e, store.get(), d.hiddenNodes);
    if (displayGraphMatches(graph, shown, d.hiddenNodes, passes)) return false;
    shown = buildDisplayGraph(graph, d.hiddenNodes, passes);
    renderer.setGraph(shown as unknown as Graph);
    return true;
  };

  const unsubscribe = store.subscribe((s: State, prev: State) => {
    const previousHidden = derived.hiddenNodes;
    derived = deriveView(graph, s, { state: prev, derived }, deriveOptions);
    const hoverOnly =
      s.filters === prev.filters && s.selected === prev.selected && s.selectedEdge === prev.selectedEdge && s.colorBy === prev.colorBy;
    if (!(large && hoverOnly)) {
      const mayShowOther = s.filters !== prev.filters || derived.hiddenNodes !== previousHidden;
      if (!(mayShowOther && syncShown())) {
        // Only the colours changed: redraw the nodes, not the edges.
        const coloursOnly = large && s.colorBy !== prev.colorBy && !mayShowOther && s.selected === prev.selected && s.selectedEdge === prev.selectedEdge && derived.focusNodes === null;
        if (coloursOnly) renderer.refresh({ partialGraph: { nodes: shown.nodes() }, skipIndexation: true });
        else renderer.refresh();
      }
    }
    if (!hoverOnly) writeUrl();
  });

  const camera = renderer.getCamera();
  const onCamera = () => {
    const z = camera.getState().ratio < EDGE_LABEL_RATIO;
    if (z !== zoomedIn) {
      zoomedIn = z;
      renderer.refresh({ skipIndexation: true });
    }
    writeUrl();
  };
  camera.on("updated", onCamera);

  renderer.on("enterNode", ({ node }) => {
    hoverNode(store, node);
    els.graph.style.cursor = "pointer";
  });
  renderer.on("leaveNode", () => {
    hoverNode(store, null);
    els.graph.style.cursor = "";
  });
  renderer.on("enterEdge", ({ edge }) => {
    hoverEdge(store, edge);
    els.graph.style.cursor = "pointer";
  });
  renderer.on("leaveEdge", () => {
    hoverEdge(store, null);
    els.graph.style.cursor = "";
  });
  renderer.on("clickNode", ({ node }) => selectNode(store, node));
  renderer.on("clickEdge", ({ edge }) => selectEdge(store, edge));
  renderer.on("clickStage", () => clearSelection(store));

  const ctx: ViewerContext = {
    graph,
    display,
    store,
    renderer,
    initialPositions,
    focusNode(key) {
      if (!graph.hasNode(key)) return;
      selectNode(store, key);
      const d = renderer.getNodeDisplayData(key);
      if (!d) return;
      // Frame the entity with its neighbours: centre on the box around them, zoomed so that all are in view.
      let [x0, x1, y0, y1] = [d.x, d.x, d.y, d.y];
      graph.forEachNeighbor(key, (n) => {
        const o = renderer.getNodeDisplayData(n);
        if (!o || o.hidden) return;
        [x0, x1, y0, y1] = [Math.min(x0, o.x), Math.max(x1, o.x), Math.min(y0, o.y), Math.max(y1, o.y)];
      });
      // Sigma frames the graph on the viewport's shorter side; the panel opening narrows the view, hence the margin.
      const ratio = Math.min(1.2, Math.max(0.12, Math.max(x1 - x0, y1 - y0) * 1.5));
      void camera.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 450 });
    },
    refresh: () => {
      // Positions changed: the data graph's extent may have too.
      renderer.setCustomBBox(graphExtent(graph));
  // The layout worker moves the data graph's nodes: redraw what is shown (the reducers read positions there).
  const onLayout = () => {
    renderer.setCustomBBox(graphExtent(graph));
    renderer.refresh({ schedule: true });
  };
  graph.on("eachNodeAttributesUpdated", onLayout);
      renderer.refresh();
    },
    hiddenNodes: () => derived.hiddenNodes,
  };

  // The panel opening or the window changing size resizes the graph area: keep sigma's canvases in step.
  const resizer = new ResizeObserver(() => {
    const { width, height } = renderer.getDimensions();
    if (width === els.graph.offsetWidth && height === els.graph.offsetHeight) return;
    renderer.resize();
    renderer.refresh({ skipIndexation: true });
  });
  resizer.observe(els.graph);

  const onHash = () => applyView(decodeViewState(location.hash, defaults), graph, store, renderer);
  window.addEventListener("hashchange", onHash);

  performance.mark("kg:renderer");
  const cleanups = [
    mountLegend(els.legend, ctx),
    mountFilters(els.filters, ctx),
    mountSearch(els.search, ctx),
    mountPanel(els.panel, ctx),
    mountLayout(els.layout, ctx),
    mountExport(els.export, ctx),
    ...(els.time ? [mountTimeRange(els.time, ctx)] : []),
  ];
  performance.mark("kg:controls");
  const name = String(graph.getAttribute("name") ?? "");
  els.name.textContent = `${name ? `${name} · ` : ""}${graph.order.toLocaleString("en")} entities · ${graph.size.toLocaleString("en")} relations`;

  if (view?.camera) camera.setState(view.camera);
  const mounted: MountedViewer = {
    ctx,
    ready: false,
    cleanup() {
      clearTimeout(urlTimer);
      resizer.disconnect();
      stopLabels();
      graph.off("eachNodeAttributesUpdated", onLayout);
      window.removeEventListener("hashchange", onHash);
      camera.off("updated", onCamera);
      unsubscribe();
      for (const c of cleanups) c();
      renderer.kill();
    },
  };
  // Sigma drew the graph in its constructor; the frame is on screen once the next frame has started.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      mounted.ready = true;
      performance.mark("kg:first-render");
      document.documentElement.dataset.ready = "true";
    }),
  );
  return mounted;
}

function showError(el: HTMLElement, err: unknown): void {
  const e = err as Partial<KgError> & Error;
  el.textContent = e.code ? `Could not open the graph (${e.code}): ${e.message}` : `Could not open the graph: ${String(e.message ?? err)}`;
  el.hidden = false;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`viewer: the page has no #${id}`);
  return el;
}

/** Which graph to load: `?graph=` (same origin only) or the server's /graph.json beside the page. */
function graphUrl(): string {
  const asked = new URLSearchParams(location.search).get("graph");
  if (asked) {
    const url = new URL(asked, location.href);
    if (url.origin === location.origin) return url.href;
  }
  return new URL("graph.json", location.href).href;
}

/** Start the viewer on this page; resolves with a cleanup that unmounts everything. */
export async function boot(): Promise<() => void> {
  const els: ViewerElements = {
    graph: byId("graph"),
    panel: byId("panel"),
    search: byId("search"),
    legend: byId("legend"),
    filters: byId("filters"),
    layout: byId("layout-controls"),
    export: byId("export"),
    name: byId("graph-name"),
    time: document.getElementById("time-range") ?? undefined,
  };
  const errorEl = byId("error");
  let mounted: MountedViewer | null = null;

  const show = (graph: KgGraph, hash: string) => {
    mounted?.cleanup();
    errorEl.hidden = true;
    document.documentElement.dataset.ready = "false";
    mounted = mountViewer(graph, els, hash);
    window.kgViewer = mounted;
    document.title = `${String(graph.getAttribute("name") ?? "graph")} · kgraph`;
  };

  const onKey = (e: KeyboardEvent) => {
    const typing = e.target instanceof HTMLElement && e.target.closest("input, select, textarea") !== null;
    if (e.key === "Escape" && !typing && mounted) clearSelection(mounted.ctx.store);
    if (e.key === "/" && !typing) {
      e.preventDefault();
      document.getElementById("search-input")?.focus();
    }
  };
  window.addEventListener("keydown", onKey);

  const stopOpen = mountOpenFile(byId("open"), byId("drop"), (file) => {
    readGraphFile(file).then(
      (graph) => {
        history.replaceState(null, "", location.pathname + location.search);
        show(graph, "");
      },
      (err: unknown) => showError(errorEl, err),
    );
  });

  try {
    show(await fetchGraph(graphUrl()), location.hash);
  } catch (err) {
    showError(errorEl, err);
  }
  return () => {
    window.removeEventListener("keydown", onKey);
    stopOpen();
    mounted?.cleanup();
  };
}

void boot();
