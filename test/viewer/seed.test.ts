// The real seed graph, built by `kg build` into a temporary folder, served by `kg serve`'s server and opened in Chromium.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/cli/server.js";
import { ROOT, artifactsDir, launchBrowser, openViewer, serveGraph, setCamera } from "./browser.js";

let browser: Browser;
let server: RunningServer;
let page: Page;
let out: string;
const errors: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kg-seed-"));
  // the seed article alone, out of the default corpus
  const sources = join(out, "sources");
  mkdirSync(sources);
  copyFileSync(join(ROOT, "graph-data/sources/north-korea-russia.txt"), join(sources, "north-korea-russia.txt"));
  execFileSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", "--sources", sources, "--out", out, "--quiet"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  server = await serveGraph(join(out, "graph.json"));
  browser = await launchBrowser();
  page = await openViewer(browser, server.url, errors);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Boxes of the labels drawn (on the side the viewer chose) and the discs of all visible nodes, in pixels. */
function drawn(p: Page) {
  return p.evaluate(() => {
    const r = window.kgViewer!.ctx.renderer;
    const ctx = document.createElement("canvas").getContext("2d")!;
    const s = r.getSettings();
    ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
    const nodes = window.kgViewer!.ctx.graph.nodes().map((key) => {
      const d = r.getNodeDisplayData(key)! as ReturnType<typeof r.getNodeDisplayData> & { labelSide?: string };
      return { key, d, at: r.framedGraphToViewport(d), size: r.scaleSize(d.size) };
    });
    const labels = nodes
      .filter(({ d, key }) => d.label && r.getNodeDisplayedLabels().has(key))
      .map(({ key, d, at, size }) => {
        const w = ctx.measureText(d.label!).width;
        const x = d.labelSide === "left" ? at.x - size - 3 - w : at.x + size + 3;
        return { key, x, y: at.y - s.labelSize / 2, w, h: s.labelSize };
      });
    const discs = nodes.filter(({ d }) => !d.hidden).map(({ key, at, size }) => ({ key, x: at.x - size, y: at.y - size, w: 2 * size, h: 2 * size }));
    return { labels, discs };
  });
}

type Box = { key: string; x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("the seed graph in the viewer", () => {
  it("opens the graph kg build wrote, with its GEXF beside it", async () => {
    const info = await page.evaluate(() => ({ order: window.kgViewer!.ctx.graph.order, size: window.kgViewer!.ctx.graph.size }));
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(info).toEqual({ order: json.nodes.length, size: json.edges.length });
    expect(info.order).toBeGreaterThan(5);
    expect(existsSync(join(out, "graph.gexf"))).toBe(true);
    const gexf = await page.evaluate(() => fetch("graph.gexf").then((r) => [r.status, r.headers.get("content-type")]));
    expect(gexf[0]).toBe(200);
    expect(gexf[1]).toMatch(/gexf/);
    expect(errors).toEqual([]);
  });

  it("shows most labels at the default zoom, none over another label or a node", async () => {
    const { labels, discs } = await drawn(page);
    const order = await page.evaluate(() => window.kgViewer!.ctx.graph.order);
    expect(labels.length).toBeGreaterThanOrEqual(Math.min(order, 12));
    for (const a of labels) {
      for (const b of labels) if (a !== b) expect(overlap(a, b), `labels of ${a.key} and ${b.key} overlap`).toBe(false);
      for (const d of discs) if (d.key !== a.key) expect(overlap(a, d), `label of ${a.key} covers node ${d.key}`).toBe(false);
    }
  });

  it("selecting the best-connected entity shows evidence from the article", async () => {
    const top = await page.evaluate(() => {
      const { graph } = window.kgViewer!.ctx;
      return graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))[0];
    });
    await page.evaluate((k) => window.kgViewer!.ctx.focusNode(k), top);
    await page.waitForSelector(`#panel[data-node="${top}"]`);
    const sentences = await page.locator("#panel .evidence-text").allTextContents();
    const article = readFileSync(join(ROOT, "graph-data/sources/north-korea-russia.txt"), "utf8").replace(/\s+/g, " ");
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences.slice(0, 10)) expect(article).toContain(s.replace(/\s+/g, " ").replace(/[“”]/g, (q) => q));
    expect(await page.locator("#panel mark").count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
  });

  it("saves screenshots (test-results/; docs/screenshot.png with KG_UPDATE_SCREENSHOT=1)", async () => {
    await setCamera(page, { x: 0.5, y: 0.5, ratio: 1 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const file = join(artifactsDir(), "viewer-seed.png");
    await page.screenshot({ path: file });
    const top = await page.evaluate(() => {
      const { graph } = window.kgViewer!.ctx;
      return graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))[0];
    });
    await page.evaluate((k) => window.kgViewer!.ctx.focusNode(k), top);
    await page.waitForSelector(`#panel[data-node="${top}"]`);
    await page.waitForFunction(() => !window.kgViewer!.ctx.renderer.getCamera().isAnimated());
    const selected = join(artifactsDir(), "viewer-seed-selected.png");
    await page.screenshot({ path: selected });
    expect(readFileSync(selected).subarray(1, 4).toString()).toBe("PNG");
    if (process.env.KG_UPDATE_SCREENSHOT === "1") copyFileSync(selected, join(ROOT, "docs/screenshot.png"));
  });
});
