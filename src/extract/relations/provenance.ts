// Provenance lists: which extractors and rules stated a relation, each once, with the best score it gave.
import type { Provenance } from "../../schema/index.js";

/** The union of two provenance lists, one entry per (extractor, rule) with the higher score, sorted. */
export function mergeProvenance(a: readonly Provenance[], b: readonly Provenance[]): Provenance[] {
  const byKey = new Map<string, Provenance>();
  for (const p of [...a, ...b]) {
    const key = `${p.extractor}\u0000${p.rule ?? ""}`;
    const known = byKey.get(key);
    if (!known || p.score > known.score) byKey.set(key, p);
  }
  return [...byKey.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, p]) => p);
}

/** One provenance entry; the rule id is left out when there is none. */
export function provenance(extractor: string, score: number, rule?: string): Provenance {
  return rule ? { extractor, rule, score } : { extractor, score };
}
