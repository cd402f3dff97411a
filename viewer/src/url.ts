// The view state in the URL hash (selection, filters, colouring, camera), so a link reproduces what its sender saw.
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from "../../src/schema/index.js";
import { FILTERS_DEFAULTS, type ColorBy, type Filters } from "./state.js";

/** A camera position as sigma stores it (normalised graph coordinates and zoom ratio). */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** Everything a shared link restores. */
export interface ViewState {
  selected: string | null;
  selectedEdge: string | null;
  filters: Filters;
  camera: CameraView | null;
  /** Absent: by kind. */
  colorBy?: ColorBy;
}

const round = (n: number): string => String(Math.round(n * 10000) / 10000);

/**
 * Encode a view as hash parameters (without the leading `#`); defaults are left out so links stay short.
 * `defaults` are the filters the graph opens with (a large graph opens on its most important entities).
 */
export function encodeViewState(view: ViewState, defaults: Filters = FILTERS_DEFAULTS): string {
  const p = new URLSearchParams();
  if (view.selected !== null) p.set("node", view.selected);
  if (view.selectedEdge !== null) p.set("edge", view.selectedEdge);
  const f = view.filters;
  if (f.hiddenKinds.size) p.set("hide", ENTITY_KINDS.filter((k) => f.hiddenKinds.has(k)).join(","));
  if (f.hiddenRelations.size) p.set("hiderel", RELATION_TYPES.filter((r) => f.hiddenRelations.has(r)).join(","));
  if (!f.showCooccurrence) p.set("cooc", "0");
  if (f.minDegree > 0) p.set("mindeg", String(f.minDegree));
  if (f.neighbourhood > 0) p.set("hood", String(f.neighbourhood));
  if (f.dates) {
    p.set("from", f.dates.from);
    p.set("to", f.dates.to);
  }
  if (f.top !== defaults.top) p.set("top", f.top === 0 ? "all" : String(f.top));
  if (view.colorBy === "community") p.set("color", "community");
  if (view.camera) p.set("cam", [view.camera.x, view.camera.y, view.camera.ratio].map(round).join(","));
  return p.toString();
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): Set<T> {
  const wanted = new Set((value ?? "").split(",").filter(Boolean));
  return new Set(allowed.filter((a) => wanted.has(a)));
}

/** Decode hash parameters (with or without `#`); unknown, malformed or absent values fall back to the defaults. */
export function decodeViewState(hash: string, defaults: Filters = FILTERS_DEFAULTS): ViewState {
  const p = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const minDegree = Number(p.get("mindeg") ?? "0");
  const hood = p.get("hood");
  const topParam = p.get("top");
  const top = topParam === "all" ? 0 : Number(topParam);
  const cam = (p.get("cam") ?? "").split(",").map(Number);
  const [from, to] = [p.get("from") ?? "", p.get("to") ?? ""];
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const camera =
    cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0 ? { x: cam[0], y: cam[1], ratio: cam[2] } : null;
  return {
    selected: p.get("node") || null,
    selectedEdge: p.get("node") ? null : p.get("edge") || null,
    filters: {
      hiddenKinds: listOf<EntityKind>(p.get("hide"), ENTITY_KINDS),
      hiddenRelations: listOf<RelationType>(p.get("hiderel"), RELATION_TYPES),
      showCooccurrence: p.get("cooc") !== "0",
      minDegree: Number.isInteger(minDegree) && minDegree > 0 ? minDegree : FILTERS_DEFAULTS.minDegree,
      neighbourhood: hood === "1" ? 1 : hood === "2" ? 2 : 0,
      dates: day.test(from) && day.test(to) && from <= to ? { from, to } : null,
      top: topParam !== null && Number.isInteger(top) && top >= 0 ? top : defaults.top,
    },
    camera,
    colorBy: p.get("color") === "community" ? "community" : undefined,
  };
}
