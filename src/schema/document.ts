// Schemas of a loaded document: normalised text, sentences and tokens with UTF-16 offsets.
import { z } from "zod";

/** A half-open [start, end) range of UTF-16 code units in a document's text, with that text. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const Sentence = Span.extend({
  index: z.number().int().nonnegative(),
  /** A heading line (no final punctuation), kept apart from the sentence after it. */
  heading: z.boolean(),
});
export type Sentence = z.infer<typeof Sentence>;

/** A token: its text plus the index of its sentence. Whitespace lives between tokens. */
export const Token = Span.extend({
  sentence: z.number().int().nonnegative(),
});
export type Token = z.infer<typeof Token>;

export const Document = z.object({
  /** Path relative to the sources folder, with forward slashes. */
  id: z.string().min(1),
  title: z.string(),
  /** sha256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Normalised text; every offset in the pipeline refers to it. */
  text: z.string(),
  sentences: z.array(Sentence),
  tokens: z.array(Token),
});
export type Document = z.infer<typeof Document>;
