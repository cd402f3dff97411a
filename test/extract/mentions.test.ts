// Mentions on news text with the shipped tagger: names in lines that lack their final stop, and the tagger's slips.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { documentFromText } from "../../src/text/index.js";

const model = loadNerModel();
const entities = (text: string) => {
  const doc = documentFromText("t.txt", text);
  const f = extractFacts(doc, { tagger: (s) => tagDocument(model, s) });
  for (const m of f.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  return f.entities.map((e) => `${e.label}/${e.kind}`).sort();
};

describe("names in lines without a final stop", () => {
  const people = ["Angela Merkel/person", "Barack Obama/person", "Joe Biden/person"];
  it.each([
    ["several sentences, the last without its stop", "One by Angela Merkel. Another by Barack Obama. A third by Joe Biden. Then nothing", people],
    ["a paragraph ending in a byline, whose credits name no one the body names", "Angela Merkel met Barack Obama. Joe Biden was not there. Author: Kyle James Editor: Neil King", people],
    ["a long sentence without its stop", "Angela Merkel met Barack Obama and Joe Biden in Berlin on Monday to talk about trade and much else that", [
      ...people,
      "Berlin/place",
    ].sort()],
  ])("%s", (_, text, expected) => {
    expect(entities(text)).toEqual(expected);
  });
  it("drops a name of a credit line the body does not use, and keeps the body's", () => {
    expect(entities("Angela Merkel met Barack Obama in Berlin.\nAuthor: Joe Biden")).toEqual(["Angela Merkel/person", "Barack Obama/person", "Berlin/place"]);
  });
});

describe("the tagger's slips at the edges of names", () => {
  const labels = (text: string) => entities(text).map((e) => e.replace(/\/.*/, ""));
  it.each([
    ["a weekday run into a person's name", "Israeli Prime Minister Benjamin Netanyahu Thursday rejected the plan.", "Benjamin Netanyahu", "Thursday"],
    ["a preposition and weekday run into a name", "Party backs Schröder On Tuesday, SPD leader Franz Müntefering joined in.", "Schröder", "Tuesday"],
    ["a quantifier starting the sentence", "Many Starbucks workers went on strike.", "Starbucks", "Many"],
    ["a preposition starting the sentence", "Unlike Merkel, Obama did not attend.", "Merkel", "Unlike"],
    ["a conjunction run into an organisation", "Criticism from Attac But some have also criticised it.", "Attac", "But"],
  ])("%s", (_, text, kept, dropped) => {
    const found = labels(text);
    expect(found).toContain(kept);
    expect(found.filter((e) => e.includes(dropped))).toEqual([]);
  });

  it.each([
    ["an adjective before a verb", "Black said the plan would fail in Berlin.", "Black"],
    ["an adjective before its noun", "Dark chapter of history is over, Merkel said.", "Dark"],
  ])("reads an ordinary word capitalised at a sentence's start as no name: %s", (_, text, word) => {
    const found = labels(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain(word);
  });

  it.each([
    ["a month that ends a person's name", "Theresa May met Angela Merkel in Berlin.", "Theresa May/person"],
    ["a function word that starts a name mid-sentence", "The order came from All Nippon Airways on Monday.", "All Nippon Airways/institution"],
    ["a pronoun's spelling in capitals", "The WHO said the outbreak was over.", "WHO/institution"],
  ])("keeps %s", (_, text, kept) => {
    expect(entities(text)).toContain(kept);
  });

  it("keeps a sentence's first word that the document writes as a name elsewhere", () => {
    const doc = documentFromText("t.txt", "Conrad Black was jailed in Chicago. Black said he was innocent.");
    const f = extractFacts(doc, { tagger: (s) => tagDocument(model, s) });
    const black = f.entities.find((e) => e.label === "Conrad Black");
    expect(f.mentions.filter((m) => m.entity === black?.id).map((m) => m.text)).toEqual(["Conrad Black", "Black"]);
  });
});

describe("one kind per name in a document", () => {
  it.each([
    ["a name ending in the surname of a person named elsewhere", "President Biden visited Kyiv on Monday. Trust in Joe Biden fell at home."],
    ["the same, before a possessive", "Biden said he would stay. He said in Joe Biden's hometown of Scranton that it was over."],
  ])("reads a full name the tagger took for a place as the person: %s", (_, text) => {
    const found = entities(text);
    expect(found).toContain("Joe Biden/person");
    expect(found.filter((e) => e.startsWith("Joe Biden/") || e.startsWith("Biden/"))).toEqual(["Joe Biden/person"]);
  });
});
