// The legend: one button per entity kind (colour, name, count) that hides or shows that kind; notes on size and edges.
import { ENTITY_KINDS, KIND_LABELS, type EntityKind } from "../../../src/schema/index.js";
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";
import { toggleKind } from "../state.js";

const KIND_NAMES = KIND_LABELS;

function swatch(color: string): HTMLElement {
  const el = h("span", { class: "swatch" });
  el.style.background = color;
  return el;
}

/** Mount the legend, which doubles as the kind filter. */
export const mountLegend: Control = (el, ctx) => {
  const counts = new Map<EntityKind, number>();
  ctx.graph.forEachNode((_, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  const buttons = new Map<EntityKind, HTMLButtonElement>();
  const list = h("ul", { class: "legend-kinds" });
  for (const kind of ENTITY_KINDS) {
    const n = counts.get(kind) ?? 0;
    if (n === 0) continue;
    const button = h(
      "button",
      { type: "button", class: "legend-kind", "data-kind": kind, "aria-pressed": "true", title: `Hide or show ${KIND_NAMES[kind].toLowerCase()} nodes` },
      swatch(ctx.display.colors[kind]),
      h("span", { class: "legend-name" }, KIND_NAMES[kind]),
      h("span", { class: "legend-count" }, n),
    );
    button.addEventListener("click", () => toggleKind(ctx.store, kind));
    buttons.set(kind, button);
    list.append(h("li", {}, button));
  }
  clear(el);
  el.append(
    h("h2", {}, "Entities"),
    list,
    h(
      "p",
      { class: "legend-note" },
      h("span", { class: "size-key" }, h("span", { class: "dot small" }), h("span", { class: "dot large" })),
      "Node size: PageRank",
    ),
    h("p", { class: "legend-note" }, h("span", { class: "edge-key typed" }), "relation (arrow = direction)"),
    h("p", { class: "legend-note" }, h("span", { class: "edge-key weak" }), "only named together"),
  );
  const sync = () => {
    const hidden = ctx.store.get().filters.hiddenKinds;
    for (const [kind, b] of buttons) b.setAttribute("aria-pressed", String(!hidden.has(kind)));
  };
  sync();
  return ctx.store.subscribe((s, prev) => {
    if (s.filters.hiddenKinds !== prev.filters.hiddenKinds) sync();
  });
};

export { KIND_NAMES };
