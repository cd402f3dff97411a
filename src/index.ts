// kgraph's public entry: schemas and types, the pipeline, exporters and the query API.
export * from "./schema/index.js";
export { KgError, type KgErrorCode } from "./errors.js";
export { VERSION, GENERATOR } from "./version.js";
