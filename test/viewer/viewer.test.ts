// The viewer in headless Chromium on a small news graph: search, panel and evidence, legend filter, edges, URL state, exports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/cli/server.js";
import { toGexf } from "../../src/export/index.js";
import { artifactsDir, launchBrowser, nodePosition, openViewer, serveGraph, setCamera } from "./browser.js";
import { newsGraph, writeGraphFile } from "./fixtures.js";

let browser: Browser;
let server: RunningServer;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveGraph(writeGraphFile(newsGraph()));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fresh(hash = ""): Promise<Page> {
  await page?.close();
  page = await openViewer(browser, server.url + hash, errors);
  return page;
}

const state = (p: Page) =>
  p.evaluate(() => {
    const s = window.kgViewer!.ctx.store.get();
    return {
      selected: s.selected,
      selectedEdge: s.selectedEdge,
      hiddenKinds: [...s.filters.hiddenKinds],
      showCooccurrence: s.filters.showCooccurrence,
      minDegree: s.filters.minDegree,
      neighbourhood: s.filters.neighbourhood,
    };
  });

const hidden = (p: Page, node: string) => p.evaluate((k) => (window.kgViewer!.ctx.renderer.getNodeDisplayData(k)?.hidden ?? true), node);
const edgeHidden = (p: Page, edge: string) => p.evaluate((k) => (window.kgViewer!.ctx.renderer.getEdgeDisplayData(k)?.hidden ?? true), edge);

describe("viewer", () => {
  it("loads the graph with its exported positions and no errors", async () => {
    await fresh();
    const info = await page.evaluate(() => {
      const { graph } = window.kgViewer!.ctx;
      return { order: graph.order, size: graph.size, x: graph.getNodeAttribute("state:russia", "x") };
    });
    expect(info).toEqual({ order: 13, size: 16, x: 200 });
    expect(await page.textContent("#graph-name")).toContain("13 entities");
    expect(errors).toEqual([]);
  });

  it("sizes nodes by pagerank and bends parallel edges apart without touching the graph data", async () => {
    await fresh();
    const d = await page.evaluate(() => {
      const { display, graph } = window.kgViewer!.ctx;
      const shape = (k: string) => display.edgeShape.get(k)!;
      return {
        big: display.nodeSize.get("state:north-korea"),
        small: display.nodeSize.get("person:jose-nunez"),
        pair: ["supplies", "allied_with", "co_occurs_with"].map((r) => shape(`state:north-korea|${r}|state:russia`)),
        single: shape("person:kim-jong-un|leader_of|state:north-korea"),
        attrs: Object.keys(graph.getEdgeAttributes("state:north-korea|supplies|state:russia")).sort(),
        rendered: window.kgViewer!.ctx.renderer.getEdgeDisplayData("state:north-korea|supplies|state:russia")!.type,
      };
    });
    expect(d.big).toBe(20);
    expect(d.small).toBe(5);
    expect(new Set(d.pair.map((s) => s.curvature)).size).toBe(3);
    expect(d.pair.map((s) => s.type)).toEqual(["curvedArrow", "line", "curved"]);
    expect(d.single).toEqual({ type: "arrow", curvature: 0 });
    expect(d.rendered).toBe("curvedArrow");
    expect(d.attrs).toEqual(["confidence", "evidence", "items", "label", "relation", "weight"]);
  });

  it("finds an entity by an accented, differently cased alias with the keyboard and selects it", async () => {
    await fresh();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    expect(await page.getAttribute("#search-input", "type")).toBe("search");
    expect(await page.textContent('label[for="search-input"]')).toMatch(/search/i);
    await page.keyboard.type("PEPE");
    await page.waitForSelector("#search-results li[role=option]");
    expect(await page.textContent("#search-results")).toContain("José Núñez");
    await page.fill("#search-input", "");
    await page.keyboard.type("jose nunez");
    await page.waitForSelector('#search-results li[data-key="person:jose-nunez"]');
    await page.fill("#search-input", "");
    await page.keyboard.type("kim");
    const options = await page.$$eval("#search-results li[role=option]", (els) => els.map((e) => e.getAttribute("data-key")));
    expect(options).toEqual(expect.arrayContaining(["person:kim-jong-un", "person:kim-yo-jong"]));
    await page.keyboard.press("ArrowDown");
    const second = await page.getAttribute('#search-results li[aria-selected="true"]', "data-key");
    expect(second).toBe(options[1]);
    await page.keyboard.press("ArrowUp");
    await page.fill("#search-input", "");
    await page.keyboard.type("Россия");
    await page.keyboard.press("Enter");
    await page.waitForSelector('#panel[data-node="state:russia"]');
    expect((await state(page)).selected).toBe("state:russia");
    // The camera moves to frame the entity and its neighbours: all of them end up inside the graph area.
    const box = (await page.locator("#graph").boundingBox())!;
    for (const key of ["state:russia", "state:ukraine", "place:kursk", "person:olga-lyubimova", "state:north-korea"]) {
      const pos = await nodePosition(page, key);
      expect(pos.x, key).toBeGreaterThan(box.x);
      expect(pos.x, key).toBeLessThan(box.x + box.width);
      expect(pos.y, key).toBeGreaterThan(box.y);
      expect(pos.y, key).toBeLessThan(box.y + box.height);
    }
    expect(await page.evaluate(() => window.kgViewer!.ctx.renderer.getCamera().getState().ratio)).toBeLessThan(1);
  });

  it("shows the selected entity's details and its relations with marked evidence", async () => {
    await fresh();
    const at = await nodePosition(page, "state:north-korea");
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#panel[data-node="state:north-korea"]');
    expect(await page.textContent("#panel-title")).toBe("North Korea");
    const panel = (await page.textContent("#panel"))!;
    expect(panel).toContain("DPRK");
    expect(panel).toContain("news/north-korea-russia.txt");
    const groups = await page.$$eval("#panel .relation-group", (els) => els.map((e) => e.getAttribute("data-relation")));
    expect(groups).toEqual(["leader_of", "allied_with", "supplies", "deploys_troops_to", "party_to", "capital_of", "co_occurs_with"]);
    const supplies = page.locator('#panel [data-edge="state:north-korea|supplies|state:russia"]');
    expect(await supplies.locator("mark").allTextContents()).toEqual(["North Korea", "Russia"]);
    expect(await supplies.locator("q").textContent()).toBe("North Korea has supplied Russia with artillery shells.");
    expect(await supplies.textContent()).toContain("artillery shells");
    // The other entity is a button that selects it.
    await supplies.locator("button.entity-link").click();
    await page.waitForSelector('#panel[data-node="state:russia"]');
    await page.keyboard.press("Escape");
    await page.waitForSelector("#panel", { state: "hidden" });
    expect((await state(page)).selected).toBeNull();
  });

  it("hovering a node keeps its neighbours and fades the rest", async () => {
    await fresh();
    const at = await nodePosition(page, "person:hong-min");
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => window.kgViewer!.ctx.store.get().hovered === "person:hong-min");
    const colours = await page.evaluate(() => {
      const r = window.kgViewer!.ctx.renderer;
      return ["person:hong-min", "institution:kinu", "person:jose-nunez", "state:russia"].map((k) => r.getNodeDisplayData(k)!.color);
    });
    expect(colours[0]).toBe(colours[2]);
    expect(colours[1]).not.toBe(colours[3]);
    expect(colours[3]).toBe("#e4e8ee");
  });

  it("draws named-together edges thinner and greyer, and relation labels only when zoomed in or focused", async () => {
    await fresh();
    const look = await page.evaluate(() => {
      const r = window.kgViewer!.ctx.renderer;
      const weak = r.getEdgeDisplayData("person:jose-nunez|co_occurs_with|person:hong-min")!;
      const typed = r.getEdgeDisplayData("person:hong-min|works_for|institution:kinu")!;
      return { weak: [weak.size, weak.color], typed: [typed.size, typed.color] };
    });
    expect(look.weak[0]).toBeLessThan(look.typed[0] as number);
    expect(look.weak[1]).not.toBe(look.typed[1]);
    // Sigma lists every edge it considered; an edge whose display label is null draws nothing.
    const edgeLabels = () =>
      page.evaluate(() => {
        const r = window.kgViewer!.ctx.renderer;
        return [...r.getEdgeDisplayedLabels()].filter((e) => r.getEdgeDisplayData(e)!.label).sort();
      });
    expect(await edgeLabels()).toEqual([]);
    await setCamera(page, { x: 0.5, y: 0.5, ratio: 0.3 });
    await expect.poll(edgeLabels).not.toEqual([]);
    await setCamera(page, { x: 0.5, y: 0.5, ratio: 1 });
    await expect.poll(edgeLabels).toEqual([]);
    await page.evaluate(() => window.kgViewer!.ctx.focusNode("person:hong-min"));
    // The typed relation is labelled; "named with" is not worth a label.
    await expect.poll(edgeLabels).toEqual(["person:hong-min|works_for|institution:kinu"]);
  });

  it("the legend hides and shows a kind", async () => {
    await fresh();
    const place = page.locator('.legend-kind[data-kind="place"]');
    expect(await place.getAttribute("aria-pressed")).toBe("true");
    await place.click();
    expect(await place.getAttribute("aria-pressed")).toBe("false");
    expect(await hidden(page, "place:kursk")).toBe(true);
    expect(await hidden(page, "state:russia")).toBe(false);
    expect(await edgeHidden(page, "state:north-korea|deploys_troops_to|place:kursk")).toBe(true);
    await place.click();
    expect(await hidden(page, "place:kursk")).toBe(false);
  });

  it("filters co-occurrence edges, relation types, degree and the neighbourhood", async () => {
    await fresh();
    const weak = "state:north-korea|co_occurs_with|state:russia";
    expect(await edgeHidden(page, weak)).toBe(false);
    await page.uncheck("#show-cooccurrence");
    expect(await edgeHidden(page, weak)).toBe(true);
    await page.uncheck('input[data-relation="supplies"]');
    expect(await edgeHidden(page, "state:north-korea|supplies|state:russia")).toBe(true);
    await page.locator("#min-degree").fill("3");
    expect(await hidden(page, "person:hong-min")).toBe(true);
    expect(await hidden(page, "state:north-korea")).toBe(false);
    await page.locator("#min-degree").fill("0");
    await page.evaluate(() => window.kgViewer!.ctx.focusNode("person:hong-min"));
    await page.selectOption("#neighbourhood", "1");
    expect(await hidden(page, "institution:kinu")).toBe(false);
    expect(await hidden(page, "person:jose-nunez")).toBe(true);
    expect(await hidden(page, "state:russia")).toBe(true);
  });

  it("clicking an edge shows its relation and evidence", async () => {
    await fresh();
    const a = await nodePosition(page, "person:kim-jong-un");
    const b = await nodePosition(page, "state:north-korea");
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.waitForFunction(() => window.kgViewer!.ctx.store.get().selectedEdge !== null);
    expect((await state(page)).selectedEdge).toBe("person:kim-jong-un|leader_of|state:north-korea");
    expect(await page.textContent("#panel-title")).toBe("leader of");
    expect(await page.locator("#panel mark").allTextContents()).toEqual(["North Korean", "leader Kim Jong-un"]);
    expect(await page.textContent("#panel cite")).toContain("news/north-korea-russia.txt");
  });

  it("keeps the view in the URL and restores it from a link", async () => {
    await fresh();
    await page.evaluate(() => window.kgViewer!.ctx.focusNode("person:olga-lyubimova"));
    await page.locator('.legend-kind[data-kind="event"]').click();
    await page.uncheck("#show-cooccurrence");
    await setCamera(page, { x: 0.4, y: 0.6, ratio: 0.35 });
    await page.waitForFunction(() => location.hash.includes("cam=0.4%2C0.6%2C0.35"));
    const link = page.url();
    expect(link).toContain("node=person%3Aolga-lyubimova");
    const before = await state(page);
    const other = await openViewer(browser, link, errors);
    try {
      expect(await state(other)).toEqual(before);
      expect(await other.evaluate(() => window.kgViewer!.ctx.renderer.getCamera().getState())).toMatchObject({ x: 0.4, y: 0.6, ratio: 0.35 });
      expect(await other.textContent("#panel-title")).toBe("Olga Lyubimova");
      expect(await other.getAttribute('.legend-kind[data-kind="event"]', "aria-pressed")).toBe("false");
      expect(await other.isChecked("#show-cooccurrence")).toBe(false);
    } finally {
      await other.close();
    }
  });

  it("runs ForceAtlas2 in a worker, separates overlaps and resets to the exported positions", async () => {
    await fresh();
    const positions = () =>
      page.evaluate(() => window.kgViewer!.ctx.graph.mapNodes((k, a) => [k, Math.round(a.x * 1000) / 1000, Math.round(a.y * 1000) / 1000] as const));
    const exported = await positions();
    await page.click("#layout-run");
    expect(await page.getAttribute("#layout-run", "aria-pressed")).toBe("true");
    await page.waitForFunction(() => window.kgViewer!.ctx.graph.getNodeAttribute("state:russia", "x") !== 200);
    await page.click("#layout-run");
    expect(await page.getAttribute("#layout-run", "aria-pressed")).toBe("false");
    const stopped = await positions();
    expect(stopped).not.toEqual(exported);
    await page.waitForTimeout(200);
    expect(await positions()).toEqual(stopped);

    await page.click("#layout-reset");
    expect(await positions()).toEqual(exported);
    // Pile every node on one spot: noverlap must pull them apart.
    await page.evaluate(() => window.kgViewer!.ctx.graph.updateEachNodeAttributes((k, a) => ({ ...a, x: 0, y: 0 }), { attributes: ["x", "y"] }));
    await page.click("#layout-noverlap");
    const spread = await positions();
    expect(new Set(spread.map(([, x, y]) => `${x},${y}`)).size).toBe(spread.length);
    expect(errors).toEqual([]);
  });

  it("exports the current view as PNG", async () => {
    await fresh();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(download.suggestedFilename()).toBe("north-korea-russia.png");
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it("exports the graph as GEXF and as JSON", async () => {
    await fresh();
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    expect(gexf.suggestedFilename()).toBe("north-korea-russia.gexf");
    const doc = new DOMParser().parseFromString(readFileSync((await gexf.path())!, "utf8"), "text/xml");
    expect(doc.documentElement.getAttribute("version")).toBe("1.3");
    const ids = Array.from({ length: doc.getElementsByTagName("node").length }, (_, i) => doc.getElementsByTagName("node")[i].getAttribute("id"));
    expect(ids.sort()).toEqual(newsGraph().nodes.map((n) => n.key).sort());
    expect(doc.getElementsByTagName("edge").length).toBe(16);

    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    expect(JSON.parse(readFileSync((await json.path())!, "utf8"))).toEqual(newsGraph());
  });

  it("opens a dropped or picked file, and says clearly what is wrong with a bad one", async () => {
    await fresh();
    await page.setInputFiles("#open-file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"nodes": 3}') });
    await page.waitForSelector("#error:not([hidden])");
    const message = (await page.textContent("#error"))!;
    expect(message).toContain("INVALID_GRAPH");
    expect(message).toContain("broken.json");
    expect(await page.evaluate(() => window.kgViewer!.ctx.graph.order)).toBe(13);

    const small = newsGraph();
    small.attributes.name = "picked";
    small.nodes = small.nodes.filter((n) => n.attributes.kind === "state");
    small.edges = small.edges.filter((e) => small.nodes.some((n) => n.key === e.source) && small.nodes.some((n) => n.key === e.target));
    await page.setInputFiles("#open-file", { name: "picked.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
    await page.waitForFunction(() => window.kgViewer!.ctx.graph.order === 3 && window.kgViewer!.ready);
    expect(await page.isHidden("#error")).toBe(true);

    // A GEXF file (kgraph's own export of the fixture), dropped on the page, comes back with its lists and evidence.
    const gexf = toGexf(MultiDirectedGraph.from(newsGraph() as never));
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "news.gexf", { type: "application/gexf+xml" }));
      return dt;
    }, gexf);
    await page.dispatchEvent("#stage", "drop", { dataTransfer: transfer });
    await page.waitForFunction(() => window.kgViewer!.ctx.graph.order === 13 && window.kgViewer!.ready);
    const back = await page.evaluate(() => {
      const g = window.kgViewer!.ctx.graph;
      return {
        aliases: g.getNodeAttribute("state:russia", "aliases"),
        evidence: g.getEdgeAttribute("state:north-korea|supplies|state:russia", "evidence")[0],
        size: g.size,
      };
    });
    expect(back.aliases).toEqual(["Россия", "Russian Federation", "Russian"]);
    expect(back.evidence).toMatchObject({ doc: "news/north-korea-russia.txt", sentence: 4, text: "North Korea has supplied Russia with artillery shells." });
    expect(back.size).toBe(16);
  });

  it("saves a screenshot of the default view", async () => {
    await fresh();
    await page.screenshot({ path: join(artifactsDir(), "viewer-news.png") });
    expect(errors).toEqual([]);
  });
});
