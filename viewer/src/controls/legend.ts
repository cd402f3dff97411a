// The legend: colour by kind or by community; one button per entity kind (colour, name, count) that hides or shows that kind; the largest communities; notes on size and edges.
import { ENTITY_KINDS, KIND_LABELS, type EntityKind } from "../../../src/schema/index.js";
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";
import { setColorBy, toggleKind, type ColorBy } from "../state.js";

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
  const colorBy = h(
    "select",
    { id: "color-by", "aria-label": "Colour nodes by" },
    h("option", { value: "kind" }, "kind"),
    h("option", { value: "community" }, "community"),
  );
  colorBy.addEventListener("change", () => setColorBy(ctx.store, colorBy.value as ColorBy));
  const communities = h("ol", { class: "legend-communities", hidden: true });
  for (const c of ctx.display.communities) {
    communities.append(
      h(
        "li",
        { "data-community": c.id },
        swatch(c.color),
        h("span", { class: "legend-name" }, c.label),
        h("span", { class: "legend-count" }, c.size),
      ),
    );
  }
  clear(el);
  el.append(
    h("h2", {}, "Entities"),
    ctx.display.communities.length ? h("label", { class: "row color-by" }, "Colour by ", colorBy) : "",
    list,
    communities,
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
    const { filters, colorBy: mode } = ctx.store.get();
    for (const [kind, b] of buttons) b.setAttribute("aria-pressed", String(!filters.hiddenKinds.has(kind)));
    colorBy.value = mode;
    // by community, the kinds stay as filters without their colours, and the communities' colours are listed
    communities.hidden = mode !== "community";
    list.classList.toggle("uncoloured", mode === "community");
  };
  sync();
  return ctx.store.subscribe((s, prev) => {
    if (s.filters.hiddenKinds !== prev.filters.hiddenKinds || s.colorBy !== prev.colorBy) sync();
  });
};

export { KIND_NAMES };
