// Document dates, titles and URLs: each written form, strict validation, the order of sources, real files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/schema/index.js";
import {
  datelineDate,
  documentFromSource,
  htmlMetadata,
  parseDate,
  pathDate,
  publishedLineDate,
  splitFrontMatter,
} from "../../src/text/index.js";
import { ROOT } from "../helpers/kg.js";

describe("parseDate reads one written date strictly", () => {
  const cases: Array<[string, string | undefined]> = [
    ["2024-07-16", "2024-07-16"],
    ["2024/07/16", "2024-07-16"],
    ["2024-07-16T10:30:00Z", "2024-07-16T10:30:00Z"],
    ["2024-07-16T10:30:00.123+02:00", "2024-07-16T08:30:00Z"],
    ["2024-07-16T23:30:00-04:00", "2024-07-17T03:30:00Z"],
    ["2024-07-16T10:30:00", "2024-07-16"], // no zone: the day only
    ["16 July 2024", "2024-07-16"],
    ["16th Jul. 2024, 09:15 GMT", "2024-07-16T09:15:00Z"],
    ["Tuesday, 16 July 2024", "2024-07-16"],
    ["July 16, 2024", "2024-07-16"],
    ["Jul 16 2024", "2024-07-16"],
    ["Sept. 3, 2024", "2024-09-03"],
    ["July 16, 2024 10:30 AM EDT", "2024-07-16T14:30:00Z"],
    ["July 16, 2024 12:05 a.m. PDT", "2024-07-16T07:05:00Z"],
    ["July 16, 2024 at 10:30 a.m. ET", "2024-07-16"], // ET is EDT or EST: the day only
    ["16/07/2024", "2024-07-16"],
    ["07/16/2024", "2024-07-16"],
    ["16.07.2024", "2024-07-16"],
    ["03/04/2024", undefined], // March 4 or 3 April: not guessed
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", undefined],
    ["2024-02-30", undefined],
    ["31 April 2024", undefined],
    ["2024-13-01", undefined],
    ["09/05/96", undefined],
    ["July 2024", undefined],
    ["July 16", undefined],
    ["yesterday", undefined],
    ["", undefined],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

describe("front matter", () => {
  const md = "---\ntitle: Biden hosts NATO\ndate: 2024-07-10\nurl: https://example.org/a\n---\n# Heading\n\nBiden spoke.\n";
  it("gives title, date and URL, and never reaches the text", () => {
    const doc = documentFromSource("a.md", md);
    expect(Document.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ title: "Biden hosts NATO", date: "2024-07-10", dateSource: "front-matter", url: "https://example.org/a" });
    expect(doc.text).not.toMatch(/title:|date:|---/);
    expect(doc.text.startsWith("Heading")).toBe(true);
  });
  it("is cut off from plain text too, and a quoted or timed date is read", () => {
    const doc = documentFromSource("a.txt", '---\ndate: "2024-07-16T10:30:00Z"\nlink: https://example.org/b\n---\nBody.\n');
    expect(doc).toMatchObject({ date: "2024-07-16T10:30:00Z", dateSource: "front-matter", url: "https://example.org/b" });
    expect(doc.text).toBe("Body.\n");
  });
  it("cuts off a block that is not valid YAML and still reads its simple lines", () => {
    const fm = splitFrontMatter("---\ntitle: [broken\ndate: 2024-07-16\n---\nBody.");
    expect(fm?.body).toBe("Body.");
    const doc = documentFromSource("a.md", "---\ntitle: [broken\ndate: 2024-07-16\n---\nBody.");
    expect(doc.date).toBe("2024-07-16");
    expect(doc.text).toBe("Body.");
  });
  it("ignores an invalid date and a source that is not a URL", () => {
    const doc = documentFromSource("a.md", "---\ndate: 2024-02-30\nsource: Reuters\n---\nBody.");
    expect(doc.date).toBeUndefined();
    expect(doc.url).toBeUndefined();
  });
  it("leaves a later horizontal rule alone, and prose between two rules at the top", () => {
    expect(splitFrontMatter("Text\n---\nmore\n---\n")).toBeUndefined();
    expect(splitFrontMatter("---\nA short introduction, set apart.\n---\nBody.")).toBeUndefined();
    const doc = documentFromSource("a.txt", "---\nA short introduction, set apart.\n---\nBody.");
    expect(doc.text).toContain("A short introduction");
  });
  it("lets the caller's options win over what is found", () => {
    const doc = documentFromSource("a.md", "---\ntitle: Found\ndate: 2024-07-16\n---\nBody.", { title: "Given", date: "2024-07-01", dateSource: "path", sha256: undefined });
    expect(doc).toMatchObject({ title: "Given", date: "2024-07-01", dateSource: "path" });
    expect(doc.sha256).toBe("0".repeat(64));
  });
});

describe("a Published or Updated line near the top", () => {
  it.each([
    ["# Title\nPublished: 16 July 2024\n\nBody.", "2024-07-16"],
    ["Title\nPublished July 16, 2024 10:30 AM EDT\nBody.", "2024-07-16T14:30:00Z"],
    ["Title\nBy Jane Doe | Published 2024-07-16\nBody.", "2024-07-16"],
    ["Title\n**Published on** 16 July 2024\nBody.", "2024-07-16"],
    ["Title\nUpdated: 18 July 2024\nPublished: 16 July 2024\nBody.", "2024-07-16"],
    ["Title\nLast updated 18 July 2024\nBody.", "2024-07-18"],
    ["Title\nDate: 2024-07-16\nBody.", "2024-07-16"],
  ])("%j", (text, expected) => {
    expect(publishedLineDate(text)).toBe(expected);
  });
  it("reads no date from prose", () => {
    expect(publishedLineDate("Title\nThe report was published 16 July 2024, the ministry said.\nBody.")).toBeUndefined();
    expect(publishedLineDate("Title\nThe date 16 July 2024 was set.")).toBeUndefined();
  });
  it("looks only near the top", () => {
    const text = `${Array.from({ length: 20 }, (_, i) => `Line ${i}.`).join("\n")}\nPublished: 16 July 2024`;
    expect(publishedLineDate(text)).toBeUndefined();
  });
  it("reads Markdown with the emphasis stripped", () => {
    const doc = documentFromSource("a.md", "# Germany pledges\n\n*Published: 16 July 2024*\n\nText.");
    expect(doc).toMatchObject({ date: "2024-07-16", dateSource: "published-line" });
  });
});

describe("HTML metadata", () => {
  const page = (head: string, body = "<p>Text.</p>") => `<html><head><title>T</title>${head}</head><body>${body}</body></html>`;
  it.each([
    ['<meta property="article:published_time" content="2024-07-16T10:30:00-04:00">', "2024-07-16T14:30:00Z"],
    ['<meta name="pubdate" content="2024-07-16">', "2024-07-16"],
    ['<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-07-16"}</script>', "2024-07-16"],
    ['<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-07-17T08:00:00Z"}]}</script>', "2024-07-17T08:00:00Z"],
    ['<meta property="article:modified_time" content="2024-07-18">', "2024-07-18"],
  ])("%s", (head, expected) => {
    expect(htmlMetadata(page(head)).date).toBe(expected);
  });
  it("reads <time datetime>, the published one first", () => {
    expect(htmlMetadata(page("", '<time datetime="2024-07-18">x</time><time itemprop="datePublished" datetime="2024-07-16">y</time>')).date).toBe("2024-07-16");
    expect(htmlMetadata(page("", '<p>On <time datetime="2024-07-18">Thursday</time></p>')).date).toBe("2024-07-18");
  });
  it("prefers a publication date to a modification date", () => {
    const head = '<meta property="article:modified_time" content="2024-07-20"><meta property="article:published_time" content="2024-07-16">';
    expect(htmlMetadata(page(head)).date).toBe("2024-07-16");
  });
  it("reads the URL from the canonical link, og:url or JSON-LD", () => {
    expect(htmlMetadata(page('<link rel="canonical" href="https://example.org/c"><meta property="og:url" content="https://example.org/o">')).url).toBe("https://example.org/c");
    expect(htmlMetadata(page('<meta property="og:url" content="https://example.org/o">')).url).toBe("https://example.org/o");
    expect(htmlMetadata(page('<script type="application/ld+json">{"datePublished":"2024-07-16","url":"https://example.org/j"}</script>')).url).toBe("https://example.org/j");
    expect(htmlMetadata(page('<link rel="canonical" href="/relative">')).url).toBeUndefined();
  });
  it("survives broken JSON-LD", () => {
    expect(htmlMetadata(page('<script type="application/ld+json">{"datePublished": </script>'))).toEqual({});
  });
  it("goes into the document, with the date source", () => {
    const doc = documentFromSource("p.html", page('<meta property="article:published_time" content="2024-07-16">'));
    expect(doc).toMatchObject({ date: "2024-07-16", dateSource: "html-meta", title: "T", text: "Text." });
  });
});

describe("datelines", () => {
  it.each([
    ["HEADLINE.\nBRUSSELS 1996-08-22\nText.", "1996-08-22"],
    ["Soccer - Arab team.\nOri Lewis\nTAIBE, Israel 1996-08-23\nText.", "1996-08-23"],
    ["Headline\nPONTIAC, Mich.\n1996-08-22\nText.", "1996-08-22"],
    ["Headline\nNEW YORK 1996-08-22\nText.", "1996-08-22"],
    ["Headline\nWASHINGTON, July 16, 2024 (Reuters) - The president said.", "2024-07-16"],
    ["Headline\nLONDON, 16 July 2024 — Text.", "2024-07-16"],
  ])("%j", (text, expected) => {
    expect(datelineDate(text)).toBe(expected);
  });
  it("takes no dateline without a year, nor a date in prose", () => {
    expect(datelineDate("Headline\nWASHINGTON, July 16 (Reuters) - The president said.")).toBeUndefined();
    expect(datelineDate("Headline\nCAIRO, Feb 3 - Sudanese army chief met.")).toBeUndefined();
    expect(datelineDate("Headline\nThe EU 2024-07-16 decision was made.")).toBeUndefined();
    expect(datelineDate("Headline\nBRUSSELS 1996-02-30\nText.")).toBeUndefined();
  });
});

describe("dates in the path", () => {
  it.each([
    ["2024/07/16/slug.md", "2024-07-16"],
    ["news/2024/07/16/slug.txt", "2024-07-16"],
    ["2024-07-16-slug.md", "2024-07-16"],
    ["archive/2024_07_16.txt", "2024-07-16"],
    ["2024/02/30/slug.md", undefined],
    ["2024/07/slug.md", undefined],
    ["report-20240716.txt", undefined],
    ["12024-07-16.txt", undefined],
  ])("%s", (id, expected) => {
    expect(pathDate(id)).toBe(expected);
  });
});

describe("the order of the date sources", () => {
  it("front matter before a Published line before a dateline before the path", () => {
    const text = "Headline\nPublished: 17 July 2024\nBRUSSELS 2024-07-18\nText.";
    expect(documentFromSource("2024/07/19/a.md", `---\ndate: 2024-07-16\n---\n${text}`)).toMatchObject({ date: "2024-07-16", dateSource: "front-matter" });
    expect(documentFromSource("2024/07/19/a.txt", text)).toMatchObject({ date: "2024-07-17", dateSource: "published-line" });
    expect(documentFromSource("2024/07/19/a.txt", "Headline\nBRUSSELS 2024-07-18\nText.")).toMatchObject({ date: "2024-07-18", dateSource: "dateline" });
    expect(documentFromSource("2024/07/19/a.txt", "Headline\nText.")).toMatchObject({ date: "2024-07-19", dateSource: "path" });
    const undated = documentFromSource("a.txt", "Headline\nText.");
    expect("date" in undated || "dateSource" in undated || "url" in undated).toBe(false);
  });
  it("a Published line before HTML metadata", () => {
    const html = '<html><head><meta property="article:published_time" content="2024-07-18"></head><body><p>Published: 17 July 2024</p><p>Text.</p></body></html>';
    expect(documentFromSource("a.html", html)).toMatchObject({ date: "2024-07-17", dateSource: "published-line" });
  });
});

describe("the committed dated fixtures", () => {
  const dir = join(ROOT, "test/fixtures/dated");
  const read = (id: string) => documentFromSource(id, readFileSync(join(dir, id), "utf8"));
  it("date each one from its own kind of source", () => {
    expect(read("nato-summit.md")).toMatchObject({ date: "2024-07-10", dateSource: "front-matter", url: "https://example.org/news/nato-summit", title: "NATO leaders meet in Washington" });
    expect(read("ukraine-aid.txt")).toMatchObject({ date: "2024-07-16", dateSource: "published-line" });
    expect(read("brussels-talks.html")).toMatchObject({ date: "2024-07-18T07:30:00Z", dateSource: "html-meta", url: "https://example.org/news/brussels-talks" });
    expect(read("kyiv-dateline.txt")).toMatchObject({ date: "2024-07-20", dateSource: "dateline" });
    expect(read("2024/07/22/warsaw-meeting.txt")).toMatchObject({ date: "2024-07-22", dateSource: "path" });
    expect(read("undated.txt").date).toBeUndefined();
    expect(read("nato-summit.md").text).not.toContain("tags:");
  });
  it("leave the undated article fixtures undated", () => {
    const articles = join(ROOT, "test/fixtures/articles");
    for (const f of readdirSync(articles)) expect(documentFromSource(f, readFileSync(join(articles, f), "utf8")).date, f).toBeUndefined();
  });
});

const CONLL = join(ROOT, ".data/corpus/conll");

describe.skipIf(!existsSync(CONLL))("Reuters articles of CoNLL-2003 (.data/corpus/conll)", () => {
  const files = existsSync(CONLL) ? readdirSync(CONLL).sort() : [];
  const docs = files.map((f) => {
    const text = readFileSync(join(CONLL, f), "utf8");
    return { f, text, doc: documentFromSource(f, text) };
  });
  it("dates nearly every article from its dateline, in 1996", () => {
    const dated = docs.filter((d) => d.doc.date !== undefined);
    expect(dated.length / docs.length).toBeGreaterThan(0.95);
    for (const d of dated) {
      expect(d.doc.dateSource).toBe("dateline");
      expect(d.doc.date).toMatch(/^1996-\d\d-\d\d$/);
    }
  });
  it("takes the date that the dateline writes", () => {
    for (const { f, text, doc } of docs) {
      if (doc.date === undefined) continue;
      const top = text.split("\n").slice(0, 6).join("\n");
      expect(top, f).toContain(doc.date);
    }
  });
});
