// In-document coreference: an acronym or a short name joins an entity only where the document says they are one.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { resolveCoreference } from "../../src/extract/coref.js";
import type { Cand } from "../../src/extract/spans.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import type { DocumentFacts } from "../../src/schema/index.js";
import { documentFromText } from "../../src/text/index.js";
import { ROOT } from "../helpers/kg.js";

const model = loadNerModel();
const facts = (text: string) => extractFacts(documentFromText("x.txt", text), { tagger: (s) => tagDocument(model, s) });
const holder = (f: DocumentFacts, form: string) => f.entities.filter((e) => e.label === form || e.aliases.includes(form)).map((e) => e.label);

describe("acronyms in brackets", () => {
  it("are no alias of the dateline's city: NEW YORK (AP), MIAMI, Florida (AP)", () => {
    const ny = facts("NEW YORK (AP) — Stocks fell on Wall Street on Tuesday as traders in New York sold bank shares.");
    expect(holder(ny, "AP")).not.toContain("NEW YORK");
    expect(ny.entities.find((e) => e.label === "NEW YORK")?.aliases).toEqual(["New York"]);
    const fl = facts("MIAMI, Florida (AP) — A hurricane struck Florida on Monday, the governor said.");
    expect(holder(fl, "AP")).not.toContain("Florida");
  });

  it("join the name they abbreviate when the document states it", () => {
    const ap = facts("NEW YORK (AP) — The Associated Press (AP) said on Tuesday that AP reporters had left the city.");
    expect(holder(ap, "AP")).toEqual(["Associated Press"]);
    for (const [file, name, acronym] of [
      ["sahel.txt", "Economic Community of West African States", "ECOWAS"],
      ["sudan-egypt.txt", "Rapid Support Forces", "RSF"],
    ]) {
      expect(holder(facts(readFileSync(join(ROOT, "test/fixtures/articles", file), "utf8")), acronym)).toEqual([name]);
    }
  });

  it("are no alias of a country inside an organisation's name: Serum Institute of India (SII)", () => {
    const f = facts("The Serum Institute of India (SII) said it would ship the vaccine. SII is the largest maker of vaccines. India welcomed the deal.");
    expect(holder(f, "SII")).not.toContain("India");
    expect(f.entities.find((e) => e.label === "India")?.aliases ?? []).toEqual([]);
  });

  it("still join an organisation named in another language: Revolutionary Armed Forces of Colombia (FARC)", () => {
    const f = facts("The Revolutionary Armed Forces of Colombia (FARC) attacked a base on Sunday, the army said. FARC rebels fled.");
    expect(f.entities.find((e) => e.label === "Revolutionary Armed Forces of Colombia")?.aliases).toContain("FARC");
  });
});

describe("a place's name the tagger read as a person", () => {
  it.each([
    ["a street", "Symphony Hall stands at the corner of Massachusetts Avenue and Huntington Avenue. The hall is one of the oldest in Massachusetts.", "Massachusetts"],
    ["a region", "The airport serves Greater Cleveland and the rest of northeastern Ohio. It is the busiest airport in Cleveland.", "Cleveland"],
  ])("lends no word to the person: %s", (_, text, word) => {
    const f = facts(text);
    expect(holder(f, word)).toEqual([word]);
  });

  it.each([
    ["ends as a body does", "The flag was flown across the Holy Roman Empire. The Empire broke apart in 1806.", "Holy Roman Empire", "Empire", "institution"],
    ["starts with an acronym", "The school moved next to DVA Miami in 1999. Miami gave it a new campus.", "DVA Miami", "Miami", "place"],
  ])("lends no word to the person when its name %s", (_, text, name, word, kind) => {
    const doc = documentFromText("x.txt", text);
    const second = doc.text.indexOf(word, doc.text.indexOf(name) + name.length);
    const cands: Cand[] = [
      { start: doc.text.indexOf(name), end: doc.text.indexOf(name) + name.length, sentence: 0, kind: "person", source: "ner:PER" },
      { start: second, end: second + word.length, sentence: 1, kind: kind as Cand["kind"], source: "ner:ORG" },
    ];
    const { entities } = resolveCoreference(doc, cands);
    expect(entities.map((e) => `${e.label}/${e.kind}:${e.aliases.join("|")}`).sort()).toEqual([`${name}/person:`, `${word}/${kind}:`].sort());
  });
});

describe("a one-word name the tagger read as a thing", () => {
  const file = join(ROOT, ".data/corpus/redocred/john-r-thurman.txt");
  it.skipIf(!existsSync(file))("stays a thing where it comes before the person it would shorten (Re-DocRED: John R. Thurman)", () => {
    const f = facts(readFileSync(file, "utf8"));
    // "the Thirty-first Congress ... After leaving Congress Thurman returned": Congress is no short form of "Congress Thurman"
    const congress = f.entities.filter((e) => e.label === "Congress" || e.aliases.includes("Congress"));
    expect(congress.map((e) => e.kind)).toEqual(["institution"]);
  });

  const headline = join(ROOT, ".data/corpus/dwie/dw-18400041.txt");
  it.skipIf(!existsSync(headline))("joins the person whose family name it is, even in a headline before the full name (DWIE: Merkel)", () => {
    const f = facts(readFileSync(headline, "utf8"));
    expect(holder(f, "Merkel")).toEqual(["Angela Merkel"]);
  });

  it("joins the person named before it (the seed article's bare Kim)", () => {
    const f = facts("North Korean leader Kim Jong-un inspected a factory. Kim later met Russian officials, state media said.");
    expect(holder(f, "Kim")).toEqual(["Kim Jong-un"]);
  });
});
