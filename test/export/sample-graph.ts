// A small hand-built knowledge graph in the contract's shape, with the strings exporters get wrong.
import { MultiDirectedGraph } from "graphology";
import { KIND_COLORS, RELATION_LABELS, SCHEMA_VERSION } from "../../src/schema/index.js";
import type { EdgeAttributes, EntityKind, GraphAttributes, NodeAttributes, RelationType } from "../../src/schema/index.js";

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

const DOC = "north-korea-russia";

/** Characters XML 1.0 cannot carry (NUL, BEL, ESC, U+FFFE, a lone surrogate), wrapped around visible text. */
export const CONTROL_LABEL = "Bad\u0000 \u0007bell\u001b esc\uFFFE \uD800lone";
/** What survives of CONTROL_LABEL in GEXF. */
export const CONTROL_LABEL_CLEAN = "Bad bell esc lone";
export const SCRIPT_LABEL = `<script>alert("x & 'y'")</script>`;

interface NodeSpec {
  key: string;
  label: string;
  kind: EntityKind;
  aliases?: string[];
  x: number;
  y: number;
}

const NODES: NodeSpec[] = [
  { key: "person:kim-jong-un", label: "Kim Jong-un", kind: "person", aliases: ["김정은", "Ким Чен Ын", "Leader Kim"], x: 0, y: 0 },
  { key: "person:kim-yo-jong", label: "Kim Yo-jong", kind: "person", aliases: ["김여정"], x: 120.5, y: -33.25 },
  { key: "person:olga-lyubimova", label: "Ольга Любимова", kind: "person", aliases: ["Olga Lyubimova"], x: -410.125, y: 88 },
  { key: "state:north-korea", label: "North Korea", kind: "state", aliases: ["DPRK", "Pyongyang's regime"], x: 1e-7, y: 2.5e21 },
  { key: "state:russia", label: "Russia", kind: "state", x: -0.1, y: 0.30000000000000004 },
  { key: "place:kursk-region", label: "Kursk region", kind: "place", x: 300, y: 300 },
  { key: "institution:ministry-of-culture", label: "Ministry of Culture & Tourism “MoCT” 🎭", kind: "institution", x: 5, y: -5 },
  { key: "event:war-in-ukraine", label: SCRIPT_LABEL, kind: "event", x: -1, y: 1 },
  { key: "agreement:odd-controls", label: CONTROL_LABEL, kind: "agreement", aliases: ["tab\there", "line\nbreak", "cr\rhere"], x: 7, y: 7 },
];

interface EdgeSpec {
  source: string;
  relation: RelationType;
  target: string;
  sentences: Array<[number, string]>;
  extra?: Partial<EdgeAttributes>;
}

const EDGES: EdgeSpec[] = [
  {
    source: "person:kim-jong-un",
    relation: "sibling_of",
    target: "person:kim-yo-jong",
    sentences: [
      [3, "Kim Jong-un's powerful sister, Kim Yo-jong, said the drills were \"reckless\"."],
      [9, "Kim Yo-jong — the leader's sister — issued a statement on 'hostile' acts."],
    ],
    extra: {
      confidence: 0.9,
      color: "#999999",
      size: 2.5,
      provenance: [
        { extractor: "classifier", score: 0.81 },
        { extractor: "rules", rule: "sibling_of/possessor-kin-name", score: 0.9 },
      ],
    },
  },
  {
    source: "person:kim-jong-un",
    relation: "leader_of",
    target: "state:north-korea",
    sentences: [[0, "North Korean leader Kim Jong-un attended the gala in Pyongyang."]],
  },
  {
    source: "person:olga-lyubimova",
    relation: "official_of",
    target: "institution:ministry-of-culture",
    sentences: [[12, "Russian Culture Minister Olga Lyubimova (Ольга Любимова) met the troupe."]],
    extra: { role: "Culture Minister & head of <delegation>" },
  },
  {
    source: "state:north-korea",
    relation: "deploys_troops_to",
    target: "place:kursk-region",
    sentences: [[5, "About 15,000 North Korean troops have been sent to Russia's Kursk region\nsince October."]],
    extra: { quantity: 15000, date: "2024-10" },
  },
  {
    source: "state:north-korea",
    relation: "supplies",
    target: "state:russia",
    sentences: [[6, "North Korea has supplied Russia with artillery shells and ballistic missiles."]],
    extra: { items: ["artillery shells", "ballistic missiles"], quantity: 0.5 },
  },
  {
    source: "state:russia",
    relation: "party_to",
    target: "event:war-in-ukraine",
    sentences: [[7, "Russia's war against Ukraine — the \u0001largest in Europe since 1945 — continues."]],
    extra: { confidence: 1e-7 },
  },
  {
    source: "state:north-korea",
    relation: "allied_with",
    target: "state:russia",
    sentences: [[8, "The North Korea-Russia military alliance 🤝 was signed in June."]],
  },
  // A second, parallel edge between the same pair: the graph is a multigraph.
  {
    source: "state:north-korea",
    relation: "co_occurs_with",
    target: "state:russia",
    sentences: [
      [1, "North Korea and Russia were named together."],
      [2, "Pyongyang and Moscow, again."],
      [4, "Once more: North Korea, Russia."],
    ],
  },
];

/** The sample graph; built from scratch on every call, so two calls give equal but separate graphs. */
export function sampleGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({
    name: "north-korea-russia & friends <test>",
    sources: [{ id: DOC, title: "North Korea–Russia: troops & “shells”", sha256: "a".repeat(64) }],
    generator: "kgraph 0.1.0",
    schemaVersion: SCHEMA_VERSION,
    createdFrom: "b".repeat(64),
    legend: { ...KIND_COLORS },
    sizeBy: "pagerank",
  });
  NODES.forEach((n, i) => {
    graph.addNode(n.key, {
      label: n.label,
      kind: n.kind,
      aliases: n.aliases ?? [],
      mentions: 3 + i,
      documents: [DOC, ...(i % 2 ? ["other-doc"] : [])],
      x: n.x,
      y: n.y,
      size: 4 + i * 1.5,
      color: KIND_COLORS[n.kind],
      pagerank: i === 0 ? 0 : 1 / (i + 7),
      degree: 0,
      community: i % 3,
    });
  });
  for (const e of EDGES) {
    graph.addDirectedEdgeWithKey(`${e.source}|${e.relation}|${e.target}`, e.source, e.target, {
      relation: e.relation,
      label: RELATION_LABELS[e.relation],
      evidence: e.sentences.map(([sentence, text]) => ({ doc: DOC, sentence, start: sentence * 100, end: sentence * 100 + text.length, text })),
      confidence: 0.75,
      weight: e.sentences.length,
      ...e.extra,
    });
  }
  graph.forEachNode((n) => graph.setNodeAttribute(n, "degree", graph.degree(n)));
  return graph;
}
