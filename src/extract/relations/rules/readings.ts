// Small helpers the rules' `make` functions share: placeholder numbers, roles, kinship, supplied items, lists of states.
import type { RelationType } from "../../../schema/index.js";
import { KINSHIP } from "../../lexicon.js";
import { parseItems, parseQuantity } from "../items.js";
import type { Reading } from "./types.js";

/** A captured placeholder number. */
export const n = (s: string) => Number(s);

/** The `make` of a rule that reads one relation from two captured placeholders: `link("located_in", 2, 1)`. */
export const link =
  (relation: RelationType, source: number, target: number) =>
  (m: RegExpExecArray): Reading => ({ source: n(m[source]), target: n(m[target]), relation });

/** A title or occupation as a role, spaces collapsed. */
export const role = (s: string) => s.replace(/\s+/g, " ").trim();

/** The kinship tie a noun states between the relative it names and the possessor. */
export function kinship(word: string, relative: number, possessor: number): Reading {
  const k = KINSHIP[word.toLowerCase()];
  if (k.relation !== "child_of") return { source: relative, target: possessor, relation: k.relation };
  return k.childIsRelative ? { source: relative, target: possessor, relation: "child_of" } : { source: possessor, target: relative, relation: "child_of" };
}

/** A supply of the items a phrase lists; none when it lists none or a state supplies itself. */
export function supply(source: number, target: number, phrase: string): Reading | null {
  const items = parseItems(phrase);
  if (items.length === 0 || source === target) return null;
  return { source, target, relation: "supplies", items };
}

/** A number of troops, when the sentence gives one. */
export function qty(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseQuantity(s);
}

/** The placeholder numbers of every state or demonym in a matched list ("Finland and Sweden", "Bolivia, Ecuador and Peru"). */
export function statesIn(text: string): number[] {
  return [...text.matchAll(/@[SD](\d+)/g)].map((x) => n(x[1]));
}
