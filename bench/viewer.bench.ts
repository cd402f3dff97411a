// Viewer benchmark: a 10,000-node / 50,000-edge synthetic graph in headless Chromium — load time and frame times while hovering and panning.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, serveGraph } from "../test/viewer/browser.js";
import { syntheticGraph } from "./synthetic.js";

const NODES = Number(process.env.KG_BENCH_NODES ?? 10_000);
const EDGES = Number(process.env.KG_BENCH_EDGES ?? 50_000);
/** Pointer moves per phase; each may trigger a frame, and software WebGL makes frames slow. */
const HOVER_MOVES = Number(process.env.KG_BENCH_MOVES ?? 40);
const PAN_MOVES = HOVER_MOVES;

interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
}

function stats(deltas: number[]): FrameStats {
  const s = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { frames: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

/** Collect requestAnimationFrame deltas in the page while `act` runs. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  // A string, not a function: tsx would wrap named inner functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  })()`);
  await act();
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  return stats(deltas);
}

const fmt = (s: FrameStats) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${s.frames} frames`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const graph = syntheticGraph({ nodes: NODES, edges: EDGES });
  const dir = mkdtempSync(join(tmpdir(), "kg-viewer-bench-"));
  const file = join(dir, "graph.json");
  writeFileSync(file, JSON.stringify(graph.export()));
  process.stdout.write(`graph: ${graph.order} nodes, ${graph.size} edges, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const server = await serveGraph(file);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const start = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(() => window.kgViewer?.ready === true, undefined, { timeout: 120_000, polling: 50 });
    const wall = Date.now() - start;
    const marks = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return {
        render: at("kg:first-render"),
        domContentLoaded: nav.domContentLoadedEventEnd,
        loaded: at("kg:loaded"),
        display: at("kg:display"),
        renderer: at("kg:renderer"),
      };
    })()`)) as Record<"render" | "domContentLoaded" | "loaded" | "display" | "renderer", number>;
    process.stdout.write(
      `load: first render ${marks.render.toFixed(0)} ms after navigation start (DOMContentLoaded ${marks.domContentLoaded.toFixed(0)} ms; ${wall} ms wall clock from goto)\n`,
    );

    process.stdout.write(
      `  fetch + JSON.parse + zod + graph import done at ${marks.loaded.toFixed(0)} ms; display data +${(marks.display - marks.loaded).toFixed(0)} ms; ` +
        `sigma setup and first draw submitted +${(marks.renderer - marks.display).toFixed(0)} ms; frame on screen +${(marks.render - marks.renderer).toFixed(0)} ms\n`,
    );
    const box = (await page.locator("#graph").boundingBox())!;
    // Hover: sweep the pointer over the graph in a zigzag, crossing many nodes.
    const hover = await frameTimes(page, async () => {
      for (let i = 0; i < HOVER_MOVES; i++) {
        const x = box.x + box.width * (0.15 + 0.7 * ((i * 37) % 100) / 100);
        const y = box.y + box.height * (0.15 + 0.7 * ((i * 61) % 100) / 100);
        await page.mouse.move(x, y, { steps: 2 });
      }
    });
    const hovered = await page.evaluate(() => window.kgViewer!.ctx.store.get().hovered);
    process.stdout.write(`hover: ${fmt(hover)}\n`);

    // Pan: drag the stage around for a while.
    const pan = await frameTimes(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 0; i < PAN_MOVES; i++) {
        const a = (i / PAN_MOVES) * Math.PI * 4;
        await page.mouse.move(box.x + box.width / 2 + Math.cos(a) * 200, box.y + box.height / 2 + Math.sin(a) * 150);
      }
      await page.mouse.up();
    });
    process.stdout.write(`pan: ${fmt(pan)}\n`);
    process.stdout.write(`(a node was under the pointer during the hover sweep: ${hovered === null ? "not at the end" : "yes"})\n`);
    process.stdout.write("note: headless Chromium with --disable-gpu renders WebGL in software (SwiftShader); a real GPU is faster.\n");
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
