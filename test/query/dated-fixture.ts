// A dated multi-document graph: the real build over test/fixtures/articles, then document dates as the contract carries them.
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { buildKnowledgeGraph } from "../../src/pipeline/index.js";
import type { GraphJson } from "../../src/schema/index.js";

const ARTICLES = fileURLToPath(new URL("../fixtures/articles/", import.meta.url));

/** The publication date of each article; units.txt has none. */
export const ARTICLE_DATES: Readonly<Record<string, string>> = {
  "amazon-summit.txt": "2023-08-08",
  "eu-sanctions.md": "2024-06-27",
  "g20.html": "2024-11-18",
  "gaza-talks.txt": "2024-08-18",
  "philippines-japan.txt": "2024-07-08",
  "sahel.txt": "2024-01-28",
  "sudan-egypt.txt": "2025-02-03",
  "summit.txt": "2023-04-14",
  "world-news.txt": "2024-07-16",
};
export const UNDATED = "units.txt";
/** A sentence whose statement has a date of its own, other than its article's. */
export const OWN_DATE = { fragment: "Finland joined NATO in 2023", date: "2023-04-04" } as const;

type Dated = { date?: string; firstDate?: string; lastDate?: string };

function span(dates: string[]): Dated {
  if (!dates.length) return {};
  const sorted = [...dates].sort();
  return { firstDate: sorted[0], lastDate: sorted[sorted.length - 1] };
}

let built: GraphJson | undefined;

/**
 * The graph JSON of the articles as `kg build` makes it, with the date additions of the contract: `sources[].date`,
 * `evidence[].date` (the sentence's own date, else its document's), and `firstDate`/`lastDate` on nodes (over their
 * documents) and edges (over their evidence). A fresh copy on every call.
 */
export function datedGraphJson(): GraphJson {
  if (!built) {
    const model = loadNerModel();
    const sources = readdirSync(ARTICLES)
      .sort()
      .map((id) => {
        const content = readFileSync(ARTICLES + id, "utf8");
        return { id, content, sha256: createHash("sha256").update(content).digest("hex") };
      });
    const { graph } = buildKnowledgeGraph(sources, { tagger: (s: string[][]) => tagDocument(model, s) });
    const json = graph.export() as unknown as GraphJson;
    for (const s of json.attributes.sources as Array<{ id: string } & Dated>) if (ARTICLE_DATES[s.id]) s.date = ARTICLE_DATES[s.id];
    for (const edge of json.edges) {
      const evidence = edge.attributes.evidence as Array<{ doc: string; text: string } & Dated>;
      for (const ev of evidence) {
        const date = ev.text.includes(OWN_DATE.fragment) ? OWN_DATE.date : ARTICLE_DATES[ev.doc];
        if (date) ev.date = date;
      }
      Object.assign(edge.attributes, span(evidence.flatMap((ev) => (ev.date ? [ev.date] : []))));
    }
    for (const node of json.nodes) Object.assign(node.attributes, span(node.attributes.documents.flatMap((d) => (ARTICLE_DATES[d] ? [ARTICLE_DATES[d]] : []))));
    built = json;
  }
  return structuredClone(built);
}
