// The default corpus in graph-data/sources: every article dated and attributed in its front matter and in the
// folder's README, and `kg build` on it gives a connected, multi-document graph.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { listSources } from "../../src/cli/sources.js";
import { ROOT, runKg } from "../helpers/kg.js";

const DIR = join(ROOT, "graph-data/sources");
const SEED = "north-korea-russia.txt";
const tmp = mkdtempSync(join(tmpdir(), "kgraph-default-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar day");
const FrontMatter = z.object({
  title: z.string().min(1),
  date: isoDay,
  url: z.string().regex(/^https?:\/\/[^\s]+$/),
  license: z.enum(["CC BY 2.5", "public domain"]),
  source: z.string().min(1),
});
type FrontMatter = z.infer<typeof FrontMatter>;

/** Front matter and body of a Markdown article; `yaml` keeps dates as strings in its core schema. */
function readArticle(id: string): { meta: FrontMatter; body: string } {
  const text = readFileSync(join(DIR, id), "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${id}: no front matter`);
  const parsed = FrontMatter.safeParse(parseYaml(m[1], { schema: "core" }));
  if (!parsed.success) throw new Error(`${id}: ${parsed.error.message}`);
  return { meta: parsed.data, body: text.slice(m[0].length) };
}

let ids: string[] = [];
beforeAll(async () => {
  ids = (await listSources(DIR)).map((p) => relative(DIR, p).split(sep).join("/"));
});

describe("the default corpus's files", () => {
  it("holds the seed article and 20 to 60 other real articles, each a Markdown file of its own", () => {
    expect(ids).toContain(SEED);
    const articles = ids.filter((id) => id !== SEED);
    expect(articles.length).toBeGreaterThanOrEqual(20);
    expect(articles.length).toBeLessThanOrEqual(60);
    for (const id of articles) expect(id).toMatch(/^(wikinews|us-government)\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
  });

  it("gives each article a title, a date, the original URL, a licence and a source, consistent with its folder and name", () => {
    for (const id of ids.filter((i) => i !== SEED)) {
      const { meta, body } = readArticle(id);
      expect(id.slice(id.indexOf("/") + 1, id.indexOf("/") + 11), id).toBe(meta.date);
      expect(body.split("\n")[0], id).toBe(`# ${meta.title}`);
      if (id.startsWith("wikinews/")) {
        expect(meta.license, id).toBe("CC BY 2.5");
        expect(meta.url, id).toMatch(/^https:\/\/en\.wikinews\.org\/wiki\//);
      } else {
        expect(meta.license, id).toBe("public domain");
        expect(new URL(meta.url).hostname, id).toMatch(/(^|\.)(state\.gov|defense\.gov|centcom\.mil)$/);
      }
    }
  });

  it("lists every article in the folder's README with its date and URL, and no file that is not there", () => {
    const readme = readFileSync(join(DIR, "README.md"), "utf8");
    expect(ids).not.toContain("README.md");
    for (const id of ids.filter((i) => i !== SEED)) {
      const { meta } = readArticle(id);
      const row = readme.split("\n").find((l) => l.includes(`\`${id}\``));
      expect(row, id).toBeDefined();
      expect(row).toContain(`| ${meta.date} |`);
      expect(row).toContain(`(${meta.url})`);
    }
    const listed = [...readme.matchAll(/`((?:wikinews|us-government)\/[^`]+\.md)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(ids.filter((i) => i !== SEED).sort());
    expect(readme).toContain("https://creativecommons.org/licenses/by/2.5/");
    expect(readme).toContain("Wikinews contributors");
    expect(readme).toContain("17 U.S.C. § 105");
  });
});

describe("kg build on the default corpus", () => {
  type Node = { key: string; attributes: { label: string; documents: string[] } };
  type Edge = { source: string; target: string; attributes: { evidence: Array<{ doc: string; text: string }> } };
  let graph: { nodes: Node[]; edges: Edge[]; attributes: { sources: Array<{ id: string; date?: string }> } };

  beforeAll(() => {
    const r = runKg(["build", "--out", tmp, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    graph = JSON.parse(readFileSync(join(tmp, "graph.json"), "utf8"));
  });

  it("reads every article, and dates a document, when it does, by its front matter", () => {
    expect(graph.attributes.sources.map((s) => s.id)).toEqual(ids);
    for (const s of graph.attributes.sources) if (s.id !== SEED) expect(s.date ?? readArticle(s.id).meta.date, s.id).toBe(readArticle(s.id).meta.date);
  });

  it("joins the articles into one network: shared entities and a large connected component across both folders", () => {
    const shared = graph.nodes.filter((n) => n.attributes.documents.length >= 3);
    expect(shared.length).toBeGreaterThanOrEqual(10);
    const across = graph.nodes.filter((n) => {
      const folders = new Set(n.attributes.documents.map((d) => d.split("/")[0]));
      return folders.has("wikinews") && folders.has("us-government");
    });
    expect(across.length).toBeGreaterThan(0);
    const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
    const adj = new Map(graph.nodes.map((n) => [n.key, [] as string[]]));
    for (const e of graph.edges) {
      adj.get(e.source)!.push(e.target);
      adj.get(e.target)!.push(e.source);
    }
    const seen = new Set<string>();
    let largest: Node[] = [];
    for (const n of graph.nodes) {
      if (seen.has(n.key)) continue;
      const stack = [n];
      const component: Node[] = [];
      seen.add(n.key);
      while (stack.length) {
        const node = stack.pop()!;
        component.push(node);
        for (const k of adj.get(node.key)!) if (!seen.has(k)) (seen.add(k), stack.push(byKey.get(k)!));
      }
      if (component.length > largest.length) largest = component;
    }
    expect(largest.length).toBeGreaterThanOrEqual(0.4 * graph.nodes.length);
    // most articles have an entity in that component
    const docs = new Set(largest.flatMap((n) => n.attributes.documents));
    expect(docs.size).toBeGreaterThanOrEqual(0.75 * ids.length);
  });

  it("takes every evidence sentence verbatim from its own article", () => {
    const texts = new Map(ids.map((id) => [id, readFileSync(join(DIR, id), "utf8").replace(/\s+/g, " ")]));
    let checked = 0;
    for (const e of graph.edges) {
      for (const ev of e.attributes.evidence) {
        expect(texts.get(ev.doc), `${ev.doc}: ${ev.text}`).toContain(ev.text.replace(/\s+/g, " "));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
