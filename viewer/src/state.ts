// The viewer's one State object (selection, hover, filters, colouring) and the actions that change it; never stored in the graph.
import type { EntityKind, RelationType } from "../../src/schema/index.js";
import type { DateWindow } from "./time-index.js";

/** Which part of the graph is shown. */
export interface Filters {
  hiddenKinds: ReadonlySet<EntityKind>;
  hiddenRelations: ReadonlySet<RelationType>;
  /** Show the weak `co_occurs_with` edges. */
  showCooccurrence: boolean;
  /** Hide nodes with a smaller degree. */
  minDegree: number;
  /** 0 shows everything; 1 or 2 shows only the selected entity's neighbourhood to that depth. */
  neighbourhood: 0 | 1 | 2;
  /** Show only what the documents of these days support; null shows every date (and the undated). */
  dates: DateWindow | null;
  /**
   * Show only this many of the most important entities (0: all of them, the long tail too). The selected
   * entity and its neighbours are shown even when they are not among them.
   */
  top: number;
}

/** How nodes are coloured: by entity kind, or by the community the layout found. */
export type ColorBy = "kind" | "community";

export interface State {
  /** Selected node key. */
  selected: string | null;
  /** Selected edge key (clicking an edge); exclusive with `selected`. */
  selectedEdge: string | null;
  hovered: string | null;
  hoveredEdge: string | null;
  filters: Filters;
  colorBy: ColorBy;
}

export const FILTERS_DEFAULTS: Filters = {
  hiddenKinds: new Set(),
  hiddenRelations: new Set(),
  showCooccurrence: true,
  minDegree: 0,
  neighbourhood: 0,
  dates: null,
  top: 0,
};

/** Graphs with more entities than this open on their most important ones only. */
export const LONG_TAIL_FROM = 2000;

/** How many of the most important entities a large graph opens on. */
export const DEFAULT_TOP = 1000;

/** The filters a graph of `order` entities opens with: on a large graph, its most important entities only. */
export function defaultFilters(order: number): Filters {
  return order > LONG_TAIL_FROM ? { ...FILTERS_DEFAULTS, top: DEFAULT_TOP } : FILTERS_DEFAULTS;
}

export const STATE_DEFAULTS: State = {
  selected: null,
  selectedEdge: null,
  hovered: null,
  hoveredEdge: null,
  filters: FILTERS_DEFAULTS,
  colorBy: "kind",
};

export type Listener = (state: State, previous: State) => void;

/** Holds the state; actions replace it with a new object and tell the listeners. */
export interface Store {
  get(): State;
  set(patch: Partial<State>): void;
  subscribe(listener: Listener): () => void;
}

/** A store starting from `initial` (defaults for what is missing). */
export function createStore(initial: Partial<State> = {}): Store {
  let state: State = { ...STATE_DEFAULTS, ...initial };
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Select an entity (or nothing), dropping any edge selection. */
export function selectNode(store: Store, key: string | null): void {
  store.set({ selected: key, selectedEdge: null });
}

/** Select a relation edge, dropping any node selection. */
export function selectEdge(store: Store, key: string | null): void {
  store.set({ selected: null, selectedEdge: key });
}

/** Clear both selections. */
export function clearSelection(store: Store): void {
  store.set({ selected: null, selectedEdge: null });
}

/** Set the hovered node (null when the pointer leaves it). */
export function hoverNode(store: Store, key: string | null): void {
  if (store.get().hovered !== key) store.set({ hovered: key });
}

/** Set the hovered edge (null when the pointer leaves it). */
export function hoverEdge(store: Store, key: string | null): void {
  if (store.get().hoveredEdge !== key) store.set({ hoveredEdge: key });
}

function setFilters(store: Store, patch: Partial<Filters>): void {
  store.set({ filters: { ...store.get().filters, ...patch } });
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** Hide or show one entity kind. */
export function toggleKind(store: Store, kind: EntityKind): void {
  setFilters(store, { hiddenKinds: toggled(store.get().filters.hiddenKinds, kind) });
}

/** Hide or show one relation type. */
export function toggleRelation(store: Store, relation: RelationType): void {
  setFilters(store, { hiddenRelations: toggled(store.get().filters.hiddenRelations, relation) });
}

/** Show or hide the co-occurrence edges. */
export function setCooccurrence(store: Store, show: boolean): void {
  setFilters(store, { showCooccurrence: show });
}

/** Hide nodes whose degree is below `min`. */
export function setMinDegree(store: Store, min: number): void {
  setFilters(store, { minDegree: Math.max(0, Math.floor(min)) });
}

/** Restrict the view to the selected entity's neighbourhood (0 turns it off). */
export function setNeighbourhood(store: Store, depth: 0 | 1 | 2): void {
  setFilters(store, { neighbourhood: depth });
}

/** Show only the nodes and edges supported by documents of the window's days (null: all). */
export function setDateWindow(store: Store, dates: DateWindow | null): void {
  const now = store.get().filters.dates;
  if (now === dates || (now && dates && now.from === dates.from && now.to === dates.to)) return;
  setFilters(store, { dates });
}

/** Show only the `top` most important entities (0: all). */
export function setTop(store: Store, top: number): void {
  setFilters(store, { top: Math.max(0, Math.floor(top)) });
}

/** Colour nodes by kind or by community. */
export function setColorBy(store: Store, colorBy: ColorBy): void {
  if (store.get().colorBy !== colorBy) store.set({ colorBy });
}

/** Replace all filters at once (restoring a shared view). */
export function replaceFilters(store: Store, filters: Filters): void {
  store.set({ filters });
}
