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
