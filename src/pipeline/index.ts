// The pipeline: per-document stages, their runner, and the whole build.
export { checkPipeline, runPipeline, type Stage, type DocState, type SourceText, type Provision, type RunOptions } from "./stage.js";
export { buildKnowledgeGraph, readDocument, assembleGraph, documentStages, BUILD_DEFAULTS } from "./build.js";
export type { AssembleOptions, BuildOptions, BuildResult, DocumentResult } from "./build.js";
