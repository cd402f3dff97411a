// The HTTP server behind `kg serve`: the built viewer, the graph files at fixed URLs, and the query API under /api/.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { KgError } from "../errors.js";
import { handleApiRequest, type KnowledgeGraph } from "../query/index.js";
import { loadGraphFile } from "./graph-file.js";

/** What the server needs: where the graph and the viewer are, and where to listen. */
export interface ServerOptions {
  /** The graph JSON file served at /graph.json; a `.gexf` beside it with the same name is served at /graph.gexf. */
  graphFile: string;
  /** The built viewer (index.html and assets). */
  viewerDir?: string;
  /** 0 picks any free port. */
  port?: number;
  host?: string;
  /** Answers /api/* requests; by default the query API over `graphFile` (graphApi). */
  api?: ApiHandler;
}

/** Answers one /api/ request from its URL: a status and a JSON-serialisable body. */
export type ApiHandler = (url: URL) => Promise<{ status: number; body: unknown }>;

/**
 * The query API over a graph file: the file is indexed on first use and again whenever it changes on disk,
 * so `kg build` in another terminal is picked up without restarting the server.
 */
export function graphApi(graphFile: string): ApiHandler {
  let loaded: { mtime: number; kg: Promise<KnowledgeGraph> } | null = null;
  return async (url) => {
    let mtime: number;
    try {
      mtime = (await stat(graphFile)).mtimeMs;
    } catch {
      return { status: 503, body: { error: `graph file ${graphFile} is missing; run \`kg build\`` } };
    }
    if (!loaded || loaded.mtime !== mtime) loaded = { mtime, kg: loadGraphFile(graphFile) };
    try {
      return handleApiRequest(await loaded.kg, url);
    } catch (err) {
      loaded = null;
      if (err instanceof KgError) return { status: 503, body: { error: err.message, code: err.code } };
      throw err;
    }
  };
}

export const SERVER_DEFAULTS = {
  viewerDir: resolve(dirname(fileURLToPath(import.meta.url)), "../../viewer/dist"),
  port: 5173,
  host: "127.0.0.1",
} as const;

/** A running server: its base URL and a way to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".gexf": "application/gexf+xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Where a request path maps to, or why it maps nowhere. */
type Resolved = { file: string } | { status: 400 | 404 };

/**
 * Map a raw request path to a file inside `root`, refusing anything that could leave it.
 * Decoding happens once; encoded slashes, backslashes, dot segments and NUL are refused rather than normalised.
 */
export function resolveStaticPath(root: string, rawPath: string): Resolved {
  if (!rawPath.startsWith("/") || rawPath.startsWith("//")) return { status: 400 };
  if (/%2f|%5c|%00/i.test(rawPath)) return { status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return { status: 400 };
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === ".." || s === ".")) return { status: 404 };
  if (segments.some((s) => s.startsWith("."))) return { status: 404 };
  const relative = segments.join("/") || "index.html";
  const base = resolve(root);
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return { status: 404 };
  return { file };
}

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

async function sendFile(res: ServerResponse, file: string, cacheable: boolean): Promise<void> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return send(res, 404, "not found\n");
    size = s.size;
  } catch {
    return send(res, 404, "not found\n");
  }
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": size,
    "cache-control": cacheable ? "public, max-age=3600" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (res.req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: Required<ServerOptions>): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "method not allowed\n");
  }
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  if (rawPath === "/graph.json") return sendFile(res, opts.graphFile, false);
  if (rawPath === "/graph.gexf") return sendFile(res, gexfBeside(opts.graphFile), false);
  if (rawPath === "/api" || rawPath.startsWith("/api/")) {
    let url: URL;
    try {
      url = new URL(raw, "http://localhost");
    } catch {
      return send(res, 400, "bad request\n");
    }
    const { status, body } = await opts.api(url);
    return send(res, status, JSON.stringify(body) + "\n", CONTENT_TYPES[".json"]);
  }
  const target = resolveStaticPath(opts.viewerDir, rawPath);
  if ("status" in target) return send(res, target.status, target.status === 400 ? "bad request\n" : "not found\n");
  return sendFile(res, target.file, target.file.includes(`${sep}assets${sep}`));
}

/** The `.gexf` file that sits beside a graph JSON file (same name, other extension). */
export function gexfBeside(graphFile: string): string {
  return join(dirname(graphFile), `${basename(graphFile, extname(graphFile))}.gexf`);
}

/** Start serving; resolves once listening, with the URL to open. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const opts = {
    graphFile: resolve(options.graphFile),
    viewerDir: options.viewerDir ?? SERVER_DEFAULTS.viewerDir,
    port: options.port ?? SERVER_DEFAULTS.port,
    host: options.host ?? SERVER_DEFAULTS.host,
    api: options.api ?? graphApi(resolve(options.graphFile)),
  };
  const server = createServer((req, res) => {
    handle(req, res, opts).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(err as Error).message}\n`);
      else res.destroy();
    });
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.host, () => {
      server.off("error", fail);
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
      ok({
        url: `http://${host}:${port}/`,
        port,
        server,
        close: () =>
          new Promise<void>((done, bad) => {
            server.closeAllConnections();
            server.close((err) => (err ? bad(err) : done()));
          }),
      });
    });
  });
}
