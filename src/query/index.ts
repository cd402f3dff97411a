// The query API: KnowledgeGraph, its record and option types, pattern errors, date bounds and the HTTP handler.
export { KnowledgeGraph } from "./knowledge-graph.js";
export { PatternError, UnknownEntityError } from "./errors.js";
export { handleApiRequest, API_LIMITS, type ApiResponse } from "./http.js";
export { normaliseName, editDistance } from "./normalise.js";
export { parsePattern, MAX_HOPS, type Pattern, type NodePattern, type RelationshipPattern } from "./pattern/parser.js";
export { toCsv, toTable, type Table } from "./format.js";
export type { KgGraph } from "./indexes.js";
export * from "./types.js";
export { entityFieldTable, entityTable, matchTable, neighborTable, pathTable, relationTable, statsTable, timelineTable } from "./rows.js";
export { DateBound } from "./dates.js";
