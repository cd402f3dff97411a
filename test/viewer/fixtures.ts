// Hand-made graph JSON fixtures for the viewer tests: a small news graph (Korean/Cyrillic names, parallel relations) and a hostile one.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GraphJson,
  KIND_COLORS,
  RELATION_LABELS,
  SCHEMA_VERSION,
  type EdgeAttributes,
  type EntityKind,
  type RelationType,
} from "../../src/schema/index.js";

type NodeSpec = [key: string, label: string, kind: EntityKind, aliases: string[], x: number, y: number, pagerank: number];
type EdgeSpec = [source: string, relation: RelationType, target: string, sentence: string, extra?: Partial<EdgeAttributes>];

const DOC = "news/north-korea-russia.txt";

/** Build a schema-valid graph JSON from compact node and edge lists; degrees are counted, sizes follow pagerank. */
export function makeGraphJson(name: string, nodes: NodeSpec[], edges: EdgeSpec[]): GraphJson {
  const degree = new Map<string, number>();
  for (const [s, , t] of edges) {
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const json: GraphJson = {
    attributes: {
      name,
      sources: [{ id: DOC, title: "North Korea honours its soldiers", sha256: "a".repeat(64) }],
      generator: "kgraph test fixture",
      schemaVersion: SCHEMA_VERSION,
      createdFrom: "b".repeat(64),
      legend: { ...KIND_COLORS },
      sizeBy: "pagerank",
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: nodes.map(([key, label, kind, aliases, x, y, pagerank], i) => ({
      key,
      attributes: {
        label,
        kind,
        aliases,
        mentions: 1 + (i % 4),
        documents: [DOC],
        x,
        y,
        size: 4 + pagerank * 40,
        color: KIND_COLORS[kind],
        pagerank,
        degree: degree.get(key) ?? 0,
        community: i % 3,
      },
    })),
    edges: edges.map(([source, relation, target, sentence, extra], i) => ({
      key: `${source}|${relation}|${target}`,
      source,
      target,
      attributes: {
        relation,
        label: RELATION_LABELS[relation],
        evidence: [{ doc: DOC, sentence: i, start: 100 * i, end: 100 * i + sentence.length, text: sentence }],
        confidence: 0.9,
        weight: 1,
        ...extra,
      },
    })),
  };
  return GraphJson.parse(json);
}

/** A small graph in the spirit of the seed article. */
export function newsGraph(): GraphJson {
  return makeGraphJson(
    "north-korea-russia",
    [
      ["person:kim-jong-un", "Kim Jong-un", "person", ["Kim", "김정은", "Leader Kim Jong-un"], 0, 0, 0.16],
      ["person:kim-yo-jong", "Kim Yo-jong", "person", ["Kim Yo Jong"], -120, 60, 0.05],
      ["person:olga-lyubimova", "Olga Lyubimova", "person", ["Ольга Любимова", "Lyubimova"], 160, 120, 0.04],
      ["person:hong-min", "Hong Min", "person", [], -160, -150, 0.03],
      ["state:north-korea", "North Korea", "state", ["DPRK", "조선", "North Korean"], 40, -80, 0.2],
      ["state:russia", "Russia", "state", ["Россия", "Russian Federation", "Russian"], 200, -40, 0.17],
      ["state:ukraine", "Ukraine", "state", ["Україна"], 300, -160, 0.07],
      ["place:pyongyang", "Pyongyang", "place", ["평양"], -60, -200, 0.04],
      ["place:kursk", "Kursk region", "place", ["Kursk", "Курская область"], 320, 40, 0.05],
      ["institution:kinu", "Korea Institute for National Unification", "institution", ["KINU"], -260, -60, 0.03],
      ["event:war-in-ukraine", "war in Ukraine", "event", ["Ukraine war"], 260, -260, 0.06],
      ["agreement:alliance", "North Korea–Russia military alliance", "agreement", ["military alliance"], 100, -220, 0.05],
      ["person:jose-nunez", "José Núñez", "person", ["Pepe"], -300, 150, 0.02],
    ],
    [
      ["person:kim-jong-un", "leader_of", "state:north-korea", "North Korean leader Kim Jong-un stood before a row of coffins."],
      ["person:kim-yo-jong", "sibling_of", "person:kim-jong-un", "Kim Jong-un appeared with his sister Kim Yo-jong at the gala."],
      ["person:olga-lyubimova", "official_of", "state:russia", "Russian Culture Minister Olga Lyubimova attended the ceremony.", { role: "Culture Minister" }],
      ["person:hong-min", "works_for", "institution:kinu", "Hong Min, a senior researcher at the Korea Institute for National Unification, said so.", { role: "senior researcher" }],
      ["state:north-korea", "supplies", "state:russia", "North Korea has supplied Russia with artillery shells.", { items: ["artillery shells"] }],
      ["state:north-korea", "allied_with", "state:russia", "The North Korea-Russia military alliance marked its first anniversary."],
      ["state:north-korea", "co_occurs_with", "state:russia", "Officials from North Korea and Russia watched the performance.", { weight: 3 }],
      ["state:north-korea", "deploys_troops_to", "place:kursk", "About 15,000 North Korean troops were sent to Russia's Kursk region.", { quantity: 15000 }],
      ["state:russia", "at_war_with", "state:ukraine", "Russia's war against Ukraine continues."],
      ["place:pyongyang", "capital_of", "state:north-korea", "The gala was held in Pyongyang, the capital."],
      ["state:north-korea", "party_to", "event:war-in-ukraine", "North Korea has acknowledged casualties during the war in Ukraine."],
      ["state:north-korea", "party_to", "agreement:alliance", "North Korea signed the military alliance with Russia."],
      ["state:russia", "party_to", "agreement:alliance", "Russia signed the military alliance with North Korea."],
      ["place:kursk", "located_in", "state:russia", "The Kursk region lies in western Russia."],
      ["person:jose-nunez", "co_occurs_with", "person:hong-min", "José Núñez and Hong Min spoke on the same panel."],
      ["person:kim-jong-un", "met_with", "person:olga-lyubimova", "Kim Jong-un met Olga Lyubimova (Ольга Любимова) after the show."],
    ],
  );
}

/** Markup in every text field: the viewer must show it as text and never run it. */
export function hostileGraph(): GraphJson {
  const img = `<img src=x onerror="window.__pwned=1">`;
  const script = `<script>window.__pwned=2</script>`;
  return makeGraphJson(
    `evil ${img}`,
    [
      ["person:evil", `Evil ${img}`, "person", [script, `<b onmouseover="window.__pwned=3">bold</b>`], 0, 0, 0.5],
      ["state:target", `State ${script}`, "state", [], 100, 0, 0.3],
      ["place:plain", "Plain Place", "place", [], 50, 90, 0.2],
    ],
    [
      ["person:evil", "leader_of", "state:target", `Evil ${img} leads State ${script} today.`, { role: `<i>${img}</i>` }],
      ["place:plain", "located_in", "state:target", `Plain Place <svg onload="window.__pwned=4"> is in State.`],
    ],
  );
}

/** Write a graph JSON into a fresh temporary directory and return the file path. */
export function writeGraphFile(json: unknown, name = "graph.json"): string {
  const dir = mkdtempSync(join(tmpdir(), "kg-viewer-"));
  const file = join(dir, name);
  writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}
