// The side panel: details of the selected entity or relation, with every evidence sentence and its mentions marked.
import { RELATION_LABELS, RELATION_TYPES, SYMMETRIC_RELATIONS, TYPED_RELATIONS, type EdgeAttributes, type RelationType } from "../../../src/schema/index.js";
import type { Control, ViewerContext } from "../context.js";
import { clear, h } from "../dom.js";
import { mentionRanges } from "../highlight.js";
import { clearSelection } from "../state.js";
import { KIND_NAMES } from "./legend.js";

/** Most items listed per relation group, so a hub's panel stays usable. */
const GROUP_LIMIT = 100;

function names(ctx: ViewerContext, node: string): string[] {
  const a = ctx.graph.getNodeAttributes(node);
  return [a.label, ...(a.aliases ?? [])];
}

/** A sentence as text nodes with each mention of either entity wrapped in <mark>. */
function markedSentence(text: string, nameList: string[]): HTMLElement {
  const q = h("q", { class: "evidence-text" });
  let at = 0;
  for (const [start, end] of mentionRanges(text, nameList)) {
    q.append(document.createTextNode(text.slice(at, start)), h("mark", {}, text.slice(start, end)));
    at = end;
  }
  q.append(document.createTextNode(text.slice(at)));
  return q;
}

function evidenceList(ctx: ViewerContext, edge: string): HTMLElement {
  const a = ctx.graph.getEdgeAttributes(edge);
  const nameList = [...names(ctx, ctx.graph.source(edge)), ...names(ctx, ctx.graph.target(edge))];
  return h(
    "ul",
    { class: "evidence" },
    ...a.evidence.map((ev) =>
      h(
        "li",
        {},
        markedSentence(ev.text, nameList),
        ev.doc ? h("cite", {}, `${ev.doc}${ev.date ? ` (${ev.date.slice(0, 10)})` : ""}, sentence ${ev.sentence + 1}`) : null,
      ),
    ),
  );
}

function entityButton(ctx: ViewerContext, node: string): HTMLElement {
  const a = ctx.graph.getNodeAttributes(node);
  const b = h("button", { type: "button", class: "entity-link", "data-key": node, title: `Select ${a.label}` }, h("span", { class: "swatch" }), a.label);
  (b.firstChild as HTMLElement).style.background = ctx.display.colors[a.kind];
  b.addEventListener("click", () => ctx.focusNode(node));
  return b;
}

/** "rules (leader_of/title-name) 0.90", "classifier 0.83". */
function provenanceText(p: NonNullable<EdgeAttributes["provenance"]>[number]): string {
  return `${p.extractor}${p.rule ? ` (${p.rule})` : ""} ${p.score.toFixed(2)}`;
}

function details(a: EdgeAttributes): HTMLElement | null {
  const parts: string[] = [];
  if (a.role) parts.push(a.role);
  if (a.quantity !== undefined) parts.push(a.quantity.toLocaleString("en"));
  if (a.items?.length) parts.push(a.items.join(", "));
  if (a.date) parts.push(a.date);
  return parts.length ? h("span", { class: "edge-details" }, parts.join(" · ")) : null;
}

function header(ctx: ViewerContext, kindLabel: string, title: string, color: string): HTMLElement {
  const close = h("button", { type: "button", class: "close", "aria-label": "Close details (Escape)", title: "Close (Esc)" }, "×");
  close.addEventListener("click", () => clearSelection(ctx.store));
  const sw = h("span", { class: "swatch" });
  sw.style.background = color;
  return h("header", { class: "panel-header" }, h("p", { class: "kind" }, sw, kindLabel), h("h2", { id: "panel-title" }, title), close);
}

function nodePanel(ctx: ViewerContext, node: string): HTMLElement[] {
  const { graph } = ctx;
  const a = graph.getNodeAttributes(node);
  const out: HTMLElement[] = [header(ctx, KIND_NAMES[a.kind] ?? a.kind, a.label, ctx.display.colors[a.kind])];
  if (a.aliases?.length) out.push(h("p", { class: "aliases" }, h("span", { class: "muted" }, "Also: "), a.aliases.join(" · ")));
  out.push(
    h(
      "dl",
      { class: "stats" },
      h("dt", {}, "Degree"),
      h("dd", {}, graph.degree(node)),
      h("dt", {}, "PageRank"),
      h("dd", {}, typeof a.pagerank === "number" ? a.pagerank.toFixed(4) : "–"),
      h("dt", {}, "Mentions"),
      h("dd", {}, a.mentions ?? "–"),
      a.firstDate ? h("dt", {}, "Dates") : null,
      a.firstDate ? h("dd", { class: "dates" }, a.firstDate === a.lastDate ? a.firstDate : `${a.firstDate} – ${a.lastDate ?? ""}`) : null,
    ),
  );
  if (a.documents?.length) {
    out.push(h("h3", {}, "Documents"), h("ul", { class: "documents" }, ...a.documents.map((d) => h("li", {}, d))));
  }

  const groups = new Map<RelationType, string[]>();
  graph.forEachEdge(node, (edge, ea) => {
    const list = groups.get(ea.relation) ?? [];
    list.push(edge);
    groups.set(ea.relation, list);
  });
  const relations = h("div", { class: "relations-list" });
  // typed relations first, the weak ones after them, each in vocabulary order
  for (const relation of [...TYPED_RELATIONS, ...RELATION_TYPES.filter((r) => !TYPED_RELATIONS.has(r))]) {
    const edges = groups.get(relation);
    if (!edges) continue;
    const items = edges.slice(0, GROUP_LIMIT).map((edge) => {
      const ea = graph.getEdgeAttributes(edge);
      const outgoing = graph.source(edge) === node;
      const other = outgoing ? graph.target(edge) : graph.source(edge);
      const arrow = SYMMETRIC_RELATIONS.has(relation) ? "↔" : outgoing ? "→" : "←";
      return h(
        "li",
        { class: "relation", "data-edge": edge },
        h("div", { class: "relation-head" }, h("span", { class: "arrow", "aria-hidden": "true" }, arrow), entityButton(ctx, other), details(ea)),
        evidenceList(ctx, edge),
      );
    });
    const weak = !TYPED_RELATIONS.has(relation);
    relations.append(
      h(
        "details",
        { class: `relation-group${weak ? " weak" : ""}`, "data-relation": relation, open: !weak || edges.length <= 3 },
        h("summary", {}, RELATION_LABELS[relation], h("span", { class: "count" }, edges.length)),
        h("ul", {}, ...items),
        edges.length > GROUP_LIMIT ? h("p", { class: "muted" }, `… and ${edges.length - GROUP_LIMIT} more`) : null,
      ),
    );
  }
  out.push(h("h3", {}, "Relations"), groups.size ? relations : h("p", { class: "muted" }, "No relations."));
  return out;
}

function edgePanel(ctx: ViewerContext, edge: string): HTMLElement[] {
  const { graph } = ctx;
  const a = graph.getEdgeAttributes(edge);
  const label = a.label || RELATION_LABELS[a.relation];
  return [
    header(ctx, "Relation", label, "#5b6676"),
    h(
      "p",
      { class: "edge-ends" },
      entityButton(ctx, graph.source(edge)),
      h("span", { class: "arrow" }, SYMMETRIC_RELATIONS.has(a.relation) ? ` ${label} ` : ` ${label} → `),
      entityButton(ctx, graph.target(edge)),
    ),
    details(a) ?? h("span"),
    h(
      "dl",
      { class: "stats" },
      h("dt", {}, "Confidence"),
      h("dd", {}, a.confidence.toFixed(2)),
      h("dt", {}, "Sentences"),
      h("dd", {}, a.weight),
      ...(a.provenance?.length
        ? [h("dt", {}, "Found by"), h("dd", { class: "provenance" }, a.provenance.map(provenanceText).join(", "))]
        : []),
    ),
    h("h3", {}, "Evidence"),
    evidenceList(ctx, edge),
  ];
}

/** Mount the details panel; it shows whatever is selected and hides when nothing is. */
export const mountPanel: Control = (el, ctx) => {
  const render = () => {
    const { selected, selectedEdge } = ctx.store.get();
    clear(el);
    if (selected !== null && ctx.graph.hasNode(selected)) {
      el.append(...nodePanel(ctx, selected));
      el.dataset.node = selected;
    } else if (selectedEdge !== null && ctx.graph.hasEdge(selectedEdge)) {
      el.append(...edgePanel(ctx, selectedEdge));
      delete el.dataset.node;
    } else {
      el.hidden = true;
      delete el.dataset.node;
      return;
    }
    el.hidden = false;
    el.scrollTop = 0;
  };
  render();
  const stop = ctx.store.subscribe((s, prev) => {
    if (s.selected !== prev.selected || s.selectedEdge !== prev.selectedEdge) render();
  });
  return () => {
    stop();
    clear(el);
    el.hidden = true;
  };
};
