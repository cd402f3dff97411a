// A learned reading that puts a place or an event in another state than the document already does is dropped.
import type { Entity, Relation } from "../../schema/index.js";
import { foldName } from "../../text/index.js";
import { world, type StateInfo } from "../world.js";

/**
 * The state a name holds inside it, by the state's name ("war in Ukraine") or its capital's ("East
 * Pyongyang Grand Theatre"); with `capitals` only the latter, since a place is often named after a
 * state it does not lie in ("New Mexico", "Northern Ireland"). Demonyms do not count ("the Russian
 * embassy in Berlin" lies in Germany), nor does a name that is a state's or a capital's own.
 */
export function stateInName(label: string, capitals = false): StateInfo | undefined {
  const gazetteer = world();
  const words = foldName(label).split(" ");
  for (let n = Math.min(gazetteer.maxTokens, words.length - 1); n >= 1; n--) {
    for (let a = 0; a + n <= words.length; a++) {
      const entry = gazetteer.entries.get(words.slice(a, a + n).join(" "));
      if (entry?.type === "capital" || (entry?.type === "state" && !capitals)) return entry.state;
    }
  }
  return undefined;
}

/** The state an entity is, or the state whose capital it is. */
function stateOf(entity: Entity | undefined): StateInfo | undefined {
  if (!entity || (entity.kind !== "state" && entity.kind !== "place")) return undefined;
  const entry = world().entries.get(foldName(entity.label));
  if (entity.kind === "state") return entry?.type === "state" ? entry.state : undefined;
  return entry?.type === "capital" ? entry.state : undefined;
}

const learned = (r: Relation) => r.provenance.every((p) => p.extractor !== "rules");

/**
 * Drop the classifier's `located_in` readings of a place or an event whose state is already known and
 * is another: known from its name ("war in Ukraine" is not in Moscow, "East Pyongyang Grand Theatre" not
 * in Russia) or from a rule's reading of the
 * same document ("the war in Ukraine" located in Ukraine). Rules' readings always stay.
 */
export function checkPlaces(entities: readonly Entity[], relations: readonly Relation[]): Relation[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const known = new Map<string, Set<string>>();
  const know = (id: string, state: StateInfo | undefined) => {
    if (state) (known.get(id) ?? known.set(id, new Set()).get(id)!).add(state.code);
  };
  for (const e of entities) if (e.kind === "place" || e.kind === "event") know(e.id, stateInName(e.label, e.kind === "place"));
  for (const r of relations) if (r.relation === "located_in" && !learned(r)) know(r.source, stateOf(byId.get(r.target)));
  return relations.filter((r) => {
    if (r.relation !== "located_in" || !learned(r)) return true;
    const states = known.get(r.source);
    const target = stateOf(byId.get(r.target));
    return !states || !target || states.has(target.code);
  });
}
