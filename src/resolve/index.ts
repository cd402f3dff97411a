// The resolve stage: merge the entities of many documents into one set with stable keys, with the user's corrections.
export { resolveEntities, nameKey, type Resolved, type ResolvedEntity, type ResolveOptions } from "./entities.js";
export { parseCorrections, CorrectionsFile, NO_CORRECTIONS, type Corrections } from "./corrections.js";
export { splitNames, SPLIT_NAMES_DEFAULTS, type NamedNode, type SplitName, type SplitNamesOptions } from "./split-names.js";
