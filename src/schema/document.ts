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

/** Where a document's date was read, in the order they are tried. */
export const DATE_SOURCES = ["front-matter", "published-line", "html-meta", "dateline", "path"] as const;
export const DateSource = z.enum(DATE_SOURCES);
export type DateSource = z.infer<typeof DateSource>;

/** A real calendar day `YYYY-MM-DD` (no 2024-02-30). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay, { message: "not a calendar day" });

/** A document's date: ISO 8601 `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` (UTC) when a time is known. */
export const DocumentDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/)
  .refine((s) => isCalendarDay(s.slice(0, 10)) && (s.length === 10 || (Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60 && Number(s.slice(17, 19)) < 60)), {
    message: "not a calendar day and time",
  });

/** True for `YYYY-MM-DD` naming a day that exists (leap years included). */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

export const Document = z.object({
  /** Path relative to the sources folder, with forward slashes. */
  id: z.string().min(1),
  title: z.string(),
  /** sha256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** When it was published, from its metadata, a "Published" line, a dateline or its path. */
  date: DocumentDate.optional(),
  /** Where `date` was read. */
  dateSource: DateSource.optional(),
  /** Its address on the web, from front matter or HTML metadata. */
  url: z.string().optional(),
  /** Normalised text; every offset in the pipeline refers to it. */
  text: z.string(),
  sentences: z.array(Sentence),
  tokens: z.array(Token),
});
export type Document = z.infer<typeof Document>;
