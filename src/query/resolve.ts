// Entity look-up by id, label or alias (case- and accent-insensitive), search, and nearest-name suggestions.
import { compareConnected, type GraphIndex } from "./indexes.js";
import { editDistance, nameTokens, normaliseName } from "./normalise.js";
import { UnknownEntityError } from "./errors.js";

/** How well a node matched a query; lower is better. */
const enum Tier {
  Id,
  Label,
  Alias,
  Words,
  Prefix,
  Substring,
}

function wordMatches(index: GraphIndex, words: string[]): number[] {
  let result: number[] | undefined;
  for (const w of words) {
    const list = index.tokens.get(w);
    if (!list) return [];
    if (!result) result = list;
    else {
      const keep = new Set(list);
      result = result.filter((n) => keep.has(n));
    }
  }
  return result ?? [];
}

/** Nodes for a name, best tier only: id, exact label, exact alias, then all its words. Empty when nothing matches. */
export function lookupNodes(index: GraphIndex, name: string): number[] {
  const byId = index.nodeId.get(name);
  if (byId !== undefined) return [byId];
  const norm = normaliseName(name);
  if (!norm) return [];
  return index.labels.get(norm) ?? index.aliases.get(norm) ?? wordMatches(index, nameTokens(norm));
}

/** The most connected node for a name, or undefined. */
export function resolveNode(index: GraphIndex, name: string): number | undefined {
  const nodes = lookupNodes(index, name);
  let best: number | undefined;
  for (const n of nodes) if (best === undefined || compareConnected(index, n, best) < 0) best = n;
  return best;
}

/** Every node whose label or alias contains the query, best tier first, most connected first within a tier. */
export function searchNodes(index: GraphIndex, query: string): number[] {
  const norm = normaliseName(query);
  const tier = new Map<number, Tier>();
  const note = (n: number, t: Tier): void => {
    const had = tier.get(n);
    if (had === undefined || t < had) tier.set(n, t);
  };
  const byId = index.nodeId.get(query);
  if (byId !== undefined) note(byId, Tier.Id);
  if (norm) {
    for (const n of index.labels.get(norm) ?? []) note(n, Tier.Label);
    for (const n of index.aliases.get(norm) ?? []) note(n, Tier.Alias);
    for (const n of wordMatches(index, nameTokens(norm))) note(n, Tier.Words);
    for (let n = 0; n < index.normLabels.length; n++) {
      for (const form of [index.normLabels[n], ...index.normAliases[n]]) {
        const at = form.indexOf(norm);
        if (at === 0) note(n, Tier.Prefix);
        else if (at > 0) note(n, Tier.Substring);
      }
    }
  }
  return [...tier.keys()].sort((a, b) => tier.get(a)! - tier.get(b)! || compareConnected(index, a, b));
}

/** Up to `limit` nodes nearest to `name` by edit distance over normalised labels and aliases, nearest first. */
export function suggestNodes(index: GraphIndex, name: string, limit = 5): number[] {
  const norm = normaliseName(name);
  const max = Math.max(2, Math.ceil(norm.length / 3));
  const single = !norm.includes(" ");
  const scored: Array<{ n: number; d: number }> = [];
  for (let n = 0; n < index.normLabels.length; n++) {
    let best = max + 1;
    for (const form of [index.normLabels[n], ...index.normAliases[n]]) {
      best = Math.min(best, editDistance(norm, form, best - 1));
      // A one-word query is compared with each word too, so a misspelt surname finds the full name.
      if (single) for (const word of nameTokens(form)) best = Math.min(best, editDistance(norm, word, best - 1));
    }
    if (best <= max) scored.push({ n, d: best });
  }
  scored.sort((a, b) => a.d - b.d || compareConnected(index, a.n, b.n));
  return scored.slice(0, limit).map((s) => s.n);
}

/** Resolve a name to its node or throw with suggestions. @throws KgError UNKNOWN_ENTITY */
export function requireNode(index: GraphIndex, name: string, label: (n: number) => string, caller: string): number {
  const n = resolveNode(index, name);
  if (n !== undefined) return n;
  const names = suggestNodes(index, name).map(label);
  const hint = names.length ? `; did you mean ${names.map((s) => `"${s}"`).join(", ")}?` : "; try entities({ search }) to list names";
  throw new UnknownEntityError(`${caller}: no entity named "${name}"${hint}`, names);
}
