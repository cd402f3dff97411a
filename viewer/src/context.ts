// What every control gets: the graph, its display data, the state store, the renderer and shared camera moves.
import type Sigma from "sigma";
import type { Display } from "./display.js";
import type { KgGraph } from "./graph-types.js";
import type { Store } from "./state.js";

/** The renderer; its attribute types stay generic because sigma's plugins take a plain Sigma. */
export type KgSigma = Sigma;

export interface ViewerContext {
  graph: KgGraph;
  display: Display;
  store: Store;
  renderer: KgSigma;
  /** Select an entity and move the camera to it. */
  focusNode(key: string): void;
  /** Re-render after the graph's positions changed (layout). */
  refresh(): void;
  /** The nodes the filters hide now (kept up to date before the controls hear of a state change). */
  hiddenNodes(): ReadonlySet<string>;
  /** The exported positions, to reset a layout. */
  initialPositions: ReadonlyMap<string, { x: number; y: number }>;
}

/** A control mounts into its element and returns its cleanup. */
export type Control = (el: HTMLElement, ctx: ViewerContext) => () => void;
