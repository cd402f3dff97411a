// The graph stage: graphology graph, style, metrics and seeded layout.
export { buildGraph, type BuildGraphOptions } from "./build.js";
export { analyseGraph, type AnalyseOptions, ANALYSE_DEFAULTS } from "./analyse.js";
export { importGraph, hashNeighbourTables, shareEvidenceStrings } from "./import.js";
export { seededRandom } from "../random.js";
export type { KnowledgeMultiGraph } from "./types.js";
export { documentDates, dateRange, datedEvidence, relationDate } from "./dates.js";
