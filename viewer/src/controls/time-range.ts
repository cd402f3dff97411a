// Time range: two handles over the corpus's document dates, with the documents per day, month or year drawn behind them.
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";
import { setDateWindow } from "../state.js";
import { timeIndexOf, type DateWindow, type TimeBucket } from "../time-index.js";

const SVG = "http://www.w3.org/2000/svg";
const HIST_WIDTH = 200;
const HIST_HEIGHT = 40;

/** Mount the time range control; it stays hidden when no document of the graph is dated. */
export const mountTimeRange: Control = (el, ctx) => {
  const { graph, store } = ctx;
  const index = timeIndexOf(graph);
  const buckets = index.buckets;
  clear(el);
  if (buckets.length === 0) {
    // a shared link's window means nothing here, and would hide everything with no control to undo it
    if (store.get().filters.dates) setDateWindow(store, null);
    el.hidden = true;
    return () => {
      el.hidden = true;
    };
  }
  el.hidden = false;
  const last = buckets.length - 1;
  const from = h("input", { type: "range", id: "time-from", min: 0, max: last, step: 1, value: 0, "aria-label": "From" });
  const to = h("input", { type: "range", id: "time-to", min: 0, max: last, step: 1, value: last, "aria-label": "To" });
  const label = h("output", { id: "time-label", for: "time-from time-to" });
  const count = h("span", { class: "count", id: "time-count" });
  const reset = h("button", { type: "button", class: "button", id: "time-reset" }, "All dates");
  const { svg, bars } = histogram(buckets);
  const slider = h("div", { class: "time-slider" }, from, to);
  slider.prepend(svg);

  el.append(
    h("h2", {}, "Time"),
    h("div", { class: "time-hist", title: `Documents per ${index.unit}` }, slider),
    h("div", { class: "time-row" }, label, count),
    reset,
  );

  /** The window of the handles, or null when they span every bucket. */
  const windowOf = (a: number, b: number): DateWindow | null => (a === 0 && b === last ? null : { from: buckets[a].from, to: buckets[b].to });

  const onInput = (moved: HTMLInputElement) => {
    let [a, b] = [Number(from.value), Number(to.value)];
    if (a > b) {
      // the moved handle pushes the other along
      if (moved === from) b = a;
      else a = b;
      from.value = String(a);
      to.value = String(b);
    }
    setDateWindow(store, windowOf(a, b));
  };
  from.addEventListener("input", () => onInput(from));
  to.addEventListener("input", () => onInput(to));
  reset.addEventListener("click", () => setDateWindow(store, null));

  const sync = () => {
    const w = store.get().filters.dates;
    const a = w ? Math.max(0, buckets.findIndex((b) => b.to >= w.from)) : 0;
    let b = w ? buckets.length - 1 - [...buckets].reverse().findIndex((x) => x.from <= w.to) : last;
    if (b > last || b < a) b = a;
    from.value = String(a);
    to.value = String(b);
    const shown = w ?? { from: buckets[0].from, to: buckets[last].to };
    label.textContent = shown.from === shown.to ? shown.from : `${shown.from} – ${shown.to}`;
    let docs = 0;
    bars.forEach((bar, i) => {
      const inside = i >= a && i <= b;
      bar.setAttribute("class", inside ? "in" : "out");
      if (inside) docs += buckets[i].documents;
    });
    count.textContent = `${docs.toLocaleString("en")} of ${index.dated.toLocaleString("en")} documents`;
    reset.disabled = w === null;
  };
  sync();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.filters.dates !== prev.filters.dates) sync();
  });
  return () => {
    unsubscribe();
    clear(el);
    el.hidden = true;
  };
};

/** The histogram behind the handles: one bar per bucket, heights by document count. */
function histogram(buckets: readonly TimeBucket[]): { svg: SVGSVGElement; bars: SVGRectElement[] } {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${HIST_WIDTH} ${HIST_HEIGHT}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "time-bars");
  svg.setAttribute("aria-hidden", "true");
  const max = Math.max(1, ...buckets.map((b) => b.documents));
  const w = HIST_WIDTH / buckets.length;
  const bars = buckets.map((b, i) => {
    const bar = document.createElementNS(SVG, "rect");
    const height = b.documents === 0 ? 0 : Math.max(1.5, (b.documents / max) * HIST_HEIGHT);
    bar.setAttribute("x", String(i * w + w * 0.08));
    bar.setAttribute("width", String(Math.max(0.5, w * 0.84)));
    bar.setAttribute("y", String(HIST_HEIGHT - height));
    bar.setAttribute("height", String(height));
    bar.setAttribute("data-documents", String(b.documents));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${b.label}: ${b.documents} document${b.documents === 1 ? "" : "s"}`;
    bar.append(title);
    svg.append(bar);
    return bar;
  });
  return { svg, bars };
}
