// Dates of the graph's nodes and edges from their documents: first and last day, dated evidence, a relation's default date.
import type { Evidence, Relation, SourceInfo } from "../schema/index.js";

/** The dated documents of a build: document id → its date (ISO day, or UTC time). */
export function documentDates(sources: readonly SourceInfo[]): ReadonlyMap<string, string> {
  const dates = new Map<string, string>();
  for (const s of sources) if (s.date !== undefined) dates.set(s.id, s.date);
  return dates;
}

/** `{ firstDate, lastDate }` (ISO days) over the dated documents among `docs`; empty when none is dated. */
export function dateRange(docs: Iterable<string>, dates: ReadonlyMap<string, string>): { firstDate?: string; lastDate?: string } {
  let first: string | undefined;
  let last: string | undefined;
  for (const doc of docs) {
    const date = dates.get(doc);
    if (date === undefined) continue;
    const day = date.slice(0, 10);
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  }
  return first === undefined ? {} : { firstDate: first, lastDate: last };
}

/** Each evidence entry with its document's date; the same array when no document of it is dated. */
export function datedEvidence(evidence: Evidence[], dates: ReadonlyMap<string, string>): Evidence[] {
  if (dates.size === 0 || !evidence.some((e) => dates.has(e.doc))) return evidence;
  return evidence.map((e) => {
    const date = dates.get(e.doc);
    return date === undefined ? e : { ...e, date };
  });
}

/**
 * A relation's date: the one its sentence gives, else its earliest supporting document's day (the
 * date of the report when the text gives none); undefined when neither is known.
 */
export function relationDate(r: Pick<Relation, "date">, firstDate: string | undefined): string | undefined {
  return r.date ?? firstDate;
}

/** The document ids of evidence entries, in order. */
export function* evidenceDocs(evidence: readonly Evidence[]): Generator<string> {
  for (const e of evidence) yield e.doc;
}
