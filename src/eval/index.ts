// Evaluation against gold encodings: one graph against one gold file, or a folder of documents each against its own.
export { Gold, GoldEntity, GoldRelation } from "./gold.js";
export { scoreGraph, matchGraph, formatReport, normName, prf, toFixedEven, type EvalReport, type GraphMatch, type TripleOutcome, type ScorableGraph, type Prf } from "./score.js";
export { scoreDocument, summariseCorpus } from "./corpus.js";
export type { CorpusDocument, CorpusReport, DocumentScore, ProvenanceRow, RelationError, RelationTypeRow, Scored } from "./corpus.js";
export { formatCorpusReport, documentErrors, type CorpusFormatOptions } from "./format-corpus.js";
export { UNCOVERED_RELATIONS, goldConverter, uncoveredRelations } from "./corpora.js";
