// The time range control in headless Chromium, on a graph `kg build` made from the dated fixtures: histogram, live filtering, URL.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/cli/server.js";
import type { GraphJson } from "../../src/schema/index.js";
import { ROOT, launchBrowser, openViewer, serveGraph } from "./browser.js";
import { newsGraph, writeGraphFile } from "./fixtures.js";

let browser: Browser;
let dated: RunningServer;
let undated: RunningServer;
let out: string;
let graph: GraphJson;
const errors: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kg-time-"));
  const sources = join(ROOT, "test/fixtures/dated");
  execFileSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "build", "--sources", sources, "--out", out, "--quiet"], { cwd: ROOT, stdio: "pipe" });
  graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as GraphJson;
  dated = await serveGraph(join(out, "graph.json"));
  undated = await serveGraph(writeGraphFile(newsGraph()));
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await dated?.close();
  await undated?.close();
  rmSync(out, { recursive: true, force: true });
});

const hiddenNodes = (p: Page) =>
  p.evaluate(() => {
    const r = window.kgViewer!.ctx.renderer;
    return window.kgViewer!.ctx.graph.nodes().filter((n) => (r.getNodeDisplayData(n)?.hidden ?? true));
  });
const hiddenEdges = (p: Page) =>
  p.evaluate(() => {
    const r = window.kgViewer!.ctx.renderer;
    return window.kgViewer!.ctx.graph.edges().filter((e) => (r.getEdgeDisplayData(e)?.hidden ?? true));
  });

/** What the build says a window should show: nodes and edges with a document of a day in it. */
function expected(from: string, to: string) {
  const day = new Map(graph.attributes.sources.filter((s) => s.date).map((s) => [s.id, s.date!.slice(0, 10)]));
  const inside = (docs: string[]) => docs.some((d) => {
    const x = day.get(d);
    return x !== undefined && x >= from && x <= to;
  });
  const nodes = graph.nodes.filter((n) => !inside(n.attributes.documents)).map((n) => n.key);
  const hiddenNodes = new Set(nodes);
  const edges = graph.edges
    .filter((e) => !inside(e.attributes.evidence.map((x) => x.doc)) || hiddenNodes.has(e.source) || hiddenNodes.has(e.target))
    .map((e) => e.key);
  return { nodes: nodes.sort(), edges: edges.sort() };
}

describe("time range", () => {
  it("draws the documents per day of the corpus behind the handles", async () => {
    const page = await openViewer(browser, dated.url, errors);
    expect(await page.isVisible("#time-range")).toBe(true);
    const bars = await page.$$eval("#time-range rect", (rs) => rs.map((r) => Number(r.getAttribute("data-documents"))));
    // 2024-07-10 to 2024-07-22: thirteen days, one bar each; five dated documents, one undated
    expect(bars).toHaveLength(13);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(5);
    expect(bars[0]).toBe(1);
    expect(bars[12]).toBe(1);
    expect(await page.textContent("#time-label")).toBe("2024-07-10 – 2024-07-22");
    expect(await page.textContent("#time-count")).toBe("5 of 5 documents");
    expect(await hiddenNodes(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters nodes and edges live by the days of their documents, not by their first and last date", async () => {
    const page = await openViewer(browser, dated.url, errors);
    // from 2024-07-18 (the 9th day) with the keyboard, as a user would
    await page.focus("#time-from");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
    expect(await page.textContent("#time-label")).toBe("2024-07-18 – 2024-07-22");
    expect((await hiddenNodes(page)).sort()).toEqual(expected("2024-07-18", "2024-07-22").nodes);
    expect((await hiddenEdges(page)).sort()).toEqual(expected("2024-07-18", "2024-07-22").edges);
    // down to 2024-07-18 alone: Joe Biden (in documents of 07-10 and 07-20) spans the day but is in none of its documents
    await page.focus("#time-to");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    expect(await page.textContent("#time-label")).toBe("2024-07-18");
    expect(await page.textContent("#time-count")).toBe("1 of 5 documents");
    const hidden = (await hiddenNodes(page)).sort();
    expect(hidden).toEqual(expected("2024-07-18", "2024-07-18").nodes);
    expect(hidden).toContain("person:joe-biden");
    expect(hidden).not.toContain("person:josep-borrell");
    expect((await hiddenEdges(page)).sort()).toEqual(expected("2024-07-18", "2024-07-18").edges);
    expect(await page.evaluate(() => window.kgViewer!.ctx.store.get().filters.dates)).toEqual({ from: "2024-07-18", to: "2024-07-18" });
    await page.waitForFunction(() => location.hash.includes("from=2024-07-18") && location.hash.includes("to=2024-07-18"));

    await page.click("#time-reset");
    expect(await hiddenNodes(page)).toEqual([]);
    expect(await page.evaluate(() => window.kgViewer!.ctx.store.get().filters.dates)).toBeNull();
    expect(await page.inputValue("#time-from")).toBe("0");
    expect(await page.inputValue("#time-to")).toBe("12");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("moves a handle with the mouse", async () => {
    const page = await openViewer(browser, dated.url, errors);
    await page.locator(".time-slider").scrollIntoViewIfNeeded();
    const box = (await page.locator(".time-slider").boundingBox())!;
    // drag the right-hand handle to the middle: the window then ends mid-July
    await page.mouse.move(box.x + box.width - 7, box.y + box.height - 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 8, { steps: 8 });
    await page.mouse.up();
    const to = Number(await page.inputValue("#time-to"));
    expect(to).toBeGreaterThan(3);
    expect(to).toBeLessThan(9);
    expect(await page.inputValue("#time-from")).toBe("0");
    const w = await page.evaluate(() => window.kgViewer!.ctx.store.get().filters.dates);
    expect(w?.from).toBe("2024-07-10");
    expect((await hiddenNodes(page)).sort()).toEqual(expected(w!.from, w!.to).nodes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("restores a window from a shared link", async () => {
    const page = await openViewer(browser, `${dated.url}#from=2024-07-16&to=2024-07-16`, errors);
    expect(await page.textContent("#time-label")).toBe("2024-07-16");
    expect(await page.inputValue("#time-from")).toBe("6");
    expect((await hiddenNodes(page)).sort()).toEqual(expected("2024-07-16", "2024-07-16").nodes);
    await page.close();
  });

  it("shows an entity's dates and each evidence sentence's document date in the panel", async () => {
    const page = await openViewer(browser, `${dated.url}#node=person%3Ajoe-biden`, errors);
    await page.waitForSelector("#panel dd.dates");
    expect(await page.textContent("#panel dd.dates")).toBe("2024-07-10 – 2024-07-20");
    const cites = await page.$$eval("#panel cite", (cs) => cs.map((c) => c.textContent));
    expect(cites).toContain("nato-summit.md (2024-07-10), sentence 2");
    await page.close();
  });

  it("is hidden for a graph without dates", async () => {
    const page = await openViewer(browser, undated.url, errors);
    expect(await page.isHidden("#time-range")).toBe(true);
    expect(await page.$$("#time-range input")).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
    // a link with a window, opened on a graph without dates, shows everything
    const linked = await openViewer(browser, `${undated.url}#from=2024-07-16&to=2024-07-16`, errors);
    expect(await hiddenNodes(linked)).toEqual([]);
    expect(await linked.evaluate(() => window.kgViewer!.ctx.store.get().filters.dates)).toBeNull();
    await linked.close();
  });
});
