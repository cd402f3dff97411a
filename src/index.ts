// kgraph's public entry: schemas and types, the pipeline, exporters and the query API.
export * from "./schema/index.js";
export { KgError, type KgErrorCode } from "./errors.js";
export { VERSION, GENERATOR } from "./version.js";
export { documentFromText, documentFromSource, parseDate, detectMetadata, type DocumentOptions, type DocumentMetadata } from "./text/index.js";
export { extractFacts, type ExtractOptions, type Tagger } from "./extract/index.js";
export { tagDocument, parseNerModel, spansFromTags, type NerModel } from "./extract/ner/index.js";
export { resolveEntities, parseCorrections, splitNames, type Resolved, type ResolvedEntity, type ResolveOptions, type Corrections } from "./resolve/index.js";
export { buildGraph, analyseGraph, importGraph, shareEvidenceStrings, type BuildGraphOptions, type KnowledgeMultiGraph } from "./graph/index.js";
export { buildKnowledgeGraph, checkPipeline, runPipeline, documentStages, BUILD_DEFAULTS } from "./pipeline/index.js";
export type { BuildOptions, BuildResult, SourceText, Stage, DocState } from "./pipeline/index.js";
export { scoreGraph, formatReport, Gold, type EvalReport } from "./eval/index.js";
export { toJson, jsonChunks, toGexf, gexfChunks, graphJsonSchema, type JsonOptions, type GexfOptions } from "./export/index.js";
export { KnowledgeGraph, PatternError, UnknownEntityError, handleApiRequest, API_LIMITS, DOCUMENT_SAMPLE, parsePattern, MAX_HOPS } from "./query/index.js";
export type {
  EntityRecord, RelationRecord, NeighborRecord, PathResult, MatchResult, Binding, GraphStats, EntityRef, RelationFilter,
  EntitiesOptions, RelationsOptions, NeighborsOptions, PathOptions, MatchOptions, ApiResponse, KgGraph, Pattern,
  DateRange, Page, PageOptions, RecordOptions, Timeline, TimelineEntry, TimelineOptions, DatedEvidence,
} from "./query/index.js";
