// Georgia the U.S. state and Georgia the country: each document's context decides which one it names.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { documentFromText } from "../../src/text/index.js";

const model = loadNerModel();

/** The entities a document's "Georgia" mentions belong to, as label/kind, and their aliases. */
function georgia(text: string): string[] {
  const doc = documentFromText("t.txt", text);
  const f = extractFacts(doc, { tagger: (s) => tagDocument(model, s) });
  for (const m of f.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  const ids = new Set(f.mentions.filter((m) => m.text === "Georgia").map((m) => m.entity));
  return f.entities.filter((e) => ids.has(e.id)).map((e) => `${e.label}/${e.kind}`);
}

const US = "Georgia (U.S. state)/place";
const COUNTRY = "Georgia/state";

describe("Georgia, by the document's context", () => {
  it.each([
    ["a town before it", "The hotel on Lamar Street in Americus, Georgia was built in 1892 for visitors from the north."],
    ["a county before it, the country after", "Oak Grove is an unincorporated community in Cherokee County, Georgia, United States."],
    ["its offices", "Guy Millner ran as a Republican for Governor of Georgia in 1994 and for Senator from Georgia in 1996."],
    ["a list of U.S. states", "The storm flooded towns across Alabama, Georgia and South Carolina on Monday."],
    ["the state of Georgia", "A man was executed in the southeastern state of Georgia after his last appeal failed."],
    ["its capital", "Delta Air Lines, based in Atlanta, said flights in Georgia would resume on Friday."],
  ])("the U.S. state: %s", (_, text) => {
    expect(georgia(text)).toEqual([US]);
  });

  it.each([
    ["its capital", "Born in Tbilisi, he became the best-known film director in Georgia."],
    ["its breakaway regions", "Russia and Georgia fought a short war over South Ossetia in 2008."],
    ["a list of former Soviet republics", "Ukraine, Moldova and Georgia, all former Soviet republics, want closer ties with the EU."],
    ["a list of states, commas and all", "Armenia, Georgia and Azerbaijan signed the pipeline agreement in Baku."],
    ["its city before it", "The festival in Batumi, Georgia drew visitors from Turkey and Armenia."],
    ["nothing either way", "Georgia will hold a parliamentary election in October."],
  ])("the country: %s", (_, text) => {
    expect(georgia(text)).toEqual([COUNTRY]);
  });

  it("gives the U.S. state the name as an alias, so that the two stay apart across documents", () => {
    const doc = documentFromText("t.txt", "Jimmy Carter was Governor of Georgia before he was President. Georgia later elected him to nothing else.");
    const f = extractFacts(doc, { tagger: (s) => tagDocument(model, s) });
    const state = f.entities.find((e) => e.label === "Georgia (U.S. state)");
    expect(state?.aliases).toContain("Georgia");
    expect(f.entities.some((e) => e.label === "Georgia")).toBe(false);
  });
});
