// Hover, selection, filters and colouring as sigma node/edge reducers: display changes only, the graph data stays untouched.
import type { Attributes } from "graphology-types";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { TYPED_RELATIONS, type EdgeAttributes, type NodeAttributes } from "../../src/schema/index.js";
import { COMMUNITY_OTHER, type Display } from "./display.js";
import { SMALL_GRAPH } from "./label-placement.js";
import type { LabelSide } from "./labels.js";
import type { KgGraph } from "./graph-types.js";
import type { State } from "./state.js";
import { inWindow, timeIndexOf } from "./time-index.js";

export const COLORS = {
  faded: "#e4e8ee",
  edge: "#9aa5b4",
  cooccurrence: "#d3d9e1",
  edgeFaded: "#f1f3f6",
  edgeFocus: "#2f3b4c",
} as const;

/** What the current state implies, computed once per state change rather than once per node. */
export interface Derived {
  /** Nodes the filters hide. */
  hiddenNodes: ReadonlySet<string>;
  /** Nodes to emphasise (hovered or selected entity and its neighbours, or an edge's ends); null when nothing is focused. */
  focusNodes: ReadonlySet<string> | null;
  /** The hovered or selected entity itself, or the selected edge's ends. */
  centre: ReadonlySet<string>;
  /** Edges to emphasise and label. */
  focusEdges: ReadonlySet<string> | null;
}

export interface DeriveOptions {
  /**
   * Let hovering focus a node (highlight its neighbourhood, fade the rest). Off for large graphs: every focus
   * change redraws the whole scene, so there hovering only shows sigma's own label box and clicking focuses.
   */
  hoverFocus: boolean;
  /** Each node's importance rank (0 first), for the `top` filter; without it that filter hides nothing. */
  rank?: ReadonlyMap<string, number>;
}

/** Whether the relation filters let this edge's type through. */
function relationShown(graph: KgGraph, edge: string, state: State): boolean {
  const relation = graph.getEdgeAttribute(edge, "relation");
  const f = state.filters;
  if (f.hiddenRelations.has(relation)) return false;
  if (!TYPED_RELATIONS.has(relation) && !f.showCooccurrence) return false;
  return !f.dates || inWindow(timeIndexOf(graph).edges.get(edge), f.dates);
}

/** Whether an edge is shown: its type and dates pass the filters and neither end is hidden. */
export function edgeShown(graph: KgGraph, edge: string, state: State, hiddenNodes: ReadonlySet<string>): boolean {
  return relationShown(graph, edge, state) && !hiddenNodes.has(graph.source(edge)) && !hiddenNodes.has(graph.target(edge));
}

/** Nodes within `depth` steps of `start`, over the edges the other filters leave. */
function neighbourhood(graph: KgGraph, start: string, depth: number, state: State, hidden: ReadonlySet<string>): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, s, t) => {
        const other = s === node ? t : s;
        if (!seen.has(other) && edgeShown(graph, edge, state, hidden)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return seen;
}

/** Compute the hidden and focused sets for a state; the hidden set is reused when filters and selection did not change. */
export function deriveView(
  graph: KgGraph,
  state: State,
  previous?: { state: State; derived: Derived },
  options: DeriveOptions = { hoverFocus: true },
): Derived {
  const selected = state.selected !== null && graph.hasNode(state.selected) ? state.selected : null;
  const sameFilters =
    previous !== undefined && previous.state.filters === state.filters && previous.state.selected === state.selected;
  const hidden = sameFilters ? previous.derived.hiddenNodes : hiddenBy(graph, state, selected, options.rank);
  const focusState = options.hoverFocus ? state : { ...state, hovered: null, hoveredEdge: null };
  return { hiddenNodes: hidden, ...focusOf(graph, focusState, selected, hidden) };
}

/**
 * The nodes some filter hides: a node is hidden when any filter hides it. The `top` filter hides the
 * long tail (all but the `top` most important entities) except the selected entity and its neighbours,
 * so that choosing an entity, in the search box for instance, shows its neighbourhood.
 */
function hiddenBy(graph: KgGraph, state: State, selected: string | null, rank: ReadonlyMap<string, number> | undefined): ReadonlySet<string> {
  const f = state.filters;
  const hidden = new Set<string>();
  const days = f.dates ? timeIndexOf(graph).nodes : null;
  const top = rank && f.top > 0 && f.top < graph.order ? f.top : 0;
  const revealed = new Set<string>();
  if (top > 0 && selected !== null) {
    revealed.add(selected);
    graph.forEachEdge(selected, (edge, _a, s, t) => {
      if (relationShown(graph, edge, state)) revealed.add(s === selected ? t : s);
    });
  }
  graph.forEachNode((node, a) => {
    const degree = typeof a.degree === "number" ? a.degree : graph.degree(node);
    const longTail = top > 0 && (rank!.get(node) ?? Infinity) >= top && !revealed.has(node);
    if (f.hiddenKinds.has(a.kind) || degree < f.minDegree || longTail) hidden.add(node);
    else if (days && !inWindow(days.get(node), f.dates!)) hidden.add(node);
  });
  if (selected !== null && f.neighbourhood > 0) {
    const keep = neighbourhood(graph, selected, f.neighbourhood, state, hidden);
    graph.forEachNode((node) => {
      if (!keep.has(node)) hidden.add(node);
    });
    hidden.delete(selected);
  }
  return hidden;
}

function focusOf(
  graph: KgGraph,
  state: State,
  selected: string | null,
  hidden: ReadonlySet<string>,
): Omit<Derived, "hiddenNodes"> {
  const hovered = state.hovered !== null && graph.hasNode(state.hovered) && !hidden.has(state.hovered) ? state.hovered : null;
  const edge = state.selectedEdge !== null && graph.hasEdge(state.selectedEdge) ? state.selectedEdge : null;
  const centreNode = hovered ?? selected;
  let focusNodes: Set<string> | null = null;
  let focusEdges: Set<string> | null = null;
  let centre = new Set<string>();
  if (centreNode !== null) {
    centre = new Set([centreNode]);
    focusNodes = new Set([centreNode]);
    focusEdges = new Set();
    graph.forEachEdge(centreNode, (e, _a, s, t) => {
      if (!edgeShown(graph, e, state, hidden)) return;
      focusNodes!.add(s === centreNode ? t : s);
      focusEdges!.add(e);
    });
  } else if (edge !== null) {
    centre = new Set([graph.source(edge), graph.target(edge)]);
    focusNodes = new Set(centre);
    focusEdges = new Set([edge]);
  }
  if (state.hoveredEdge !== null && graph.hasEdge(state.hoveredEdge)) {
    focusEdges = new Set(focusEdges ?? []);
    focusEdges.add(state.hoveredEdge);
  }
  return { focusNodes, centre, focusEdges };
}

/** The reducers read the latest derived view and zoom level through these getters. */
export interface ReducerContext {
  graph: KgGraph;
  display: Display;
  state: () => State;
  derived: () => Derived;
  /** True when the camera is close enough for every visible edge to carry its label. */
  zoomedIn: () => boolean;
  /** Nodes whose label is drawn and on which side (placed without overlaps), or null to leave it to sigma's label grid. */
  labels: () => ReadonlyMap<string, LabelSide> | null;
}

/** Build sigma's nodeReducer and edgeReducer for the viewer. */
export function createReducers(ctx: ReducerContext): {
  nodeReducer: (node: string, attrs: Attributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, attrs: Attributes) => Partial<EdgeDisplayData>;
} {
  const { graph, display } = ctx;
  return {
    nodeReducer(node) {
      // From the data graph, whatever graph sigma renders: a layout or a reset may replace a node's attributes there.
      const data = graph.getNodeAttributes(node) as NodeAttributes;
      const d = ctx.derived();
      const size = display.nodeSize.get(node) ?? 4;
      // Only what sigma draws: a copy of every attribute (aliases, documents...) for each node would be most of
      // a refresh's work on a large graph. A hidden node keeps its position, which sets the graph's extent.
      if (d.hiddenNodes.has(node)) return { x: data.x, y: data.y, size, label: data.label, hidden: true };
      const out: Partial<NodeDisplayData> & Record<string, unknown> = {
        x: data.x,
        y: data.y,
        label: data.label,
        size,
        color: ctx.state().colorBy === "community" ? (display.communityColor.get(node) ?? COMMUNITY_OTHER) : (display.colors[data.kind] ?? data.color),
      };
      if (d.focusNodes) {
        if (d.focusNodes.has(node)) {
          out.forceLabel = true;
          out.zIndex = 2;
          if (d.centre.has(node)) out.highlighted = true;
        } else {
          out.color = COLORS.faded;
          out.label = null;
          out.zIndex = 0;
        }
      }
      if (ctx.state().selected === node) {
        out.highlighted = true;
        out.forceLabel = true;
      }
      const labels = ctx.labels();
      if (labels) {
        out.forceLabel = labels.has(node);
        out.labelSide = labels.get(node) ?? "right";
        // Large graphs draw no other labels (sigma's label grid is off) and keep every node's label for its
        // hover box, since hovering there redraws no node.
        if (graph.order <= SMALL_GRAPH && !labels.has(node) && ctx.state().hovered !== node) out.label = null;
      }
      return out;
    },
    edgeReducer(edge, attrs) {
      const data = attrs as EdgeAttributes;
      const d = ctx.derived();
      const state = ctx.state();
      const shape = display.edgeShape.get(edge) ?? { type: "arrow", curvature: 0 };
      if (!edgeShown(graph, edge, state, d.hiddenNodes)) return { type: shape.type, curvature: shape.curvature, hidden: true };
      const weak = !TYPED_RELATIONS.has(data.relation);
      const out: Partial<EdgeDisplayData> & Record<string, unknown> = {
        label: data.label,
        type: shape.type,
        curvature: shape.curvature,
        color: weak ? COLORS.cooccurrence : COLORS.edge,
        size: weak ? 0.6 : Math.min(4, 1.2 + 0.4 * ((data.weight ?? 1) - 1)),
      };
      const focused = d.focusEdges?.has(edge) ?? false;
      if (focused) {
        out.color = weak ? "#8d99a8" : COLORS.edgeFocus;
        out.size = (out.size as number) + 1;
        // "named with" says nothing the grey line does not: only typed relations are labelled, to keep labels legible.
        out.forceLabel = !weak;
        out.zIndex = 2;
      } else if (d.focusNodes) {
        out.color = COLORS.edgeFaded;
        out.zIndex = 0;
      }
      if ((!focused && (!ctx.zoomedIn() || d.focusNodes)) || (weak && !ctx.zoomedIn())) out.label = null;
      return out;
    },
  };
}
