// The extract stage: a Document in, its mentions, entities and relations with evidence out.
import type { Document, DocumentFacts } from "../schema/index.js";
import { resolveCoreference } from "./coref.js";
import { findMentions, type Tags } from "./mentions.js";
import { extractRelations } from "./relations/index.js";
import { taggerInput } from "./ner/entities.js";

/** A NER tagger: IOB2 tags (PER/ORG/LOC/MISC) for one document given as sentences of token strings. */
export type Tagger = (sentences: string[][]) => string[][];

export interface ExtractOptions {
  /** The statistical tagger; without one, capitalised runs stand in (weak: for tests of the rules). */
  tagger?: Tagger;
}

/** Find the entities of one document and the relations between them, each with its evidence sentence. */
export function extractFacts(doc: Document, options: ExtractOptions = {}): DocumentFacts {
  let tags: Tags | undefined;
  if (options.tagger) {
    tags = options.tagger(taggerInput(doc));
  }
  const cands = findMentions(doc, tags);
  const { mentions, entities } = resolveCoreference(doc, cands);
  const relations = extractRelations(doc, mentions, entities);
  return { doc: doc.id, mentions, entities, relations };
}

export { mergeRelations } from "./relations/index.js";
export { world, type StateInfo } from "./world.js";
