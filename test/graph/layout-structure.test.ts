// The layout of real built graphs shows structure: communities apart, hubs central, nodes without relations not on the rim; and it is the same bytes every time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { afterAll, describe, expect, it } from "vitest";
import { importGraph } from "../../src/graph/index.js";
import { layoutStructure } from "../../src/graph/layout-structure.js";
import { seededRandom } from "../../src/random.js";
import { ROOT, runKg } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-layout-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function load(file: string): MultiDirectedGraph {
  return importGraph(new MultiDirectedGraph(), JSON.parse(readFileSync(file, "utf8")));
}

/** The same graph with its positions dealt out to the nodes at random: a layout that shows nothing. */
function shuffled(graph: MultiDirectedGraph): MultiDirectedGraph {
  const copy = graph.copy();
  const positions = copy.mapNodes((_n, a) => [a.x, a.y] as const);
  const rnd = seededRandom(3);
  for (let i = positions.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [positions[i], positions[j]] = [positions[j], positions[i]];
  }
  let i = 0;
  copy.updateEachNodeAttributes((_n, a) => ({ ...a, x: positions[i][0], y: positions[i++][1] }));
  return copy;
}

describe("layout of the committed articles and the seed", () => {
  const sources = join(tmp, "articles");
  mkdirSync(sources);
  for (const dir of ["test/fixtures/articles", "graph-data/sources"]) {
    for (const f of readdirSync(join(ROOT, dir))) if (/\.(txt|md|html)$/.test(f)) cpSync(join(ROOT, dir, f), join(sources, f));
  }
  const out1 = join(tmp, "out1");
  const out2 = join(tmp, "out2");
  const r1 = runKg(["build", "--sources", sources, "--out", out1, "--quiet"]);
  const r2 = runKg(["build", "--sources", sources, "--out", out2, "--quiet"]);

  it("is byte-identical in two builds", () => {
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
    expect(readFileSync(join(out2, "graph.json"))).toEqual(readFileSync(join(out1, "graph.json")));
    expect(readFileSync(join(out2, "graph.gexf"))).toEqual(readFileSync(join(out1, "graph.gexf")));
  });

  it("keeps communities apart and the hubs central, which positions dealt out at random do not", () => {
    const graph = load(join(out1, "graph.json"));
    expect(graph.order).toBeGreaterThan(100);
    const s = layoutStructure(graph, { hubs: 10 });
    expect(s.communities).toBeGreaterThanOrEqual(4);
    // two nodes of one community lie less than half as far apart as two of different communities
    expect(s.separation).toBeLessThan(0.5);
    // the ten entities of highest pagerank lie nearer the centre than the median node, and nearer their
    // community's middle than its median member
    expect(s.hubCentrality).toBeLessThan(1);
    expect(s.hubCommunityCentrality).toBeLessThan(1);
    const random = layoutStructure(shuffled(graph), { hubs: 10 });
    expect(random.separation).toBeGreaterThan(0.85);
  });
});

const CORPUS = join(ROOT, ".data/corpus");

describe.skipIf(!existsSync(CORPUS))("layout of the 3,051 documents of .data/corpus", () => {
  it(
    "keeps communities apart, the hubs central and the entities without relations off the rim",
    () => {
      const out = join(tmp, "corpus");
      const r = runKg(["build", "--sources", CORPUS, "--out", out, "--quiet", "--jobs", "2"]);
      expect(r.status, r.stderr).toBe(0);
      const graph = load(join(out, "graph.json"));
      expect(graph.order).toBeGreaterThan(5000);
      const s = layoutStructure(graph);
      expect(s.communities).toBeGreaterThanOrEqual(20);
      expect(s.separation).toBeLessThan(0.45);
      expect(s.hubCentrality).toBeLessThan(1);
      expect(s.hubCommunityCentrality).toBeLessThan(1);
      // hundreds of entities have no relation; beside their documents' entities, few are beyond the
      // 90th percentile of distance from the centre (a tenth would be, spread like the others)
      expect(s.isolates).toBeGreaterThan(100);
      expect(s.isolatesOnRim).toBeLessThan(0.15);
      const random = layoutStructure(shuffled(graph));
      expect(random.separation).toBeGreaterThan(0.85);
      expect(random.isolatesOnRim).toBeGreaterThan(0.05);
    },
    600_000,
  );
});
