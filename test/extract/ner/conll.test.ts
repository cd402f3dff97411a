// CoNLL parsing (documents, sentences, column checks with file:line errors) and writing a predicted column back.
import { describe, expect, it } from "vitest";
import { KgError } from "../../../src/errors.js";
import { parseConll, writeConllTags } from "../../../src/extract/ner/conll.js";

const SAMPLE = [
  "-DOCSTART- -X- O O",
  "",
  "Olga NNP I-NP I-PER",
  "Lyubimova NNP I-NP I-PER",
  "visited VBD I-VP O",
  "Pyongyang NNP I-NP I-LOC",
  ". . O O",
  "",
  "-DOCSTART- -X- O O",
  "",
  "Seoul NNP I-NP I-LOC",
  "",
].join("\n");

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return err instanceof KgError ? `${err.code} ${err.where}` : "not a KgError";
  }
  return undefined;
}

describe("parseConll", () => {
  it("splits documents and sentences and keeps line numbers", () => {
    const file = parseConll(SAMPLE, "sample.conll", { requireTags: true });
    expect(file.documents).toHaveLength(2);
    expect(file.documents[0][0].tokens).toEqual(["Olga", "Lyubimova", "visited", "Pyongyang", "."]);
    expect(file.documents[0][0].tags).toEqual(["I-PER", "I-PER", "O", "I-LOC", "O"]);
    expect(file.documents[0][0].lines).toEqual([2, 3, 4, 5, 6]);
    expect(file.documents[1][0].tokens).toEqual(["Seoul"]);
  });
  it("treats a file without -DOCSTART- as one document", () => {
    expect(parseConll("a O\nb O\n\nc O\n", "x").documents.map((d) => d.length)).toEqual([2]);
  });
  it.each([
    { name: "a column missing", text: "Seoul NNP I-NP I-LOC\nPyongyang NNP I-LOC\n", where: "bad.conll:2" },
    { name: "leading whitespace", text: "Seoul O\n  O\n", where: "bad.conll:2" },
    { name: "a bad tag when tags are required", text: "Seoul NNP X-LOC\n", where: "bad.conll:1", requireTags: true },
  ])("rejects $name with INVALID_CONLL at file:line", ({ text, where, requireTags }) => {
    expect(codeOf(() => parseConll(text, "bad.conll", { requireTags }))).toBe(`INVALID_CONLL ${where}`);
  });
});

describe("writeConllTags", () => {
  it("appends a column to token and -DOCSTART- lines and keeps blank lines", () => {
    const file = parseConll(SAMPLE, "sample.conll");
    const out = writeConllTags(file, [[["B-PER", "I-PER", "O", "B-LOC", "O"]], [["B-LOC"]]]);
    const lines = out.split("\n");
    expect(lines[0]).toBe("-DOCSTART- -X- O O O");
    expect(lines[1]).toBe("");
    expect(lines[2]).toBe("Olga NNP I-NP I-PER B-PER");
    expect(lines[10]).toBe("Seoul NNP I-NP I-LOC B-LOC");
    expect(lines).toHaveLength(SAMPLE.split("\n").length);
  });
});
