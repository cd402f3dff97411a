// Entities of a text-stage Document: tag its sentences' tokens and map token spans back to character offsets.
import type { Document } from "../../schema/index.js";
import { matchingText } from "../../text/index.js";
import type { EntityType } from "./labels.js";
import { spansFromTags } from "./labels.js";
import type { NerModel } from "./model.js";
import { tagDocument } from "./tagger.js";

/** One named entity found in a document, with half-open UTF-16 offsets into `doc.text`. */
export interface NerEntity {
  text: string;
  label: EntityType;
  start: number;
  end: number;
  sentence: number;
}

/**
 * Tag a whole Document (one document for the document-level pass); tokens are read in their matching form
 * (straight quotes, ASCII dashes). Headings are upper-cased: their title case says as little as the all-caps
 * headlines of news wires, which the model learnt to read from the word and its case elsewhere in the document.
 */
export function entitiesOfDocument(model: NerModel, doc: Document): NerEntity[] {
  const matching = matchingText(doc);
  const bySentence = new Map<number, Document["tokens"]>();
  for (const t of doc.tokens) {
    const list = bySentence.get(t.sentence);
    if (list) list.push(t);
    else bySentence.set(t.sentence, [t]);
  }
  const sentences = [...bySentence.entries()].sort((a, b) => a[0] - b[0]);
  const headings = new Set(doc.sentences.filter((s) => s.heading).map((s) => s.index));
  const tags = tagDocument(
    model,
    sentences.map(([index, tokens]) =>
      tokens.map((t) => {
        const word = matching.slice(t.start, t.end);
        return headings.has(index) ? word.toUpperCase() : word;
      }),
    ),
  );
  const out: NerEntity[] = [];
  sentences.forEach(([sentence, tokens], k) => {
    for (const span of spansFromTags(tags[k])) {
      const start = tokens[span.start].start;
      const end = tokens[span.end - 1].end;
      out.push({ text: doc.text.slice(start, end), label: span.label, start, end, sentence });
    }
  });
  return out;
}
