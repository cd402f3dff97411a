// Vite build of the viewer into viewer/dist; in dev mode it also serves graph-data/out/graph.json at /graph.json.
import { createReadStream, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, "../graph-data/out");

/** Serve the built graph files during `vite dev`, as `kg serve` does. */
function graphFiles(): Plugin {
  return {
    name: "kgraph-graph-files",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url === "/graph.json" ? "graph.json" : req.url === "/graph.gexf" ? "graph.gexf" : null;
        const file = name ? resolve(OUT, name) : null;
        if (!file || !existsSync(file)) return next();
        res.setHeader("content-type", name === "graph.json" ? "application/json" : "application/gexf+xml");
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  plugins: [graphFiles()],
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1024,
  },
});
