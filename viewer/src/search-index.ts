// Entity search over labels and aliases, insensitive to case and accents.
import type Graph from "graphology";

/** Lower-case, decompose (NFD) and drop combining marks, so "José" matches "jose" and "ÉCOLE" matches "ecole". */
export function normaliseText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export interface SearchEntry {
  key: string;
  label: string;
  /** The alias that matched, when the match was not on the label. */
  alias: string | null;
  norm: string;
}

/** A suggestion: the node, its label, and the alias it was found by (if any). */
export interface SearchHit {
  key: string;
  label: string;
  alias: string | null;
}

/** One entry per label and per alias of every node. */
export function buildSearchIndex(graph: Graph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  graph.forEachNode((key, attrs) => {
    const label = String(attrs.label ?? key);
    entries.push({ key, label, alias: null, norm: normaliseText(label) });
    const aliases: unknown = attrs.aliases;
    if (Array.isArray(aliases)) {
      for (const a of aliases) if (typeof a === "string" && a) entries.push({ key, label, alias: a, norm: normaliseText(a) });
    }
  });
  return entries;
}

/** Rank: whole match, then prefix, then a word starting with the query, then anywhere; labels before aliases. */
function score(norm: string, q: string): number {
  if (norm === q) return 0;
  if (norm.startsWith(q)) return 1;
  const at = norm.indexOf(q);
  if (at < 0) return -1;
  return /[\p{L}\p{N}]/u.test(norm[at - 1]) ? 3 : 2;
}

/** The best `limit` distinct nodes whose label or alias contains the query. */
export function searchEntities(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const q = normaliseText(query);
  if (!q) return [];
  const best = new Map<string, { entry: SearchEntry; rank: number }>();
  for (const entry of index) {
    const s = score(entry.norm, q);
    if (s < 0) continue;
    const rank = s * 2 + (entry.alias === null ? 0 : 1);
    const prev = best.get(entry.key);
    if (!prev || rank < prev.rank) best.set(entry.key, { entry, rank });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.entry.label.length - b.entry.label.length || a.entry.label.localeCompare(b.entry.label))
    .slice(0, limit)
    .map(({ entry }) => ({ key: entry.key, label: entry.label, alias: entry.alias }));
}
