// How well resolution holds one real-world entity in one node: the most-mentioned names carried by several nodes.
import { foldName } from "../text/index.js";

/** What splitNames reads of a graph node. */
export interface NamedNode {
  key: string;
  label: string;
  aliases: readonly string[];
  mentions: number;
}

/** A name that several nodes carry, as label or alias. */
export interface SplitName {
  /** The name as most mentions spell it, among the labels that fold to it. */
  name: string;
  /** Mentions of the nodes whose label folds to this name. */
  mentions: number;
  /** Every node that carries the name, most mentioned first: `{ key, label, mentions }`. */
  nodes: Array<{ key: string; label: string; mentions: number }>;
}

export interface SplitNamesOptions {
  /** How many of the most-mentioned names to look at. */
  top?: number;
}

export const SPLIT_NAMES_DEFAULTS = { top: 300 } as const;

/**
 * The names among the `top` most mentioned (a name is a node label, folded; its weight is the mentions
 * of the nodes so labelled) that more than one node carries as its label or one of its aliases.
 * The order is by mentions, then name, so the same graph gives the same list.
 */
export function splitNames(nodes: Iterable<NamedNode>, options: SplitNamesOptions = {}): { names: number; split: SplitName[] } {
  const { top } = { ...SPLIT_NAMES_DEFAULTS, ...options };
  const weight = new Map<string, number>();
  const spelling = new Map<string, Map<string, number>>();
  const carriers = new Map<string, Map<string, NamedNode>>();
  for (const n of nodes) {
    const label = foldName(n.label);
    weight.set(label, (weight.get(label) ?? 0) + n.mentions);
    const spelled = spelling.get(label) ?? spelling.set(label, new Map()).get(label)!;
    spelled.set(n.label, (spelled.get(n.label) ?? 0) + n.mentions);
    for (const form of new Set([label, ...n.aliases.map(foldName)])) {
      (carriers.get(form) ?? carriers.set(form, new Map()).get(form)!).set(n.key, n);
    }
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, top);
  const split: SplitName[] = [];
  for (const [name, mentions] of ranked) {
    const holders = [...carriers.get(name)!.values()];
    if (holders.length < 2) continue;
    const spelled = [...spelling.get(name)!.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
    split.push({
      name: spelled,
      mentions,
      nodes: holders.sort((a, b) => b.mentions - a.mentions || cmp(a.key, b.key)).map((h) => ({ key: h.key, label: h.label, mentions: h.mentions })),
    });
  }
  return { names: ranked.length, split };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
