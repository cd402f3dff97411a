// Opening another graph: a file picker and drag-and-drop of a .json or .gexf file anywhere on the page.
import { h, clear } from "../dom.js";

/** Mount the picker and the page-wide drop target; `open` loads the file and reports errors itself. */
export function mountOpenFile(el: HTMLElement, dropHint: HTMLElement, open: (file: File) => void): () => void {
  const input = h("input", { type: "file", id: "open-file", accept: ".json,.gexf,application/json,application/gexf+xml", class: "visually-hidden" });
  const label = h("label", { for: "open-file", class: "button" }, "Open file…");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) open(file);
    input.value = "";
  });
  clear(el);
  el.append(input, label);

  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    dropHint.hidden = false;
  };
  const onOver = (e: DragEvent) => {
    if (hasFiles(e)) e.preventDefault();
  };
  const onLeave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropHint.hidden = true;
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    dropHint.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (file) open(file);
  };
  window.addEventListener("dragenter", onEnter);
  window.addEventListener("dragover", onOver);
  window.addEventListener("dragleave", onLeave);
  window.addEventListener("drop", onDrop);
  return () => {
    window.removeEventListener("dragenter", onEnter);
    window.removeEventListener("dragover", onOver);
    window.removeEventListener("dragleave", onLeave);
    window.removeEventListener("drop", onDrop);
    clear(el);
  };
}
