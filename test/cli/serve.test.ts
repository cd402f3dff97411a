// `kg serve` and its server: fixed URLs, content types, GET/HEAD only, no path leaves the viewer folder, the /api/ mount.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gexfBeside, resolveStaticPath, startServer, type RunningServer } from "../../src/cli/server.js";
import { newsGraph, writeGraphFile } from "../viewer/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** A raw HTTP request: the path goes on the wire exactly as given (no URL normalisation). */
function raw(server: RunningServer, path: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("startServer", () => {
  let server: RunningServer;
  let graphFile: string;
  let viewerDir: string;

  beforeAll(async () => {
    graphFile = writeGraphFile(newsGraph());
    // A viewer folder of our own, with a secret next to it that must stay out of reach.
    const base = mkdtempSync(join(tmpdir(), "kg-serve-"));
    viewerDir = join(base, "dist");
    mkdirSync(join(viewerDir, "assets"), { recursive: true });
    writeFileSync(join(viewerDir, "index.html"), "<!doctype html><title>viewer</title>");
    writeFileSync(join(viewerDir, "assets", "app.js"), "export {};");
    writeFileSync(join(viewerDir, "assets", "app.css"), "body{}");
    writeFileSync(join(viewerDir, ".env"), "SECRET=1");
    writeFileSync(join(base, "secret.txt"), "TOP SECRET");
    server = await startServer({ graphFile, viewerDir, port: 0 });
  });
  afterAll(() => server.close());

  it("listens on 127.0.0.1 on a free port and says where", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it("serves the viewer with the right content types", async () => {
    const index = await raw(server, "/");
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    expect(index.body).toContain("<title>viewer</title>");
    expect((await raw(server, "/index.html")).type).toMatch(/^text\/html/);
    expect((await raw(server, "/assets/app.js")).type).toMatch(/^text\/javascript/);
    expect((await raw(server, "/assets/app.css")).type).toMatch(/^text\/css/);
    expect((await raw(server, "/assets/missing.js")).status).toBe(404);
  });

  it("serves the graph file at /graph.json, byte for byte", async () => {
    const res = await raw(server, "/graph.json?v=1");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body).toBe(readFileSync(graphFile, "utf8"));
  });

  it("serves the GEXF beside the graph at /graph.gexf only when it exists", async () => {
    expect((await raw(server, "/graph.gexf")).status).toBe(404);
    writeFileSync(gexfBeside(graphFile), '<?xml version="1.0"?><gexf version="1.3"/>');
    const res = await raw(server, "/graph.gexf");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/gexf\+xml/);
    expect(res.body).toContain("<gexf");
  });

  it.each([
    "/../package.json",
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/../../secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "//etc/passwd",
    "/etc/passwd",
    `/${join(tmpdir(), "secret.txt")}`,
    "/index.html%00.png",
    "/%00",
    "/.env",
    "/%2eenv",
    "/%",
    "/%zz",
    "index.html",
  ])("refuses %s with 400 or 404 and leaks nothing", async (path) => {
    const res = await raw(server, path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toMatch(/SECRET|root:|"name": "kgraph"/);
  });

  it("answers HEAD without a body and refuses other methods with 405", async () => {
    const head = await raw(server, "/graph.json", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    for (const method of ["POST", "PUT", "DELETE"]) expect((await raw(server, "/graph.json", method)).status).toBe(405);
  });

  it("mounts the query API under /api/", async () => {
    const res = await raw(server, "/api/entity?name=DPRK");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.stringify(JSON.parse(res.body))).toContain("North Korea");
    expect((await raw(server, "/api/no-such-endpoint")).status).toBe(404);
  });
});

describe("resolveStaticPath", () => {
  it("maps / to index.html and stays inside the root", () => {
    expect(resolveStaticPath("/srv/v", "/")).toEqual({ file: resolve("/srv/v/index.html") });
    expect(resolveStaticPath("/srv/v", "/assets/a%20b.js")).toEqual({ file: resolve("/srv/v/assets/a b.js") });
    expect(resolveStaticPath("/srv/v", "/a/../b")).toEqual({ status: 404 });
  });
});

describe("kg serve", () => {
  const cli = join(ROOT, "dist/cli/main.js");

  it("prints the URL, serves the graph and stops on SIGTERM", async () => {
    const graphFile = writeGraphFile(newsGraph());
    const child = spawn(process.execPath, [cli, "serve", "--graph", graphFile, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((ok, fail) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]);
      });
      child.on("exit", (code) => fail(new Error(`kg serve exited with ${code}`)));
    });
    const res = await fetch(new URL("graph.json", url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(newsGraph());
    const code = await new Promise<number | null>((ok) => {
      child.on("exit", ok);
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });

  it("exits 2 with a clear message when the port is taken", async () => {
    const graphFile = writeGraphFile(newsGraph());
    const taken = await startServer({ graphFile, port: 0, viewerDir: mkdtempSync(join(tmpdir(), "kg-empty-")) });
    try {
      const child = spawn(process.execPath, [cli, "serve", "--graph", graphFile, "--port", String(taken.port)], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((ok) => child.on("exit", ok));
      expect(code).toBe(2);
      expect(err).toContain(String(taken.port));
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      await taken.close();
    }
  });

  it.each([
    [["--graph", "/nonexistent/graph.json"], 2],
    [["--port", "http"], 2],
    [["--port", "70000"], 2],
    [["--bogus"], 2],
  ])("kg serve %j exits with %i", async (args, expected) => {
    const graphFile = writeGraphFile(newsGraph());
    const child = spawn(process.execPath, [cli, "serve", "--graph", graphFile, ...args], { stdio: "ignore" });
    const code = await new Promise<number | null>((ok) => child.on("exit", ok));
    expect(code).toBe(expected);
  });
});
