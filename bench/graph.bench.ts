// Graph stage benchmark: analyseGraph (projection, pagerank, Louvain, ForceAtlas2, spreading and noverlap)
// on seeded synthetic graphs of growing size, as the graph of a large collection of articles would be,
// with the overlapping node pairs left in the layout.
import { analyseGraph } from "../src/graph/index.js";
import { overlapRatios } from "../src/graph/analyse.js";
import type { KnowledgeMultiGraph } from "../src/graph/index.js";
import { syntheticGraph } from "./synthetic.js";

const SIZES: Array<[number, number]> = [
  [2_000, 8_000],
  [5_000, 20_000],
  [12_000, 40_000],
  [20_000, 100_000],
  [100_000, 500_000],
];

for (const [nodes, edges] of SIZES) {
  const graph = syntheticGraph({ nodes, edges }) as unknown as KnowledgeMultiGraph;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  analyseGraph(graph, { seed: 42 });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // positions and sizes are rounded to 2 decimals: a pair within 0.1% of touching is not counted
  const overlapping = overlapRatios(graph).filter((r) => r > 1.001).length;
  process.stdout.write(
    `analyseGraph, ${nodes.toLocaleString("en")} nodes / ${edges.toLocaleString("en")} edges: ${wall.toFixed(1)} s wall, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU; ${overlapping.toLocaleString("en")} overlapping node pairs\n`,
  );
}
