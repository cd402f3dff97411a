// What each annotated corpus's converter cannot express: relations whose predicted edges are left out before scoring.
import type { Gold } from "./gold.js";

/**
 * Vocabulary relations that no annotation of the corpus maps to, keyed by the converter that wrote
 * the gold files (named in each file's `about`). The gold has nothing to say about them, so an edge
 * of one can only count as a false positive; the converters' `--score` leaves them out (their
 * UNCOVERED lists, which these copy).
 */
export const UNCOVERED_RELATIONS: Readonly<Record<string, readonly string[]>> = {
  "dwie_to_gold.py": ["allied_with", "supports", "supplies", "deploys_troops_to", "party_to", "attended"],
  "redocred_to_gold.py": ["met_with", "allied_with", "at_war_with", "supports", "supplies", "deploys_troops_to"],
};

/** The converter named in a gold file's `about`, if it is one of UNCOVERED_RELATIONS'. */
export function goldConverter(gold: Pick<Gold, "about">): string | undefined {
  const about = gold.about ?? "";
  return Object.keys(UNCOVERED_RELATIONS).find((name) => new RegExp(`(^|[\\s/])${name.replace(/\./g, "\\.")}`).test(about));
}

/** The relations to leave out of a graph scored against `gold`: its converter's list, else none. */
export function uncoveredRelations(gold: Pick<Gold, "about">): readonly string[] {
  const converter = goldConverter(gold);
  return converter ? UNCOVERED_RELATIONS[converter] : [];
}
