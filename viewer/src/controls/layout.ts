// Layout on demand: ForceAtlas2 in a web worker (start/stop), noverlap to separate nodes, reset to the exported positions.
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import type { Control } from "../context.js";
import { clear, h } from "../dom.js";

/** Mount the layout buttons. */
export const mountLayout: Control = (el, ctx) => {
  const { graph, renderer } = ctx;
  let fa2: FA2Layout | null = null;
  const run = h("button", { type: "button", id: "layout-run", "aria-pressed": "false" }, "Run ForceAtlas2");
  const spread = h("button", { type: "button", id: "layout-noverlap" }, "Separate overlaps");
  const reset = h("button", { type: "button", id: "layout-reset" }, "Reset positions");

  const stop = () => {
    fa2?.stop();
    run.textContent = "Run ForceAtlas2";
    run.setAttribute("aria-pressed", "false");
  };
  run.addEventListener("click", () => {
    if (fa2?.isRunning()) return stop();
    fa2 ??= new FA2Layout(graph, {
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false },
      getEdgeWeight: null,
    });
    fa2.start();
    run.textContent = "Stop ForceAtlas2";
    run.setAttribute("aria-pressed", "true");
  });

  spread.addEventListener("click", () => {
    stop();
    // Work in graph units at the current zoom, so what ends up apart is what the user sees apart.
    const a = renderer.viewportToGraph({ x: 0, y: 0 });
    const b = renderer.viewportToGraph({ x: 100, y: 0 });
    const unitsPerPixel = Math.hypot(b.x - a.x, b.y - a.y) / 100;
    const zoom = Math.sqrt(renderer.getCamera().getState().ratio);
    noverlap.assign(graph, {
      maxIterations: 200,
      settings: { margin: 6 * unitsPerPixel * zoom, ratio: 1, expansion: 1.1 },
      inputReducer: (key, attrs) => ({
        x: attrs.x as number,
        y: attrs.y as number,
        size: (ctx.display.nodeSize.get(key) ?? 4) * unitsPerPixel * zoom,
      }),
    });
    ctx.refresh();
  });

  reset.addEventListener("click", () => {
    stop();
    graph.updateEachNodeAttributes(
      (key, attrs) => {
        const p = ctx.initialPositions.get(key);
        return p ? { ...attrs, x: p.x, y: p.y } : attrs;
      },
      { attributes: ["x", "y"] },
    );
    ctx.refresh();
  });

  clear(el);
  el.append(h("h2", {}, "Layout"), h("div", { class: "buttons" }, run, spread, reset));
  return () => {
    fa2?.kill();
    fa2 = null;
    clear(el);
  };
};
