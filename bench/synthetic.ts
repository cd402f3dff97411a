// A seeded synthetic knowledge graph with kgraph's attributes, for benchmarks (100k/500k, 10k/50k, ...).
import Graph from "graphology";
import { ENTITY_KINDS, KIND_COLORS, RELATION_LABELS, RELATION_TYPES, SCHEMA_VERSION } from "../src/schema/index.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../src/schema/index.js";
import { hashNeighbourTables } from "../src/graph/import.js";
import { seededRandom } from "../src/random.js";

export { seededRandom };

const FIRST = ["Kim", "Olga", "Hong", "Ивана", "Marie", "José", "Aiko", "김", "Ahmed", "Søren"];
const LAST = ["Jong-un", "Lyubimova", "Min", "Петрова", "Curie", "Núñez", "Tanaka", "정은", "Hassan", "Kierkegaard"];

/**
 * The string as one flat sequence of characters. Template literals build ropes, which the engine
 * flattens on first use (by a regex, an escape or an encoder), keeping the flat copy for good: left
 * as ropes, the graph would grow by a few hundred megabytes during the first export and that export
 * would pay for it. Graphs read from JSON, and graphs built from documents, hold flat strings.
 */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  seed?: number;
}

/** A MultiDirectedGraph of `nodes` entities and `edges` relations; preferential attachment gives hubs. */
export function syntheticGraph({ nodes, edges, seed = 42 }: SyntheticOptions): Graph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  const rnd = seededRandom(seed);
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "directed", multi: true, allowSelfLoops: false });
  const kinds = ENTITY_KINDS;
  const docs = Array.from({ length: Math.max(1, Math.floor(nodes / 50)) }, (_, i) => `news/${String(i).padStart(5, "0")}.txt`);
  graph.replaceAttributes({
    name: "synthetic",
    sources: docs.slice(0, 3).map((id) => ({ id, title: id, sha256: "0".repeat(64) })),
    generator: "kgraph synthetic",
    schemaVersion: SCHEMA_VERSION,
    createdFrom: "synthetic",
    legend: { ...KIND_COLORS },
    sizeBy: "pagerank",
  });
  const keys: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const kind = kinds[Math.floor(rnd() * kinds.length)];
    const label = flat(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(rnd() * LAST.length)]} ${i}`);
    const key = flat(`${kind}:${i}`);
    keys.push(key);
    graph.addNode(key, {
      label,
      kind,
      aliases: i % 3 === 0 ? [flat(`${LAST[i % LAST.length]} ${i}`), flat(`alias & <${i}>`)] : [],
      mentions: 1 + Math.floor(rnd() * 20),
      documents: [docs[i % docs.length]],
      x: (rnd() - 0.5) * 1000,
      y: (rnd() - 0.5) * 1000,
      size: 2 + rnd() * 10,
      color: KIND_COLORS[kind],
      pagerank: rnd() / nodes,
      degree: 0,
      community: Math.floor(rnd() * 50),
    });
  }
  // as buildGraph and importGraph do before adding edges
  hashNeighbourTables(graph);
  const relations = RELATION_TYPES;
  const endpoints: number[] = [];
  let made = 0;
  while (made < edges) {
    const s = endpoints.length && rnd() < 0.5 ? endpoints[Math.floor(rnd() * endpoints.length)] : Math.floor(rnd() * nodes);
    const t = Math.floor(rnd() * nodes);
    if (s === t) continue;
    const relation = relations[Math.floor(rnd() * relations.length)];
    const key = flat(`${keys[s]}|${relation}|${keys[t]}|${made}`);
    const text = flat(`Sentence ${made} says that ${graph.getNodeAttribute(keys[s], "label")} is “${RELATION_LABELS[relation]}” ${graph.getNodeAttribute(keys[t], "label")} — a <b>fact</b> & more.`);
    graph.addDirectedEdgeWithKey(key, keys[s], keys[t], {
      relation,
      label: RELATION_LABELS[relation],
      ...(made % 7 === 0 ? { role: "Foreign Minister" } : {}),
      ...(made % 11 === 0 ? { quantity: 15000, items: ["artillery shells", "ballistic missiles"] } : {}),
      evidence: [{ doc: docs[s % docs.length], sentence: made % 40, start: 0, end: text.length, text }],
      confidence: Math.round(rnd() * 100) / 100,
      weight: 1 + Math.floor(rnd() * 3),
    });
    endpoints.push(s, t);
    made++;
  }
  graph.forEachNode((n) => graph.setNodeAttribute(n, "degree", graph.degree(n)));
  return graph;
}
