// Browsing a large graph in headless Chromium: it opens on its most important entities, the long tail on request,
// labels for the most important nodes in view, colour by kind or community, and an entity's neighbourhood on search.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticGraph } from "../../bench/synthetic.js";
import type { RunningServer } from "../../src/cli/server.js";
import { analyseGraph, type KnowledgeMultiGraph } from "../../src/graph/index.js";
import { ROOT, runKg } from "../helpers/kg.js";
import { launchBrowser, openViewer, serveGraph, setCamera } from "./browser.js";
import { writeGraphFile } from "./fixtures.js";

let browser: Browser;
let large: RunningServer;
let articles: RunningServer;
let page: Page;
const errors: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), "kg-viewer-importance-"));

// A graph over the long-tail threshold, laid out and ranked by kg build's graph stage.
const graph = syntheticGraph({ nodes: 2500, edges: 7000, seed: 11 }) as unknown as KnowledgeMultiGraph;
analyseGraph(graph, { seed: 42 });

beforeAll(async () => {
  large = await serveGraph(writeGraphFile(graph.export()));
  // and the graph kg build makes of the committed articles
  const sources = join(tmp, "articles");
  mkdirSync(sources);
  for (const dir of ["test/fixtures/articles", "graph-data/sources"]) {
    for (const f of readdirSync(join(ROOT, dir))) if (/\.(txt|md|html)$/.test(f)) cpSync(join(ROOT, dir, f), join(sources, f));
  }
  const r = runKg(["build", "--sources", sources, "--out", join(tmp, "out"), "--quiet"]);
  if (r.status !== 0) throw new Error(r.stderr);
  articles = await serveGraph(join(tmp, "out", "graph.json"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await large?.close();
  await articles?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function fresh(url: string): Promise<Page> {
  await page?.close();
  page = await openViewer(browser, url, errors);
  return page;
}

/** Node keys sigma shows (not hidden), in graph order. */
const shownNodes = (p: Page) =>
  p.evaluate(() => {
    const { graph, renderer } = window.kgViewer!.ctx;
    return graph.filterNodes((k) => !(renderer.getNodeDisplayData(k)?.hidden ?? true));
  });

/** The most important `n` node keys, as the viewer ranks them. */
const topNodes = (p: Page, n: number) => p.evaluate((count) => window.kgViewer!.ctx.display.byImportance.slice(0, count), n);

/** Labels drawn now: nodes with a forced label, their label box in viewport pixels. */
const drawnLabels = (p: Page) =>
  p.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const { graph, renderer } = window.kgViewer!.ctx;
    // the box each label covers, as labels.ts draws it: beside the node on its side, vertically centred
    const out: Array<{ key: string; label: string; x0: number; x1: number; y0: number; y1: number }> = [];
    const ctx = document.createElement("canvas").getContext("2d")!;
    const s = renderer.getSettings();
    ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
    graph.forEachNode((k) => {
      const d = renderer.getNodeDisplayData(k)! as ReturnType<typeof renderer.getNodeDisplayData> & { labelSide?: string };
      if (!d || d.hidden || !d.forceLabel || !d.label) return;
      const v = renderer.framedGraphToViewport(d);
      const w = ctx.measureText(d.label).width;
      const r = renderer.scaleSize(d.size);
      const x0 = d.labelSide === "left" ? v.x - r - 3 - w : v.x + r + 3;
      out.push({ key: k, label: d.label, x0, x1: x0 + w, y0: v.y - s.labelSize / 2, y1: v.y + s.labelSize / 2 });
    });
    return out;
  });

/** Wait until the label placement has settled after a change (it redraws on the frame after). */
const settle = (p: Page) =>
  p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50)))));

describe("a graph of 2,500 entities", () => {
  it("opens on its 1,000 most important entities and the relations among them", async () => {
    await fresh(large.url);
    const shown = await shownNodes(page);
    const top = await topNodes(page, 1000);
    expect(shown.length).toBe(1000);
    expect(new Set(shown)).toEqual(new Set(top));
    // the most important are those of highest pagerank
    const ranks = top.map((k) => graph.getNodeAttribute(k, "pagerank"));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const minShown = ranks[ranks.length - 1];
    graph.forEachNode((k, a) => {
      if (!shown.includes(k)) expect(a.pagerank).toBeLessThanOrEqual(minShown);
    });
    // an edge is drawn when both its ends are
    const edges = await page.evaluate(() => {
      const { graph: g, renderer } = window.kgViewer!.ctx;
      let drawn = 0;
      let wrong = 0;
      g.forEachEdge((e, _a, s, t) => {
        const hidden = renderer.getEdgeDisplayData(e)?.hidden ?? true;
        const endsShown = !(renderer.getNodeDisplayData(s)?.hidden ?? true) && !(renderer.getNodeDisplayData(t)?.hidden ?? true);
        if (!hidden) drawn++;
        if (!hidden && !endsShown) wrong++;
      });
      return { drawn, wrong };
    });
    expect(edges.wrong).toBe(0);
    expect(edges.drawn).toBeGreaterThan(500);
    expect(await page.textContent("#shown-count")).toBe("1,000 shown");
    expect(errors).toEqual([]);
  });

  it("shows the long tail, or fewer, from the filters, and keeps the choice in the URL", async () => {
    await fresh(large.url);
    await page.selectOption("#top-entities", "0");
    expect((await shownNodes(page)).length).toBe(2500);
    expect(await page.textContent("#shown-count")).toBe("2,500 shown");
    await page.waitForFunction(() => location.hash.includes("top=all"));
    const hash = await page.evaluate(() => location.hash);
    await page.selectOption("#top-entities", "250");
    expect(new Set(await shownNodes(page))).toEqual(new Set(await topNodes(page, 250)));
    // a link with the long tail opens with it
    await fresh(large.url + hash);
    expect((await shownNodes(page)).length).toBe(2500);
    expect(await page.inputValue("#top-entities")).toBe("0");
  });

  it("hides a node that any filter hides: the long tail and the kinds of the legend together", async () => {
    await fresh(large.url);
    await page.click('.legend-kind[data-kind="person"]');
    const shown = await shownNodes(page);
    const top = new Set(await topNodes(page, 1000));
    const expected = [...top].filter((k) => graph.getNodeAttribute(k, "kind") !== "person");
    expect(new Set(shown)).toEqual(new Set(expected));
  });

  it("labels the most important nodes in view, without overlaps, zoomed out and zoomed in", async () => {
    await fresh(large.url);
    await settle(page);
    const labels = await drawnLabels(page);
    expect(labels.length).toBeGreaterThanOrEqual(15);
    const top = await topNodes(page, 5);
    for (const k of top) expect(labels.map((l) => l.key)).toContain(k);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `${a.label} / ${b.label}`).toBe(false);
      }
    }
    // zoomed in on an entity far down the list: the labels are of nodes in view, the most important of them first
    const far = (await topNodes(page, 900))[899];
    const at = await page.evaluate((k) => window.kgViewer!.ctx.renderer.getNodeDisplayData(k)!, far);
    await setCamera(page, { x: at.x, y: at.y, ratio: 0.08 });
    await settle(page);
    const zoomed = await drawnLabels(page);
    expect(zoomed.length).toBeGreaterThanOrEqual(3);
    const inView = await page.evaluate(() => {
      const { display, renderer } = window.kgViewer!.ctx;
      const { width, height } = renderer.getDimensions();
      return display.byImportance.filter((k) => {
        const d = renderer.getNodeDisplayData(k);
        if (!d || d.hidden) return false;
        const v = renderer.framedGraphToViewport(d);
        return v.x > 0 && v.y > 0 && v.x < width && v.y < height;
      });
    });
    for (const l of zoomed) expect(inView).toContain(l.key);
    expect(zoomed.map((l) => l.key)).toContain(inView[0]);
  });

  it("colours by community or by kind", async () => {
    await fresh(large.url);
    const colours = () =>
      page.evaluate(() => {
        const { display, graph: g, renderer } = window.kgViewer!.ctx;
        const out = { community: 0, kind: 0, n: 0 };
        for (const k of display.byImportance.slice(0, 300)) {
          const c = renderer.getNodeDisplayData(k)!.color;
          out.n++;
          if (c === display.communityColor.get(k)) out.community++;
          if (c === display.colors[g.getNodeAttribute(k, "kind")]) out.kind++;
        }
        return out;
      });
    expect((await colours()).kind).toBe(300);
    expect(await page.isVisible(".legend-communities")).toBe(false);
    await page.selectOption("#color-by", "community");
    const c = await colours();
    expect(c.community).toBe(300);
    expect(c.kind).toBeLessThan(150);
    // the legend lists the largest communities by their most important entity
    const first = await page.evaluate(() => window.kgViewer!.ctx.display.communities[0]);
    const members = graph.filterNodes((_k, a) => a.community === first.id);
    expect(first.size).toBe(members.length);
    const order = await topNodes(page, graph.order);
    const best = order.find((k) => members.includes(k))!;
    expect(await page.textContent(".legend-communities li:first-child .legend-name")).toBe(graph.getNodeAttribute(best, "label"));
    await page.waitForFunction(() => location.hash.includes("color=community"));
    await page.selectOption("#color-by", "kind");
    expect((await colours()).kind).toBe(300);
  });

  it("shows an entity of the long tail with its neighbours when it is searched, and hides them again after", async () => {
    await fresh(large.url);
    const order = await topNodes(page, 2500);
    const rank = new Map(order.map((k, i) => [k, i]));
    // an entity outside the top 1,000 with a neighbour outside it too
    const entity = order.slice(1000).find((k) => graph.neighbors(k).some((n) => rank.get(n)! >= 1000))!;
    const neighbours = graph.neighbors(entity);
    const label = graph.getNodeAttribute(entity, "label");
    expect((await shownNodes(page)).includes(entity)).toBe(false);
    await page.fill("#search-input", label);
    await page.press("#search-input", "Enter");
    await page.waitForFunction((k) => window.kgViewer!.ctx.store.get().selected === k, entity);
    const shown = new Set(await shownNodes(page));
    expect(shown.has(entity)).toBe(true);
    for (const n of neighbours) expect(shown.has(n), n).toBe(true);
    // the long tail beyond the neighbourhood stays hidden
    const extra = [...shown].filter((k) => rank.get(k)! >= 1000 && k !== entity && !neighbours.includes(k));
    expect(extra).toEqual([]);
    // focused: the entity and its neighbours in colour, the rest faded
    const faded = await page.evaluate((k) => window.kgViewer!.ctx.renderer.getNodeDisplayData(k)!.color, order[0]);
    if (!neighbours.includes(order[0])) expect(faded).toBe("#e4e8ee");
    await page.keyboard.press("Escape");
    await page.click("#graph", { position: { x: 5, y: 5 } });
    await page.waitForFunction(() => window.kgViewer!.ctx.store.get().selected === null);
    expect((await shownNodes(page)).includes(entity)).toBe(false);
    expect(errors).toEqual([]);
  });
  it("gives sigma only what is shown: the top entities, then a searched long-tail entity with its neighbours", async () => {
    await fresh(large.url);
    /** What sigma renders, against what the filters show in the data graph. */
    const rendered = () =>
      page.evaluate(() => {
        const { graph: g, renderer, hiddenNodes } = window.kgViewer!.ctx;
        const r = renderer.getGraph();
        const hidden = hiddenNodes();
        let between = 0;
        g.forEachEdge((_e, _a, s, t) => {
          if (!hidden.has(s) && !hidden.has(t)) between++;
        });
        return {
          order: r.order,
          size: r.size,
          shown: g.order - hidden.size,
          between,
          hiddenRendered: [...hidden].filter((k) => r.hasNode(k)).length,
          nodes: r.nodes(),
          // same keys and attributes as the data graph
          sameData: r.everyNode((k, a) => g.hasNode(k) && a.label === g.getNodeAttribute(k, "label") && a.x === g.getNodeAttribute(k, "x")),
        };
      });
    const opened = await rendered();
    expect(opened.order).toBe(1000);
    expect(opened.shown).toBe(1000);
    expect(opened.hiddenRendered).toBe(0);
    // every relation among the shown entities, and none to the long tail
    expect(opened.size).toBe(opened.between);
    expect(opened.size).toBeLessThan(graph.size);
    expect(opened.sameData).toBe(true);

    const order = await topNodes(page, 2500);
    const rank = new Map(order.map((k, i) => [k, i]));
    const entity = order.slice(1000).find((k) => graph.neighbors(k).some((n) => rank.get(n)! >= 1000))!;
    const neighbours = graph.neighbors(entity);
    const revealed = new Set([entity, ...neighbours].filter((k) => rank.get(k)! >= 1000));
    expect(opened.nodes.includes(entity)).toBe(false);
    await page.fill("#search-input", graph.getNodeAttribute(entity, "label"));
    await page.press("#search-input", "Enter");
    await page.waitForFunction((k) => window.kgViewer!.ctx.store.get().selected === k, entity);
    const searched = await rendered();
    expect(searched.order).toBe(1000 + revealed.size);
    expect(searched.hiddenRendered).toBe(0);
    expect(searched.size).toBe(searched.between);
    for (const k of [entity, ...neighbours]) expect(searched.nodes, k).toContain(k);
    // and it is drawn where the camera went
    const d = await page.evaluate((k) => window.kgViewer!.ctx.renderer.getNodeDisplayData(k), entity);
    expect(d?.hidden).toBe(false);

    // the long tail on request: the whole graph
    await page.selectOption("#top-entities", "0");
    await page.waitForFunction((n) => window.kgViewer!.ctx.renderer.getGraph().order === n, graph.order);
    expect((await rendered()).size).toBe(graph.size);
    expect(errors).toEqual([]);
  });
});

describe("the graph of the committed articles, on its 40 most important entities", () => {
  it("shows those 40 with the labels of the most important, and the rest on request", async () => {
    await fresh(`${articles.url}#top=40`);
    const shown = await shownNodes(page);
    const top = await topNodes(page, 40);
    expect(new Set(shown)).toEqual(new Set(top));
    await settle(page);
    const labels = (await drawnLabels(page)).map((l) => l.label);
    const names = await page.evaluate((keys) => keys.map((k) => window.kgViewer!.ctx.graph.getNodeAttribute(k, "label")), top.slice(0, 3));
    for (const n of names) expect(labels).toContain(n);
    const order = await page.evaluate(() => window.kgViewer!.ctx.graph.order);
    await page.selectOption("#top-entities", "0");
    expect((await shownNodes(page)).length).toBe(order);
    expect(errors).toEqual([]);
  });
});
