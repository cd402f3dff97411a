// Shared setup of the browser tests: the built viewer, a server on a free port, and Debian's headless Chromium.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/cli/server.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const VIEWER_DIST = join(ROOT, "viewer/dist");
export const ARTIFACTS = join(ROOT, "test-results");

/** Build the viewer once if `npm test` has not already done so. */
export function ensureViewerBuilt(): void {
  if (existsSync(join(VIEWER_DIST, "index.html"))) return;
  execFileSync("npm", ["run", "build:viewer"], { cwd: ROOT, stdio: "inherit" });
}

/** Headless Chromium from the system (playwright cannot download browsers here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Serve the built viewer with `graphFile` on a free port of 127.0.0.1. */
export function serveGraph(graphFile: string): Promise<RunningServer> {
  ensureViewerBuilt();
  return startServer({ graphFile, port: 0, host: "127.0.0.1", viewerDir: VIEWER_DIST });
}

/** Open the viewer and wait for its first render; page errors are collected in `errors`. */
export async function openViewer(browser: Browser, url: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.kgViewer?.ready === true, undefined, { timeout: 30_000 });
  return page;
}

/** Viewport position of a node, for mouse events, once the camera has stopped moving. */
export async function nodePosition(page: Page, key: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => !window.kgViewer!.ctx.renderer.getCamera().isAnimated());
  // One more frame, so that a resize caused by the panel has been applied too.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate((k) => {
    const r = window.kgViewer!.ctx.renderer;
    const d = r.getNodeDisplayData(k)!;
    const p = r.framedGraphToViewport(d);
    const box = r.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, key);
}

/** Move the camera once any running camera animation has finished (it would otherwise overwrite the move). */
export async function setCamera(page: Page, state: { x: number; y: number; ratio: number }): Promise<void> {
  await page.waitForFunction(() => !window.kgViewer!.ctx.renderer.getCamera().isAnimated());
  await page.evaluate((s) => window.kgViewer!.ctx.renderer.getCamera().setState(s), state);
}

/** The directory for screenshots and other artifacts (git-ignored). */
export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
