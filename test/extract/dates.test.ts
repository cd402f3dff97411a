// Dates read from sentences, and carried onto the relations they state.
import { describe, expect, it } from "vitest";
import { sentenceDate } from "../../src/extract/relations/dates.js";
import { extractFacts } from "../../src/extract/index.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { documentFromText } from "../../src/text/index.js";

describe("sentenceDate", () => {
  it.each([
    ["Finland joined NATO in 2023.", "2023"],
    ["The pact was signed on 19 June 2024 in Pyongyang.", "2024-06-19"],
    ["Troops arrived in October 2024, officials said.", "2024-10"],
    ["On March 3, 2022, the talks began.", "2022-03-03"],
    ["In April, leaders acknowledged it.", undefined],
    ["It grew from 2019 to 2023.", undefined],
    ["The 15,000 troops were sent.", undefined],
  ])("%s → %s", (text, expected) => {
    expect(sentenceDate(text)).toBe(expected);
  });
  it("puts the date on the relation", () => {
    const model = loadNerModel();
    const doc = documentFromText("d.txt", "Finland joined NATO in 2023. Sweden joined NATO in March 2024.");
    const f = extractFacts(doc, { tagger: (s) => tagDocument(model, s) });
    const dates = f.relations.filter((r) => r.relation === "member_of").map((r) => r.date).sort();
    expect(dates).toEqual(["2023", "2024-03"]);
  });
});
