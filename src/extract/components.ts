// Extraction as an explicit, ordered list of components over one annotated document, each declaring what it needs and adds.
import { KgError } from "../errors.js";
import type { Document, DocumentFacts, Entity, Mention, Relation } from "../schema/index.js";
import { RELATION_SIGNATURES, SYMMETRIC_RELATIONS, TYPED_RELATIONS } from "../schema/index.js";
import { resolveCoreference } from "./coref.js";
import { findMentions, type Tags } from "./mentions.js";
import { taggerInput } from "./ner-entities.js";
import type { Cand } from "./spans.js";
import { classifyRelations } from "./relations/classifier/classify.js";
import type { RelationModel } from "./relations/classifier/model.js";
import { cooccurrenceRelations, mergeRelations, ruleRelations, sortRelations } from "./relations/index.js";
import { checkPlaces } from "./relations/places-check.js";

/** A NER tagger: IOB2 tags (PER/ORG/LOC/MISC) for one document given as sentences of token strings. */
export type Tagger = (sentences: string[][]) => string[][];

/** A document and everything the components have found in it so far. Nothing else carries state between sentences. */
export interface Annotated {
  doc: Document;
  tags?: Tags;
  candidates?: Cand[];
  mentions?: Mention[];
  entities?: Entity[];
  /** Typed relations as the extractors state them, one per reading, before the shared post-steps merge them. */
  relations?: Relation[];
}

/** What a component can require of the document or add to it. */
export type Annotation = "tags" | "candidates" | "mentions" | "entities" | "relations" | "checked" | "merged" | "cooccurrences";

export interface Component {
  name: string;
  requires: readonly Annotation[];
  assigns: readonly Annotation[];
  run(doc: Annotated): Annotated;
}

/** Throw PIPELINE_INVALID, naming the component, when one requires what no earlier component assigns. */
export function checkComponents(components: readonly Component[]): void {
  const have = new Set<Annotation>();
  for (const c of components) {
    for (const r of c.requires) {
      if (!have.has(r)) {
        throw new KgError("PIPELINE_INVALID", `checkComponents: component "${c.name}" requires "${r}", which no earlier component assigns; reorder the components`);
      }
    }
    for (const a of c.assigns) have.add(a);
  }
}

/** Run checked components over one document; the document's text never changes. */
export function runComponents(components: readonly Component[], doc: Document): Annotated {
  checkComponents(components);
  let state: Annotated = { doc };
  for (const c of components) state = c.run(state);
  return state;
}

/** The statistical tagger's tags for every sentence. */
export function taggerComponent(tagger: Tagger): Component {
  return { name: "tagger", requires: [], assigns: ["tags"], run: (a) => ({ ...a, tags: tagger(taggerInput(a.doc)) }) };
}

/** Mention candidates from the tags (or capitalised runs without a tagger), the gazetteer and phrase patterns, repaired and given kinds. */
export const mentionsComponent: Component = {
  name: "mentions",
  requires: [],
  assigns: ["candidates"],
  run: (a) => ({ ...a, candidates: findMentions(a.doc, a.tags) }),
};

/** Candidates grouped into entities: short names, acronyms, "the North", possessive pronouns. */
export const coreferenceComponent: Component = {
  name: "coreference",
  requires: ["candidates"],
  assigns: ["mentions", "entities"],
  run: (a) => ({ ...a, ...resolveCoreference(a.doc, a.candidates!) }),
};

/** The relation patterns, each reading tagged with its rule id. */
export const rulesComponent: Component = {
  name: "relations/rules",
  requires: ["mentions", "entities"],
  assigns: ["relations"],
  run: (a) => ({ ...a, relations: [...(a.relations ?? []), ...ruleRelations(a.doc, a.mentions!, a.entities!)] }),
};

/** The learned classifier over candidate pairs; the rules' readings so far are among its features. */
export function classifierComponent(model: RelationModel): Component {
  return {
    name: "relations/classifier",
    requires: ["mentions", "entities"],
    assigns: ["relations"],
    run: (a) => ({ ...a, relations: [...(a.relations ?? []), ...classifyRelations(model, a.doc, a.mentions!, a.entities!, a.relations ?? [])] }),
  };
}

/** Every relation joins the kinds its vocabulary record allows, symmetric ones stored source before target. */
export const kindCheckComponent: Component = {
  name: "relations/kind-check",
  requires: ["entities", "relations"],
  assigns: ["checked"],
  run: (a) => {
    const kinds = new Map(a.entities!.map((e) => [e.id, e.kind]));
    const relations = a.relations!.flatMap((r) => {
      const sig = RELATION_SIGNATURES[r.relation];
      const s = kinds.get(r.source);
      const t = kinds.get(r.target);
      if (!s || !t || r.source === r.target || !sig.from.includes(s) || !sig.to.includes(t)) return [];
      return SYMMETRIC_RELATIONS.has(r.relation) && r.target < r.source ? [{ ...r, source: r.target, target: r.source }] : [r];
    });
    return { ...a, relations };
  },
};

/** The classifier's places of a place or an event agree with the state its name or a rule gives it (see checkPlaces). */
export const placesCheckComponent: Component = {
  name: "relations/places-check",
  requires: ["entities", "checked"],
  assigns: [],
  run: (a) => ({ ...a, relations: checkPlaces(a.entities!, a.relations!) }),
};

/** One relation per (source, relation, target): evidence and provenance joined, best confidence. */
export const mergeComponent: Component = {
  name: "relations/merge",
  requires: ["checked"],
  assigns: ["merged"],
  run: (a) => ({ ...a, relations: mergeRelations(a.relations!) }),
};

/** Entities named in the same sentence with no typed relation between them are named together. */
export const cooccurrenceComponent: Component = {
  name: "relations/cooccurrence",
  requires: ["mentions", "merged"],
  assigns: ["cooccurrences"],
  run: (a) => ({ ...a, relations: sortRelations([...a.relations!, ...cooccurrenceRelations(a.doc, a.mentions!)]) }),
};

export interface PipelineOptions {
  /** The statistical tagger; without one, capitalised runs stand in (weak: for tests of the rules). */
  tagger?: Tagger;
  /** The learned relation classifier; without one, the rules alone state relations. */
  relationModel?: RelationModel;
}

/** The default list: tagger, mentions, coreference, rules, classifier, kind check, places check, merge, co-occurrence. */
export function extractionComponents(options: PipelineOptions = {}): Component[] {
  return [
    ...(options.tagger ? [taggerComponent(options.tagger)] : []),
    mentionsComponent,
    coreferenceComponent,
    rulesComponent,
    ...(options.relationModel ? [classifierComponent(options.relationModel)] : []),
    kindCheckComponent,
    placesCheckComponent,
    mergeComponent,
    cooccurrenceComponent,
  ];
}

/** The facts a finished run holds. @throws KgError("INVARIANT") when the run did not reach co-occurrence. */
export function factsOf(a: Annotated): DocumentFacts {
  if (!a.mentions || !a.entities || !a.relations) throw new KgError("INVARIANT", `factsOf: ${a.doc.id} was not run through mentions, coreference and relations`);
  return { doc: a.doc.id, mentions: a.mentions, entities: a.entities, relations: a.relations };
}

/** True for the relations the graph types (every one but co-occurrence). */
export const isTyped = (r: Relation) => TYPED_RELATIONS.has(r.relation);
