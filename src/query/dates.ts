// Date ranges of queries: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` bounds, and per-edge and per-node dates indexed once at load.
import { z } from "zod";
import { KgError } from "../errors.js";
import type { EdgeAttributes, NodeAttributes } from "../schema/index.js";
import type { KgGraph } from "./indexes.js";
import type { DateRange } from "./types.js";

/** A date as the number YYYYMMDD; 0 stands for "no date". */
export type DateKey = number;

/** Date attributes of the contract that older graphs lack: `firstDate`/`lastDate` on nodes and edges, `date` on evidence and sources. */
type Dated = { firstDate?: unknown; lastDate?: unknown };

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a bound is not a calendar date or prefix of one, or undefined when it is. */
function boundProblem(text: string): string | undefined {
  const m = BOUND.exec(text);
  if (!m) return `expected YYYY, YYYY-MM or YYYY-MM-DD, got "${text}"`;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return `no month ${m[2]} in "${text}"`;
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > daysIn(Number(m[1]), month)) return `no day ${m[3]} in ${m[1]}-${m[2]}`;
  }
  return undefined;
}

/** A date bound as a query parameter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date. */
export const DateBound = z.string().superRefine((text, ctx) => {
  const problem = boundProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A range resolved to inclusive date keys; a missing side is open. */
export interface DateBounds {
  from: DateKey;
  to: DateKey;
}

/**
 * Resolve `{ from, to }` to keys: `from` is the first day it names (2024-07 → 2024-07-01), `to` the last (2024-07 → 2024-07-31).
 * Undefined when neither side is given. @throws KgError INVALID_ARGS naming the bad bound, or when from is after to
 */
export function resolveRange(range: DateRange | undefined, caller: string): DateBounds | undefined {
  if (!range || (range.from === undefined && range.to === undefined)) return undefined;
  const key = (side: "from" | "to"): DateKey => {
    const text = range[side];
    if (text === undefined) return side === "from" ? 0 : 99_999_999;
    const problem = boundProblem(text);
    if (problem) throw new KgError("INVALID_ARGS", `${caller}: ${side}: ${problem}`, { where: side });
    const [y, m, d] = text.split("-").map(Number);
    if (side === "from") return y * 10_000 + (m ?? 1) * 100 + (d ?? 1);
    const month = m ?? 12;
    return y * 10_000 + month * 100 + (d ?? daysIn(y, month));
  };
  const bounds = { from: key("from"), to: key("to") };
  if (bounds.from > bounds.to) throw new KgError("INVALID_ARGS", `${caller}: from ${range.from} is after to ${range.to}`, { where: "from" });
  return bounds;
}

/** The key of an ISO date (`YYYY-MM-DD`, optionally followed by a time), or 0 when the value is not one. */
export function dateKey(value: unknown): DateKey {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value)) return 0;
  return Number(value.slice(0, 4)) * 10_000 + Number(value.slice(5, 7)) * 100 + Number(value.slice(8, 10));
}

/** `YYYY-MM-DD` of a key. */
export function keyDate(key: DateKey): string {
  const s = String(key).padStart(8, "0");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export const inRange = (key: DateKey, b: DateBounds): boolean => key !== 0 && key >= b.from && key <= b.to;

/** The dates of evidence entries and nodes, in arrays parallel to the graph index. */
export interface DateIndex {
  /** Evidence entries of edge e are evDates[evOffsets[e] .. evOffsets[e+1]), in stored order; 0 = undated. */
  evOffsets: Int32Array;
  evDates: Int32Array;
  /** Earliest and latest dated evidence per edge (0 when none is dated). */
  edgeFirst: Int32Array;
  edgeLast: Int32Array;
  /** Dates of the dated documents of node n: nodeDates[nodeOffsets[n] .. nodeOffsets[n+1]), ascending. */
  nodeOffsets: Int32Array;
  nodeDates: Int32Array;
  /** Whether any evidence entry or node is dated at all. */
  any: boolean;
}

/**
 * Index dates once: an evidence entry's date is its own `date`, else its document's `sources[].date`.
 * A node's dates are those of its dated documents; a node none of whose documents is dated but which
 * has `firstDate` keeps that and `lastDate` (both ends: a range must hold one of them).
 */
export function buildDateIndex(graph: KgGraph, nodeKeys: readonly string[], edgeKeys: readonly string[]): DateIndex {
  const docDate = new Map<string, DateKey>();
  for (const s of graph.getAttribute("sources") ?? []) {
    const k = dateKey((s as { date?: unknown }).date);
    if (k) docDate.set(s.id, k);
  }
  const m = edgeKeys.length;
  const evOffsets = new Int32Array(m + 1);
  const dates: number[] = [];
  const edgeFirst = new Int32Array(m);
  const edgeLast = new Int32Array(m);
  let any = false;
  for (let e = 0; e < m; e++) {
    const a: EdgeAttributes = graph.getEdgeAttributes(edgeKeys[e]);
    let first = 0;
    let last = 0;
    for (const ev of a.evidence) {
      const k = dateKey((ev as { date?: unknown }).date) || (docDate.get(ev.doc) ?? 0);
      dates.push(k);
      if (k && (!first || k < first)) first = k;
      if (k > last) last = k;
    }
    edgeFirst[e] = first;
    edgeLast[e] = last;
    if (first) any = true;
    evOffsets[e + 1] = dates.length;
  }
  const n = nodeKeys.length;
  const nodeOffsets = new Int32Array(n + 1);
  const nodeDates: number[] = [];
  for (let i = 0; i < n; i++) {
    const a: NodeAttributes & Dated = graph.getNodeAttributes(nodeKeys[i]);
    const own: number[] = [];
    for (const d of a.documents) {
      const k = docDate.get(d);
      if (k) own.push(k);
    }
    if (!own.length) for (const k of [dateKey(a.firstDate), dateKey(a.lastDate)]) if (k) own.push(k);
    own.sort((x, y) => x - y);
    for (const k of own) nodeDates.push(k);
    if (own.length) any = true;
    nodeOffsets[i + 1] = nodeDates.length;
  }
  return { evOffsets, evDates: Int32Array.from(dates), edgeFirst, edgeLast, nodeOffsets, nodeDates: Int32Array.from(nodeDates), any };
}

/** Whether edge e has an evidence entry dated inside the range. */
export function edgeInRange(dates: DateIndex, e: number, b: DateBounds): boolean {
  if (!dates.edgeFirst[e] || dates.edgeLast[e] < b.from || dates.edgeFirst[e] > b.to) return false;
  for (let k = dates.evOffsets[e]; k < dates.evOffsets[e + 1]; k++) if (inRange(dates.evDates[k], b)) return true;
  return false;
}

/** Whether node n has a dated document inside the range (binary search over its sorted dates). */
export function nodeInRange(dates: DateIndex, n: number, b: DateBounds): boolean {
  let lo = dates.nodeOffsets[n];
  let hi = dates.nodeOffsets[n + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates.nodeDates[mid] < b.from) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.nodeOffsets[n + 1] && dates.nodeDates[lo] <= b.to;
}
