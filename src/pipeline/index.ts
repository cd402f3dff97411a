// The pipeline: per-document stages, their runner, and the whole build.
export { checkPipeline, runPipeline, type Stage, type DocState, type SourceText, type Provision, type RunOptions } from "./stage.js";
export { buildKnowledgeGraph, documentStages, BUILD_DEFAULTS, type BuildOptions, type BuildResult } from "./build.js";
