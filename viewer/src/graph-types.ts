// The graph type the viewer works on: graphology's multi directed graph with kgraph's attributes.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/schema/index.js";

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
