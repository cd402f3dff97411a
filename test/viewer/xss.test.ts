// Markup in labels, aliases, evidence, roles and the graph name is shown as text and never runs; a missing graph is reported.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/cli/server.js";
import { launchBrowser, nodePosition, openViewer, serveGraph, setCamera } from "./browser.js";
import { hostileGraph, newsGraph, writeGraphFile } from "./fixtures.js";

let browser: Browser;
let server: RunningServer;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveGraph(writeGraphFile(hostileGraph()));
  browser = await launchBrowser();
  page = await openViewer(browser, server.url, errors);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

describe("viewer with hostile data", () => {
  it("shows every field literally and runs nothing", async () => {
    expect(await page.textContent("#graph-name")).toContain(`evil <img src=x onerror="window.__pwned=1">`);

    await page.fill("#search-input", "<script>");
    await page.waitForSelector('#search-results li[data-key="person:evil"]');
    expect(await page.textContent('#search-results li[data-key="person:evil"]')).toContain("<script>window.__pwned=2</script>");
    await page.keyboard.press("Enter");
    await page.waitForSelector('#panel[data-node="person:evil"]');
    expect(await page.textContent("#panel-title")).toBe(`Evil <img src=x onerror="window.__pwned=1">`);
    const panel = (await page.textContent("#panel"))!;
    expect(panel).toContain(`<b onmouseover="window.__pwned=3">bold</b>`);
    expect(panel).toContain(`<i><img src=x onerror="window.__pwned=1"></i>`);
    const marks = await page.locator("#panel mark").allTextContents();
    expect(marks).toEqual([`Evil <img src=x onerror="window.__pwned=1">`, `State <script>window.__pwned=2</script>`]);
    await page.hover("#panel [data-edge] q");

    await setCamera(page, { x: 0.5, y: 0.5, ratio: 1 });
    const at = await nodePosition(page, "place:plain");
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#panel[data-node="place:plain"]');
    expect(await page.textContent("#panel")).toContain(`<svg onload="window.__pwned=4">`);

    // No element came from the data: only the viewer's own markup is in the page.
    const injected = await page.evaluate(() => document.querySelectorAll("#panel img, #panel script, #panel svg, #panel b, #panel i, #search img").length);
    expect(injected).toBe(0);
    await page.waitForTimeout(300);
    expect(await pwned()).toBeNull();
    expect(errors).toEqual([]);
  });

  it("exported files keep the text and stay well-formed", async () => {
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    expect(gexf.suggestedFilename()).toBe("evil-img-src-x-onerror-window.__pwned-1.gexf");
    expect(await pwned()).toBeNull();
  });
});

describe("viewer without a graph", () => {
  it("says the graph is missing and still opens a file", async () => {
    const missing = await serveGraph(join(tmpdir(), "kg-no-such-dir", "graph.json"));
    const p = await browser.newPage();
    try {
      await p.goto(missing.url);
      await p.waitForSelector("#error:not([hidden])");
      const text = (await p.textContent("#error"))!;
      expect(text).toContain("GRAPH_MISSING");
      expect(text).toContain("kg build");
      await p.setInputFiles("#open-file", { name: "news.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(newsGraph())) });
      await p.waitForFunction(() => window.kgViewer?.ready === true);
      expect(await p.isHidden("#error")).toBe(true);
    } finally {
      await p.close();
      await missing.close();
    }
  });
});
