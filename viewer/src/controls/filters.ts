// Filters: how many of the most important entities (or the long tail too), relation types, the co-occurrence toggle, a minimum degree, and "neighbourhood only" of the selection.
import { RELATION_LABELS, TYPED_RELATIONS, type RelationType } from "../../../src/schema/index.js";
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";
import { DEFAULT_TOP, setCooccurrence, setMinDegree, setNeighbourhood, setTop, toggleRelation } from "../state.js";

/** The choices of how many of the most important entities to show, below the graph's size. */
const TOP_CHOICES = [100, 250, 500, DEFAULT_TOP, 2000, 5000, 10000];

/** The options of the "entities shown" list: the choices below the graph's size, the current value, and all. */
function topOptions(order: number, current: number): number[] {
  const values = new Set(TOP_CHOICES.filter((n) => n < order));
  if (current > 0 && current < order) values.add(current);
  return [...values].sort((a, b) => a - b);
}

/** Mount the filter panel. */
export const mountFilters: Control = (el, ctx) => {
  const { graph, store } = ctx;
  const counts = new Map<RelationType, number>();
  let maxDegree = 0;
  graph.forEachEdge((_, a) => counts.set(a.relation, (counts.get(a.relation) ?? 0) + 1));
  graph.forEachNode((n, a) => {
    maxDegree = Math.max(maxDegree, typeof a.degree === "number" ? a.degree : graph.degree(n));
  });

  const relationBoxes = new Map<RelationType, HTMLInputElement>();
  const relationList = h("ul", { class: "relation-list" });
  let weak = 0;
  for (const [relation, n] of counts) if (!TYPED_RELATIONS.has(relation)) weak += n;
  for (const relation of TYPED_RELATIONS) {
    const n = counts.get(relation);
    if (!n) continue;
    const box = h("input", { type: "checkbox", "data-relation": relation });
    box.checked = true;
    box.addEventListener("change", () => toggleRelation(store, relation));
    relationBoxes.set(relation, box);
    relationList.append(h("li", {}, h("label", {}, box, RELATION_LABELS[relation], h("span", { class: "count" }, n))));
  }

  const cooc = h("input", { type: "checkbox", id: "show-cooccurrence" });
  cooc.addEventListener("change", () => setCooccurrence(store, cooc.checked));

  const degreeMax = Math.max(1, Math.min(maxDegree, 50));
  const degree = h("input", { type: "range", id: "min-degree", min: 0, max: degreeMax, step: 1, value: 0 });
  const degreeOut = h("output", { for: "min-degree" }, "0");
  degree.addEventListener("input", () => setMinDegree(store, Number(degree.value)));

  const hood = h(
    "select",
    { id: "neighbourhood" },
    h("option", { value: "0" }, "whole graph"),
    h("option", { value: "1" }, "selection + 1 step"),
    h("option", { value: "2" }, "selection + 2 steps"),
  );
  hood.addEventListener("change", () => setNeighbourhood(store, Number(hood.value) as 0 | 1 | 2));

  // Only on graphs large enough for a long tail worth hiding.
  const fmt = (n: number) => n.toLocaleString("en");
  const top = h("select", { id: "top-entities" });
  const fillTop = () => {
    clear(top);
    for (const n of topOptions(graph.order, store.get().filters.top)) top.append(h("option", { value: String(n) }, `the ${fmt(n)} most important`));
    top.append(h("option", { value: "0" }, `all ${fmt(graph.order)} (the long tail too)`));
  };
  top.addEventListener("change", () => setTop(store, Number(top.value)));
  const shown = h("output", { id: "shown-count", for: "top-entities" });
  const topRow = graph.order > TOP_CHOICES[0] ? h("div", { class: "top-entities" }, h("label", { class: "row", for: "top-entities" }, "Entities: "), top, shown) : "";

  clear(el);
  el.append(
    h("h2", {}, "Filters"),
    topRow,
    h(
      "details",
      { class: "relations", open: relationBoxes.size <= 12 },
      h("summary", {}, "Relations"),
      relationList,
    ),
    weak
      ? h("label", { class: "row" }, cooc, "Show “named together” edges", h("span", { class: "count" }, weak))
      : "",
    h("label", { class: "row", for: "min-degree" }, "Minimum degree ", degreeOut),
    degree,
    h("label", { class: "row", for: "neighbourhood" }, "Show "),
    hood,
  );

  const sync = () => {
    const f = store.get().filters;
    for (const [relation, box] of relationBoxes) box.checked = !f.hiddenRelations.has(relation);
    cooc.checked = f.showCooccurrence;
    degree.value = String(f.minDegree);
    degreeOut.textContent = String(f.minDegree);
    hood.value = String(f.neighbourhood);
    hood.disabled = store.get().selected === null && f.neighbourhood === 0;
    if (topRow) {
      const value = f.top > 0 && f.top < graph.order ? f.top : 0;
      if (![...top.options].some((o) => o.value === String(value))) fillTop();
      top.value = String(value);
    }
  };
  fillTop();
  sync();
  // the count of entities shown, after the viewer has worked out what the filters hide
  const count = () => {
    if (!topRow) return;
    const hidden = ctx.hiddenNodes().size;
    shown.textContent = `${fmt(graph.order - hidden)} shown`;
  };
  count();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.filters !== prev.filters || s.selected !== prev.selected) {
      sync();
      count();
    }
  });
  return unsubscribe;
};
