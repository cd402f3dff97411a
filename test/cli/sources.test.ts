// Which files of a sources folder are articles: source extensions only, hidden files and folder notes (README, LICENSE) left out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listSources } from "../../src/cli/sources.js";
import { runKg } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-sources-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), content);
  }
  return dir;
}

const ARTICLE = "# Summit\n\nNorth Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok.\n";
const NOTE = "# About this folder\n\nThese articles were collected by the German chancellor Angela Merkel in Berlin; they come from Wikinews.\n";

describe("listSources", () => {
  const dir = folder("mixed", {
    "a.md": ARTICLE,
    "README.md": NOTE,
    "LICENSE": NOTE,
    "licence.txt": NOTE,
    "LICENSES.md": NOTE,
    "news/Readme.markdown": NOTE,
    "news/readme-first.md": ARTICLE,
    "news/b.txt": ARTICLE,
    "news/readme/c.html": `<p>${ARTICLE}</p>`,
    ".hidden.md": ARTICLE,
    ".drafts/d.md": ARTICLE,
    "notes.json": "{}",
  });

  it("lists the articles, sorted, and leaves out README and LICENSE files, hidden files and other extensions", async () => {
    const found = (await listSources(dir)).map((p) => relative(dir, p).split("\\").join("/"));
    expect(found).toEqual(["a.md", "news/b.txt", "news/readme-first.md", "news/readme/c.html"]);
  });

  function build(sources: string, name: string) {
    const out = join(tmp, name);
    const r = runKg(["build", "--sources", sources, "--out", out, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    return {
      ids: json.attributes.sources.map((s: { id: string }) => s.id),
      labels: json.nodes.map((n: { attributes: { label: string } }) => n.attributes.label),
    };
  }

  it("kg build reads the articles only: nothing of the README reaches the graph", () => {
    const { ids, labels } = build(dir, "out");
    expect(ids).toEqual(["a.md", "news/b.txt", "news/readme-first.md", "news/readme/c.html"]);
    expect(labels).toContain("Vladimir Putin");
    expect(labels).not.toContain("Angela Merkel");
    // the same note under another name is an article, and its person is found
    const control = build(folder("control", { "a.md": ARTICLE, "about.md": NOTE }), "out-control");
    expect(control.ids).toEqual(["a.md", "about.md"]);
    expect(control.labels).toContain("Angela Merkel");
  });
});
