// Loading large graphs into graphology faster: the same graph.import, with each node's neighbour
// tables switched to hash tables before the edges arrive.
import type { AbstractGraph, Attributes, SerializedGraph } from "graphology-types";

/**
 * graphology keeps the neighbours of each node in plain objects keyed by neighbour key (`out`, `in`,
 * `undirected` of its internal node records). V8 gives an object that gains string keys one by one a
 * new hidden class per key, and node keys are all different, so loading 500,000 edges creates a
 * million hidden classes. An object that has had a property deleted is kept as a hash table
 * instead, which is what these are. This does that to every node's neighbour objects while they are
 * still empty.
 *
 * It reaches into graphology's internals (`_nodes`) and checks every assumption first: when they do
 * not hold (another graphology version) it does nothing, and the graph behaves the same either way.
 * Returns whether the neighbour objects were switched.
 */
export function hashNeighbourTables(graph: AbstractGraph<Attributes, Attributes, Attributes>): boolean {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map) || graph.size !== 0) return false;
  for (const record of nodes.values() as IterableIterator<Record<string, unknown>>) {
    for (const side of ["out", "in", "undirected"]) {
      const table = record[side];
      if (table === null || typeof table !== "object") continue;
      // Two keys added and the first deleted: V8 turns an object into a hash table when a property
      // other than the last one added is deleted.
      const t = table as Record<string, number>;
      t["\u0000a"] = 0;
      t["\u0000b"] = 0;
      delete t["\u0000a"];
      delete t["\u0000b"];
    }
  }
  return true;
}

/**
 * `graph.import(data)` of a serialised graph (graphology's JSON format), quicker for large graphs:
 * attributes and nodes first, then hashNeighbourTables, then the edges. The result is the same graph,
 * with nodes and edges in the same order. Errors are graphology's own (duplicate keys, unknown nodes,
 * forbidden self-loops).
 */
export function importGraph<G extends AbstractGraph<Attributes, Attributes, Attributes>>(graph: G, data: SerializedGraph): G {
  graph.import({ attributes: data.attributes, nodes: data.nodes } as SerializedGraph);
  hashNeighbourTables(graph);
  if (data.edges) graph.import({ edges: data.edges } as SerializedGraph);
  return graph;
}

/** Evidence texts looked up before sharing them is judged worth its cost. */
const SHARE_PROBE = 20_000;
/** The share of those that must repeat an earlier text for sharing to go on. */
const SHARE_MIN_REPEATS = 0.05;

/**
 * Make equal evidence texts, and equal evidence document ids, one string each, in place.
 *
 * In a graph built from documents every relation and co-occurrence a sentence states holds that
 * sentence's one string; JSON.parse gives each its own copy (in the articles of test/fixtures, each
 * text is repeated 3 to 7 times). Sharing them again is what keeps a graph loaded by `kg query`,
 * `kg serve` or the viewer as small as the one `kg build` made. Texts stop being looked up when
 * fewer than 5% of the first 20,000 repeat, so graphs without repeats pay little. Entries that are
 * not objects with string fields are left alone (the contract check reports them).
 * Returns how many texts and document ids now share an earlier entry's string, and whether texts
 * were looked up to the end.
 */
export function shareEvidenceStrings(edges: ReadonlyArray<{ attributes?: unknown }>): { texts: number; docs: number; textsToTheEnd: boolean } {
  const texts = new Map<string, string>();
  const docs = new Map<string, string>();
  let shareTexts = true;
  let seen = 0;
  let repeats = 0;
  let docRepeats = 0;
  for (const edge of edges) {
    const evidence = (edge?.attributes as { evidence?: unknown } | undefined)?.evidence;
    if (!Array.isArray(evidence)) continue;
    for (const entry of evidence as Array<{ text?: unknown; doc?: unknown } | null>) {
      if (entry === null || typeof entry !== "object") continue;
      const { doc, text } = entry;
      if (typeof doc === "string") {
        const shared = docs.get(doc);
        if (shared === undefined) docs.set(doc, doc);
        else {
          entry.doc = shared;
          docRepeats++;
        }
      }
      if (shareTexts && typeof text === "string") {
        const shared = texts.get(text);
        if (shared === undefined) texts.set(text, text);
        else {
          entry.text = shared;
          repeats++;
        }
        if (++seen === SHARE_PROBE && repeats < seen * SHARE_MIN_REPEATS) {
          shareTexts = false;
          texts.clear();
        }
      }
    }
  }
  return { texts: repeats, docs: docRepeats, textsToTheEnd: shareTexts };
}
