// The extract stage: a Document in, its mentions, entities and relations with evidence out, through an explicit list of components.
import type { Document, DocumentFacts } from "../schema/index.js";
import { extractionComponents, factsOf, runComponents, type PipelineOptions } from "./components.js";

export type { Tagger, Annotated, Annotation, Component, PipelineOptions } from "./components.js";
export {
  checkComponents,
  runComponents,
  extractionComponents,
  factsOf,
  taggerComponent,
  mentionsComponent,
  coreferenceComponent,
  rulesComponent,
  classifierComponent,
  kindCheckComponent,
  mergeComponent,
  cooccurrenceComponent,
} from "./components.js";

export type ExtractOptions = PipelineOptions;

/** Find the entities of one document and the relations between them, each with its evidence sentence. */
export function extractFacts(doc: Document, options: ExtractOptions = {}): DocumentFacts {
  return factsOf(runComponents(extractionComponents(options), doc));
}

export { entitiesOfDocument, taggerInput, type NerEntity } from "./ner-entities.js";
export { mergeRelations } from "./relations/index.js";
export { parseRelationModel, indexModel, fitCalibration, RelationModelFile, RELATION_MODEL_FORMAT, RELATION_MODEL_VERSION } from "./relations/classifier/model.js";
export type { RelationModel } from "./relations/classifier/model.js";
export { pairInstances, PAIR_DEFAULTS, type PairInstance, type PairOptions } from "./relations/classifier/features.js";
export { scorePairs, classifyRelations, relationsFromScores, type ScoredPair } from "./relations/classifier/classify.js";
export { fitWeights, toModelFile, RELATION_TRAIN_DEFAULTS, type TrainInstance, type RelationTrainOptions } from "./relations/classifier/train.js";
export { world, type StateInfo } from "./world.js";
