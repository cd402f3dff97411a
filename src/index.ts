// kgraph's public entry: schemas and types, the pipeline, exporters and the query API.
export * from "./schema/index.js";
export { KgError, type KgErrorCode } from "./errors.js";
export { VERSION, GENERATOR } from "./version.js";
export { toJson, jsonChunks, toGexf, gexfChunks, graphJsonSchema, type JsonOptions, type GexfOptions } from "./export/index.js";
export { KnowledgeGraph, PatternError, UnknownEntityError, handleApiRequest, API_LIMITS, parsePattern, MAX_HOPS } from "./query/index.js";
export type {
  EntityRecord, RelationRecord, NeighborRecord, PathResult, MatchResult, Binding, GraphStats, EntityRef, RelationFilter,
  EntitiesOptions, RelationsOptions, NeighborsOptions, PathOptions, MatchOptions, ApiResponse, KgGraph, Pattern,
} from "./query/index.js";
