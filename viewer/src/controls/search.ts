// The search box: labels and aliases, case- and accent-insensitive, with a keyboard-navigable suggestion list.
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";
import { buildSearchIndex, searchEntities, type SearchHit } from "../search-index.js";

/** Mount the search box with its suggestion list (ARIA combobox pattern). */
export const mountSearch: Control = (el, ctx) => {
  const index = buildSearchIndex(ctx.graph);
  const input = h("input", {
    type: "search",
    id: "search-input",
    placeholder: "Search entities…  ( / )",
    autocomplete: "off",
    spellcheck: "false",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "search-results",
  });
  const list = h("ul", { id: "search-results", role: "listbox", class: "suggestions", "aria-label": "Matching entities", hidden: true });
  let hits: SearchHit[] = [];
  let active = -1;

  const render = () => {
    clear(list);
    hits.forEach((hit, i) => {
      const kind = ctx.graph.getNodeAttribute(hit.key, "kind");
      const li = h(
        "li",
        { role: "option", id: `search-option-${i}`, "aria-selected": String(i === active), "data-key": hit.key },
        h("span", { class: "swatch" }),
        h("span", { class: "hit-label" }, hit.label),
        hit.alias ? h("span", { class: "hit-alias" }, `“${hit.alias}”`) : null,
      );
      (li.firstChild as HTMLElement).style.background = ctx.display.colors[kind];
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        choose(i);
      });
      list.append(li);
    });
    if (!hits.length && input.value.trim()) list.append(h("li", { class: "empty" }, "No matching entity"));
    const open = input.value.trim() !== "";
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    hits = [];
    active = -1;
    render();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    ctx.focusNode(hit.key);
  };

  input.addEventListener("input", () => {
    hits = searchEntities(index, input.value);
    active = hits.length ? 0 : -1;
    render();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      if (input.value) {
        e.stopPropagation();
        input.value = "";
        hits = [];
        active = -1;
        render();
      } else input.blur();
    }
  });
  input.addEventListener("blur", () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  });
  input.addEventListener("focus", () => {
    if (hits.length) render();
  });

  clear(el);
  el.append(h("label", { for: "search-input", class: "visually-hidden" }, "Search entities by name or alias"), input, list);
  return () => clear(el);
};
