// Public schemas and types: the zod schema is the type.
export * from "./vocabulary.js";
export * from "./document.js";
export * from "./facts.js";
export * from "./graph-json.js";
