// `kg serve`: serve the viewer and a graph file over HTTP on localhost, with the query API under /api/.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { KgError } from "../../errors.js";
import type { Command } from "../command.js";
import { DEFAULT_GRAPH_FILE, loadGraphFile } from "../graph-file.js";
import { parseCommandArgs } from "../io.js";
import { SERVER_DEFAULTS, startServer } from "../server.js";

const HELP = `usage: kg serve [--graph FILE] [--port N] [--host H]

Serve the graph viewer and FILE (default graph-data/out/graph.json) over HTTP.
A .gexf file beside it with the same name is offered at /graph.gexf.

options:
  --graph FILE   graph JSON written by kg build (default graph-data/out/graph.json)
  --port N       port to listen on, 0 for any free port (default ${SERVER_DEFAULTS.port})
  --host H       address to listen on (default ${SERVER_DEFAULTS.host}; use 0.0.0.0 to share on the network)
`;

/** Parse a --port value: an integer in 0..65535. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new KgError("INVALID_ARGS", `kg serve: --port must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

export const serve: Command = {
  summary: "serve the graph viewer and query API on http://127.0.0.1",
  async run(argv) {
    const { values } = parseCommandArgs("serve", argv, {
      options: {
        graph: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const port = values.port === undefined ? SERVER_DEFAULTS.port : parsePort(values.port);
    const graphFile = resolve(values.graph ?? DEFAULT_GRAPH_FILE);
    // Index it now: a missing or invalid graph is reported here, not on the first request.
    await loadGraphFile(graphFile);
    if (!existsSync(join(SERVER_DEFAULTS.viewerDir, "index.html"))) {
      throw new KgError("INVALID_ARGS", `kg serve: the viewer is not built (${SERVER_DEFAULTS.viewerDir}); run \`npm run build:viewer\``, {
        where: SERVER_DEFAULTS.viewerDir,
      });
    }
    const host = values.host ?? SERVER_DEFAULTS.host;
    const running = await startServer({ graphFile, port, host }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE" || err.code === "EACCES" || err.code === "EADDRNOTAVAIL") {
        throw new KgError("INVALID_ARGS", `kg serve: cannot listen on ${host}:${port} (${err.code}); pass another --port (0 picks a free one) or --host`, {
          cause: err,
        });
      }
      throw err;
    });
    process.stdout.write(`kg serve: ${graphFile}\nkg serve: open ${running.url}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        void running.close().then(done, done);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
