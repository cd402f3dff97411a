// The days each node and edge is supported on (from the documents' dates), and the corpus's documents per day, month or year.
import type { KgGraph } from "./graph-types.js";

/** A range of days, both ends included (`YYYY-MM-DD`). */
export interface DateWindow {
  from: string;
  to: string;
}

/** One bar of the histogram: a day, month or year, its first and last day, and how many documents fall in it. */
export interface TimeBucket {
  label: string;
  from: string;
  to: string;
  documents: number;
}

export interface TimeIndex {
  /** Sorted distinct days of each node's and edge's dated documents (or its firstDate/lastDate span when no document is known). */
  nodes: ReadonlyMap<string, readonly string[]>;
  edges: ReadonlyMap<string, readonly string[]>;
  /** Dated documents, by day. */
  buckets: readonly TimeBucket[];
  unit: "day" | "month" | "year";
  /** The number of dated documents. */
  dated: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
const cache = new WeakMap<KgGraph, TimeIndex>();

/** The graph's time index, computed once per graph. */
export function timeIndexOf(graph: KgGraph): TimeIndex {
  let index = cache.get(graph);
  if (!index) cache.set(graph, (index = buildTimeIndex(graph)));
  return index;
}

function buildTimeIndex(graph: KgGraph): TimeIndex {
  const docDay = new Map<string, string>();
  const sources = graph.getAttribute("sources");
  if (Array.isArray(sources)) {
    for (const s of sources as Array<{ id?: unknown; date?: unknown }>) {
      if (typeof s?.id === "string" && typeof s.date === "string" && DAY.test(s.date)) docDay.set(s.id, s.date.slice(0, 10));
    }
  }
  const nodes = new Map<string, string[]>();
  const edges = new Map<string, string[]>();
  // without dated documents there is nothing to draw and nothing to filter: leave the graph unread
  if (docDay.size > 0) {
    graph.forEachNode((node, a) => {
      const days = daysOf((a.documents ?? []).map((d) => docDay.get(d)), a.firstDate, a.lastDate);
      if (days.length) nodes.set(node, days);
    });
    graph.forEachEdge((edge, a) => {
      const days = daysOf((a.evidence ?? []).map((e) => (typeof e.date === "string" && DAY.test(e.date) ? e.date.slice(0, 10) : docDay.get(e.doc))), a.firstDate, a.lastDate);
      if (days.length) edges.set(edge, days);
    });
  }
  const { buckets, unit } = bucketsOf([...docDay.values()]);
  return { nodes, edges, buckets, unit, dated: docDay.size };
}

/** Sorted distinct days; the span's two ends when no day is known. */
function daysOf(days: Array<string | undefined>, first: unknown, last: unknown): string[] {
  const set = new Set<string>();
  for (const d of days) if (d !== undefined) set.add(d);
  if (set.size === 0) {
    if (typeof first === "string" && DAY.test(first)) set.add(first.slice(0, 10));
    if (typeof last === "string" && DAY.test(last)) set.add(last.slice(0, 10));
  }
  return [...set].sort();
}

/** True when one of the sorted `days` lies in the window; a node or edge with no day is outside every window. */
export function inWindow(days: readonly string[] | undefined, w: DateWindow): boolean {
  if (!days || days.length === 0) return false;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < w.from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] <= w.to;
}

/** Every day (up to 120), month (up to 240) or year between the first and last date, with its document count. */
export function bucketsOf(days: readonly string[]): { buckets: TimeBucket[]; unit: TimeIndex["unit"] } {
  if (days.length === 0) return { buckets: [], unit: "day" };
  const sorted = [...days].sort();
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const spanDays = Math.round((ms(last) - ms(first)) / 86_400_000) + 1;
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
  const unit: TimeIndex["unit"] = spanDays <= 120 ? "day" : months <= 240 ? "month" : "year";
  const buckets: TimeBucket[] = [];
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (unit === "day") {
    for (let t = ms(first); t <= ms(last); t += 86_400_000) buckets.push({ label: iso(t), from: iso(t), to: iso(t), documents: 0 });
  } else if (unit === "month") {
    let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
    for (let i = 0; i < months; i++) {
      const from = iso(Date.UTC(y, m - 1, 1));
      buckets.push({ label: from.slice(0, 7), from, to: iso(Date.UTC(y, m, 0)), documents: 0 });
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  } else {
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
      buckets.push({ label: String(y), from: `${String(y).padStart(4, "0")}-01-01`, to: `${String(y).padStart(4, "0")}-12-31`, documents: 0 });
    }
  }
  // buckets are in order and cover every day: find each day's bucket by its start
  for (const d of sorted) {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid].from <= d) lo = mid;
      else hi = mid - 1;
    }
    buckets[lo].documents++;
  }
  return { buckets, unit };
}
