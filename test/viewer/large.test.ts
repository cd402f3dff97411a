// A larger synthetic graph: hovering leaves the scene alone (a refocus would redraw every edge); clicking still focuses.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticGraph } from "../../bench/synthetic.js";
import type { RunningServer } from "../../src/cli/server.js";
import { launchBrowser, nodePosition, openViewer, serveGraph } from "./browser.js";
import { writeGraphFile } from "./fixtures.js";

let browser: Browser;
let server: RunningServer;
let page: Page;
const errors: string[] = [];
const graph = syntheticGraph({ nodes: 1500, edges: 4000 });

beforeAll(async () => {
  server = await serveGraph(writeGraphFile(graph.export()));
  browser = await launchBrowser();
  page = await openViewer(browser, server.url, errors);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("viewer on a graph of 1,500 nodes and 4,000 edges", () => {
  it("hover changes no node's display; a click focuses the neighbourhood", async () => {
    const hub = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))[0];
    const colours = () => page.evaluate(() => window.kgViewer!.ctx.graph.mapNodes((k) => window.kgViewer!.ctx.renderer.getNodeDisplayData(k)!.color));
    const before = await colours();
    const at = await nodePosition(page, hub);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => window.kgViewer!.ctx.store.get().hovered !== null);
    expect(await colours()).toEqual(before);

    await page.mouse.click(at.x, at.y);
    const selected = await page.evaluate(() => window.kgViewer!.ctx.store.get().selected);
    expect(selected).not.toBeNull();
    await page.waitForSelector(`#panel[data-node="${selected}"]`);
    const after = await colours();
    const faded = after.filter((c) => c === "#e4e8ee").length;
    expect(faded).toBeGreaterThan(graph.order - graph.degree(selected!) - 2);
    expect(errors).toEqual([]);
  });
});
