// The graphology graph type kgraph builds and reads.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../schema/index.js";

export type KnowledgeMultiGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
