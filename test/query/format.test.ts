import { describe, expect, it } from "vitest";
import { toCsv, toTable } from "../../src/query/index.js";

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks per RFC 4180, with CRLF records", () => {
    const csv = toCsv({ columns: ["a", "b"], rows: [["plain", 'say "hi", then\nleave'], [1, undefined]] });
    expect(csv).toBe('a,b\r\nplain,"say ""hi"", then\nleave"\r\n1,\r\n');
  });
});

describe("toTable", () => {
  it("aligns columns to the widest cell, counting characters not UTF-16 units", () => {
    const lines = toTable({ columns: ["name", "n"], rows: [["Søren 😀", 1], ["Kim Jong-un", 22]] }).split("\n");
    expect(lines[0]).toBe("name         n");
    expect(lines[1]).toBe("-----------  --");
    expect(lines[2]).toBe("Søren 😀      1");
    expect(lines[3]).toBe("Kim Jong-un  22");
  });

  it("cuts long cells and flattens line breaks", () => {
    const out = toTable({ columns: ["x"], rows: [["one\ntwo three four"]] }, { maxWidth: 8 });
    expect(out.split("\n")[2]).toBe("one two…");
  });
});
