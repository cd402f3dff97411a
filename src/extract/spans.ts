// Candidate mentions of one document as character spans, plus helpers over a document's tokens.
import type { Document, EntityKind, Token } from "../schema/index.js";

/** A mention candidate: a character span of the document with a kind and, when known, its entity key. */
export interface Cand {
  start: number;
  end: number;
  sentence: number;
  kind: EntityKind;
  /** How it was found: `ner:PER`, `gazetteer:state`, `pattern:event`, ... */
  source: string;
  /** A fixed entity key when world knowledge names the entity (`state:north-korea`). */
  key?: string;
  /** The canonical label when world knowledge gives it. */
  label?: string;
  /** The surface form names the entity by another thing (a capital for its state): not an alias. */
  metonym?: boolean;
  /** For a capital read as its state ("Beijing said"), the city it names, which is a place of the text all the same. */
  city?: { key: string; label: string };
  /** A demonym ("North Korean"): names the state as an adjective. */
  demonym?: boolean;
  /**
   * Where the name proper ends, when the span runs on over a head noun in lower case ("Kursk region"):
   * the name without it ("Kursk") is what annotators and other texts call the place, so it is an alias.
   */
  nameEnd?: number;
  /** Where the name began with the demonym of its state ("Russian Defence Ministry"), left to the state's mention: an alias. */
  fullStart?: number;
}

const bySentenceCache = new WeakMap<Document, Token[][]>();

/** Tokens grouped by sentence index, computed once per document object (mentions, relations and the tagger all read it). */
export function tokensBySentence(doc: Document): ReadonlyArray<readonly Token[]> {
  let out = bySentenceCache.get(doc);
  if (!out) {
    out = doc.sentences.map(() => []);
    for (const t of doc.tokens) out[t.sentence].push(t);
    bySentenceCache.set(doc, out);
  }
  return out;
}

/** Pieces of tokens split at inner hyphens ("Korea-Russia" → "Korea", "-", "Russia"), for phrase lookups. */
export function subTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (!t.text.includes("-") || !/\p{L}-\p{L}/u.test(t.text) || /^\p{Ll}/u.test(t.text)) {
      out.push(t);
      continue;
    }
    const re = /[^-]+|-/g;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
      out.push({ start: t.start + m.index, end: t.start + m.index + m[0].length, text: m[0], sentence: t.sentence });
    }
  }
  return out;
}

/** True when two half-open spans overlap. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keep spans by priority, then length, dropping any that overlaps one kept before; the result is sorted by start. */
export function dropOverlaps<T extends { start: number; end: number }>(spans: T[], priority: (s: T) => number): T[] {
  const ordered = [...spans].sort((a, b) => priority(b) - priority(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = []; // sorted by start, pairwise disjoint
  for (const s of ordered) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start < s.start) lo = mid + 1;
      else hi = mid;
    }
    // only the kept span starting last before s, or first at or after it, can overlap s
    if ((lo > 0 && overlaps(kept[lo - 1], s)) || (lo < kept.length && overlaps(kept[lo], s))) continue;
    kept.splice(lo, 0, s);
  }
  return kept;
}
