// Export: a PNG of the current view, and the graph (with any layout changes) as GEXF 1.3 or graph JSON.
import { downloadAsPNG } from "@sigma/export-image";
import { toGexf, toJson } from "../../../src/export/index.js";
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";

/** A file name from the graph's name: letters, digits, dot, dash and underscore only. */
export function fileBase(name: unknown): string {
  const base = String(name ?? "")
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return base || "graph";
}

/** Offer text as a file download. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Mount the export buttons. */
export const mountExport: Control = (el, ctx) => {
  const base = () => fileBase(ctx.graph.getAttribute("name"));
  const png = h("button", { type: "button", id: "export-png" }, "PNG image");
  const gexf = h("button", { type: "button", id: "export-gexf" }, "GEXF (Gephi)");
  const json = h("button", { type: "button", id: "export-json" }, "JSON");
  png.addEventListener("click", () => {
    png.disabled = true;
    void downloadAsPNG(ctx.renderer, { fileName: base(), backgroundColor: "#ffffff" }).finally(() => {
      png.disabled = false;
    });
  });
  gexf.addEventListener("click", () => download(toGexf(ctx.graph), `${base()}.gexf`, "application/gexf+xml"));
  json.addEventListener("click", () => download(toJson(ctx.graph), `${base()}.json`, "application/json"));
  clear(el);
  el.append(h("h2", {}, "Export"), h("div", { class: "buttons" }, png, gexf, json));
  return () => clear(el);
};
