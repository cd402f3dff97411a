// The shipped extractors, loaded once: the NER tagger and the relation classifier, as the build's pipeline options.
import type { PipelineOptions } from "../extract/index.js";
import { tagDocument } from "../extract/ner/index.js";
import { loadNerModel } from "./ner-model.js";
import { loadRelationModel } from "./relation-model.js";

export interface ExtractorPaths {
  nerModel?: string;
  relationModel?: string;
  /** Leave the relation classifier out: the rules alone state relations. */
  rulesOnly?: boolean;
}

/** The tagger and the relation classifier the build runs. @throws KgError when a model file is missing or invalid. */
export function loadExtractors(paths: ExtractorPaths = {}): Required<Pick<PipelineOptions, "tagger">> & PipelineOptions {
  const ner = loadNerModel(paths.nerModel);
  return {
    tagger: (sentences) => tagDocument(ner, sentences),
    ...(paths.rulesOnly ? {} : { relationModel: loadRelationModel(paths.relationModel) }),
  };
}
