// Public surface of the statistical NER tagger: load a model, tag documents, turn tags into spans, train.
export { ENTITY_TYPES, BILOU_LABELS, spansFromTags, iob2FromSpans, isIobTag } from "./labels.js";
export type { EntityType, TokenSpan } from "./labels.js";
export { parseNerModel, serialiseNerModel, NerModelFile, NER_MODEL_FORMAT, NER_MODEL_VERSION } from "./model.js";
export type { NerModel } from "./model.js";
export { tagDocument } from "./tagger.js";
export { parseConll, writeConllTags, CONLL_DEFAULTS } from "./conll.js";
export type { ConllFile, ConllSentence, ConllOptions } from "./conll.js";
export { trainNerModel, scoreSpans, TRAIN_DEFAULTS } from "./train.js";
export type { TrainDocument, TrainOptions, NerScores } from "./train.js";
export { buildGazetteer, tokenizeEntry } from "./gazetteer.js";
export { parseWordClusters, clusterOf, CLUSTER_PREFIXES } from "./clusters.js";
export type { WordClusters } from "./clusters.js";
