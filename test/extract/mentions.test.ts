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
