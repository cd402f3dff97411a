// Headings and credits against prose: a heading is a short line of one sentence with no final punctuation.
import { describe, expect, it } from "vitest";
import { documentFromText } from "../../src/text/index.js";

const read = (text: string) => documentFromText("t.txt", text).sentences.map((s) => [s.text, s.heading] as const);

describe("headings and prose lines, table-driven", () => {
  const long = "Angela Merkel met Barack Obama in Berlin on Monday to talk about trade, the climate and much else that";
  const cases: Array<[string, string, Array<readonly [string, boolean]>]> = [
    ["a numbered heading", "II. Political Symbolism and Timing", [["II. Political Symbolism and Timing", true]]],
    ["a sentence-case subheading", "Party backs Schröder", [["Party backs Schröder", true]]],
    ["a heading with an abbreviation", "U.S. Troops Arrive in Poland", [["U.S. Troops Arrive in Poland", true]]],
    ["a credit line", "Author: John Blau", [["Author: John Blau", true]]],
    ["a thirteen-word headline", "Bundesliga: Robert Lewandowski returns to scoring form as Bayern Munich beat Schalke", [
      ["Bundesliga: Robert Lewandowski returns to scoring form as Bayern Munich beat Schalke", true],
    ]],
    ["a line of several sentences, the last without its stop", "One by Angela Merkel. Another by Barack Obama. A third by Joe Biden. Then nothing", [
      ["One by Angela Merkel.", false],
      ["Another by Barack Obama.", false],
      ["A third by Joe Biden.", false],
      ["Then nothing", false],
    ]],
    ["a paragraph ending in a byline, two credits", "Japan and Russia signed a deal. Author: Disha Uppal Editor: Grahame Lucas", [
      ["Japan and Russia signed a deal.", false],
      ["Author: Disha Uppal", true],
      ["Editor: Grahame Lucas", true],
    ]],
    ["a credit run into a sentence without a stop between", "It ended on Wednesday. tkw/AFP/AP/dpa Editor: Jennifer Abramsohn", [
      ["It ended on Wednesday.", false],
      ["tkw/AFP/AP/dpa", true],
      ["Editor: Jennifer Abramsohn", true],
    ]],
    ["editors' initials and agencies after the last sentence", "The ambassador was killed in September. hc/rc (Reuters, AFP, AP)", [
      ["The ambassador was killed in September.", false],
      ["hc/rc (Reuters, AFP, AP)", true],
    ]],
    ["the same after a quotation", 'He called it "an error." msh/lw (AFP, dpa, Reuters)', [
      ['He called it "an error."', false],
      ["msh/lw (AFP, dpa, Reuters)", true],
    ]],
    ["the same on a line of its own", "Talks went on.\nmz/msh (AP, AFP, dpa)", [
      ["Talks went on.", false],
      ["mz/msh (AP, AFP, dpa)", true],
    ]],
    ["a slash in prose", "The vote was 5/4 in favour, and/or so it seemed to him at the time of the count.", [
      ["The vote was 5/4 in favour, and/or so it seemed to him at the time of the count.", false],
    ]],
    ["a credit ending in brackets", "Author: Darren Mara (dpa, Reuters) Editor: Susan Houlton", [
      ["Author: Darren Mara (dpa, Reuters)", true],
      ["Editor: Susan Houlton", true],
    ]],
    ["a label followed by lower case, in prose", "The Editor: a new film opens in Berlin.", [["The Editor: a new film opens in Berlin.", false]]],
    ["a long sentence without its stop", long, [[long, false]]],
    ["an agency credit in brackets", "(AFP, Reuters)", [["(AFP, Reuters)", false]]],
  ];
  it.each(cases)("%s", (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
  it("keeps a heading apart from the prose line after it", () => {
    expect(read("Party backs Schröder\nOn Tuesday, SPD leader Franz Müntefering joined in.")).toEqual([
      ["Party backs Schröder", true],
      ["On Tuesday, SPD leader Franz Müntefering joined in.", false],
    ]);
  });
});
