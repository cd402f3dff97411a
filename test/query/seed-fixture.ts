// A hand-made graph JSON of the seed article (north-korea-russia.txt) shaped like `kg build` output, with verbatim evidence.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KIND_COLORS, RELATION_LABELS, SCHEMA_VERSION, SYMMETRIC_RELATIONS } from "../../src/schema/index.js";
import type { EntityKind, Evidence, GraphJson, RelationType } from "../../src/schema/index.js";

export const SEED_DOC = "north-korea-russia.txt";
export const SEED_PATH = fileURLToPath(new URL(`../../graph-data/sources/${SEED_DOC}`, import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, "utf8");

interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentences of the article: split after . ! ? and at line ends, with offsets into the text. */
function sentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const re = /[^\n.!?]+(?:[.!?]+["”’]?|$)/gm;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index! + lead, end: m.index! + lead + body.length });
  }
  return spans;
}
const SENTENCES = sentences(SEED_TEXT);

/** The evidence of the sentence that contains `fragment`. */
export function evidenceFor(fragment: string): Evidence {
  const at = SEED_TEXT.indexOf(fragment);
  if (at < 0) throw new Error(`fixture: "${fragment}" is not in the article`);
  const index = SENTENCES.findIndex((s) => s.start <= at && at < s.end);
  const s = SENTENCES[index];
  return { doc: SEED_DOC, sentence: index, start: s.start, end: s.end, text: SEED_TEXT.slice(s.start, s.end) };
}

type NodeSpec = [key: string, label: string, aliases: string[]];
const NODES: NodeSpec[] = [
  ["person:kim-jong-un", "Kim Jong-un", ["Kim", "Leader Kim Jong-un"]],
  ["person:kim-yo-jong", "Kim Yo-jong", []],
  ["person:kim-ju-ae", "Kim Ju-ae", []],
  ["person:choe-son-hui", "Choe Son-hui", []],
  ["person:hong-min", "Hong Min", []],
  ["person:olga-lyubimova", "Olga Lyubimova", []],
  ["state:north-korea", "North Korea", ["North Korean", "the North"]],
  ["state:russia", "Russia", ["Russian"]],
  ["state:ukraine", "Ukraine", []],
  ["state:south-korea", "South Korea", ["South Korean"]],
  ["place:pyongyang", "Pyongyang", []],
  ["place:east-pyongyang-grand-theatre", "East Pyongyang Grand Theatre", []],
  ["place:kursk-region", "Kursk region", ["Kursk"]],
  ["institution:korea-institute-for-national-unification", "Korea Institute for National Unification", []],
  ["institution:korea-herald", "Korea Herald", ["the Korea Herald"]],
  ["event:war-in-ukraine", "war in Ukraine", ["Ukraine conflict"]],
  ["event:gala", "gala", ["lavish gala"]],
  ["agreement:north-korea-russia-military-alliance", "North Korea-Russia military alliance", ["military cooperation pact"]],
];

interface EdgeSpec {
  source: string;
  relation: RelationType;
  target: string;
  fragment: string;
  role?: string;
  quantity?: number;
  items?: string[];
  confidence?: number;
}
const EDGES: EdgeSpec[] = [
  { source: "kim-jong-un", relation: "leader_of", target: "north-korea", fragment: "North Korean leader Kim Jong-un" },
  { source: "kim-yo-jong", relation: "sibling_of", target: "kim-jong-un", fragment: "his sister Kim Yo-jong" },
  { source: "kim-ju-ae", relation: "child_of", target: "kim-jong-un", fragment: "his daughter, Kim Ju-ae" },
  { source: "choe-son-hui", relation: "official_of", target: "north-korea", fragment: "Foreign Minister Choe Son-hui", role: "Foreign Minister" },
  { source: "olga-lyubimova", relation: "official_of", target: "russia", fragment: "Russian Culture Minister Olga Lyubimova", role: "Culture Minister" },
  { source: "hong-min", relation: "works_for", target: "korea-institute-for-national-unification", fragment: "Hong Min, a senior researcher", role: "senior researcher" },
  { source: "north-korea", relation: "allied_with", target: "russia", fragment: "the North Korea-Russia military alliance" },
  { source: "north-korea", relation: "supplies", target: "russia", fragment: "North Korea has supplied Russia", items: ["artillery shells", "ballistic missiles", "ammunition"] },
  { source: "russia", relation: "supplies", target: "north-korea", fragment: "North Korea receives advanced weapons systems", items: ["advanced weapons systems", "satellite technology"], confidence: 0.7 },
  { source: "north-korea", relation: "deploys_troops_to", target: "war-in-ukraine", fragment: "approximately 15,000 North Korean troops", quantity: 15000 },
  { source: "north-korea", relation: "party_to", target: "war-in-ukraine", fragment: "its troops have suffered casualties during the ongoing war in Ukraine" },
  { source: "kim-jong-un", relation: "attended", target: "gala", fragment: "as he watched the gala" },
  { source: "olga-lyubimova", relation: "attended", target: "gala", fragment: "as he watched the gala" },
  { source: "gala", relation: "located_in", target: "east-pyongyang-grand-theatre", fragment: "a gala held at the East Pyongyang Grand Theatre" },
  { source: "kursk-region", relation: "located_in", target: "russia", fragment: "in Russia’s Kursk region" },
  { source: "kim-jong-un", relation: "co_occurs_with", target: "olga-lyubimova", fragment: "alongside Russian Culture Minister Olga Lyubimova" },
  { source: "korea-herald", relation: "co_occurs_with", target: "north-korea", fragment: "According to the Korea Herald" },
  { source: "north-korea", relation: "co_occurs_with", target: "ukraine", fragment: "its soldiers participating in the Ukraine conflict" },
];

const keyOf = (slug: string): string => NODES.find(([k]) => k.endsWith(`:${slug}`))![0];

/** The seed graph as graph JSON (a fresh object on every call). */
export function seedGraphJson(): GraphJson {
  const edges = EDGES.map((e) => {
    let [s, t] = [keyOf(e.source), keyOf(e.target)];
    if (SYMMETRIC_RELATIONS.has(e.relation) && t < s) [s, t] = [t, s];
    return {
      key: `${s}|${e.relation}|${t}`,
      source: s,
      target: t,
      attributes: {
        relation: e.relation,
        label: RELATION_LABELS[e.relation],
        ...(e.role ? { role: e.role } : {}),
        ...(e.quantity ? { quantity: e.quantity } : {}),
        ...(e.items ? { items: e.items } : {}),
        evidence: [evidenceFor(e.fragment)],
        confidence: e.confidence ?? (e.relation === "co_occurs_with" ? 0.3 : 0.9),
        weight: 1,
      },
    };
  });
  const degree = (key: string): number => edges.filter((e) => e.source === key || e.target === key).length;
  const nodes = NODES.map(([key, label, aliases], i) => {
    const kind = key.split(":")[0] as EntityKind;
    return {
      key,
      attributes: {
        label, kind, aliases,
        mentions: 1 + (SEED_TEXT.split(label).length - 1),
        documents: [SEED_DOC],
        x: Math.cos(i), y: Math.sin(i), size: 2 + degree(key), color: KIND_COLORS[kind],
        pagerank: degree(key) / (2 * edges.length), degree: degree(key), community: kind === "person" ? 0 : 1,
      },
    };
  });
  const sha256 = createHash("sha256").update(SEED_TEXT).digest("hex");
  return {
    attributes: {
      name: "north-korea-russia",
      sources: [{ id: SEED_DOC, title: "North Korea acknowledges casualties", sha256 }],
      generator: "kgraph test fixture",
      schemaVersion: SCHEMA_VERSION,
      createdFrom: sha256,
      legend: { ...KIND_COLORS },
      sizeBy: "pagerank",
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}
