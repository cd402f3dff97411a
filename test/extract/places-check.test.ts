// The places check: a learned located_in that contradicts the state a name or a rule gives a place or an event.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stateInName, checkPlaces } from "../../src/extract/relations/places-check.js";
import type { Entity, EntityKind, Relation } from "../../src/schema/index.js";
import { SEED_TEXT } from "../helpers/kg.js";
import { extractFacts } from "../../src/extract/index.js";
import { documentFromText } from "../../src/text/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { loadRelationModel } from "../../src/cli/relation-model.js";
import { tagDocument } from "../../src/extract/ner/index.js";

const entity = (id: string, kind: EntityKind, label: string): Entity => ({ id, kind, label, aliases: [], mentions: 1 });
const reading = (source: string, target: string, extractor: "rules" | "classifier"): Relation => ({
  source,
  target,
  relation: "located_in",
  evidence: [{ doc: "d", sentence: 0, start: 0, end: 1, text: "x" }],
  confidence: 0.5,
  provenance: [extractor === "rules" ? { extractor, rule: "located_in/x", score: 0.7 } : { extractor, score: 0.5 }],
});
const pairs = (rs: Relation[]) => rs.map((r) => `${r.source}>${r.target}:${r.provenance[0].extractor}`);

describe("stateInName", () => {
  it.each([
    ["war in Ukraine", false, "Ukraine"],
    ["East Pyongyang Grand Theatre", true, "North Korea"],
    ["Moscow Oblast", true, "Russia"],
    ["New Mexico", true, undefined],
    ["Northern Ireland", true, undefined],
    ["Russian embassy in Berlin", true, "Germany"],
    ["Russian embassy", false, undefined],
    ["Moscow", true, undefined],
    ["Ukraine", false, undefined],
  ] as const)("%s (capitals only: %s) holds %s", (label, capitals, state) => {
    expect(stateInName(label, capitals)?.name).toBe(state);
  });
});

describe("checkPlaces", () => {
  const entities = [
    entity("war", "event", "war in Ukraine"),
    entity("ukraine", "state", "Ukraine"),
    entity("russia", "state", "Russia"),
    entity("moscow", "place", "Moscow"),
    entity("theatre", "place", "East Pyongyang Grand Theatre"),
    entity("kursk", "place", "Kursk"),
    entity("plant", "place", "Zaporizhzhia nuclear plant"),
  ];

  it("drops the classifier's state or capital that is not the one the name holds, and keeps the one it holds", () => {
    const kept = checkPlaces(entities, [
      reading("war", "moscow", "classifier"),
      reading("war", "ukraine", "classifier"),
      reading("theatre", "russia", "classifier"),
    ]);
    expect(pairs(kept)).toEqual(["war>ukraine:classifier"]);
  });

  it("takes a rule's state for a place whose name holds none, and keeps rules' readings whatever they say", () => {
    const kept = checkPlaces(entities, [
      reading("plant", "ukraine", "rules"),
      reading("plant", "russia", "classifier"),
      reading("plant", "moscow", "classifier"),
      reading("theatre", "russia", "rules"),
    ]);
    expect(pairs(kept)).toEqual(["plant>ukraine:rules", "theatre>russia:rules"]);
  });

  it("leaves places of unknown state, and targets that are neither a state nor a capital, alone", () => {
    const rs = [reading("kursk", "russia", "classifier"), reading("war", "kursk", "classifier"), reading("plant", "kursk", "classifier")];
    expect(checkPlaces(entities, rs)).toEqual(rs);
  });
});

describe("on the seed article", () => {
  it("states the war in Ukraine and the theatre in no other state", () => {
    const ner = loadNerModel();
    const doc = documentFromText("seed.txt", readFileSync(SEED_TEXT, "utf8"));
    const facts = extractFacts(doc, { tagger: (s) => tagDocument(ner, s), relationModel: loadRelationModel() });
    const label = new Map(facts.entities.map((e) => [e.id, e.label]));
    const placed = facts.relations.filter((r) => r.relation === "located_in").map((r) => `${label.get(r.source)} > ${label.get(r.target)}`);
    expect(placed).toContain("war in Ukraine > Ukraine");
    expect(placed.filter((p) => p.startsWith("war in Ukraine >"))).toEqual(["war in Ukraine > Ukraine"]);
    expect(placed.filter((p) => p.startsWith("East Pyongyang Grand Theatre >") && !p.endsWith("Pyongyang") && !p.endsWith("North Korea"))).toEqual([]);
  });
});
