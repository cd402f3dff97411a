// XML escaping, forbidden-character dropping and number formatting of the GEXF writer.
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { escapeXmlAttribute, escapeXmlText, formatNumber, stripInvalidXmlChars } from "../../src/export/xml.js";
import { evidenceXml, flattenEvidence } from "../../src/export/gexf-columns.js";

describe("escapeXmlAttribute", () => {
  it.each([
    ["plain", "plain"],
    ["a & b", "a &amp; b"],
    ["<script>", "&lt;script&gt;"],
    [`say "hi" 'there'`, "say &quot;hi&quot; &apos;there&apos;"],
    ["tab\tnl\ncr\r", "tab&#9;nl&#10;cr&#13;"],
    ["&amp;", "&amp;amp;"],
    ["김정은 Ким Чен Ын 😀 “curly” ‘single’ — dash", "김정은 Ким Чен Ын 😀 “curly” ‘single’ — dash"],
    ["nul\u0000bell\u0007esc\u001bvt\u000bff\u000c", "nulbellescvtff"],
    ["\uFFFE\uFFFFok", "ok"],
    ["lone high \uD800 and low \uDC00 end", "lone high  and low  end"],
    ["pair \uD83D\uDE00 stays", "pair \uD83D\uDE00 stays"],
    ["reversed \uDE00\uD83D pair", "reversed  pair"],
    ["\u007f and \u0085 are legal XML 1.0", "\u007f and \u0085 are legal XML 1.0"],
  ])("%j -> %j", (input, expected) => {
    expect(escapeXmlAttribute(input)).toBe(expected);
  });
});

describe("escapeXmlText", () => {
  it("keeps tab and LF literal but escapes CR, markup and quotes", () => {
    expect(escapeXmlText("a\tb\nc\rd <&> \"'")).toBe("a\tb\nc&#13;d &lt;&amp;&gt; &quot;&apos;");
  });
  it("drops forbidden characters", () => {
    expect(escapeXmlText("x\u0000y\u0001z\uD800")).toBe("xyz");
  });
});

describe("stripInvalidXmlChars", () => {
  it("removes every C0 control except tab, LF, CR", () => {
    const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("");
    expect(stripInvalidXmlChars(all)).toBe("\t\n\r");
  });
});

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [15000, "15000"],
    [0.1, "0.1"],
    [-410.125, "-410.125"],
    [1e-7, "1e-7"],
    [2.5e21, "2.5e+21"],
    [0.30000000000000004, "0.30000000000000004"],
  ])("%s -> %s (round-trips exactly)", (n, s) => {
    expect(formatNumber(n)).toBe(s);
    expect(Number(s)).toBe(n === 0 ? 0 : n);
  });
  it.each([NaN, Infinity, -Infinity])("%s is absent", (n) => {
    expect(formatNumber(n)).toBeUndefined();
  });
  it("gives String(n) for every finite number, before and after its cache fills (seeded random doubles)", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const extremes = [Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON, -1e-300, 123456789012345680000, 1 / 3, -(2 ** 53)];
    const doubles = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20) : Math.floor(rnd() * 1e6)));
    for (const n of [...extremes, ...doubles, ...doubles]) expect(formatNumber(n)).toBe(String(n));
  });
});

describe("escaping round trip through an XML parser (seeded random strings)", () => {
  // Code units chosen to hit every branch: markup, quotes, whitespace, controls, surrogate halves, U+FFFE/F.
  const ALPHABET = ["a", "Z", " ", "&", "<", ">", '"', "'", "\t", "\n", "\r", "\u0000", "\u0001", "\u001f", "\u007f", "김", "Я", "“", "\uD83D", "\uDE00", "\uFFFE", "\uFFFF", ";", "#"];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const strings = Array.from({ length: 500 }, () => Array.from({ length: Math.floor(rnd() * 12) }, () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]).join(""));

  it("an attribute and an element read back as the input minus the forbidden characters", () => {
    const parser = new DOMParser({ onError: (level, msg) => { throw new Error(`${level}: ${msg}`); } });
    for (const s of strings) {
      const doc = parser.parseFromString(`<a v="${escapeXmlAttribute(s)}">${escapeXmlText(s)}</a>`, "text/xml");
      const clean = stripInvalidXmlChars(s);
      expect(doc.documentElement!.getAttribute("v")).toBe(clean);
      expect(doc.documentElement!.textContent).toBe(clean);
    }
  });
});

describe("evidenceXml", () => {
  it("gives exactly the escaped flattened evidence, whatever the entries hold", () => {
    const texts = ["plain", "a <b>fact</b> & “more”", "line\nbreak\r\nhere", "lone \uD800 high", "\uDC00 low first", "pair 😀", "ctrl \u0001", "ends high \uD83D", ""];
    const docs: unknown[] = ["a.txt", "a&b.txt", "d\uD800", 7, undefined];
    const sentences: unknown[] = [0, 12, undefined, "x"];
    let n = 0;
    for (const text of texts) {
      for (const doc of docs) {
        const sentence = sentences[n++ % sentences.length];
        const one = [{ doc, sentence, text }];
        const two = [{ doc, sentence, text }, { doc: "z.md", sentence: 3, text: texts[n % texts.length] }];
        for (const value of [one, two]) expect(evidenceXml(value)).toBe(escapeXmlAttribute(flattenEvidence(value)!));
      }
    }
    expect(evidenceXml([])).toBeUndefined();
    expect(evidenceXml(undefined)).toBeUndefined();
    expect(evidenceXml("already <text>")).toBe("already &lt;text&gt;");
  });
});
