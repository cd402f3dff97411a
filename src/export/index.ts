// Exporters: pure graph -> string (or string chunks); only the CLI writes them to files.
export { toJson, jsonChunks, JSON_DEFAULTS, type JsonOptions } from "./to-json.js";
export { toGexf, gexfChunks, GEXF_DEFAULTS, type GexfOptions, type GexfVersion } from "./to-gexf.js";
export { EDGE_COLUMNS, NODE_COLUMNS, LIST_SEPARATOR, EVIDENCE_SEPARATOR, flattenEvidence, type GexfColumn } from "./gexf-columns.js";
export { graphJsonSchema, graphJsonSchemaText } from "./json-schema.js";
