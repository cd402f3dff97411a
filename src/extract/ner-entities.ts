// Entities of a text-stage Document: tag its sentences' tokens and map token spans back to character offsets (kept apart from ner/, which needs no text stage).
import type { Document } from "../schema/index.js";
import { matchingText } from "../text/index.js";
import { spansFromTags, tagDocument, type EntityType, type NerModel } from "./ner/index.js";
import { tokensBySentence } from "./spans.js";

/** One named entity found in a document, with half-open UTF-16 offsets into `doc.text`. */
export interface NerEntity {
  text: string;
  label: EntityType;
  start: number;
  end: number;
  sentence: number;
}

/**
 * The words a tagger reads for a Document, sentence by sentence (sentences in index order, tokens in
 * order): each token in its matching form (straight quotes, ASCII dashes). Headings are upper-cased:
 * their title case says as little as the all-caps headlines of news wires, which the model learnt to
 * read from the word and its case elsewhere in the document. `kg build` and `kg ner` both tag this.
 */
export function taggerInput(doc: Document): string[][] {
  const matching = matchingText(doc);
  const headings = new Set(doc.sentences.filter((s) => s.heading).map((s) => s.index));
  return tokensBySentence(doc).map((tokens, index) =>
    tokens.map((t) => {
      const word = matching.slice(t.start, t.end);
      return headings.has(index) ? word.toUpperCase() : word;
    }),
  );
}

/** Tag a whole Document (one document for the document-level pass) and give its entities with offsets. */
export function entitiesOfDocument(model: NerModel, doc: Document): NerEntity[] {
  const bySentence = tokensBySentence(doc);
  const tags = tagDocument(model, taggerInput(doc));
  const out: NerEntity[] = [];
  bySentence.forEach((tokens, sentence) => {
    for (const span of spansFromTags(tags[sentence])) {
      const start = tokens[span.start].start;
      const end = tokens[span.end - 1].end;
      out.push({ text: doc.text.slice(start, end), label: span.label, start, end, sentence });
    }
  });
  return out;
}
