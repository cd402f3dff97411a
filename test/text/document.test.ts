// The text stage on real and awkward input: offsets, headings, tokens, Unicode, HTML and Markdown.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/schema/index.js";
import { documentFromSource, documentFromText, foldName, normaliseForMatching } from "../../src/text/index.js";
import { SEED_TEXT } from "../helpers/kg.js";

const seed = readFileSync(SEED_TEXT, "utf8");

/** Every span of a document indexes its own text. */
function expectOffsets(doc: Document) {
  expect(Document.safeParse(doc).success).toBe(true);
  for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  for (let i = 1; i < doc.tokens.length; i++) expect(doc.tokens[i].start).toBeGreaterThanOrEqual(doc.tokens[i - 1].end);
}

describe("documentFromText on the seed article", () => {
  const doc = documentFromText("north-korea-russia.txt", seed);
  it("keeps the text verbatim and every offset exact", () => {
    expect(doc.text).toBe(seed);
    expectOffsets(doc);
  });
  it("reads lines without final punctuation as headings, apart from the next sentence", () => {
    const headings = doc.sentences.filter((s) => s.heading).map((s) => s.text);
    expect(headings).toContain("II. Political Symbolism and Timing");
    expect(headings).toContain("1. Kim Jong-un Pays Respect to Dead Soldiers");
    expect(headings).toContain("Conclusion");
    const next = doc.sentences.find((s) => s.text.startsWith("Although it remains unclear"));
    expect(next?.heading).toBe(false);
  });
  it("splits sentences at their end and not inside them", () => {
    const s = doc.sentences.find((x) => x.text.startsWith("Kim and other top officials"));
    expect(s?.text).toBe("Kim and other top officials, including his sister Kim Yo-jong and Foreign Minister Choe Son-hui, were seen wearing winter attire.");
  });
  it("tokenises like CoNLL: possessive split off, hyphenated names and numbers whole", () => {
    const words = doc.tokens.map((t) => t.text);
    expect(words).toContain("Jong-un");
    expect(words).toContain("15,000");
    const i = words.indexOf("Kursk");
    expect(words.slice(i - 2, i + 1)).toEqual(["Russia", "’s", "Kursk"]);
  });
});

describe("tokens and sentences, table-driven", () => {
  const cases: Array<[string, string[]]> = [
    ["The U.S. envoy met Mr. Smith.", ["The", "U.S.", "envoy", "met", "Mr.", "Smith", "."]],
    ["It isn't O'Brien's car.", ["It", "is", "n't", "O'Brien", "'s", "car", "."]],
    ["“Heroes,” he said—again.", ["“", "Heroes", ",", "”", "he", "said", "—", "again", "."]],
    ["김정은 위원장이 말했다.", ["김정은", "위원장이", "말했다", "."]],
    ["Владимир Путин встретился с Ким Чен Ыном.", ["Владимир", "Путин", "встретился", "с", "Ким", "Чен", "Ыном", "."]],
    ["Prices rose 3.5% in the 1990s.", ["Prices", "rose", "3.5%", "in", "the", "1990s", "."]],
  ];
  it.each(cases)("%s", (text, expected) => {
    const doc = documentFromText("t.txt", text);
    expectOffsets(doc);
    expect(doc.tokens.map((t) => t.text)).toEqual(expected);
  });
  it("does not end a sentence at an abbreviation or an initial", () => {
    const doc = documentFromText("t.txt", "Gen. Kim met J. Smith in Seoul. They talked.");
    expect(doc.sentences.map((s) => s.text)).toEqual(["Gen. Kim met J. Smith in Seoul.", "They talked."]);
  });
  it("keeps empty and whitespace-only text empty", () => {
    expect(documentFromText("e.txt", "").sentences).toEqual([]);
    expect(documentFromText("e.txt", " \n\t\n").tokens).toEqual([]);
  });
  it("composes to NFC and drops a byte-order mark", () => {
    const doc = documentFromText("n.txt", "\uFEFFJose\u0301 said so.");
    expect(doc.text).toBe("José said so.");
    expectOffsets(doc);
  });
});

describe("normalisation keeps length, folding compares names", () => {
  it("maps curly quotes, dashes and odd spaces one to one", () => {
    const s = "Pyongyang’s “victory” — 2024\u00a0report";
    const n = normaliseForMatching(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe(`Pyongyang's "victory" - 2024 report`);
  });
  it("folds case, accents and hyphens", () => {
    expect(foldName("Kim Jong‑un")).toBe(foldName("kim jong un"));
    expect(foldName("Ángela Núñez")).toBe("angela nunez");
  });
});

describe("markup", () => {
  it("reads HTML text by blocks, skipping scripts, with the title", () => {
    const html = `<html><head><title>Summit &amp; talks</title><script>alert(1)</script></head>
      <body><h1>Summit</h1><p>Kim Jong-un met <b>Vladimir Putin</b> in Vladivostok.</p><p>They spoke.</p></body></html>`;
    const doc = documentFromSource("a/summit.html", html);
    expect(doc.title).toBe("Summit & talks");
    expect(doc.text).not.toContain("alert");
    expect(doc.sentences.map((s) => s.text)).toEqual(["Summit", "Kim Jong-un met Vladimir Putin in Vladivostok.", "They spoke."]);
    expectOffsets(doc);
  });
  it("reads Markdown without its marks", () => {
    const md = "# Arms deal\n\nNorth Korea has **supplied** [Russia](https://example.org) with `shells`.\n";
    const doc = documentFromSource("deal.md", md);
    expect(doc.title).toBe("Arms deal");
    expect(doc.sentences[1].text).toBe("North Korea has supplied Russia with shells.");
  });
});
