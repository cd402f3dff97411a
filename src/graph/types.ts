// The graphology graph type kgraph builds and reads.
import type { MultiDirectedGraph, UndirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../schema/index.js";

export type KnowledgeMultiGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The undirected weighted projection the layout and the metrics work on: one edge per related pair. */
export type Simple = UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>;
