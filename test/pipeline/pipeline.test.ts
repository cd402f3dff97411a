// The pipeline: stage order checks, failures wrapped with the stage and document, and a multi-document build.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KgError } from "../../src/errors.js";
import { tagDocument } from "../../src/extract/ner/index.js";
import { loadNerModel } from "../../src/cli/ner-model.js";
import { buildKnowledgeGraph, checkPipeline, documentStages, runPipeline, type Stage } from "../../src/pipeline/index.js";
import { GraphJson } from "../../src/schema/index.js";
import { SEED_TEXT } from "../helpers/kg.js";

const model = loadNerModel();
const tagger = (s: string[][]) => tagDocument(model, s);
const seed = { id: "north-korea-russia.txt", content: readFileSync(SEED_TEXT, "utf8"), sha256: "a".repeat(64) };

describe("checkPipeline and runPipeline", () => {
  it("refuses a stage whose input no earlier stage provides", () => {
    const [text, extract] = documentStages(tagger);
    expect(() => checkPipeline([extract, text])).toThrowError(expect.objectContaining({ code: "PIPELINE_INVALID" }));
    expect(() => checkPipeline([text, extract])).not.toThrow();
  });

  it("wraps a failing stage in STAGE_FAILED naming the stage and the document", () => {
    const boom: Stage = { name: "extract/boom", requires: ["document"], provides: ["facts"], run: () => { throw new TypeError("no"); } };
    try {
      runPipeline([documentStages()[0], boom], seed);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(KgError);
      expect((err as KgError).code).toBe("STAGE_FAILED");
      expect((err as KgError).where).toBe(seed.id);
      expect((err as Error).message).toContain("extract/boom");
    }
  });

  it("schema-checks every stage's output when asked", () => {
    const state = runPipeline(documentStages(tagger), seed, { validate: true });
    expect(state.facts?.entities.length).toBeGreaterThan(10);
    const broken: Stage = { name: "extract/broken", requires: ["document"], provides: ["facts"], run: (s) => ({ ...s, facts: { doc: 1 } as never }) };
    expect(() => runPipeline([documentStages()[0], broken], seed, { validate: true })).toThrowError(expect.objectContaining({ code: "INVARIANT" }));
  });
});

describe("buildKnowledgeGraph over several documents", () => {
  const second = {
    id: "b/follow-up.md",
    sha256: "b".repeat(64),
    content:
      "# Follow-up\n\nNorth Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok.\n" +
      "Kim Jong Un later inspected a factory in Pyongyang, the capital of North Korea.\n",
  };
  const a = buildKnowledgeGraph([seed, second], { tagger });
  const b = buildKnowledgeGraph([second, seed], { tagger });

  it("merges an entity spelled differently in another document, and counts both documents", () => {
    const kim = a.graph.getNodeAttributes("person:kim-jong-un");
    expect(kim.documents).toEqual(["b/follow-up.md", "north-korea-russia.txt"]);
    expect(kim.aliases).toContain("Kim Jong Un");
    expect(a.graph.hasEdge("person:kim-jong-un|met_with|person:vladimir-putin")).toBe(true);
    expect(a.graph.hasEdge("place:pyongyang|capital_of|state:north-korea")).toBe(true);
    expect(a.graph.getEdgeAttribute("person:kim-jong-un|leader_of|state:north-korea", "weight")).toBe(2);
  });

  it("is independent of the order the sources come in", () => {
    expect(JSON.stringify(b.graph.export())).toBe(JSON.stringify(a.graph.export()));
  });

  it("produces the graph contract with the sources recorded", () => {
    const json = a.graph.export();
    expect(GraphJson.safeParse(json).success).toBe(true);
    expect(json.attributes!.sources.map((s: { id: string }) => s.id)).toEqual(["b/follow-up.md", "north-korea-russia.txt"]);
    expect(json.attributes!.sources[0].title).toBe("Follow-up");
    expect(a.stats.documents).toBe(2);
  });

  it("never keeps a co-occurrence beside a typed relation of the same pair", () => {
    const typed = new Set<string>();
    a.graph.forEachEdge((_e, attr, s, t) => {
      if (attr.relation !== "co_occurs_with") typed.add([s, t].sort().join("|"));
    });
    a.graph.forEachEdge((_e, attr, s, t) => {
      if (attr.relation === "co_occurs_with") expect(typed.has([s, t].sort().join("|"))).toBe(false);
    });
  });
});
